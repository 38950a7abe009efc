/**
 * i18n without a library: typed flat dictionaries (vi default, en second), a React context,
 * and `t(key, params)`. The chosen language persists in localStorage under `congvu.lang` and is
 * mirrored to <html lang> and to the API client's Accept-Language header.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../api';
import { en } from './en';
import { vi, type MessageKey } from './vi';

export type { MessageKey } from './vi';
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'vi';
export const LANG_STORAGE_KEY = 'congvu.lang';

const dictionaries: Record<Lang, Record<MessageKey, string>> = { vi, en };

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function isLang(v: unknown): v is Lang {
  return v === 'vi' || v === 'en';
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = dictionaries[lang][key] ?? vi[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : m));
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(vi, key);
}

/**
 * The label of a code the server sends as a plain string (a role, a unit level, a unit kind):
 * its message when the dictionary has one, else the code itself.
 */
export function codeLabel(t: Translate, prefix: 'role' | 'units.level' | 'agencies.kind', code: string): string {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? t(key) : code;
}

export function readStoredLang(): Lang {
  try {
    const v = window.localStorage.getItem(LANG_STORAGE_KEY);
    return isLang(v) ? v : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

function applyLang(lang: Lang): void {
  document.documentElement.lang = lang;
  setApiLanguage(lang);
}

const LOCALES: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const TIME_ZONE = 'Asia/Ho_Chi_Minh';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
  /** Date and time in Vietnam time (UTC+7), e.g. 05/01/2026 14:30. */
  formatDateTime: (iso: string | null | undefined) => string;
  /** Calendar date; a plain YYYY-MM-DD is shown as is, without time-zone shifts. */
  formatDate: (iso: string | null | undefined) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initialLang }: { children: ReactNode; initialLang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initialLang ?? readStoredLang());

  useEffect(() => {
    applyLang(lang);
  }, [lang]);

  const setLang = useCallback((next: Lang) => {
    try {
      window.localStorage.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // storage may be disabled (private mode): the choice still applies for this visit
    }
    applyLang(next);
    setLangState(next);
  }, []);

  const value = useMemo<I18n>(() => {
    const dateOpts = { day: '2-digit', month: '2-digit', year: 'numeric' } as const;
    const plainDate = new Intl.DateTimeFormat(LOCALES[lang], { ...dateOpts, timeZone: 'UTC' });
    const zonedDate = new Intl.DateTimeFormat(LOCALES[lang], { ...dateOpts, timeZone: TIME_ZONE });
    const zonedTime = new Intl.DateTimeFormat(LOCALES[lang], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE });
    return {
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      formatDateTime: (iso) => {
        if (!iso) return '';
        const d = new Date(iso);
        // date first, then time, in both languages: 28/11/2026 07:10
        return Number.isNaN(d.getTime()) ? iso : `${zonedDate.format(d)} ${zonedTime.format(d)}`;
      },
      formatDate: (iso) => {
        if (!iso) return '';
        if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return plainDate.format(new Date(`${iso}T00:00:00Z`));
        const d = new Date(iso);
        return Number.isNaN(d.getTime()) ? iso : zonedDate.format(d);
      },
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n must be used inside <I18nProvider>');
  return ctx;
}

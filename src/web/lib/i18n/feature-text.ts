/** A feature's own words (vi first, en second) beside the shared dictionary: `tx(key, params)`, falling back to vi, then the key. */
import { useI18n } from './index';

export function useFeatureText<K extends string>(vi: Record<K, string>, en: Record<K, string>) {
  const i18n = useI18n();
  const dict = i18n.lang === 'en' ? en : vi;
  const tx = (key: K, params?: Record<string, string | number>): string => {
    const template = dict[key] ?? vi[key] ?? key;
    return params ? template.replace(/\{(\w+)\}/g, (m, n: string) => (n in params ? String(params[n]) : m)) : template;
  };
  return { ...i18n, tx };
}

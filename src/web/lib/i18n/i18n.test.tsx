// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { en } from './en';
import { I18nProvider, LANG_STORAGE_KEY, translate, useI18n } from './index';
import { vi as viMessages } from './vi';

function Probe() {
  const { t } = useI18n();
  return <h1>{t('login.title')}</h1>;
}

function renderApp() {
  return render(
    <I18nProvider>
      <LanguageSwitch />
      <Probe />
    </I18nProvider>,
  );
}

describe('i18n', () => {
  beforeEach(() => {
    window.localStorage.clear();
    document.documentElement.lang = '';
  });
  afterEach(cleanup);

  it('defaults to Vietnamese and sets <html lang>', () => {
    renderApp();
    expect(screen.getByRole('heading').textContent).toBe('Đăng nhập');
    expect(document.documentElement.lang).toBe('vi');
    expect(screen.getByRole('button', { name: 'Tiếng Việt' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('switches to English, persists the choice in localStorage and keeps it after a reload', () => {
    const first = renderApp();
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'English' }));
    });
    expect(screen.getByRole('heading').textContent).toBe('Sign in');
    expect(window.localStorage.getItem(LANG_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    first.unmount();

    renderApp(); // a fresh mount reads the stored language
    expect(screen.getByRole('heading').textContent).toBe('Sign in');
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('ignores an unknown stored value', () => {
    window.localStorage.setItem(LANG_STORAGE_KEY, 'fr');
    renderApp();
    expect(screen.getByRole('heading').textContent).toBe('Đăng nhập');
  });

  it('interpolates parameters', () => {
    expect(translate('vi', 'home.greeting', { name: 'Lê Thị Hoa' })).toBe('Xin chào, Lê Thị Hoa');
    expect(translate('en', 'common.shown', { count: 3 })).toBe('Showing 3 items');
  });

  it('has the same keys in both languages, all non-empty and stored NFC', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(viMessages).sort());
    for (const dict of [viMessages, en] as Record<string, string>[]) {
      for (const [key, text] of Object.entries(dict)) {
        expect(text.trim(), key).not.toBe('');
        expect(text, key).toBe(text.normalize('NFC'));
      }
    }
  });
});

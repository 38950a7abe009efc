import type { ReactNode } from 'react';
import { Emblem } from '../../components/Emblem';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useI18n } from '../../lib/i18n';
import { Link } from '../../lib/router';
import './procedures.css';

/** The frame of public pages (no sign-in): header with brand, language and "sign in", main, footer. */
export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <div className="topbar-inner">
          <Link to="/" className="brand public-brand">
            <Emblem />
            <span className="brand-name">{t('app.name')}</span>
          </Link>
          <LanguageSwitch />
          <Link to="/login" className="btn btn--ghost public-login">
            {t('proc.login')}
          </Link>
        </div>
      </header>
      <main id="main" className="main public-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="footer">
        <p>{t('app.footer')}</p>
      </footer>
    </div>
  );
}

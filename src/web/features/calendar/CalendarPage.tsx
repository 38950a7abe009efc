import { LanguageSwitch } from '../../components/LanguageSwitch';
import { Emblem } from '../../components/Emblem';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../lib/i18n';
import { Link } from '../../lib/router';
import { usePageTitle } from '../../lib/use-page-title';
import { MonthView } from './MonthView';

/** The month view inside the signed-in shell. */
export function CalendarPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('calendar.title')} intro={t('calendar.text')} />
      <MonthView basePath="/calendar" />
    </>
  );
}

/** The same month view for everyone, without signing in: /lich. */
export function PublicCalendarPage() {
  const { t } = useI18n();
  usePageTitle(t('calendar.title'));
  return (
    <div className="cal-public">
      <header className="topbar">
        <div className="topbar-inner">
          <Link to="/lich" className="brand">
            <Emblem />
            <span className="brand-name">{t('app.name')}</span>
          </Link>
          <LanguageSwitch />
          <Link to="/login" className="btn btn--ghost cal-login">
            {t('login.submit')}
          </Link>
        </div>
      </header>
      <main id="main" className="main cal-public-main" tabIndex={-1}>
        <h1 className="page-title">{t('calendar.title')}</h1>
        <p className="page-intro">{t('calendar.text')}</p>
        <MonthView basePath="/lich" />
      </main>
    </div>
  );
}

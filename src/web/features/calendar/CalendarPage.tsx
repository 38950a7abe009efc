import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../lib/i18n';

/** Placeholder: the calendar module (holidays, working days, office hours) is built separately. */
export function CalendarPage() {
  const { t } = useI18n();
  return <PageHeader title={t('calendar.title')} intro={t('calendar.text')} />;
}

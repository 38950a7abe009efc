import { PageHeader } from '../components/PageHeader';
import { useI18n, type MessageKey } from '../lib/i18n';
import { Link } from '../lib/router';

function StatusPanel({ title, text }: { title: string; text: string }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={title} />
      <div className="panel status-panel">
        <p>{text}</p>
        <p>
          <Link to="/" className="btn btn--secondary">
            {t('soon.back')}
          </Link>
        </p>
      </div>
    </>
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  return <StatusPanel title={t('notFound.title')} text={t('notFound.text')} />;
}

export function ForbiddenPage() {
  const { t } = useI18n();
  return <StatusPanel title={t('forbidden.title')} text={t('forbidden.text')} />;
}

/** Target of home cards for modules planned for a later release (not linked from the sidebar). */
export function ComingSoonPage({ titleKey }: { titleKey: MessageKey }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t(titleKey)} />
      <div className="panel status-panel">
        <p className="status-panel-title">{t('soon.title')}</p>
        <p>{t('soon.text')}</p>
        <p>
          <Link to="/" className="btn btn--secondary">
            {t('soon.back')}
          </Link>
        </p>
      </div>
    </>
  );
}

import type { ReactNode } from 'react';
import { useI18n } from '../lib/i18n';
import type { ErrorView } from '../lib/errors';

type Kind = 'error' | 'success' | 'info' | 'warning';

export function Alert({ kind, title, children, id }: { kind: Kind; title?: string; children?: ReactNode; id?: string }) {
  // errors interrupt (role=alert); confirmations are announced politely (role=status)
  const role = kind === 'error' ? 'alert' : 'status';
  return (
    <div className={`alert alert--${kind}`} role={role} id={id}>
      {title ? <p className="alert-title">{title}</p> : null}
      {children}
    </div>
  );
}

/** An API error: message, field errors that have no input on screen, and the request id. */
export function ErrorAlert({ error, extraFields }: { error: ErrorView; extraFields?: Record<string, string> }) {
  const { t } = useI18n();
  const extras = Object.entries(extraFields ?? {});
  return (
    <Alert kind="error">
      <p className="alert-title">{error.message}</p>
      {extras.length > 0 ? (
        <ul className="alert-list">
          {extras.map(([field, message]) => (
            <li key={field}>
              <code>{field}</code>: {message}
            </li>
          ))}
        </ul>
      ) : null}
      {error.requestId ? <p className="alert-meta">{t('error.requestId', { id: error.requestId })}</p> : null}
    </Alert>
  );
}

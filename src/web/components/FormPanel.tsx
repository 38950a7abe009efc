import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../lib/i18n';
import type { ErrorView } from '../lib/errors';
import { ErrorAlert } from './Alert';

interface Props {
  idPrefix: string;
  title: string;
  submitLabel: string;
  submitting: boolean;
  formError: ErrorView | null;
  extraFields?: Record<string, string>;
  onSubmit: (e: FormEvent) => void;
  onCancel?: () => void;
  children: ReactNode;
  /** Move focus to the heading when the panel opens (true for forms opened by a button). */
  autoFocus?: boolean;
  className?: string;
}

/** A titled form section with the API error alert on top and the submit / cancel buttons below. */
export function FormPanel({ idPrefix, title, submitLabel, submitting, formError, extraFields, onSubmit, onCancel, children, autoFocus, className }: Props) {
  const { t } = useI18n();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (autoFocus) headingRef.current?.focus();
  }, [autoFocus]);
  return (
    <section className={`panel form-panel${className ? ` ${className}` : ''}`} aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} className="section-title" tabIndex={-1}>
        {title}
      </h2>
      {formError ? (
        <div id={`${idPrefix}-alert`} tabIndex={-1}>
          <ErrorAlert error={formError} extraFields={extraFields} />
        </div>
      ) : null}
      <form noValidate onSubmit={onSubmit} className="form">
        <div className="form-grid">{children}</div>
        <div className="form-actions">
          <button type="submit" className="btn btn--primary" disabled={submitting}>
            {submitting ? t('common.saving') : submitLabel}
          </button>
          {onCancel ? (
            <button type="button" className="btn btn--secondary" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

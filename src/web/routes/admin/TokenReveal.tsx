import { useEffect, useRef, useState } from 'react';
import { Alert } from '../../components/Alert';
import { useI18n } from '../../lib/i18n';
import type { ApiTokenCreated } from '../../../shared/api-types';

async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the selection fallback (non-secure context, denied permission)
  }
  if (!input) return false;
  input.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

/** Shows a freshly created token once: warning, read-only field, copy button, dismiss. */
export function TokenReveal({ created, onDone }: { created: ApiTokenCreated; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <SecretReveal
      id="token"
      title={`${t('tokens.createdTitle')}: ${created.name}`}
      warning={t('tokens.createdWarning')}
      label={t('tokens.tokenLabel')}
      value={created.token}
      onDone={onDone}
    />
  );
}

/** A secret shown once (an API token, a password-reset link): warning, read-only field, copy button, dismiss. */
export function SecretReveal({
  id,
  title,
  warning,
  label,
  value,
  onDone,
}: {
  id: string;
  title: string;
  warning: string;
  label: string;
  value: string;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  return (
    <section className="panel token-reveal" aria-labelledby={`${id}-reveal-title`}>
      <h2 id={`${id}-reveal-title`} ref={headingRef} className="section-title" tabIndex={-1}>
        {title}
      </h2>
      <Alert kind="warning">{warning}</Alert>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-value`}>
          {label}
        </label>
        <div className="search-row">
          <input
            ref={inputRef}
            id={`${id}-value`}
            className="input input--mono"
            readOnly
            value={value}
            onFocus={(e) => e.currentTarget.select()}
            spellCheck={false}
          />
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => void copyText(value, inputRef.current).then((ok) => setCopyState(ok ? 'copied' : 'failed'))}
          >
            {t('tokens.copy')}
          </button>
        </div>
        <p className="field-hint" role="status">
          {copyState === 'copied' ? t('tokens.copied') : copyState === 'failed' ? t('tokens.copyFailed') : ''}
        </p>
      </div>
      <button type="button" className="btn btn--primary" onClick={onDone}>
        {t('tokens.done')}
      </button>
    </section>
  );
}

import { useState } from 'react';
import { Alert, ErrorAlert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormPanel } from '../../components/FormPanel';
import { TextField } from '../../components/Field';
import { api, seg } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { useForm } from '../../lib/use-form';
import type { PasswordResetIssued, User } from '../../../shared/api-types';
import { useAccountText } from './accounts-text';
import { SecretReveal } from './TokenReveal';
import { EMAIL, PHONE, requireText } from './validation';

type Pending = 'lock' | 'reset' | null;

/** An account's details (name, e-mail, phone), its lock and a one-time password-reset link. */
export function UserAccountPanel({ user, onChange }: { user: User; onChange: (u: User) => void }) {
  const { t, tx, formatDateTime } = useAccountText();
  const base = `/admin/users/${seg(user.id)}`;
  const prefix = `acc-${user.id.replace(/\W/g, '_')}`;
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState('');
  const [isBusy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [issued, setIssued] = useState<PasswordResetIssued | null>(null);

  const form = useForm({
    idPrefix: prefix,
    initial: { displayName: user.displayName, email: user.email ?? '', phone: user.phone ?? '' },
    t,
    validate: (v) => ({
      displayName: requireText(t, v.displayName, t('users.field.displayName'), 120),
      email: v.email.trim() && !EMAIL.test(v.email.trim()) ? t('users.field.emailInvalid') : undefined,
      phone: v.phone.trim() && !PHONE.test(v.phone.replace(/[\s.-]/g, '')) ? t('users.field.phoneInvalid') : undefined,
    }),
    onSubmit: async (v) => {
      const updated = await api.patch<User>(base, {
        displayName: v.displayName.trim().normalize('NFC'),
        email: v.email.trim() || null,
        phone: v.phone.replace(/[\s.-]/g, '') || null,
      });
      onChange(updated);
      setNotice(tx('acc.saved', { name: updated.displayName }));
    },
  });

  const act = async (run: () => Promise<void>) => {
    setBusy(true);
    setActionError(null);
    setNotice(null);
    try {
      await run();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusy(false);
      setPending(null);
    }
  };
  const lock = () =>
    act(async () => {
      const u = await api.post<User>(`${base}/lock`, { reason: reason.trim() || undefined });
      onChange(u);
      setNotice(tx('acc.lockedNotice', { name: u.displayName }));
    });
  const unlock = () =>
    act(async () => {
      const u = await api.post<User>(`${base}/unlock`);
      onChange(u);
      setNotice(tx('acc.unlockedNotice', { name: u.displayName }));
    });
  const reset = () =>
    act(async () => {
      const r = await api.post<PasswordResetIssued>(`${base}/password-reset`);
      if (r.delivery === 'email') setNotice(tx('acc.resetSent', { to: r.sentTo ?? '', until: formatDateTime(r.expiresAt) }));
      else setIssued(r);
    });

  return (
    <div className="subpanel">
      <h3 className="subpanel-title">{tx('acc.editTitle')}</h3>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {actionError ? <ErrorAlert error={describeError(actionError, t)} /> : null}
      {!user.isActive ? <Alert kind="warning">{tx('acc.isLocked')}</Alert> : null}
      {issued?.link ? (
        <SecretReveal
          id={`${prefix}-reset`}
          title={tx('acc.resetLinkTitle')}
          warning={tx('acc.resetLinkWarning', { until: formatDateTime(issued.expiresAt) })}
          label={tx('acc.resetLinkTitle')}
          value={issued.link}
          onDone={() => setIssued(null)}
        />
      ) : null}
      <div className="form-actions">
        {user.isActive ? (
          <button type="button" className="btn btn--danger-outline" onClick={() => setPending('lock')}>
            {tx('acc.lock')}
          </button>
        ) : (
          <button type="button" className="btn btn--secondary" disabled={isBusy} onClick={() => void unlock()}>
            {tx('acc.unlock')}
          </button>
        )}
        <button type="button" className="btn btn--secondary" onClick={() => setPending('reset')}>
          {tx('acc.reset')}
        </button>
      </div>
      <FormPanel
        idPrefix={prefix}
        title={tx('acc.contact')}
        submitLabel={t('common.save')}
        submitting={form.submitting}
        formError={form.formError}
        extraFields={form.extraFields}
        onSubmit={(e) => void form.handleSubmit(e)}
        className="form-panel--inline"
      >
        <TextField {...form.field('displayName')} label={t('users.field.displayName')} maxLength={120} autoComplete="off" />
        <TextField {...form.field('email')} label={t('users.field.email')} type="email" optional maxLength={200} autoComplete="off" />
        <TextField {...form.field('phone')} label={t('users.field.phone')} type="tel" optional maxLength={20} autoComplete="off" />
      </FormPanel>
      {pending === 'lock' ? (
        <ConfirmDialog
          title={tx('acc.lockTitle', { name: user.displayName })}
          confirmLabel={tx('acc.lock')}
          isDanger
          isBusy={isBusy}
          onCancel={() => setPending(null)}
          onConfirm={() => void lock()}
        >
          <p>{tx('acc.lockText')}</p>
          <TextField id={`${prefix}-reason`} label={tx('acc.lockReason')} value={reason} onValueChange={setReason} optional maxLength={300} />
        </ConfirmDialog>
      ) : null}
      {pending === 'reset' ? (
        <ConfirmDialog
          title={tx('acc.resetTitle', { name: user.displayName })}
          confirmLabel={tx('acc.reset')}
          isBusy={isBusy}
          onCancel={() => setPending(null)}
          onConfirm={() => void reset()}
        >
          <p>{tx(user.email ? 'acc.resetTextEmail' : 'acc.resetTextLink')}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

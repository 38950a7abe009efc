import { useState } from 'react';
import { Alert, ErrorAlert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormPanel } from '../../components/FormPanel';
import { SelectField, TextField } from '../../components/Field';
import { api, seg } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { codeLabel, useI18n } from '../../lib/i18n';
import { ROLES } from '../../../shared/roles';
import type { User, UserRole } from '../../../shared/api-types';
import { useForm } from '../../lib/use-form';
import { AGENCY_CODE, optional } from './validation';

export function UserRolesPanel({ user, onChange }: { user: User; onChange: (roles: UserRole[]) => void }) {
  const { t } = useI18n();
  const [pending, setPending] = useState<UserRole | null>(null);
  const [isRemoving, setRemoving] = useState(false);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const base = `/admin/users/${seg(user.id)}/roles`;
  const prefix = `ur-${user.id.replace(/\W/g, '_')}`;

  const form = useForm({
    idPrefix: prefix,
    initial: { role: 'processing_officer', agencyCode: '', unitId: '' },
    t,
    validate: (v) => {
      const code = v.agencyCode.trim();
      if (!code) return { agencyCode: t('users.role.agencyRequired') };
      return { agencyCode: AGENCY_CODE.test(code) ? undefined : t('agencies.field.codeInvalid') };
    },
    onSubmit: async (v) => {
      const updated = await api.post<User>(base, {
        role: v.role,
        agencyCode: v.agencyCode.trim(),
        unitId: optional(v.unitId),
      });
      onChange(updated.roles);
      setNotice(t('users.role.added'));
      form.reset({ role: v.role });
    },
  });

  const remove = async () => {
    if (!pending) return;
    setRemoving(true);
    setRemoveError(null);
    try {
      await api.del(`${base}/${seg(pending.id)}`);
      onChange(user.roles.filter((r) => r.id !== pending.id));
      setNotice(t('users.role.removed'));
      setPending(null);
    } catch (err) {
      setRemoveError(err);
      setPending(null);
    } finally {
      setRemoving(false);
    }
  };

  return (
    <div className="subpanel">
      <h3 className="subpanel-title">{t('users.rolesTitle', { name: user.displayName })}</h3>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {removeError ? <ErrorAlert error={describeError(removeError, t)} /> : null}
      {user.roles.length === 0 ? <p>{t('users.noRoles')}</p> : null}
      {user.roles.length > 0 ? (
        <ul className="assignment-list">
          {user.roles.map((r) => (
            <li key={r.id} className="assignment">
              <span>
                <strong>{codeLabel(t, 'role', r.role)}</strong> · {r.agencyName} <code>{r.agencyCode}</code>
                {r.unitId ? (
                  <>
                    {' '}
                    · <code>{r.unitId}</code>
                  </>
                ) : null}
              </span>
              <button
                type="button"
                className="btn btn--small btn--danger-outline"
                onClick={() => {
                  setNotice(null);
                  setPending(r);
                }}
              >
                {t('users.role.remove')}
                <span className="visually-hidden">
                  : {codeLabel(t, 'role', r.role)} {r.agencyCode ?? ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <FormPanel
        idPrefix={prefix}
        title={t('users.role.add')}
        submitLabel={t('users.role.add')}
        submitting={form.submitting}
        formError={form.formError}
        extraFields={form.extraFields}
        onSubmit={(e) => void form.handleSubmit(e)}
        className="form-panel--inline"
      >
        <SelectField {...form.field('role')} label={t('users.role.role')} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        <TextField
          {...form.field('agencyCode')}
          onValueChange={(v) => form.setValue('agencyCode', v.toUpperCase())}
          label={t('users.role.agencyCode')}
          maxLength={35}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField {...form.field('unitId')} label={t('users.role.unitId')} optional autoComplete="off" spellCheck={false} />
      </FormPanel>
      {pending ? (
        <ConfirmDialog
          title={t('users.role.removeTitle')}
          confirmLabel={t('users.role.remove')}
          isDanger
          isBusy={isRemoving}
          onCancel={() => setPending(null)}
          onConfirm={() => void remove()}
        >
          <p>
            {t('users.role.removeText', {
              role: codeLabel(t, 'role', pending.role),
              agency: pending.agencyCode ?? t('common.none'),
              name: user.displayName,
            })}
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}

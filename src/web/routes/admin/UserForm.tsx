import { FormPanel } from '../../components/FormPanel';
import { SelectField, TextField } from '../../components/Field';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import type { User } from '../../../shared/api-types';
import { useForm } from '../../lib/use-form';
import { EMAIL, PASSWORD_MIN, PHONE, USERNAME, optional, requireText } from './validation';

export function UserForm({ onCreated, onCancel }: { onCreated: (u: User) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const form = useForm({
    idPrefix: 'user',
    initial: { username: '', displayName: '', password: '', kind: 'official', email: '', phone: '' },
    t,
    validate: (v) => ({
      username: USERNAME.test(v.username.trim()) ? undefined : t('users.field.usernameInvalid'),
      displayName: requireText(t, v.displayName, t('users.field.displayName'), 120),
      password: v.password.length >= PASSWORD_MIN ? undefined : t('common.minLength', { min: PASSWORD_MIN }),
      email: v.email.trim() && !EMAIL.test(v.email.trim()) ? t('users.field.emailInvalid') : undefined,
      phone: v.phone.trim() && !PHONE.test(v.phone.replace(/[\s.-]/g, '')) ? t('users.field.phoneInvalid') : undefined,
    }),
    onSubmit: async (v) => {
      const created = await api.post<User>('/admin/users', {
        username: v.username.trim(),
        displayName: v.displayName.trim().normalize('NFC'),
        password: v.password,
        kind: v.kind,
        email: optional(v.email),
        phone: optional(v.phone.replace(/[\s.-]/g, '')),
      });
      onCreated(created);
    },
  });

  return (
    <FormPanel
      idPrefix="user"
      title={t('users.createTitle')}
      submitLabel={t('common.save')}
      submitting={form.submitting}
      formError={form.formError}
      extraFields={form.extraFields}
      onSubmit={(e) => void form.handleSubmit(e)}
      onCancel={onCancel}
      autoFocus
    >
      <TextField
        {...form.field('username')}
        label={t('users.field.username')}
        hint={t('users.field.usernameHint')}
        maxLength={50}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
      />
      <TextField {...form.field('displayName')} label={t('users.field.displayName')} maxLength={120} autoComplete="off" />
      <TextField
        {...form.field('password')}
        label={t('users.field.password')}
        hint={t('users.field.passwordHint')}
        type="password"
        autoComplete="new-password"
        maxLength={200}
      />
      <SelectField
        {...form.field('kind')}
        label={t('users.field.kind')}
        options={[
          { value: 'official', label: t('users.kind.official') },
          { value: 'citizen', label: t('users.kind.citizen') },
        ]}
      />
      <TextField {...form.field('email')} label={t('users.field.email')} type="email" optional maxLength={200} autoComplete="off" />
      <TextField {...form.field('phone')} label={t('users.field.phone')} type="tel" optional maxLength={20} autoComplete="off" />
    </FormPanel>
  );
}

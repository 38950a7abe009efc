import { FormPanel } from '../../components/FormPanel';
import { TextField } from '../../components/Field';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import type { Agency, CreateAgencyBody } from '../../../shared/api-types';
import { useForm } from '../../lib/use-form';
import { AGENCY_CODE, UNIT_CODE, optional, requireText } from './validation';

export function AgencyForm({ onCreated, onCancel }: { onCreated: (a: Agency) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const form = useForm({
    idPrefix: 'agency',
    initial: { code: '', name: '', parentCode: '', adminUnitCode: '' },
    t,
    validate: (v) => ({
      code: AGENCY_CODE.test(v.code.trim()) ? undefined : t('agencies.field.codeInvalid'),
      name: requireText(t, v.name, t('agencies.field.name'), 300),
      parentCode: v.parentCode.trim() && !AGENCY_CODE.test(v.parentCode.trim()) ? t('agencies.field.codeInvalid') : undefined,
      adminUnitCode: UNIT_CODE.test(v.adminUnitCode.trim()) ? undefined : t('agencies.field.adminUnitInvalid'),
    }),
    onSubmit: async (v) => {
      const created = await api.post<Agency>('/admin/agencies', {
        code: v.code.trim(),
        name: v.name.trim().normalize('NFC'),
        parentCode: optional(v.parentCode),
        adminUnitCode: v.adminUnitCode.trim(),
      } satisfies CreateAgencyBody);
      onCreated(created);
    },
  });
  const upper = (name: 'code' | 'parentCode') => (v: string) => form.setValue(name, v.toUpperCase());

  return (
    <FormPanel
      idPrefix="agency"
      title={t('agencies.createTitle')}
      submitLabel={t('common.save')}
      submitting={form.submitting}
      formError={form.formError}
      extraFields={form.extraFields}
      onSubmit={(e) => void form.handleSubmit(e)}
      onCancel={onCancel}
      autoFocus
    >
      <TextField
        {...form.field('code')}
        onValueChange={upper('code')}
        label={t('agencies.field.code')}
        hint={t('agencies.field.codeHint')}
        maxLength={35}
        autoComplete="off"
        spellCheck={false}
        className="field--wide"
      />
      <TextField {...form.field('name')} label={t('agencies.field.name')} maxLength={300} autoComplete="off" className="field--wide" />
      <TextField {...form.field('adminUnitCode')} label={t('agencies.field.adminUnitCode')} inputMode="numeric" maxLength={5} autoComplete="off" />
      <TextField
        {...form.field('parentCode')}
        onValueChange={upper('parentCode')}
        label={t('agencies.field.parentCode')}
        optional
        maxLength={35}
        autoComplete="off"
        spellCheck={false}
      />
    </FormPanel>
  );
}

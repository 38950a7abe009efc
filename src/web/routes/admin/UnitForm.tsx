import { FormPanel } from '../../components/FormPanel';
import { SelectField, TextField } from '../../components/Field';
import { api } from '../../lib/api';
import { useI18n, type MessageKey, type Translate } from '../../lib/i18n';
import type { AdminUnit, CreateAdminUnitBody, UnitLevel } from '../../../shared/api-types';
import { useForm } from '../../lib/use-form';
import { UNIT_CODE_BY_LEVEL, optional, requireText } from './validation';

/** Unit types offered per level (stored as these identifiers; shown translated). */
export const UNIT_TYPES: Record<UnitLevel, CreateAdminUnitBody['type'][]> = {
  province: ['tinh', 'thanh_pho_tw'],
  commune: ['xa', 'phuong', 'dac_khu', 'thi_tran'],
  district: ['huyen', 'quan', 'thi_xa', 'thanh_pho'],
};
const KNOWN_TYPES = new Set(['tinh', 'thanh_pho_tw', 'thanh_pho', 'xa', 'phuong', 'dac_khu', 'thi_tran', 'huyen', 'quan', 'thi_xa']);

export function unitTypeLabel(t: Translate, type: string): string {
  return KNOWN_TYPES.has(type) ? t(`units.type.${type}` as MessageKey) : type;
}

export function UnitForm({ onCreated, onCancel }: { onCreated: (u: AdminUnit) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const form = useForm({
    idPrefix: 'unit',
    initial: { level: 'commune', code: '', type: 'xa', name: '', parentCode: '', validFrom: '' },
    t,
    validate: (v) => {
      const level = v.level as UnitLevel;
      return {
        code: UNIT_CODE_BY_LEVEL[level].test(v.code.trim()) ? undefined : t('units.field.codeInvalid'),
        name: requireText(t, v.name, t('units.field.name'), 200),
        parentCode: level !== 'province' && !v.parentCode.trim() ? t('units.field.parentRequired') : undefined,
      };
    },
    onSubmit: async (v) => {
      const created = await api.post<AdminUnit>('/admin/administrative-units', {
        code: v.code.trim(),
        level: v.level,
        type: v.type,
        name: v.name.trim().normalize('NFC'),
        parentCode: optional(v.parentCode),
        validFrom: optional(v.validFrom),
      });
      onCreated(created);
    },
  });
  const level = form.values.level as UnitLevel;

  return (
    <FormPanel
      idPrefix="unit"
      title={t('units.createTitle')}
      submitLabel={t('common.save')}
      submitting={form.submitting}
      formError={form.formError}
      extraFields={form.extraFields}
      onSubmit={(e) => void form.handleSubmit(e)}
      onCancel={onCancel}
      autoFocus
    >
      <SelectField
        {...form.field('level')}
        onValueChange={(v) => {
          form.setValue('level', v);
          form.setValue('type', UNIT_TYPES[v as UnitLevel][0]);
        }}
        label={t('units.field.level')}
        options={(['province', 'commune', 'district'] as const).map((l) => ({ value: l, label: t(`units.level.${l}`) }))}
      />
      <SelectField
        {...form.field('type')}
        label={t('units.field.type')}
        options={UNIT_TYPES[level].map((ty) => ({ value: ty, label: unitTypeLabel(t, ty) }))}
      />
      <TextField {...form.field('code')} label={t('units.field.code')} hint={t('units.field.codeHint')} inputMode="numeric" maxLength={5} autoComplete="off" />
      <TextField {...form.field('name')} label={t('units.field.name')} maxLength={200} autoComplete="off" />
      <TextField
        {...form.field('parentCode')}
        label={t('units.field.parentCode')}
        optional={level === 'province'}
        inputMode="numeric"
        maxLength={5}
        autoComplete="off"
      />
      <TextField {...form.field('validFrom')} label={t('units.field.validFrom')} type="date" optional />
    </FormPanel>
  );
}

import { FormPanel } from '../../components/FormPanel';
import { SelectField, TextField } from '../../components/Field';
import { useI18n } from '../../lib/i18n';
import { useForm } from '../../lib/use-form';
import type { DayKind, YearDetail } from '../../../shared/api-types';
import { addLocalDayOff, addOverride, confirmYear } from './calendar-api';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function OverrideForm({ year, onAdded }: { year: number; onAdded: (date: string) => void }) {
  const { t } = useI18n();
  const form = useForm({
    idPrefix: 'override',
    initial: { date: '', kind: 'day_off', name: '', source: '' },
    t,
    validate: (v) => ({
      date: ISO_DATE.test(v.date) && v.date.startsWith(`${year}-`) ? undefined : t('calAdmin.dateInvalid', { year }),
      name: v.name.trim() ? undefined : t('calAdmin.required'),
      source: v.source.trim() ? undefined : t('calAdmin.required'),
    }),
    onSubmit: async (v) => {
      await addOverride({ date: v.date, kind: v.kind as DayKind, name: v.name.trim().normalize('NFC'), source: v.source.trim().normalize('NFC') });
      form.reset();
      onAdded(v.date);
    },
  });
  return (
    <FormPanel
      idPrefix="override"
      title={t('calAdmin.addTitle')}
      submitLabel={t('calAdmin.add')}
      submitting={form.submitting}
      formError={form.formError}
      extraFields={form.extraFields}
      onSubmit={(e) => void form.handleSubmit(e)}
    >
      <TextField {...form.field('date')} label={t('calAdmin.date')} type="date" min={`${year}-01-01`} max={`${year}-12-31`} />
      <SelectField
        {...form.field('kind')}
        label={t('calAdmin.kind')}
        hint={t('calAdmin.kindHint')}
        options={[
          { value: 'day_off', label: t('cal.legendOff') },
          { value: 'working_day', label: t('cal.legendMakeup') },
        ]}
      />
      <TextField {...form.field('name')} label={t('calAdmin.name')} maxLength={200} />
      <TextField {...form.field('source')} label={t('calAdmin.source')} hint={t('calAdmin.sourceHint')} maxLength={500} />
    </FormPanel>
  );
}

export function ConfirmYearForm({ detail, onConfirmed }: { detail: YearDetail; onConfirmed: (next: YearDetail) => void }) {
  const { t } = useI18n();
  const isOfficial = detail.status === 'official';
  const form = useForm({
    idPrefix: 'confirm',
    initial: { legalReference: '' },
    t,
    validate: (v) => ({ legalReference: v.legalReference.trim() ? undefined : t('calAdmin.required') }),
    onSubmit: async (v) => {
      onConfirmed(await confirmYear(detail.year, v.legalReference.trim().normalize('NFC'), detail.version));
      form.reset();
    },
  });
  return (
    <FormPanel
      idPrefix="confirm"
      title={t(isOfficial ? 'calAdmin.updateTitle' : 'calAdmin.confirmTitle', { year: detail.year })}
      submitLabel={t(isOfficial ? 'calAdmin.update' : 'calAdmin.confirm')}
      submitting={form.submitting}
      formError={form.formError}
      extraFields={form.extraFields}
      onSubmit={(e) => void form.handleSubmit(e)}
    >
      <TextField {...form.field('legalReference')} label={t('calAdmin.legalReference')} hint={t('calAdmin.legalHint')} maxLength={500} />
    </FormPanel>
  );
}

/** A province's own day off (its administrator): it moves that province's deadlines only. */
export function LocalDayForm({
  year,
  province,
  provinceName,
  onAdded,
}: {
  year: number;
  province: string;
  provinceName: string;
  onAdded: (date: string) => void;
}) {
  const { t } = useI18n();
  const form = useForm({
    idPrefix: 'local-day',
    initial: { date: '', name: '', source: '' },
    t,
    validate: (v) => ({
      date: ISO_DATE.test(v.date) && v.date.startsWith(`${year}-`) ? undefined : t('calAdmin.dateInvalid', { year }),
      name: v.name.trim() ? undefined : t('calAdmin.required'),
      source: v.source.trim() ? undefined : t('calAdmin.required'),
    }),
    onSubmit: async (v) => {
      await addLocalDayOff(province, { date: v.date, name: v.name.trim().normalize('NFC'), source: v.source.trim().normalize('NFC') });
      form.reset();
      onAdded(v.date);
    },
  });
  return (
    <FormPanel
      idPrefix="local-day"
      title={t('calAdmin.localAddTitle', { province: provinceName })}
      submitLabel={t('calAdmin.add')}
      submitting={form.submitting}
      formError={form.formError}
      extraFields={form.extraFields}
      onSubmit={(e) => void form.handleSubmit(e)}
    >
      <TextField
        {...form.field('date')}
        label={t('calAdmin.date')}
        hint={t('calAdmin.localDateHint')}
        type="date"
        min={`${year}-01-01`}
        max={`${year}-12-31`}
      />
      <TextField {...form.field('name')} label={t('calAdmin.name')} maxLength={200} />
      <TextField {...form.field('source')} label={t('calAdmin.source')} hint={t('calAdmin.localSourceHint')} maxLength={500} />
    </FormPanel>
  );
}

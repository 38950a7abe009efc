import { type FormEvent, useEffect, useState } from 'react';
import { Alert, ErrorAlert } from '../../components/Alert';
import { SelectField } from '../../components/Field';
import { api, seg } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { describeError, type ErrorView } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import type { LookupCheckBody, LookupCheckSetting } from '../../../shared/api-types';

type Check = LookupCheckSetting['check'];

/**
 * The verification a province's public dossier lookup asks for (the phone's last 4 digits, or the
 * receipt's 6-character check code): chosen by the administrator of the province's top-level agency.
 */
export function LookupCheckPanel() {
  const { t } = useI18n();
  const { user } = useAuth();
  const province = user?.roles.find((r) => r.role === 'admin' && r.scope === 'province')?.provinceCode ?? null;
  const [saved, setSaved] = useState<Check | null>(null);
  const [choice, setChoice] = useState<Check>('phone_tail');
  const [error, setError] = useState<ErrorView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);

  useEffect(() => {
    if (!province) return;
    const ctrl = new AbortController();
    api
      .get<LookupCheckSetting>(`/admin/provinces/${seg(province)}/lookup-check`, undefined, ctrl.signal)
      .then((s) => {
        setSaved(s.check);
        setChoice(s.check);
      })
      .catch((err: unknown) => {
        if (!ctrl.signal.aborted) setError(describeError(err, t));
      });
    return () => ctrl.abort();
  }, [province, t]);

  if (!province) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setError(null);
    setNotice(null);
    try {
      const s = await api.put<LookupCheckSetting>(`/admin/provinces/${seg(province)}/lookup-check`, { check: choice } satisfies LookupCheckBody);
      setSaved(s.check);
      setNotice(t('lookupCheck.saved'));
    } catch (err) {
      setError(describeError(err, t));
    } finally {
      setSaving(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="lookup-check-title">
      <h2 id="lookup-check-title">{t('lookupCheck.title')}</h2>
      <p className="muted">{t('lookupCheck.intro')}</p>
      {error ? <ErrorAlert error={error} /> : null}
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <SelectField
          id="lookup-check"
          label={t('lookupCheck.label')}
          value={choice}
          onValueChange={(v) => setChoice(v === 'check_code' ? 'check_code' : 'phone_tail')}
          hint={t(choice === 'check_code' ? 'lookupCheck.checkCode.hint' : 'lookupCheck.phoneTail.hint')}
          options={[
            { value: 'phone_tail', label: t('lookupCheck.phoneTail') },
            { value: 'check_code', label: t('lookupCheck.checkCode') },
          ]}
        />
        <div className="form-actions">
          <button type="submit" className="btn btn--primary" disabled={isSaving || saved === null || saved === choice}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}

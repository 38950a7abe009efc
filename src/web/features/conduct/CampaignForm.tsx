import { useState, type FormEvent } from 'react';
import { Alert, ErrorAlert } from '../../components/Alert';
import { AgencyPicker } from '../../components/AgencyPicker';
import { api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { describeError } from '../../lib/errors';
import type { CreateCampaignBody } from '../../../shared/api-types';
import { currentYear } from './conduct-api';
import { useConductText } from './conduct-text';

const HOME_AFFAIRS = ['home_affairs'] as const;

/** Home Affairs opens a yearly commitment campaign for its agency (officials then acknowledge the codes in force). */
export function CampaignForm({ onCreated }: { onCreated: () => void }) {
  const { tx, t } = useConductText();
  const { user } = useAuth();
  const year0 = currentYear();
  const [agencyCode, setAgencyCode] = useState(user?.roles.find((r) => r.role === 'home_affairs')?.agencyCode ?? '');
  const [year, setYear] = useState(year0);
  const [title, setTitle] = useState(`Cam kết thực hiện quy tắc ứng xử năm ${year0}`);
  const [opensOn, setOpensOn] = useState(`${year0}-01-01`);
  const [closesOn, setClosesOn] = useState(`${year0}-12-31`);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(false);
    try {
      await api.post('/conduct/commitment-campaigns', { agencyCode, year, title: title.trim(), opensOn, closesOn } satisfies CreateCampaignBody);
      setDone(true);
      onCreated();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form className="panel cd-form" onSubmit={(e) => void submit(e)}>
      <h2 className="section-title">{tx('newCampaign')}</h2>
      {error ? <ErrorAlert error={describeError(error, t)} /> : null}
      {done ? <Alert kind="success">{tx('campaignCreated')}</Alert> : null}
      <AgencyPicker id="cd-c-agency" label={tx('agency')} value={agencyCode} onChange={setAgencyCode} roles={HOME_AFFAIRS} />
      <label className="field-label" htmlFor="cd-c-year">
        {tx('year')}
      </label>
      <input id="cd-c-year" className="input" type="number" min={2000} max={2100} value={year} required onChange={(e) => setYear(Number(e.target.value))} />
      <label className="field-label" htmlFor="cd-c-title">
        {tx('campaign.title')}
      </label>
      <input id="cd-c-title" className="input" value={title} required maxLength={300} onChange={(e) => setTitle(e.target.value)} />
      <label className="field-label" htmlFor="cd-c-from">
        {tx('opensOn')}
      </label>
      <input id="cd-c-from" className="input" type="date" value={opensOn} required onChange={(e) => setOpensOn(e.target.value)} />
      <label className="field-label" htmlFor="cd-c-to">
        {tx('closesOn')}
      </label>
      <input id="cd-c-to" className="input" type="date" value={closesOn} min={opensOn} required onChange={(e) => setClosesOn(e.target.value)} />
      <div className="form-actions">
        <button type="submit" className="btn btn--primary">
          {tx('create')}
        </button>
      </div>
    </form>
  );
}

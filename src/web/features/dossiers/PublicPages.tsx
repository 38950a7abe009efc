import { useEffect, useState, type FormEvent } from 'react';
import { Alert, ErrorAlert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { api, seg } from '../../lib/api';
import { describeError, type ErrorView } from '../../lib/errors';
import { Link, navigate, useLocation } from '../../lib/router';
import type { CitizenRatingBody, DocumentVerifyResult, PublicDossier } from '../../../shared/api-types';
import { dossierApi } from './dossiers-api';
import { useDossierText } from './dossiers-text';
import './dossiers.css';

const CODE = /^[0-9A-Z.]{1,35}-[0-9]{6}-[0-9]{4,6}$/;

/**
 * The check the code's province asks for (the phone's last four digits, or the receipt's check
 * code), read from the desk in the code once the code is complete.
 */
function useLookupCheck(code: string): 'phone_tail' | 'check_code' {
  const [check, setCheck] = useState<'phone_tail' | 'check_code'>('phone_tail');
  const trimmed = code.trim();
  useEffect(() => {
    if (!CODE.test(trimmed)) return;
    let live = true;
    dossierApi.lookupCheck(trimmed).then(
      (r) => live && setCheck(r.check),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [trimmed]);
  return check;
}

/** The check field, as the province asks for it. */
function VerifyField({ check, value, onChange }: { check: 'phone_tail' | 'check_code'; value: string; onChange: (v: string) => void }) {
  const { tx } = useDossierText();
  return check === 'check_code' ? (
    <label className="field">
      <span className="field-label">{tx('lookup.checkCode')}</span>
      <input
        className="input input--mono"
        name="verify"
        autoCapitalize="characters"
        autoComplete="off"
        pattern="[0-9A-Za-z \-]{6,8}"
        required
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  ) : (
    <label className="field">
      <span className="field-label">{tx('lookup.verify')}</span>
      <input className="input" name="verify" inputMode="numeric" pattern="[0-9]{4}" required value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** /tra-cuu/:code — public lookup by the check the province asks for, or by the signed QR token (?v=). */
export function LookupPage({ code: initial }: { code?: string }) {
  const { tx, t, formatDateTime } = useDossierText();
  const { query } = useLocation();
  const token = query.get('v') ?? undefined;
  const [code, setCode] = useState(initial ?? '');
  const [verify, setVerify] = useState('');
  const [result, setResult] = useState<PublicDossier | null>(null);
  const [error, setError] = useState<ErrorView | null>(null);
  const [genuine, setGenuine] = useState<boolean | null>(null);
  const check = useLookupCheck(code);

  useEffect(() => {
    if (!initial || !token) return;
    let live = true;
    api.get<DocumentVerifyResult>('/public/documents/verify', { token }).then(
      (v) => live && setGenuine(v.valid),
      () => undefined,
    );
    dossierApi.lookup(initial, { token }).then(
      (r) => live && setResult(r),
      (e: unknown) => live && setError(describeError(e, t)),
    );
    return () => {
      live = false;
    };
  }, [initial, token, t]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setResult(null);
    try {
      setResult(await dossierApi.lookup(code.trim(), { verify: verify.trim() }));
    } catch (err) {
      setError(describeError(err, t));
    }
  };

  return (
    <>
      <PageHeader title={tx('lookup.title')} intro={tx(check === 'check_code' ? 'lookup.introCheckCode' : 'lookup.intro')} />
      {genuine === true ? <Alert kind="success">{tx('lookup.verified')}</Alert> : genuine === false ? <Alert kind="error">{tx('lookup.forged')}</Alert> : null}
      {!token || genuine === false ? (
        <form className="toolbar panel" onSubmit={(e) => void submit(e)}>
          <label className="field field--code">
            <span className="field-label">{tx('lookup.code')}</span>
            <input className="input input--mono" name="code" required value={code} onChange={(e) => setCode(e.target.value)} />
          </label>
          <VerifyField check={check} value={verify} onChange={setVerify} />
          <button type="submit" className="btn btn--primary">
            {tx('lookup.go')}
          </button>
        </form>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
      {result ? (
        <section className="panel" aria-live="polite">
          <h2 className="section-title">
            <code>{result.code}</code>
          </h2>
          <dl className="wf-dl">
            <div>
              <dt>{tx('col.procedure')}</dt>
              <dd>{result.procedureName}</dd>
            </div>
            <div>
              <dt>{tx('col.status')}</dt>
              <dd>
                <span className={`dossier-status dossier-status--${result.status}`}>{tx(`status.${result.status}`)}</span>
              </dd>
            </div>
            <div>
              <dt>{tx('due')}</dt>
              <dd>{result.dueAt ? formatDateTime(result.dueAt) : '—'}</dd>
            </div>
            <div>
              <dt>{result.receivingAgencyName}</dt>
              <dd>→ {result.competentAgencyName}</dd>
            </div>
          </dl>
          <ol className="dossier-timeline">
            {result.timeline.map((e, i) => (
              <li key={i}>
                <time>{formatDateTime(e.at)}</time> {tx(`action.${e.action}`)} → {tx(`status.${e.toStatus}`)}
              </li>
            ))}
          </ol>
          {result.canRate ? (
            <Link className="btn btn--primary" to={`/danh-gia/${seg(result.code)}`}>
              {tx('lookup.rate')}
            </Link>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

const SATISFACTION = ['very_satisfied', 'satisfied', 'unsatisfied'] as const satisfies readonly CitizenRatingBody['satisfaction'][];
const ATTITUDE = ['good', 'acceptable', 'poor'] as const satisfies readonly CitizenRatingBody['attitude'][];
type RatingForm = Omit<CitizenRatingBody, 'verify' | 'token' | 'timesReturned' | 'bodiesContacted' | 'comment'> & {
  code: string;
  verify: string;
  timesReturned: string;
  bodiesContacted: string;
  comment: string;
};

/** /danh-gia/:code — the kiosk rating page (Circular 01/2018 Art. 13 citizen indicators). */
export function RatingPage({ code: initial }: { code?: string }) {
  const { tx, t } = useDossierText();
  const [form, setForm] = useState<RatingForm>({
    code: initial ?? '',
    verify: '',
    satisfaction: 'satisfied',
    timesReturned: '0',
    bodiesContacted: '1',
    attitude: 'good',
    comment: '',
  });
  const [error, setError] = useState<ErrorView | null>(null);
  const [done, setDone] = useState(false);
  const set = (k: keyof typeof form, v: string) => setForm({ ...form, [k]: v });
  const check = useLookupCheck(form.code);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await dossierApi.rate(form.code.trim(), {
        verify: form.verify.trim(),
        satisfaction: form.satisfaction,
        timesReturned: Number(form.timesReturned),
        bodiesContacted: Number(form.bodiesContacted),
        attitude: form.attitude,
        ...(form.comment.trim() ? { comment: form.comment.trim() } : {}),
      });
      setDone(true);
    } catch (err) {
      setError(describeError(err, t));
    }
  };

  if (done)
    return (
      <>
        <PageHeader title={tx('rate.title')} />
        <Alert kind="success">{tx('rate.thanks')}</Alert>
        <p>
          <button type="button" className="btn btn--secondary" onClick={() => navigate(`/tra-cuu/${seg(form.code)}`)}>
            {tx('lookup.title')}
          </button>
        </p>
      </>
    );
  const choice = (name: 'satisfaction' | 'attitude', options: readonly string[]) => (
    <fieldset className="dossier-choices">
      <legend className="field-label">{tx(name === 'satisfaction' ? 'rate.satisfaction' : 'rate.attitude')}</legend>
      {options.map((o) => (
        <label key={o} className={`dossier-choice${form[name] === o ? ' is-selected' : ''}`}>
          <input type="radio" name={name} value={o} checked={form[name] === o} onChange={() => set(name, o)} /> {tx(`rate.${o}`)}
        </label>
      ))}
    </fieldset>
  );
  return (
    <>
      <PageHeader title={tx('rate.title')} intro={tx('rate.intro')} />
      <form className="panel dossier-rating" onSubmit={(e) => void submit(e)}>
        {error ? <ErrorAlert error={error} /> : null}
        <div className="dossier-grid">
          <label className="field">
            <span className="field-label">{tx('lookup.code')}</span>
            <input className="input input--mono" name="code" required value={form.code} onChange={(e) => set('code', e.target.value)} />
          </label>
          <VerifyField check={check} value={form.verify} onChange={(v) => set('verify', v)} />
        </div>
        {choice('satisfaction', SATISFACTION)}
        <div className="dossier-grid">
          <label className="field">
            <span className="field-label">{tx('rate.timesReturned')}</span>
            <input
              className="input"
              type="number"
              min={0}
              max={50}
              name="timesReturned"
              value={form.timesReturned}
              onChange={(e) => set('timesReturned', e.target.value)}
            />
          </label>
          <label className="field">
            <span className="field-label">{tx('rate.bodies')}</span>
            <input
              className="input"
              type="number"
              min={0}
              max={50}
              name="bodiesContacted"
              value={form.bodiesContacted}
              onChange={(e) => set('bodiesContacted', e.target.value)}
            />
          </label>
        </div>
        {choice('attitude', ATTITUDE)}
        <label className="field field--wide">
          <span className="field-label">{tx('rate.comment')}</span>
          <textarea className="input" name="comment" maxLength={2000} value={form.comment} onChange={(e) => set('comment', e.target.value)} />
        </label>
        <p className="toolbar">
          <button type="submit" className="btn btn--primary">
            {tx('rate.send')}
          </button>
        </p>
      </form>
    </>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import { Alert, ErrorAlert } from '../../components/Alert';
import { api, seg } from '../../lib/api';
import { describeError, type ErrorView } from '../../lib/errors';
import { Link } from '../../lib/router';
import type { Desks, DossierCreated, DossierDocumentInput, IntakeBody, ProcedureDetail } from '../../../shared/api-types';
import { dossierApi, fileToBase64, formUrl } from './dossiers-api';
import { useApplicantPrefill } from '../citizen/use-applicant-prefill';
import { useDossierText } from './dossiers-text';
import { ProcedurePicker } from './ProcedurePicker';
import './dossiers.css';

type Mode = 'counter' | 'online';
interface DocState {
  checked: boolean;
  file: File | null;
  reason: string;
}

/** The completeness check against the procedure's list: one form for the counter and for citizens online. */
export function IntakeForm({ mode, initialCode }: { mode: Mode; initialCode?: string }) {
  const { tx, t, formatDateTime } = useDossierText();
  const [proc, setProc] = useState<ProcedureDetail | null>(null);
  const [docs, setDocs] = useState<Record<string, DocState>>({});
  const [applicant, setApplicant] = useState({ fullName: '', idNumber: '', phone: '', email: '', address: '' });
  useApplicantPrefill(mode === 'online', setApplicant);
  const [channel, setChannel] = useState<'counter' | 'postal'>('counter');
  const [decision, setDecision] = useState<'auto' | 'refuse'>('auto');
  const [refusal, setRefusal] = useState('');
  const [error, setError] = useState<ErrorView | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<DossierCreated | null>(null);
  const [desks, setDesks] = useState<Desks | null>(null);
  const [desk, setDesk] = useState('');

  const load = async (c: string) => {
    setError(null);
    setProc(null);
    try {
      const p = await api.get<ProcedureDetail>(`/procedures/${seg(c.trim())}`);
      setProc(p);
      setDocs(Object.fromEntries(p.documents.map((d) => [d.id, { checked: false, file: null, reason: '' }])));
      if (mode === 'online') {
        const found = await dossierApi.desks(p.code);
        setDesks(found);
        setDesk(found.suggestedCode ?? '');
      }
    } catch (e) {
      setError(describeError(e, t));
    }
  };
  useEffect(() => {
    if (initialCode) void load(initialCode);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialCode]);

  const setDoc = (id: string, patch: Partial<DocState>) => setDocs((all) => ({ ...all, [id]: { ...all[id], ...patch } }));
  /** A required document the server found missing (DOSSIER_INCOMPLETE names each as `documents.<id>`). */
  const isMissing = (id: string) => Boolean(error?.fields[`documents.${id}`] ?? error?.fields[id]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!proc) return;
    setBusy(true);
    setError(null);
    try {
      const documents: DossierDocumentInput[] = [];
      for (const d of proc.documents) {
        const s = docs[d.id];
        if (mode === 'online' ? !s.file : !s.checked) continue;
        documents.push({ procedureDocumentId: d.id, ...(s.file ? { attachment: { fileName: s.file.name, contentBase64: await fileToBase64(s.file) } } : {}) });
      }
      const missing = proc.documents
        .filter((d) => mode === 'counter' && !docs[d.id].checked && docs[d.id].reason.trim())
        .map((d) => ({ procedureDocumentId: d.id, reason: docs[d.id].reason.trim() }));
      const body: IntakeBody = {
        procedureCode: proc.code,
        channel: mode === 'online' ? 'online' : channel,
        applicant: { ...applicant, email: applicant.email || null },
        documents,
        ...(mode === 'online' && desk ? { receivingAgencyCode: desk } : {}),
        ...(mode === 'counter' && missing.length ? { missing } : {}),
        ...(decision === 'refuse' ? { decision: 'refuse', refusalReasons: [refusal] } : {}),
      };
      setCreated(await dossierApi.create(body));
    } catch (err) {
      setError(describeError(err, t));
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    const form =
      created.status === 'received' ? 'receipt' : created.status === 'supplement_requested' ? 'supplement' : created.status === 'refused' ? 'refusal' : null;
    return (
      <section className="panel dossier-done" aria-live="polite">
        <Alert kind="success" title={tx('done', { code: created.code })}>
          <p>
            {tx('col.status')}: <strong>{tx(`status.${created.status}`)}</strong>
            {created.dueAt ? (
              <>
                {' '}
                · {tx('due')}: <strong>{formatDateTime(created.dueAt)}</strong>
              </>
            ) : null}
          </p>
          {created.missingDocuments.length ? (
            <ul>
              {created.missingDocuments.map((m) => (
                <li key={m.name}>
                  {m.name}: {m.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
        <p className="toolbar">
          {form ? (
            <a className="btn btn--primary" href={formUrl(created.code, form)} target="_blank" rel="noreferrer">
              {tx(form === 'receipt' ? 'printReceipt' : form === 'supplement' ? 'printSupplement' : 'printRefusal')}
            </a>
          ) : null}
          <Link className="btn btn--secondary" to={`/dossiers/${seg(created.code)}`}>
            {tx('open')}
          </Link>
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => {
              setCreated(null);
              setApplicant({ fullName: '', idNumber: '', phone: '', email: '', address: '' });
              if (proc) setDocs(Object.fromEntries(proc.documents.map((d) => [d.id, { checked: false, file: null, reason: '' }])));
            }}
          >
            {tx('submit')} +
          </button>
        </p>
      </section>
    );
  }

  return (
    <form className="dossier-form" onSubmit={(e) => void submit(e)}>
      {error ? <ErrorAlert error={error} /> : null}
      {!initialCode ? <ProcedurePicker mode={mode} onPick={(p) => void load(p.code)} /> : null}
      {proc ? (
        <>
          <p className="dossier-proc">
            <strong>{proc.name}</strong> · <code>{proc.code}</code> · {proc.agencyName}
          </p>
          <fieldset className="panel">
            <legend className="subpanel-title">{tx('applicant')}</legend>
            <div className="dossier-grid">
              {(['fullName', 'idNumber', 'phone', 'email', 'address'] as const).map((f) => (
                <label key={f} className={`field${f === 'address' ? ' field--wide' : ''}`}>
                  <span className="field-label">{tx(f)}</span>
                  <input
                    className="input"
                    name={f}
                    value={applicant[f]}
                    required={f !== 'email'}
                    type={f === 'email' ? 'email' : 'text'}
                    onChange={(e) => setApplicant({ ...applicant, [f]: e.target.value })}
                  />
                </label>
              ))}
              {mode === 'online' && desks ? (
                <label className="field field--wide">
                  <span className="field-label">{tx('desk')}</span>
                  <select
                    className="input select"
                    name="receivingAgencyCode"
                    required
                    value={desk}
                    onChange={(e) => setDesk(e.target.value)}
                    aria-describedby="desk-hint"
                  >
                    {desks.suggestedCode ? null : <option value="">{tx('desk.choose')}</option>}
                    {desks.items.map((d) => (
                      <option key={d.code} value={d.code}>
                        {d.name}
                      </option>
                    ))}
                  </select>
                  <span id="desk-hint" className="field-hint">
                    {tx('desk.hint')}
                  </span>
                </label>
              ) : null}
              {mode === 'counter' ? (
                <label className="field">
                  <span className="field-label">{tx('channel')}</span>
                  <select className="input select" name="channel" value={channel} onChange={(e) => setChannel(e.target.value as 'counter' | 'postal')}>
                    <option value="counter">{tx('channel.counter')}</option>
                    <option value="postal">{tx('channel.postal')}</option>
                  </select>
                </label>
              ) : null}
            </div>
          </fieldset>
          <fieldset className="panel">
            <legend className="subpanel-title">{tx('checklist')}</legend>
            <ol className="dossier-checklist">
              {proc.documents.map((d) => (
                <li key={d.id} className={isMissing(d.id) ? 'dossier-doc--missing' : undefined}>
                  <span className="dossier-docname">
                    {d.name} <span className="cell-meta">({d.isRequired ? tx('required') : tx('optional')})</span>
                  </span>
                  {mode === 'counter' ? (
                    <>
                      <label className="dossier-check">
                        <input type="checkbox" checked={docs[d.id]?.checked ?? false} onChange={(e) => setDoc(d.id, { checked: e.target.checked })} />{' '}
                        {tx('received')}
                      </label>
                      {!docs[d.id]?.checked && d.isRequired ? (
                        <input
                          className="input"
                          aria-label={`${tx('missingReason')}: ${d.name}`}
                          placeholder={tx('missingReason')}
                          value={docs[d.id]?.reason ?? ''}
                          onChange={(e) => setDoc(d.id, { reason: e.target.value })}
                        />
                      ) : null}
                    </>
                  ) : (
                    <input
                      type="file"
                      aria-label={`${tx('attach')}: ${d.name}`}
                      aria-invalid={isMissing(d.id) || undefined}
                      aria-describedby={isMissing(d.id) ? `doc-${d.id}-error` : undefined}
                      accept="application/pdf,image/jpeg,image/png"
                      onChange={(e) => setDoc(d.id, { file: e.target.files?.[0] ?? null })}
                    />
                  )}
                  {isMissing(d.id) ? (
                    <p className="field-error" id={`doc-${d.id}-error`}>
                      {tx('doc.missing')}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          </fieldset>
          {mode === 'counter' ? (
            <fieldset className="panel">
              <legend className="subpanel-title">{tx('decision')}</legend>
              <label className="dossier-check">
                <input type="radio" name="decision" checked={decision === 'auto'} onChange={() => setDecision('auto')} /> {tx('decision.receive')} /{' '}
                {tx('decision.supplement')}
              </label>
              <label className="dossier-check">
                <input type="radio" name="decision" checked={decision === 'refuse'} onChange={() => setDecision('refuse')} /> {tx('decision.refuse')}
              </label>
              {decision === 'refuse' ? (
                <input
                  className="input"
                  required
                  placeholder={tx('refusalReason')}
                  aria-label={tx('refusalReason')}
                  value={refusal}
                  onChange={(e) => setRefusal(e.target.value)}
                />
              ) : null}
            </fieldset>
          ) : null}
          <p className="toolbar">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {mode === 'online' ? tx('submitOnline') : tx('submit')}
            </button>
          </p>
        </>
      ) : null}
    </form>
  );
}

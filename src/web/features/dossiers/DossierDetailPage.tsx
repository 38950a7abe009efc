import { useCallback, useEffect, useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { api, seg } from '../../lib/api';
import { describeError, type ErrorView } from '../../lib/errors';
import type { AccessLog, DossierActionBody, DossierDetail, ProcedureDetail } from '../../../shared/api-types';
import { AssigneePicker } from './AssigneePicker';
import { attachmentUrl, dossierApi, fileToBase64, formUrl, newVisitId } from './dossiers-api';
import { useDossierText } from './dossiers-text';
import { CollectorByLine, CollectorFields, CollectorRecord, CounterRatingOffer, useCollectorDraft } from './ReturnCollector';
import './dossiers.css';

const OFFICERS = ['processing_officer'] as const;
const HANDLERS = ['processing_officer', 'leader'] as const;

/** What each action asks for before it is sent. */
const INPUTS: Record<string, ('reason' | 'newDueAt' | 'assignee' | 'toAgency' | 'to' | 'items' | 'files' | 'note')[]> = {
  receive: ['note'],
  'request-supplement': ['items'],
  'submit-supplement': ['files'],
  assign: ['assignee'],
  forward: ['toAgency', 'to', 'note'],
  approve: ['note'],
  'confirm-payment': [],
  complete: ['note'],
  return: ['note'],
  refuse: ['reason'],
  apologize: ['reason', 'newDueAt'],
  withdraw: ['reason'],
  stop: ['reason'],
};

function ActionPanel({ d, proc, onDone }: { d: DossierDetail; proc: ProcedureDetail | null; onDone: () => void }) {
  const { tx, t } = useDossierText();
  const [action, setAction] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [items, setItems] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<Record<string, File>>({});
  const [error, setError] = useState<ErrorView | null>(null);
  const [busy, setBusy] = useState(false);
  const collector = useCollectorDraft();

  const send = async () => {
    if (!action) return;
    setBusy(true);
    setError(null);
    try {
      const body: DossierActionBody = { expectedVersion: d.version };
      // An agency chosen in the picker replaces the colleague's username.
      for (const k of ['reason', 'assignee', 'to', 'note', 'toAgencyCode'] as const) if (values[k] && !(k === 'to' && values.toAgencyCode)) body[k] = values[k];
      if (values.newDueAt) body.newDueAt = new Date(`${values.newDueAt}:00+07:00`).toISOString();
      if (action === 'request-supplement')
        body.items = Object.entries(items)
          .filter(([, r]) => r.trim())
          .map(([procedureDocumentId, reason]) => ({ procedureDocumentId, reason }));
      if (action === 'refuse' && values.reason) body.reasons = [values.reason];
      if (action === 'return') {
        const c = collector.toBody();
        if ('error' in c) return setError(c.error);
        body.collector = c.collector;
      }
      if (action === 'submit-supplement') {
        body.documents = await Promise.all(
          Object.entries(files).map(async ([procedureDocumentId, f]) => ({
            procedureDocumentId,
            attachment: { fileName: f.name, contentBase64: await fileToBase64(f) },
          })),
        );
      }
      await dossierApi.act(d.code, action, body);
      setAction(null);
      setValues({});
      setItems({});
      setFiles({});
      collector.reset();
      onDone();
    } catch (e) {
      setError(describeError(e, t));
    } finally {
      setBusy(false);
    }
  };

  if (!d.availableActions.length) return null;
  const needs = action ? (INPUTS[action] ?? []) : [];
  const supplementDocs = d.supplement.items.length
    ? d.supplement.items.map((i) => ({ id: i.procedureDocumentId, name: i.name }))
    : (proc?.documents ?? []).map((x) => ({ id: x.id, name: x.name }));
  return (
    <section className="panel dossier-actions" aria-labelledby="dossier-actions">
      <h2 id="dossier-actions" className="section-title">
        {tx('actions')}
      </h2>
      <div className="toolbar">
        {d.availableActions.map((a) => (
          <button
            key={a}
            type="button"
            className={`btn ${action === a ? 'btn--primary' : 'btn--secondary'}`}
            aria-pressed={action === a}
            onClick={() => {
              setAction(a);
              setError(null);
            }}
          >
            {tx(`action.${a}`)}
          </button>
        ))}
      </div>
      {action ? (
        <form
          className="dossier-action-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          {error ? <ErrorAlert error={error} /> : null}
          {action === 'return' ? <CollectorFields d={d} draft={collector.draft} onChange={collector.setDraft} errors={error?.fields ?? {}} /> : null}
          {needs.includes('items') ? (
            <ol className="dossier-checklist">
              {(proc?.documents ?? []).map((x) => (
                <li key={x.id}>
                  <span className="dossier-docname">{x.name}</span>
                  <input
                    className="input"
                    aria-label={`${tx('missingReason')}: ${x.name}`}
                    placeholder={tx('missingReason')}
                    value={items[x.id] ?? ''}
                    onChange={(e) => setItems({ ...items, [x.id]: e.target.value })}
                  />
                </li>
              ))}
            </ol>
          ) : null}
          {needs.includes('files') ? (
            <ol className="dossier-checklist">
              {supplementDocs.map((x) => (
                <li key={x.id}>
                  <span className="dossier-docname">{x.name}</span>
                  <input
                    type="file"
                    aria-label={`${tx('attach')}: ${x.name}`}
                    accept="application/pdf,image/jpeg,image/png"
                    onChange={(e) => {
                      const f = e.target.files?.[0];
                      if (f) setFiles({ ...files, [x.id]: f });
                    }}
                  />
                </li>
              ))}
            </ol>
          ) : null}
          {needs.includes('toAgency') && d.forwardAgencies.length ? (
            <label className="field field--wide">
              <span className="field-label">{tx('toAgency')}</span>
              <select
                className="input"
                name="toAgencyCode"
                value={values.toAgencyCode ?? ''}
                onChange={(e) => setValues({ ...values, toAgencyCode: e.target.value })}
              >
                <option value="">{tx('toAgency.inside', { agency: d.currentAgency.name })}</option>
                {d.forwardAgencies.map((a) => (
                  <option
                    key={a.code}
                    value={a.code}
                  >{`${a.name} (${a.code}) — ${a.role === 'competent' ? tx('toAgency.competent') : (a.stepName ?? tx('toAgency.coordinating'))}`}</option>
                ))}
              </select>
            </label>
          ) : null}
          {needs.includes('assignee') ? (
            <AssigneePicker
              id="assignee"
              code={d.code}
              label={t('picker.assignee')}
              roles={OFFICERS}
              onPick={(id) => setValues((v) => ({ ...v, assignee: id }))}
            />
          ) : null}
          {needs.includes('to') && !values.toAgencyCode ? (
            <AssigneePicker id="to" code={d.code} label={t('picker.forwardTo')} roles={HANDLERS} onPick={(id) => setValues((v) => ({ ...v, to: id }))} />
          ) : null}
          {(['reason', 'note'] as const)
            .filter((k) => needs.includes(k))
            .map((k) => (
              <label key={k} className="field field--wide">
                <span className="field-label">{tx(k)}</span>
                <input
                  className="input"
                  name={k}
                  value={values[k] ?? ''}
                  required={k === 'reason' && action !== 'withdraw'}
                  onChange={(e) => setValues({ ...values, [k]: e.target.value })}
                />
              </label>
            ))}
          {needs.includes('newDueAt') ? (
            <label className="field">
              <span className="field-label">{tx('newDueAt')}</span>
              <input
                className="input"
                type="datetime-local"
                name="newDueAt"
                required
                value={values.newDueAt ?? ''}
                onChange={(e) => setValues({ ...values, newDueAt: e.target.value })}
              />
            </label>
          ) : null}
          <p className="toolbar">
            <button type="submit" className="btn btn--primary" disabled={busy}>
              {tx(`action.${action}`)}
            </button>
          </p>
        </form>
      ) : null}
    </section>
  );
}

export function DossierDetailPage({ code }: { code: string }) {
  const { tx, t, formatDateTime } = useDossierText();
  const [d, setD] = useState<DossierDetail | null>(null);
  const [proc, setProc] = useState<ProcedureDetail | null>(null);
  const [access, setAccess] = useState<AccessLog['items']>([]);
  const [error, setError] = useState<ErrorView | null>(null);
  // One opening of the page: its reads (first load, reloads after actions) make one access-log entry.
  const visit = useMemo(() => (code ? newVisitId() : ''), [code]);

  const reload = useCallback(() => {
    dossierApi.get(code, visit).then(
      (x) => {
        setD(x);
        api.get<ProcedureDetail>(`/procedures/${seg(x.procedure.code)}`).then(setProc, () => undefined);
        dossierApi.accessLog(code).then(
          (a) => setAccess(a.items),
          () => undefined,
        );
      },
      (e: unknown) => setError(describeError(e, t)),
    );
  }, [code, visit, t]);
  useEffect(reload, [reload]);

  if (error)
    return (
      <>
        <PageHeader title={tx('detail')} />
        <ErrorAlert error={error} />
      </>
    );
  if (!d) return <p role="status">{t('common.loading')}</p>;
  const forms: [string, string, boolean][] = [
    ['receipt', 'printReceipt', !!d.receivedAt],
    ['supplement', 'printSupplement', !!(d.supplement.intakeRequestedAt || d.supplement.appraisalRequestedAt)],
    ['refusal', 'printRefusal', d.status === 'refused'],
    ['apology', 'printApology', !!d.apology],
    ['control-sheet', 'printControl', !!d.receivedAt],
  ];
  return (
    <>
      <PageHeader title={`${tx('detail')} ${d.code}`} intro={<>{d.procedure.name}</>}>
        {forms
          .filter(([, , ok]) => ok)
          .map(([f, label]) => (
            <a key={f} className="btn btn--secondary btn--small" href={formUrl(d.code, f)} target="_blank" rel="noreferrer">
              {tx(label)}
            </a>
          ))}
      </PageHeader>
      <section className={`panel dossier-facts${d.isOverdue ? ' dossier-facts--overdue' : ''}`}>
        <dl className="wf-dl">
          <div>
            <dt>{tx('col.status')}</dt>
            <dd>
              <span className={`dossier-status dossier-status--${d.status}`}>{tx(`status.${d.status}`)}</span>
              {d.isOverdue ? <span className="badge badge--danger">{tx('overdue')}</span> : null}
            </dd>
          </div>
          <div>
            <dt>{tx('due')}</dt>
            <dd>
              {d.dueAt ? formatDateTime(d.dueAt) : '—'}
              {d.apology ? (
                <span className="cell-meta">
                  {' '}
                  ({tx('apologized')}: {d.apology.reason})
                </span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt>{tx('col.applicant')}</dt>
            <dd>
              {d.applicant.fullName} · {d.applicant.phone}
            </dd>
          </div>
          <div>
            <dt>{tx('channel')}</dt>
            <dd>{tx(`channel.${d.channel}`)}</dd>
          </div>
          <div>
            <dt>{tx('col.assignee')}</dt>
            <dd>{d.assignedTo?.name ?? '—'}</dd>
          </div>
          <div>
            <dt>{d.receivingAgency.name}</dt>
            <dd>→ {d.competentAgency.name}</dd>
          </div>
          {d.collector ? <CollectorRecord c={d.collector} /> : null}
        </dl>
        {d.supplement.items.length && d.status === 'supplement_requested' ? (
          <ul className="dossier-missing">
            {d.supplement.items.map((i) => (
              <li key={i.procedureDocumentId}>
                <strong>{i.name}</strong>: {i.reason}
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <ActionPanel d={d} proc={proc} onDone={reload} />
      <CounterRatingOffer d={d} />
      <section className="panel">
        <h2 className="section-title">{tx('timeline')}</h2>
        <ol className="dossier-timeline">
          {d.timeline.map((e, i) => (
            <li key={i}>
              <time>{formatDateTime(e.at)}</time> <strong>{tx(`action.${e.action}`)}</strong> → {tx(`status.${e.toStatus}`)}{' '}
              {e.actor ? <span className="cell-meta">· {e.actor}</span> : null}
              {e.action === 'return' && d.collector ? <CollectorByLine c={d.collector} /> : null}
            </li>
          ))}
        </ol>
      </section>
      {d.handoffs.length ? (
        <section className="panel">
          <h2 className="section-title">{tx('handoffs')}</h2>
          <div className="table-wrap">
            <table className="table">
              <tbody>
                {d.handoffs.map((h, i) => (
                  <tr key={i}>
                    <td>{formatDateTime(h.at)}</td>
                    <td>
                      {h.from ?? '—'} → {h.to ?? '—'}
                    </td>
                    <td>{h.result ? <span className={`badge dossier-result--${h.result}`}>{tx(`result.${h.result}`)}</span> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      <section className="panel">
        <h2 className="section-title">{tx('documents')}</h2>
        <ul>
          {d.documents.map((x) => (
            <li key={x.id}>
              {x.hasFile ? (
                <a href={attachmentUrl(d.code, x.id)} target="_blank" rel="noreferrer">
                  {x.name} 📎
                </a>
              ) : (
                x.name
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel">
        <h2 className="section-title">{tx('accessLog')}</h2>
        {access.length ? (
          <ul>
            {access.map((a, i) => (
              <li key={i}>
                {formatDateTime(a.at)} · {a.who}
                {a.agency ? ` (${a.agency})` : ''} · {a.purpose}
              </li>
            ))}
          </ul>
        ) : (
          <p>—</p>
        )}
      </section>
    </>
  );
}

import { useState } from 'react';
import { ErrorAlert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { describeError } from '../../lib/errors';
import { Link } from '../../lib/router';
import type { ComplaintBody, DisciplineCase, DisciplineCaseDetail, Items } from '../../../shared/api-types';
import { FORM_LABELS, FORMS, useAction, useLoad } from './conduct-api';
import { useConductText } from './conduct-text';
import { SelfReviewNote } from './ViolationPages';
import './conduct.css';

export function DisciplineListPage() {
  const { tx, t, formatDate, formatDateTime } = useConductText();
  const list = useLoad<Items<DisciplineCase>>('/conduct/discipline-cases');
  return (
    <>
      <PageHeader title={tx('discipline')} />
      {list.error ? <ErrorAlert error={describeError(list.error, t)} /> : null}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{tx('official')}</th>
              <th>{tx('actDate')}</th>
              <th>{tx('regime')}</th>
              <th>{tx('handlingDue')}</th>
              <th>{tx('status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.items.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link to={`/conduct/discipline/${c.id}`}>{c.officialName}</Link>
                </td>
                <td>{formatDate(c.actDate)}</td>
                <td>{regimeLabel(c.regime)}</td>
                <td>
                  {formatDateTime(c.handlingDue)}
                  {c.isOverdue ? <span className="cd-badge cd-badge--bad">{tx('overdue')}</span> : null}
                </td>
                <td>{c.decisionFormLabel ?? tx(`status.${c.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** `ND172_2025` → `Nghị định 172/2025/NĐ-CP`. */
const regimeLabel = (code: string): string => code.replace(/^ND(\d+)_(\d{4})$/, 'Nghị định $1/$2/NĐ-CP');

/** A case: the regime by the act date, the periods, the forms, the decision and the complaint. */
export function DisciplineCasePage({ id }: { id: string }) {
  const { tx, t, formatDate, formatDateTime } = useConductText();
  const { hasRole } = useAuth();
  const c = useLoad<DisciplineCaseDetail>(`/conduct/discipline-cases/${id}`);
  const [form, setForm] = useState('khien_trach');
  const [number, setNumber] = useState('');
  const [complaint, setComplaint] = useState('');
  const { error, act } = useAction(c.reload);
  if (c.error) return <ErrorAlert error={describeError(c.error, t)} />;
  if (!c.data) return <p role="status">{t('common.loading')}</p>;
  const k = c.data;
  const isSelf = k.selfReview === 'official_concerned';
  const isStaff = hasRole('home_affairs', 'leader');
  return (
    <>
      <PageHeader title={`${tx('discipline')}: ${k.officialName}`} intro={k.regimeReference}>
        <Link className="btn btn--secondary" to="/conduct">
          {tx('back')}
        </Link>
      </PageHeader>
      {error ? <ErrorAlert error={describeError(error, t)} /> : null}
      <div className="cd-grid">
        <section className="panel">
          <dl className="cd-dl">
            <dt>{tx('status')}</dt>
            <dd data-testid="case-status">{tx(`status.${k.status}`)}</dd>
            <dt>{tx('regime')}</dt>
            <dd>{regimeLabel(k.regime)}</dd>
            <dt>{tx('actDate')}</dt>
            <dd>{formatDate(k.actDate)}</dd>
            <dt>{tx('severity')}</dt>
            <dd>{tx(`severity.${k.severity}`)}</dd>
            <dt>{tx('handlingDue')}</dt>
            <dd>
              {formatDateTime(k.handlingDue)}
              {k.isOverdue ? <span className="cd-badge cd-badge--bad">{tx('overdue')}</span> : null}
            </dd>
            <dt>{tx('limitation')}</dt>
            <dd>{k.limitationUntil ? formatDate(k.limitationUntil) : tx('noLimitation')}</dd>
            <dt>{tx('allowedForms')}</dt>
            <dd>{k.allowedForms.map((f) => f.label).join(', ')}</dd>
            {k.decisionForm ? (
              <>
                <dt>{tx('decision')}</dt>
                <dd data-testid="case-decision">
                  {k.decisionFormLabel} — {k.decisionNumber} ({formatDateTime(k.decidedAt)})
                </dd>
              </>
            ) : null}
            {k.complaintText ? (
              <>
                <dt>{tx('complaint')}</dt>
                <dd className="cd-answer">
                  {k.complaintText} ({k.complaintStatus})
                </dd>
              </>
            ) : null}
          </dl>
          <h2 className="section-title">{tx('violations')}</h2>
          <ul className="assignment-list">
            {k.violations?.map((v) => (
              <li key={v.id}>
                <Link to={`/conduct/violations/${v.id}`}>
                  {formatDate(v.occurredOn)} — {v.description}
                </Link>
              </li>
            ))}
          </ul>
        </section>
        <section className="panel">
          {isStaff && k.selfReview && k.status !== 'closed' ? <SelfReviewNote reason={k.selfReview} /> : null}
          {k.status === 'open' && isStaff && !k.selfReview ? (
            <form
              className="cd-form"
              onSubmit={(e) => {
                e.preventDefault();
                void act(() => api.post(`/conduct/discipline-cases/${id}/decide`, { form, decisionNumber: number, version: k.version }));
              }}
            >
              <h2 className="section-title">{tx('decide')}</h2>
              <label className="field-label" htmlFor="cd-form">
                {tx('form')}
              </label>
              <select id="cd-form" className="input select" value={form} onChange={(e) => setForm(e.target.value)}>
                {FORMS.map((f) => (
                  <option key={f} value={f}>
                    {FORM_LABELS[f]}
                  </option>
                ))}
              </select>
              <label className="field-label" htmlFor="cd-number">
                {tx('decisionNumber')}
              </label>
              <input id="cd-number" className="input" required value={number} onChange={(e) => setNumber(e.target.value)} />
              <div className="form-actions">
                <button type="submit" className="btn btn--primary">
                  {tx('decide')}
                </button>
              </div>
            </form>
          ) : null}
          {k.status === 'decided' && !k.complaintText && isSelf ? (
            <form
              className="cd-form"
              onSubmit={(e) => {
                e.preventDefault();
                void act(() => api.post(`/conduct/discipline-cases/${id}/complaint`, { text: complaint, version: k.version } satisfies ComplaintBody));
              }}
            >
              <label className="field-label" htmlFor="cd-complaint">
                {tx('complaint')}
              </label>
              <textarea id="cd-complaint" className="input" required value={complaint} onChange={(e) => setComplaint(e.target.value)} />
              <div className="form-actions">
                <button type="submit" className="btn btn--primary">
                  {tx('sendComplaint')}
                </button>
              </div>
            </form>
          ) : null}
        </section>
      </div>
    </>
  );
}

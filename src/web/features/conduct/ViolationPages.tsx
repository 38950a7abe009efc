import { useState } from 'react';
import { ErrorAlert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { describeError } from '../../lib/errors';
import { Link, navigate } from '../../lib/router';
import type { AnswerBody, DisciplineCase, ReviewBody, SelfReview, ViolationDetail, ViolationPage } from '../../../shared/api-types';
import { findingPhotoUrl, useAction, useLoad } from './conduct-api';
import { useConductText } from './conduct-text';
import './conduct.css';

export function ViolationsPage() {
  const { tx, t, formatDate } = useConductText();
  const [status, setStatus] = useState('');
  const list = useLoad<ViolationPage>('/conduct/violations', { status: status || undefined, limit: 200 });
  return (
    <>
      <PageHeader title={tx('violations')} intro={tx('violations.intro')} />
      <div className="toolbar">
        <label className="field-label" htmlFor="cd-status">
          {tx('status')}
        </label>
        <select id="cd-status" className="input select" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">—</option>
          {['reported', 'answered', 'confirmed', 'dismissed'].map((s) => (
            <option key={s} value={s}>
              {tx(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {list.error ? <ErrorAlert error={describeError(list.error, t)} /> : null}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{tx('occurredOn')}</th>
              <th>{tx('official')}</th>
              <th>{tx('description')}</th>
              <th>{tx('source')}</th>
              <th>{tx('status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.items.map((v) => (
              <tr key={v.id}>
                <td>{formatDate(v.occurredOn)}</td>
                <td>{v.officialName}</td>
                <td>
                  <Link to={`/conduct/violations/${v.id}`}>{v.description}</Link>
                </td>
                <td>{tx(`source.${v.source}`)}</td>
                <td>{tx(`status.${v.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/** One violation: evidence and rule; the official's answer; the reviewer's decision; opening a case. */
export function ViolationDetailPage({ id }: { id: string }) {
  const { tx, t, formatDate, formatDateTime } = useConductText();
  const { user, hasRole } = useAuth();
  const v = useLoad<ViolationDetail>(`/conduct/violations/${id}`);
  const [answer, setAnswer] = useState('');
  const [isDutyRelated, setIsDutyRelated] = useState(false);
  const [note, setNote] = useState('');
  const [severity, setSeverity] = useState('it_nghiem_trong');
  const [isComplex, setIsComplex] = useState(false);
  const { error, setError, act } = useAction(v.reload);
  if (v.error) return <ErrorAlert error={describeError(v.error, t)} />;
  if (!v.data) return <p role="status">{t('common.loading')}</p>;
  const row = v.data;
  // the schema says only "an object": its keys depend on the violation's source
  const evidence = row.evidence as Record<string, unknown>;
  const photos = Array.isArray(evidence.photoKeys) ? (evidence.photoKeys as string[]) : [];
  const findingId = typeof evidence.findingId === 'string' ? evidence.findingId : null;
  const findingPhotos = findingId && typeof evidence.findingPhotos === 'number' ? Array.from({ length: evidence.findingPhotos }, (_, i) => i + 1) : [];
  const signal = evidence.signal as { kind?: string; source?: string; ref?: string } | undefined;
  const isReviewer = hasRole('leader', 'home_affairs');
  // nobody judges his own case: the server refuses the official concerned and the filer (SELF_REVIEW)
  const isMine = row.selfReview === 'official_concerned';
  const canJudge = !row.selfReview;
  return (
    <>
      <PageHeader title={`${tx('violations')}: ${row.officialName}`} intro={row.description}>
        <Link className="btn btn--secondary" to="/conduct">
          {tx('back')}
        </Link>
      </PageHeader>
      {error ? <ErrorAlert error={describeError(error, t)} /> : null}
      <div className="cd-grid">
        <section className="panel">
          <dl className="cd-dl">
            <dt>{tx('status')}</dt>
            <dd>
              <span className="cd-badge" data-testid="violation-status">
                {tx(`status.${row.status}`)}
              </span>
            </dd>
            <dt>{tx('source')}</dt>
            <dd>{tx(`source.${row.source}`)}</dd>
            <dt>{tx('occurredOn')}</dt>
            <dd>{formatDate(row.occurredOn)}</dd>
            <dt>{tx('rule')}</dt>
            <dd>{row.rule ? `${row.rule.chapter}.${row.rule.number} — ${row.rule.text}` : '—'}</dd>
            <dt>{tx('evidence')}</dt>
            <dd>
              {findingPhotos.length ? (
                <ul className="cd-thumbs" aria-label={tx('photos')}>
                  {findingPhotos.map((n) => (
                    <li key={n}>
                      <a href={findingPhotoUrl(findingId!, n)} target="_blank" rel="noreferrer">
                        <img src={findingPhotoUrl(findingId!, n)} alt={tx('photoAlt', { n, name: row.officialName })} loading="lazy" />
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              {photos.length ? photos.join(', ') : null}
              {signal ? `${signal.source}: ${signal.kind} (${signal.ref})` : null}
              {!photos.length && !signal && !findingPhotos.length ? '—' : null}
            </dd>
            <dt>{tx('dutyRelated')}</dt>
            <dd>{row.isDutyRelated ? '✓' : '—'}</dd>
          </dl>
        </section>
        <section className="panel">
          <h2 className="section-title">{tx('answer')}</h2>
          {row.answerText ? (
            <p className="cd-answer">
              {row.answerText}
              <br />
              <span className="cell-meta">{formatDateTime(row.answeredAt)}</span>
            </p>
          ) : (
            <p>—</p>
          )}
          {row.status === 'reported' && user && isMine ? (
            <form
              className="cd-form"
              onSubmit={(e) => {
                e.preventDefault();
                void act(() => api.post(`/conduct/violations/${id}/answer`, { text: answer, version: row.version } satisfies AnswerBody));
              }}
            >
              <label className="field-label" htmlFor="cd-answer">
                {tx('answer')}
              </label>
              <textarea id="cd-answer" className="input" required value={answer} onChange={(e) => setAnswer(e.target.value)} />
              <div className="form-actions">
                <button type="submit" className="btn btn--primary">
                  {tx('sendAnswer')}
                </button>
              </div>
            </form>
          ) : null}
          {row.reviewNote ? (
            <p>
              <strong>{tx('review')}:</strong> {row.reviewNote}
            </p>
          ) : null}
          {isReviewer && !canJudge && (row.status === 'answered' || row.status === 'reported' || row.status === 'confirmed') ? (
            <SelfReviewNote reason={row.selfReview!} />
          ) : null}
          {isReviewer && canJudge && (row.status === 'answered' || row.status === 'reported') ? (
            <form className="cd-form" onSubmit={(e) => e.preventDefault()}>
              <h2 className="section-title">{tx('review')}</h2>
              <label className="checkbox">
                <input type="checkbox" checked={isDutyRelated} onChange={(e) => setIsDutyRelated(e.target.checked)} /> {tx('dutyRelated')}
              </label>
              <label className="field-label" htmlFor="cd-review-note">
                {tx('note')}
              </label>
              <textarea id="cd-review-note" className="input" value={note} onChange={(e) => setNote(e.target.value)} />
              <div className="form-actions">
                {row.status === 'answered' ? (
                  <button
                    type="button"
                    className="btn btn--primary"
                    onClick={() =>
                      void act(() =>
                        api.post(`/conduct/violations/${id}/confirm`, {
                          version: row.version,
                          isDutyRelated,
                          ...(note.trim() ? { note: note.trim() } : {}),
                        } satisfies ReviewBody),
                      )
                    }
                  >
                    {tx('confirm')}
                  </button>
                ) : null}
                <button
                  type="button"
                  className="btn btn--danger-outline"
                  onClick={() =>
                    void act(() =>
                      api.post(`/conduct/violations/${id}/dismiss`, {
                        version: row.version,
                        ...(note.trim() ? { note: note.trim() } : {}),
                      } satisfies ReviewBody),
                    )
                  }
                >
                  {tx('dismiss')}
                </button>
              </div>
            </form>
          ) : null}
          {hasRole('home_affairs') && canJudge && row.status === 'confirmed' ? (
            <form
              className="cd-form"
              onSubmit={(e) => {
                e.preventDefault();
                setError(null);
                api
                  .post<DisciplineCase>('/conduct/discipline-cases', { violationIds: [id], severity, isComplex })
                  .then((c) => navigate(`/conduct/discipline/${c.id}`), setError);
              }}
            >
              <h2 className="section-title">{tx('openCase')}</h2>
              <label className="field-label" htmlFor="cd-severity">
                {tx('severity')}
              </label>
              <select id="cd-severity" className="input select" value={severity} onChange={(e) => setSeverity(e.target.value)}>
                {['it_nghiem_trong', 'nghiem_trong', 'rat_nghiem_trong', 'dac_biet_nghiem_trong'].map((s) => (
                  <option key={s} value={s}>
                    {tx(`severity.${s}`)}
                  </option>
                ))}
              </select>
              <label className="checkbox">
                <input type="checkbox" checked={isComplex} onChange={(e) => setIsComplex(e.target.checked)} /> {tx('complex')}
              </label>
              <div className="form-actions">
                <button type="submit" className="btn btn--primary">
                  {tx('openCase')}
                </button>
              </div>
            </form>
          ) : null}
        </section>
      </div>
    </>
  );
}

/** Shown instead of the judging buttons to the official concerned and to the filer of the record. */
export function SelfReviewNote({ reason }: { reason: NonNullable<SelfReview> }) {
  const { tx } = useConductText();
  return (
    <p className="cd-self-review" role="note" data-testid="self-review-note">
      {tx(`selfReview.${reason}`)}
    </p>
  );
}

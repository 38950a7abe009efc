import { useState } from 'react';
import { ErrorAlert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { describeError } from '../../lib/errors';
import { Link, navigate } from '../../lib/router';
import type { Items, OfficialRef, OpenRatingBody, Rating, RatingDetail } from '../../../shared/api-types';
import { currentYear, useLoad } from './conduct-api';
import { useConductText } from './conduct-text';
import { SelfReviewNote } from './ViolationPages';
import './conduct.css';

export function RatingsPage() {
  const { tx, t } = useConductText();
  const { hasRole } = useAuth();
  const [year, setYear] = useState(currentYear());
  const list = useLoad<Items<Rating>>('/conduct/ratings', { year });
  const people = useLoad<Items<OfficialRef>>('/conduct/officials');
  const [officialId, setOfficialId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const open = () => {
    setError(null);
    api.post<Rating>('/conduct/ratings', { officialId, year } satisfies OpenRatingBody).then((r) => navigate(`/conduct/ratings/${r.id}`), setError);
  };
  return (
    <>
      <PageHeader title={tx('ratings')} intro={tx('ratings.intro')} />
      {error || list.error ? <ErrorAlert error={describeError(error ?? list.error, t)} /> : null}
      <div className="toolbar">
        <label className="field-label" htmlFor="cd-year">
          {tx('year')}
        </label>
        <select id="cd-year" className="input select" value={year} onChange={(e) => setYear(Number(e.target.value))}>
          {[currentYear() - 1, currentYear(), currentYear() + 1].map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        {hasRole('leader', 'home_affairs') ? (
          <>
            <label className="field-label" htmlFor="cd-rating-official">
              {tx('official')}
            </label>
            <select id="cd-rating-official" className="input select" value={officialId} onChange={(e) => setOfficialId(e.target.value)}>
              <option value="">—</option>
              {people.data?.items.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.fullName} ({o.agencyName})
                </option>
              ))}
            </select>
            <button type="button" className="btn btn--primary" disabled={!officialId} onClick={open}>
              {tx('openRating')}
            </button>
          </>
        ) : null}
      </div>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th>{tx('official')}</th>
              <th>{tx('year')}</th>
              <th>{tx('status')}</th>
              <th>{tx('total')}</th>
              <th>{tx('finalGrade')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.items.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link to={`/conduct/ratings/${r.id}`}>{r.officialName}</Link>
                </td>
                <td>{r.year}</td>
                <td>{tx(`status.${r.status}`)}</td>
                <td>{r.manager.total ?? r.self.total ?? '—'}</td>
                <td>{r.finalGrade ? tx(`grade.${r.finalGrade}`) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function AssessForm({
  idPrefix,
  title,
  usesPoints,
  onSubmit,
}: {
  idPrefix: string;
  title: string;
  usesPoints: boolean;
  onSubmit: (a: { general?: number; task?: number; grade?: string; comment?: string }) => void;
}) {
  const { tx } = useConductText();
  const [general, setGeneral] = useState('');
  const [task, setTask] = useState('');
  const [grade, setGrade] = useState('tot');
  const [comment, setComment] = useState('');
  return (
    <form
      className="cd-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(
          usesPoints
            ? { general: Number(general), task: Number(task), ...(comment.trim() ? { comment: comment.trim() } : {}) }
            : { grade, ...(comment.trim() ? { comment: comment.trim() } : {}) },
        );
      }}
    >
      <h2 className="section-title">{title}</h2>
      {usesPoints ? (
        <>
          <label className="field-label" htmlFor={`${idPrefix}-general`}>
            {tx('general')}
          </label>
          <input
            id={`${idPrefix}-general`}
            className="input"
            type="number"
            min={0}
            max={30}
            step={0.01}
            required
            value={general}
            onChange={(e) => setGeneral(e.target.value)}
          />
          <label className="field-label" htmlFor={`${idPrefix}-task`}>
            {tx('task')}
          </label>
          <input
            id={`${idPrefix}-task`}
            className="input"
            type="number"
            min={0}
            max={70}
            step={0.01}
            required
            value={task}
            onChange={(e) => setTask(e.target.value)}
          />
        </>
      ) : (
        <>
          <label className="field-label" htmlFor={`${idPrefix}-grade`}>
            {tx('grade')}
          </label>
          <select id={`${idPrefix}-grade`} className="input select" value={grade} onChange={(e) => setGrade(e.target.value)}>
            {['xuat_sac', 'tot', 'hoan_thanh', 'khong_hoan_thanh'].map((g) => (
              <option key={g} value={g}>
                {tx(`grade.${g}`)}
              </option>
            ))}
          </select>
        </>
      )}
      <label className="field-label" htmlFor={`${idPrefix}-comment`}>
        {tx('comment')}
      </label>
      <textarea id={`${idPrefix}-comment`} className="input" value={comment} onChange={(e) => setComment(e.target.value)} />
      <div className="form-actions">
        <button type="submit" className="btn btn--primary">
          {title}
        </button>
      </div>
    </form>
  );
}

/** One rating: self → manager → decision, with the evidence panel of the year. */
export function RatingPage({ id }: { id: string }) {
  const { tx, t, formatDateTime } = useConductText();
  const { hasRole } = useAuth();
  const r = useLoad<RatingDetail>(`/conduct/ratings/${id}`);
  const [error, setError] = useState<unknown>(null);
  const act = async (path: string, body: object) => {
    setError(null);
    try {
      await api.post(`/conduct/ratings/${id}/${path}`, { ...body, version: r.data!.version });
      r.reload();
    } catch (e) {
      setError(e);
    }
  };
  if (r.error) return <ErrorAlert error={describeError(r.error, t)} />;
  if (!r.data) return <p role="status">{t('common.loading')}</p>;
  const x = r.data;
  const ev = x.evidence;
  const money = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
  const isStaff = hasRole('leader', 'home_affairs');
  const isMine = x.selfReview === 'official_concerned'; // his own rating: he assesses himself, never the later steps
  return (
    <>
      <PageHeader title={`${tx('ratings')} ${x.year}: ${x.officialName}`} intro={x.regimeReference}>
        <Link className="btn btn--secondary" to="/conduct">
          {tx('back')}
        </Link>
      </PageHeader>
      {error ? <ErrorAlert error={describeError(error, t)} /> : null}
      <div className="cd-grid">
        <section className="panel">
          <dl className="cd-dl">
            <dt>{tx('status')}</dt>
            <dd>{tx(`status.${x.status}`)}</dd>
            <dt>{tx('selfAssess')}</dt>
            <dd>
              {x.self.total ?? '—'} {x.self.grade ? `— ${tx(`grade.${x.self.grade}`)}` : ''}
            </dd>
            <dt>{tx('managerAssess')}</dt>
            <dd>
              {x.manager.total ?? '—'} {x.manager.grade ? `— ${tx(`grade.${x.manager.grade}`)}` : ''}
            </dd>
            <dt>{tx('finalGrade')}</dt>
            <dd className="cd-grade" data-testid="final-grade">
              {x.finalGrade ? tx(`grade.${x.finalGrade}`) : '—'}
            </dd>
          </dl>
          {x.finalReason ? <p className="field-hint">{x.finalReason}</p> : null}
          {isStaff && isMine && x.status !== 'decided' ? <SelfReviewNote reason="official_concerned" /> : null}
          {x.status === 'self' && isMine ? (
            <AssessForm idPrefix="cd-self" title={tx('selfAssess')} usesPoints={x.usesPoints} onSubmit={(a) => void act('self', a)} />
          ) : null}
          {x.status === 'manager' && hasRole('leader') && !isMine ? (
            <AssessForm idPrefix="cd-mgr" title={tx('managerAssess')} usesPoints={x.usesPoints} onSubmit={(a) => void act('assess', a)} />
          ) : null}
          {x.status === 'decision' && isStaff && !isMine ? (
            <button type="button" className="btn btn--primary" onClick={() => void act('decide', {})}>
              {tx('decideRating')}
            </button>
          ) : null}
        </section>
        <section className="panel" aria-labelledby="cd-evidence">
          <h2 className="section-title" id="cd-evidence">
            {tx('evidencePanel')}
          </h2>
          <p>{tx('attendance', ev.attendance)}</p>
          <p>{tx('findings', ev.inspections)}</p>
          <h3 className="subpanel-title">{tx('commitments')}</h3>
          <ul className="assignment-list">
            {ev.commitments.length ? (
              ev.commitments.map((c) => (
                <li key={c.campaign + c.acknowledgedAt}>
                  {c.campaign}: {formatDateTime(c.acknowledgedAt)}
                </li>
              ))
            ) : (
              <li>{tx('none')}</li>
            )}
          </ul>
          <h3 className="subpanel-title">{tx('violations')}</h3>
          <ul className="assignment-list">
            {ev.violations.length ? (
              ev.violations.map((v) => (
                <li key={v.id}>
                  <Link to={`/conduct/violations/${v.id}`}>{v.description}</Link> ({tx(`status.${v.status}`)})
                </li>
              ))
            ) : (
              <li>{tx('none')}</li>
            )}
          </ul>
          <h3 className="subpanel-title">{tx('signals')}</h3>
          <ul className="assignment-list">
            {ev.serviceSignals.length ? (
              ev.serviceSignals.map((s) => (
                <li key={s.id}>
                  {s.kind} ({tx(`status.${s.status}`)})
                </li>
              ))
            ) : (
              <li>{tx('none')}</li>
            )}
          </ul>
          <h3 className="subpanel-title">{tx('disciplines')}</h3>
          <ul className="assignment-list">
            {ev.disciplines.length ? (
              ev.disciplines.map((d) => (
                <li key={d.id}>
                  {d.formLabel} — {d.decisionNumber}
                  {d.isDutyRelated ? ` (${tx('dutyRelated')})` : ''}
                </li>
              ))
            ) : (
              <li>{tx('none')}</li>
            )}
          </ul>
          <h3 className="subpanel-title">{tx('titles')}</h3>
          <ul className="assignment-list">
            {ev.titles.map((ti) => (
              <li key={ti.code}>
                {ti.label}: {ti.isEligible ? tx('eligible') : tx('notEligible')} — {tx('bonus')} {money(ti.bonus)} đ
                {ti.unmet.length ? <span className="cell-meta"> ({ti.unmet.join(' ')})</span> : null}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}

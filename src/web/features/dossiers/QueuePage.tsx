import { useEffect, useState } from 'react';
import { vnToday } from '../../../shared/vn-time';
import { ErrorAlert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { api, seg } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { describeError, type ErrorView } from '../../lib/errors';
import { Link } from '../../lib/router';
import type { CitizenRatingStats, DossierSummary } from '../../../shared/api-types';
import { dossierApi } from './dossiers-api';
import { useDossierText } from './dossiers-text';
import './dossiers.css';

export type QueueKind = 'mine' | 'unit' | 'late' | 'results' | 'citizen';

const QUERY: Record<QueueKind, Record<string, string>> = {
  mine: { queue: 'mine' },
  unit: { queue: 'unit' },
  late: { queue: 'late' },
  results: { queue: 'unit', status: 'submitted,result_ready,supplement_requested' },
  citizen: {},
};
const TITLE: Record<QueueKind, string> = { mine: 'queue.mine', unit: 'queue.unit', late: 'queue.late', results: 'queue.results', citizen: 'online.mine' };

/** Work queues ordered by due time, with overdue and due-soon highlighting. */
export function QueuePage({ kind, embedded }: { kind: QueueKind; embedded?: boolean }) {
  const { tx, t, formatDateTime } = useDossierText();
  const { hasRole } = useAuth();
  const [items, setItems] = useState<DossierSummary[] | null>(null);
  const [error, setError] = useState<ErrorView | null>(null);
  const [stats, setStats] = useState<CitizenRatingStats['items'] | null>(null);

  useEffect(() => {
    let live = true;
    dossierApi.list({ ...QUERY[kind], limit: 200 }).then(
      (page) => live && setItems(page.items),
      (e: unknown) => live && setError(describeError(e, t)),
    );
    if (kind === 'unit' && hasRole('leader')) {
      api.get<CitizenRatingStats>('/dossiers/ratings/stats', { by: 'officer' }).then(
        (s) => live && setStats(s.items),
        () => undefined,
      );
    }
    return () => {
      live = false;
    };
  }, [kind, t, hasRole]);

  const [today] = useState(() => vnToday());
  const monthStart = `${today.slice(0, 8)}01`;
  return (
    <>
      {embedded ? (
        <h2 className="section-title">{tx(TITLE[kind])}</h2>
      ) : (
        <PageHeader title={tx(TITLE[kind])} intro={tx('queue.intro')}>
          {hasRole('counter_officer', 'leader') && kind !== 'citizen' ? (
            <a className="btn btn--secondary" href={`/api/v1/dossiers/tracking-book.xlsx?from=${monthStart}&to=${today}`}>
              {tx('trackingBook')}
            </a>
          ) : null}
        </PageHeader>
      )}
      {error ? <ErrorAlert error={error} /> : null}
      {!items ? (
        <p role="status">{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p className="panel">{tx('queue.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table dossier-queue">
            <thead>
              <tr>
                <th scope="col">{tx('col.code')}</th>
                <th scope="col">{tx('col.procedure')}</th>
                <th scope="col">{tx('col.applicant')}</th>
                <th scope="col">{tx('col.status')}</th>
                <th scope="col">{tx('col.assignee')}</th>
                <th scope="col">{tx('col.due')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.code} className={d.isOverdue ? 'dossier-row--overdue' : d.isDueSoon ? 'dossier-row--soon' : undefined}>
                  <td data-label={tx('col.code')} className="cell-primary">
                    <Link to={`/dossiers/${seg(d.code)}`}>
                      <code>{d.code}</code>
                    </Link>
                  </td>
                  <td data-label={tx('col.procedure')}>{d.procedureName}</td>
                  <td data-label={tx('col.applicant')}>{d.applicantName}</td>
                  <td data-label={tx('col.status')}>
                    <span className={`dossier-status dossier-status--${d.status}`}>{tx(`status.${d.status}`)}</span>
                  </td>
                  <td data-label={tx('col.assignee')}>{d.assigneeName ?? '—'}</td>
                  <td data-label={tx('col.due')}>
                    {d.dueAt ? formatDateTime(d.dueAt) : '—'}
                    {d.isOverdue ? (
                      <span className="badge badge--danger">{tx('overdue')}</span>
                    ) : d.isDueSoon ? (
                      <span className="badge badge--warning">{tx('dueSoon')}</span>
                    ) : null}
                    {d.hasApology ? <span className="badge">{tx('apologized')}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {stats && stats.length ? (
        <section className="panel">
          <h2 className="section-title">{tx('stats')}</h2>
          <ul>
            {stats.map((s) => (
              <li key={s.label}>
                {s.label}: {s.rate}% ({s.total})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

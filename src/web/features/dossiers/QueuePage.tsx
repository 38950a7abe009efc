import { useEffect, useState } from 'react';
import { vnToday } from '../../../shared/vn-time';
import { ListFooter } from '../../components/ListFooter';
import { PageHeader } from '../../components/PageHeader';
import { SearchBox } from '../../components/SearchBox';
import { api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { usePagedList } from '../../lib/use-paged-list';
import type { CitizenRatingStats, DossierSummary } from '../../../shared/api-types';
import { DossierTable } from './DossierTable';
import { useDossierText } from './dossiers-text';
import './dossiers.css';

export type QueueKind = 'mine' | 'unit' | 'late' | 'results' | 'citizen' | 'returned' | 'search';

const QUERY: Record<QueueKind, Record<string, string>> = {
  mine: { queue: 'mine' },
  unit: { queue: 'unit' },
  late: { queue: 'late' },
  results: { queue: 'unit', status: 'submitted,result_ready,supplement_requested' },
  citizen: {},
  returned: { queue: 'returned' },
  search: { queue: 'all' },
};
const TITLE: Record<QueueKind, string> = {
  mine: 'queue.mine',
  unit: 'queue.unit',
  late: 'queue.late',
  results: 'queue.results',
  citizen: 'online.mine',
  returned: 'list.returned',
  search: 'list.search',
};
const PAGE_SIZE = 50;

/**
 * Work queues ordered by due time, with overdue and due-soon highlighting; the returned list by
 * return day; the staff search. Every list pages with the server's cursor ("Tải thêm").
 */
export function QueuePage({ kind, embedded }: { kind: QueueKind; embedded?: boolean }) {
  const { tx, t } = useDossierText();
  const { hasRole } = useAuth();
  const [today] = useState(() => vnToday());
  const monthStart = `${today.slice(0, 8)}01`;
  const [q, setQ] = useState('');
  const [range, setRange] = useState({ from: monthStart, to: today });
  const [draft, setDraft] = useState(range);
  const filters = kind === 'returned' ? range : kind === 'search' ? { q } : {};
  const list = usePagedList<DossierSummary>(
    (cursor, signal) => api.get('/dossiers', { ...QUERY[kind], ...filters, limit: PAGE_SIZE, cursor }, signal),
    [kind, q, range.from, range.to],
  );
  const [stats, setStats] = useState<CitizenRatingStats['items'] | null>(null);
  useEffect(() => {
    if (kind !== 'unit' || !hasRole('leader')) return;
    let live = true;
    api.get<CitizenRatingStats>('/dossiers/ratings/stats', { by: 'officer' }).then(
      (s) => live && setStats(s.items),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [kind, hasRole]);

  const title = kind === 'returned' || kind === 'search' ? t(TITLE[kind] as 'list.search') : tx(TITLE[kind]);
  const intro = kind === 'returned' ? t('list.returnedIntro') : kind === 'search' ? t('list.searchIntro') : tx('queue.intro');
  return (
    <>
      {embedded ? (
        <h2 className="section-title">{title}</h2>
      ) : (
        <PageHeader title={title} intro={intro}>
          {hasRole('counter_officer', 'leader') && kind !== 'citizen' ? (
            <a className="btn btn--secondary" href={`/api/v1/dossiers/tracking-book.xlsx?from=${range.from}&to=${range.to}`}>
              {tx('trackingBook')}
            </a>
          ) : null}
        </PageHeader>
      )}
      {kind === 'search' ? <SearchBox id="dossier-q" label={t('list.searchLabel')} onSearch={setQ} /> : null}
      {kind === 'returned' ? (
        <form
          className="toolbar"
          lang="vi"
          onSubmit={(e) => {
            e.preventDefault();
            if (draft.from && draft.to && draft.from <= draft.to) setRange(draft);
          }}
        >
          {(['from', 'to'] as const).map((k) => (
            <label key={k} className="field">
              <span className="field-label">{t(k === 'from' ? 'list.from' : 'list.to')}</span>
              <input
                className="input"
                type="date"
                name={k}
                required
                max={today}
                value={draft[k]}
                onChange={(e) => setDraft({ ...draft, [k]: e.target.value })}
              />
            </label>
          ))}
          <button type="submit" className="btn btn--secondary">
            {t('list.filter')}
          </button>
        </form>
      ) : null}
      {list.items.length ? <DossierTable items={list.items} dateColumn={kind === 'returned' ? 'closed' : 'due'} /> : null}
      <ListFooter
        count={list.items.length}
        isLoading={list.isLoading}
        hasMore={!!list.nextCursor}
        error={list.error}
        isSearch={kind === 'search' ? !!q : kind === 'returned'}
        onLoadMore={() => void list.loadMore()}
      />
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

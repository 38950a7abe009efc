import { useState } from 'react';
import { ListFooter } from '../../components/ListFooter';
import { AgencyPicker } from '../../components/AgencyPicker';
import { PageHeader } from '../../components/PageHeader';
import { SearchBox } from '../../components/SearchBox';
import { api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { Link } from '../../lib/router';
import type { OfficialItem, Page } from '../../../shared/api-types';
import { usePagedList } from '../../lib/use-paged-list';
import { CATEGORIES } from './api';
import './workforce.css';

const HR_READ_ROLES = ['home_affairs', 'leader', 'admin'] as const;

export function OfficialsPage() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const [q, setQ] = useState('');
  const [agency, setAgency] = useState('');
  const [category, setCategory] = useState('');
  const list = usePagedList<OfficialItem>(
    (cursor, signal) => api.get<Page<OfficialItem>>('/workforce/officials', { q, cursor, limit: 50, agency, category }, signal),
    [q, agency, category],
  );
  const isHr = hasRole('home_affairs', 'admin');

  return (
    <>
      <PageHeader title={t('wf.list.title')} intro={t('wf.list.intro')}>
        <Link to="/workforce/stats" className="btn btn--secondary">
          {t('wf.nav.stats')}
        </Link>
        {isHr ? (
          <Link to="/workforce/import" className="btn btn--primary">
            {t('wf.nav.import')}
          </Link>
        ) : null}
      </PageHeader>
      <div className="toolbar wf-filters">
        <SearchBox id="wf-q" label={t('wf.list.search')} onSearch={setQ} />
        <AgencyPicker id="wf-agency" className="field--picker" label={t('wf.list.agency')} optional value={agency} onChange={setAgency} roles={HR_READ_ROLES} />
        <div className="field">
          <label className="field-label" htmlFor="wf-category">
            {t('wf.list.category')}
          </label>
          <select id="wf-category" className="input select" value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('wf.all')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`wf.cat.${c}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('wf.list.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('wf.col.name')}</th>
              <th scope="col">{t('wf.col.code')}</th>
              <th scope="col">{t('wf.col.category')}</th>
              <th scope="col">{t('wf.col.agency')}</th>
              <th scope="col">{t('wf.col.position')}</th>
              <th scope="col">{t('wf.col.theory')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((o) => (
              <tr key={o.id}>
                <td data-label={t('wf.col.name')} className="cell-primary">
                  <Link to={`/workforce/officials/${o.id}`} className="wf-name">
                    {o.fullName}
                  </Link>
                  {o.leadershipTitle ? <div className="cell-meta">{o.leadershipTitle}</div> : null}
                </td>
                <td data-label={t('wf.col.code')}>
                  <code>{o.code}</code>
                </td>
                <td data-label={t('wf.col.category')}>{t(`wf.cat.${o.category}` as MessageKey)}</td>
                <td data-label={t('wf.col.agency')}>
                  {o.agencyName}
                  {o.orgUnitName ? <div className="cell-meta">{o.orgUnitName}</div> : null}
                </td>
                <td data-label={t('wf.col.position')}>
                  {o.positionName ?? '—'}
                  {o.rank ? <div className="cell-meta">{o.rank}</div> : null}
                </td>
                <td data-label={t('wf.col.theory')}>{t(`wf.theory.${o.politicalTheory}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ListFooter
        count={list.items.length}
        isLoading={list.isLoading}
        hasMore={!!list.nextCursor}
        error={list.error}
        isSearch={!!q || !!agency || !!category}
        onLoadMore={() => void list.loadMore()}
      />
    </>
  );
}

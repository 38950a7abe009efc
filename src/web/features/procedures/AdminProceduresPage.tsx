import { useState } from 'react';
import { ListFooter } from '../../components/ListFooter';
import { PageHeader } from '../../components/PageHeader';
import { SearchBox } from '../../components/SearchBox';
import { api, buildUrl, seg } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { Link } from '../../lib/router';
import type { AdminProcedureSummary, Page } from '../../../shared/api-types';
import { usePagedList } from '../../lib/use-paged-list';
import { useCitizenText } from '../citizen/citizen-text';
import { formatLimit, onlineLabel } from './format';
import { ImportPanel } from './ImportPanel';
import './procedures.css';

/** Administrators: the procedures of their agencies (including withdrawn ones), import, export. */
export function AdminProceduresPage() {
  const { t, lang } = useI18n();
  const { tc } = useCitizenText();
  const [q, setQ] = useState('');
  const list = usePagedList<AdminProcedureSummary>(
    (cursor, signal) => api.get<Page<AdminProcedureSummary>>('/admin/procedures', { q, cursor, limit: 50 }, signal),
    [q],
  );

  return (
    <>
      <PageHeader title={t('procAdmin.title')} intro={t('procAdmin.intro')}>
        <div className="proc-actions">
          <a className="btn btn--secondary" href={buildUrl('/procedures/export.xlsx')} download>
            {t('procAdmin.exportXlsx')}
          </a>
          <a className="btn btn--secondary" href={buildUrl('/procedures/export.csv')} download>
            {t('procAdmin.exportCsv')}
          </a>
        </div>
      </PageHeader>
      <ImportPanel onImported={() => void list.reload()} />
      <div className="toolbar">
        <SearchBox id="proc-admin-q" label={t('procAdmin.searchLabel')} onSearch={setQ} />
      </div>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('procAdmin.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('proc.code')}</th>
              <th scope="col">{t('proc.name')}</th>
              <th scope="col">{t('proc.agency')}</th>
              <th scope="col">{t('proc.timeLimit')}</th>
              <th scope="col">{t('procAdmin.col.status')}</th>
              <th scope="col" className="num">
                {t('procAdmin.col.version')}
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((p) => (
              <tr key={p.code} className={p.isActive ? undefined : 'is-muted'}>
                <td data-label={t('proc.code')}>
                  <code>{p.code}</code>
                </td>
                <td data-label={t('proc.name')} className="cell-primary proc-name-cell">
                  {p.isActive ? <Link to={`/thu-tuc/${seg(p.code)}`}>{p.name}</Link> : p.name}
                  {p.isActive ? (
                    <Link to={`/admin/procedures/${seg(p.code)}/templates`} className="cell-meta proc-note">
                      {tc('tpl.manage')}
                    </Link>
                  ) : null}
                </td>
                <td data-label={t('proc.agency')}>{p.agencyName}</td>
                <td data-label={t('proc.timeLimit')}>
                  {formatLimit(p.timeLimit, t, lang)}
                  <span className="cell-meta proc-note">{onlineLabel(p.onlineLevel, t)}</span>
                </td>
                <td data-label={t('procAdmin.col.status')}>
                  <span className={`status ${p.isActive ? 'status--ok' : 'status--off'}`}>
                    {p.isActive ? t('procAdmin.status.active') : t('procAdmin.status.inactive')}
                  </span>
                </td>
                <td data-label={t('procAdmin.col.version')} className="num">
                  {p.version}
                </td>
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
        isSearch={!!q}
        onLoadMore={() => void list.loadMore()}
      />
    </>
  );
}

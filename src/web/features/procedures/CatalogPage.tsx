import { useState } from 'react';
import { ListFooter } from '../../components/ListFooter';
import { PageHeader } from '../../components/PageHeader';
import { SearchBox } from '../../components/SearchBox';
import { api, seg } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { Link, useLocation } from '../../lib/router';
import type { Page, ProcedureSummary } from '../../../shared/api-types';
import { usePagedList } from '../../lib/use-paged-list';
import { formatLimit, formatMoney, onlineLabel } from './format';
import { useCatalogOptions } from './use-catalog-options';
import './procedures.css';

/** The public catalog: accent-insensitive search on the server, filters, "load more". */
export function CatalogPage() {
  const { t, lang } = useI18n();
  const { query } = useLocation();
  const [q, setQ] = useState(query.get('q') ?? '');
  const [field, setField] = useState(query.get('field') ?? '');
  const [agency, setAgency] = useState(query.get('agency') ?? '');
  const { fields, agencies } = useCatalogOptions();
  const list = usePagedList<ProcedureSummary>(
    (cursor, signal) => api.get<Page<ProcedureSummary>>('/procedures', { q, field, agency, cursor, limit: 20 }, signal),
    [q, field, agency],
  );

  return (
    <>
      <PageHeader title={t('proc.title')} intro={t('proc.intro')} />
      <div className="toolbar proc-toolbar">
        <SearchBox id="proc-q" label={t('proc.searchLabel')} onSearch={setQ} initial={q} />
        <div className="field">
          <label className="field-label" htmlFor="proc-field">
            {t('proc.filterField')}
          </label>
          <select id="proc-field" className="input select" value={field} onChange={(e) => setField(e.target.value)}>
            <option value="">{t('proc.all')}</option>
            {fields.map((f) => (
              <option key={f.code} value={f.code}>{`${f.name} (${f.count})`}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field-label" htmlFor="proc-agency">
            {t('proc.filterAgency')}
          </label>
          <select id="proc-agency" className="input select" value={agency} onChange={(e) => setAgency(e.target.value)}>
            <option value="">{t('proc.all')}</option>
            {agencies.map((a) => (
              <option key={a.code} value={a.code}>{`${a.name} (${a.count})`}</option>
            ))}
          </select>
        </div>
      </div>
      <ul className="proc-list" aria-label={t('proc.title')}>
        {list.items.map((p) => (
          <li key={p.code} className="proc-item">
            <Link to={`/thu-tuc/${seg(p.code)}`} className="proc-item-title">
              {p.name}
            </Link>
            <p className="proc-item-meta">
              <code>{p.code}</code>
              <span aria-hidden="true"> · </span>
              {p.agencyName}
              <span aria-hidden="true"> · </span>
              {p.fieldName}
            </p>
            <dl className="proc-facts">
              <div>
                <dt>{t('proc.timeLimit')}</dt>
                <dd>{formatLimit(p.timeLimit, t, lang)}</dd>
              </div>
              <div>
                <dt>{t('proc.onlineLevel')}</dt>
                <dd>
                  <span className={`proc-level proc-level--${p.onlineLevel}`}>{onlineLabel(p.onlineLevel, t)}</span>
                </dd>
              </div>
              <div>
                <dt>{t('proc.fee')}</dt>
                <dd>{formatMoney(p.fee, t, lang)}</dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
      <ListFooter
        count={list.items.length}
        isLoading={list.isLoading}
        hasMore={!!list.nextCursor}
        error={list.error}
        isSearch={!!(q || field || agency)}
        onLoadMore={() => void list.loadMore()}
      />
    </>
  );
}

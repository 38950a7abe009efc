import { Fragment, useState } from 'react';
import { Alert } from '../../components/Alert';
import { ListFooter } from '../../components/ListFooter';
import { PageHeader } from '../../components/PageHeader';
import { SearchBox } from '../../components/SearchBox';
import { api } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import type { Agency, Page } from '../../../shared/api-types';
import { usePagedList } from '../../lib/use-paged-list';
import { AgencyForm } from './AgencyForm';
import { AgencyUnitsPanel } from './AgencyUnitsPanel';
import { LookupCheckPanel } from './LookupCheckPanel';

export function AgenciesPage() {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [isFormOpen, setFormOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [openCode, setOpenCode] = useState<string | null>(null);
  const list = usePagedList<Agency>((cursor, signal) => api.get<Page<Agency>>('/admin/agencies', { q, cursor, limit: 50 }, signal), [q]);

  return (
    <>
      <PageHeader title={t('agencies.title')} intro={t('agencies.intro')}>
        <button
          type="button"
          className="btn btn--primary"
          aria-expanded={isFormOpen}
          onClick={() => {
            setFormOpen((o) => !o);
            setNotice(null);
          }}
        >
          {t('common.create')}
        </button>
      </PageHeader>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      <LookupCheckPanel />
      {isFormOpen ? (
        <AgencyForm
          onCancel={() => setFormOpen(false)}
          onCreated={(a) => {
            list.setItems((prev) => [a, ...prev.filter((p) => p.code !== a.code)]);
            setNotice(t('common.created', { name: a.name }));
            setFormOpen(false);
          }}
        />
      ) : null}
      <div className="toolbar">
        <SearchBox id="agencies-q" label={t('agencies.searchLabel')} onSearch={setQ} />
      </div>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('agencies.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agencies.col.code')}</th>
              <th scope="col">{t('agencies.col.name')}</th>
              <th scope="col">{t('agencies.col.parent')}</th>
              <th scope="col">{t('agencies.col.adminUnit')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((a) => {
              const isOpen = openCode === a.code;
              const panelId = `agency-units-${a.code.replace(/\W/g, '_')}`;
              return (
                <Fragment key={a.code}>
                  <tr>
                    <td data-label={t('agencies.col.code')}>
                      <code>{a.code}</code>
                    </td>
                    <td data-label={t('agencies.col.name')} className="cell-primary">
                      {a.name}
                    </td>
                    <td data-label={t('agencies.col.parent')}>{a.parentCode ? <code>{a.parentCode}</code> : t('common.none')}</td>
                    <td data-label={t('agencies.col.adminUnit')}>
                      <code>{a.adminUnitCode}</code>
                    </td>
                    <td className="cell-actions">
                      <button
                        type="button"
                        className="btn btn--small btn--secondary"
                        aria-expanded={isOpen}
                        aria-controls={isOpen ? panelId : undefined}
                        onClick={() => setOpenCode(isOpen ? null : a.code)}
                      >
                        {t('agencies.showUnits')}
                        <span className="visually-hidden">: {a.name}</span>
                      </button>
                    </td>
                  </tr>
                  {isOpen ? (
                    <tr className="row-detail">
                      <td colSpan={5} id={panelId}>
                        <AgencyUnitsPanel agency={a} />
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              );
            })}
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

import { useState } from 'react';
import { Alert } from '../../components/Alert';
import { SelectField } from '../../components/Field';
import { ListFooter } from '../../components/ListFooter';
import { PageHeader } from '../../components/PageHeader';
import { SearchBox } from '../../components/SearchBox';
import { api } from '../../lib/api';
import { codeLabel, useI18n } from '../../lib/i18n';
import type { AdminUnit, Page } from '../../../shared/api-types';
import { usePagedList } from '../../lib/use-paged-list';
import { UnitForm, unitTypeLabel } from './UnitForm';

export function UnitsPage() {
  const { t, formatDate } = useI18n();
  const [q, setQ] = useState('');
  const [level, setLevel] = useState('');
  const [isFormOpen, setFormOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const list = usePagedList<AdminUnit>(
    (cursor, signal) => api.get<Page<AdminUnit>>('/admin/administrative-units', { q, level, cursor, limit: 50 }, signal),
    [q, level],
  );

  const validity = (u: AdminUnit) => {
    if (!u.validFrom && !u.validTo) return t('common.none');
    if (!u.validTo) return t('units.validFromOnly', { from: formatDate(u.validFrom) });
    return t('units.validRange', { from: formatDate(u.validFrom) || '…', to: formatDate(u.validTo) });
  };

  return (
    <>
      <PageHeader title={t('units.title')} intro={t('units.intro')}>
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
      {isFormOpen ? (
        <UnitForm
          onCancel={() => setFormOpen(false)}
          onCreated={(u) => {
            list.setItems((prev) => [u, ...prev.filter((p) => p.code !== u.code)]);
            setNotice(t('common.created', { name: u.name }));
            setFormOpen(false);
          }}
        />
      ) : null}
      <div className="toolbar">
        <SearchBox id="units-q" label={t('units.searchLabel')} onSearch={setQ} />
        <SelectField
          id="units-level"
          label={t('units.levelFilter')}
          value={level}
          onValueChange={setLevel}
          options={[
            { value: '', label: t('units.allLevels') },
            ...(['province', 'commune', 'district'] as const).map((l) => ({ value: l, label: t(`units.level.${l}`) })),
          ]}
        />
      </div>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('units.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('units.col.code')}</th>
              <th scope="col">{t('units.col.name')}</th>
              <th scope="col">{t('units.col.level')}</th>
              <th scope="col">{t('units.col.type')}</th>
              <th scope="col">{t('units.col.parent')}</th>
              <th scope="col">{t('units.col.validity')}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((u) => (
              <tr key={u.code} className={u.validTo ? 'is-muted' : undefined}>
                <td data-label={t('units.col.code')}>
                  <code>{u.code}</code>
                </td>
                <td data-label={t('units.col.name')} className="cell-primary">
                  {u.name}
                </td>
                <td data-label={t('units.col.level')}>{codeLabel(t, 'units.level', u.level)}</td>
                <td data-label={t('units.col.type')}>{unitTypeLabel(t, u.type)}</td>
                <td data-label={t('units.col.parent')}>{u.parentCode ? <code>{u.parentCode}</code> : t('common.none')}</td>
                <td data-label={t('units.col.validity')}>{validity(u)}</td>
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
        isSearch={!!q || !!level}
        onLoadMore={() => void list.loadMore()}
      />
    </>
  );
}

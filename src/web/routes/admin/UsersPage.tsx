import { Fragment, useState } from 'react';
import { Alert } from '../../components/Alert';
import { ListFooter } from '../../components/ListFooter';
import { PageHeader } from '../../components/PageHeader';
import { SearchBox } from '../../components/SearchBox';
import { api } from '../../lib/api';
import { codeLabel, useI18n } from '../../lib/i18n';
import type { Page, User } from '../../../shared/api-types';
import { usePagedList } from '../../lib/use-paged-list';
import { UserForm } from './UserForm';
import { UserRolesPanel } from './UserRolesPanel';
import { UserAccountPanel } from './UserAccountPanel';
import { useAccountText } from './accounts-text';
import { SelectField } from '../../components/Field';

export function UsersPage() {
  const { t } = useI18n();
  const { tx } = useAccountText();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState('');
  const [isFormOpen, setFormOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = usePagedList<User>(
    (cursor, signal) => api.get<Page<User>>('/admin/users', { q, kind: kind || undefined, cursor, limit: 50 }, signal),
    [q, kind],
  );

  return (
    <>
      <PageHeader title={t('users.title')} intro={t('users.intro')}>
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
        <UserForm
          onCancel={() => setFormOpen(false)}
          onCreated={(u) => {
            list.setItems((prev) => [u, ...prev.filter((p) => p.id !== u.id)]);
            setNotice(t('common.created', { name: u.displayName }));
            setFormOpen(false);
            setOpenId(u.id);
          }}
        />
      ) : null}
      <div className="toolbar">
        <SearchBox id="users-q" label={tx('acc.searchLabel')} onSearch={setQ} />
        <SelectField
          id="users-kind"
          label={tx('acc.kind')}
          value={kind}
          onValueChange={setKind}
          options={[
            { value: '', label: tx('acc.kind.all') },
            { value: 'official', label: t('users.kind.official') },
            { value: 'citizen', label: t('users.kind.citizen') },
          ]}
        />
      </div>
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('users.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('users.col.displayName')}</th>
              <th scope="col">{t('users.col.username')}</th>
              <th scope="col">{t('users.col.kind')}</th>
              <th scope="col">{t('users.col.status')}</th>
              <th scope="col">{t('users.col.roles')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((u) => {
              const isOpen = openId === u.id;
              const panelId = `user-roles-${u.id.replace(/\W/g, '_')}`;
              return (
                <Fragment key={u.id}>
                  <tr>
                    <td data-label={t('users.col.displayName')} className="cell-primary">
                      {u.displayName}
                    </td>
                    <td data-label={t('users.col.username')}>
                      <code>{u.username}</code>
                    </td>
                    <td data-label={t('users.col.kind')}>{t(u.kind === 'citizen' ? 'users.kind.citizen' : 'users.kind.official')}</td>
                    <td data-label={t('users.col.status')}>
                      <span className={`status ${u.isActive ? 'status--ok' : 'status--off'}`}>{u.isActive ? t('common.active') : tx('acc.locked')}</span>
                    </td>
                    <td data-label={t('users.col.roles')}>
                      {u.roles.length === 0 ? (
                        t('common.none')
                      ) : (
                        <ul className="role-chips role-chips--plain">
                          {u.roles.map((r) => (
                            <li key={r.id} className="chip chip--light" title={r.agencyCode}>
                              {codeLabel(t, 'role', r.role)} · {r.agencyName}
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td className="cell-actions">
                      <button
                        type="button"
                        className="btn btn--small btn--secondary"
                        aria-expanded={isOpen}
                        aria-controls={isOpen ? panelId : undefined}
                        onClick={() => setOpenId(isOpen ? null : u.id)}
                      >
                        {tx('acc.manage')}
                        <span className="visually-hidden">: {u.displayName}</span>
                      </button>
                    </td>
                  </tr>
                  {isOpen ? (
                    <tr className="row-detail">
                      <td colSpan={6} id={panelId}>
                        <UserAccountPanel user={u} onChange={(next) => list.setItems((prev) => prev.map((p) => (p.id === u.id ? next : p)))} />
                        <UserRolesPanel user={u} onChange={(roles) => list.setItems((prev) => prev.map((p) => (p.id === u.id ? { ...p, roles } : p)))} />
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

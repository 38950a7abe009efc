import { useCallback, useEffect, useState } from 'react';
import { Alert, ErrorAlert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { FormPanel } from '../../components/FormPanel';
import { SelectField, TextField } from '../../components/Field';
import { PageHeader } from '../../components/PageHeader';
import { api, seg } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { codeLabel, useI18n } from '../../lib/i18n';
import { ROLES } from '../../../shared/roles';
import type { ApiTokenCreated, ApiTokenItem, Items } from '../../../shared/api-types';
import { useForm } from '../../lib/use-form';
import { AGENCY_CODE, requireText } from './validation';
import { TokenReveal } from './TokenReveal';

function toRow(tok: ApiTokenCreated): ApiTokenItem {
  const { id, name, role, agencyCode, prefix, createdAt, lastUsedAt, revokedAt, expiresAt } = tok;
  return {
    id,
    name,
    role,
    agencyCode,
    prefix,
    createdAt: createdAt ?? new Date().toISOString(),
    lastUsedAt: lastUsedAt ?? null,
    revokedAt: revokedAt ?? null,
    expiresAt,
  };
}

/** The lifetimes offered for a new token (the server allows 1 to 1095 days; one year by default). */
const EXPIRY_DAYS = [30, 90, 180, 365, 730, 1095] as const;
const DEFAULT_EXPIRY_DAYS = '365';

const isExpired = (tok: ApiTokenItem, now: number): boolean => Date.parse(tok.expiresAt) <= now;
function TokenForm({ onCreated, onCancel }: { onCreated: (tok: ApiTokenCreated) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const form = useForm({
    idPrefix: 'token',
    initial: { name: '', role: 'processing_officer', agencyCode: '', expiresInDays: DEFAULT_EXPIRY_DAYS },
    t,
    validate: (v) => ({
      name: requireText(t, v.name, t('tokens.field.name'), 100),
      agencyCode: AGENCY_CODE.test(v.agencyCode.trim()) ? undefined : t('agencies.field.codeInvalid'),
    }),
    onSubmit: async (v) => {
      const created = await api.post<ApiTokenCreated>('/admin/tokens', {
        name: v.name.trim().normalize('NFC'),
        role: v.role,
        agencyCode: v.agencyCode.trim(),
        expiresInDays: Number(v.expiresInDays),
      });
      onCreated(created);
    },
  });
  return (
    <FormPanel
      idPrefix="token"
      title={t('tokens.createTitle')}
      submitLabel={t('common.save')}
      submitting={form.submitting}
      formError={form.formError}
      extraFields={form.extraFields}
      onSubmit={(e) => void form.handleSubmit(e)}
      onCancel={onCancel}
      autoFocus
    >
      <TextField {...form.field('name')} label={t('tokens.field.name')} maxLength={100} autoComplete="off" />
      <SelectField {...form.field('role')} label={t('tokens.field.role')} options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      <TextField
        {...form.field('agencyCode')}
        onValueChange={(v) => form.setValue('agencyCode', v.toUpperCase())}
        label={t('tokens.field.agencyCode')}
        hint={t('agencies.field.codeHint')}
        maxLength={35}
        autoComplete="off"
        spellCheck={false}
      />
      <SelectField
        {...form.field('expiresInDays')}
        label={t('tokens.field.expiresIn')}
        hint={t('tokens.field.expiresInHint')}
        options={EXPIRY_DAYS.map((d) => ({ value: String(d), label: t(`tokens.expiry.${d}`) }))}
      />
    </FormPanel>
  );
}

export function TokensPage() {
  const { t, formatDate, formatDateTime } = useI18n();
  const [now] = useState(() => Date.now());
  const [items, setItems] = useState<ApiTokenItem[] | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [isFormOpen, setFormOpen] = useState(false);
  const [created, setCreated] = useState<ApiTokenCreated | null>(null);
  const [pending, setPending] = useState<ApiTokenItem | null>(null);
  const [isRevoking, setRevoking] = useState(false);
  const [revokeError, setRevokeError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback((signal?: AbortSignal) => {
    api
      .get<Items<ApiTokenItem>>('/admin/tokens', undefined, signal)
      .then((res) => setItems(res.items))
      .catch((err) => !signal?.aborted && setLoadError(err));
  }, []);

  useEffect(() => {
    const ctrl = new AbortController();
    load(ctrl.signal);
    return () => ctrl.abort();
  }, [load]);

  const revoke = async () => {
    if (!pending) return;
    setRevoking(true);
    setRevokeError(null);
    try {
      const updated = await api.post<ApiTokenItem>(`/admin/tokens/${seg(pending.id)}/revoke`);
      const revokedAt = updated?.revokedAt ?? new Date().toISOString();
      setItems((prev) => (prev ?? []).map((x) => (x.id === pending.id ? { ...x, ...updated, revokedAt } : x)));
      setNotice(t('tokens.revoked', { name: pending.name }));
    } catch (err) {
      setRevokeError(err);
    } finally {
      setRevoking(false);
      setPending(null);
    }
  };

  return (
    <>
      <PageHeader title={t('tokens.title')} intro={t('tokens.intro')}>
        <button
          type="button"
          className="btn btn--primary"
          aria-expanded={isFormOpen}
          onClick={() => {
            setFormOpen((o) => !o);
            setNotice(null);
            setCreated(null);
          }}
        >
          {t('common.create')}
        </button>
      </PageHeader>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {revokeError ? <ErrorAlert error={describeError(revokeError, t)} /> : null}
      {created ? <TokenReveal created={created} onDone={() => setCreated(null)} /> : null}
      {isFormOpen ? (
        <TokenForm
          onCancel={() => setFormOpen(false)}
          onCreated={(tok) => {
            // never keep the secret in the list: strip it before storing the row
            setItems((prev) => [toRow(tok), ...(prev ?? [])]);
            setCreated(tok);
            setFormOpen(false);
          }}
        />
      ) : null}
      {loadError ? <ErrorAlert error={describeError(loadError, t)} /> : null}
      {items === null && !loadError ? <p role="status">{t('common.loading')}</p> : null}
      {items && items.length === 0 ? <p className="list-status">{t('tokens.empty')}</p> : null}
      {items && items.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('tokens.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tokens.col.name')}</th>
                <th scope="col">{t('tokens.col.role')}</th>
                <th scope="col">{t('tokens.col.agency')}</th>
                <th scope="col">{t('tokens.col.created')}</th>
                <th scope="col">{t('tokens.col.lastUsed')}</th>
                <th scope="col">{t('tokens.col.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((tok) => (
                <tr key={tok.id} className={tok.revokedAt || isExpired(tok, now) ? 'is-muted' : undefined}>
                  <td data-label={t('tokens.col.name')} className="cell-primary">
                    <span className="status-stack">
                      <span>{tok.name}</span>
                      <code className="cell-meta" title={t('tokens.col.prefix')}>
                        {tok.prefix}…
                      </code>
                    </span>
                  </td>
                  <td data-label={t('tokens.col.role')}>{codeLabel(t, 'role', tok.role)}</td>
                  <td data-label={t('tokens.col.agency')}>{tok.agencyCode ? <code>{tok.agencyCode}</code> : t('common.none')}</td>
                  <td data-label={t('tokens.col.created')} title={formatDateTime(tok.createdAt)}>
                    {formatDate(tok.createdAt)}
                  </td>
                  <td data-label={t('tokens.col.lastUsed')}>{tok.lastUsedAt ? formatDateTime(tok.lastUsedAt) : t('tokens.never')}</td>
                  <td data-label={t('tokens.col.status')}>
                    {tok.revokedAt ? (
                      <span className="status-stack">
                        <span className="status status--off">{t('tokens.revokedLabel')}</span>
                        <span className="cell-meta">{formatDateTime(tok.revokedAt)}</span>
                      </span>
                    ) : (
                      <span className="status-stack">
                        {isExpired(tok, now) ? (
                          <span className="status status--off">{t('tokens.expiredLabel')}</span>
                        ) : (
                          <span className="status status--ok">{t('tokens.active')}</span>
                        )}
                        <span className="cell-meta" title={formatDateTime(tok.expiresAt)}>
                          {t('tokens.expiresOn', { date: formatDate(tok.expiresAt) })}
                        </span>
                      </span>
                    )}
                  </td>
                  <td className="cell-actions">
                    {tok.revokedAt ? null : (
                      <button
                        type="button"
                        className="btn btn--small btn--danger-outline"
                        onClick={() => {
                          setNotice(null);
                          setPending(tok);
                        }}
                      >
                        {t('tokens.revoke')}
                        <span className="visually-hidden">: {tok.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {pending ? (
        <ConfirmDialog
          title={t('tokens.revokeTitle')}
          confirmLabel={t('tokens.revoke')}
          isDanger
          isBusy={isRevoking}
          onCancel={() => setPending(null)}
          onConfirm={() => void revoke()}
        >
          <p>{t('tokens.revokeText', { name: pending.name, prefix: pending.prefix })}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}

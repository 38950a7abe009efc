import { type FormEvent, useEffect, useState, type ReactNode } from 'react';
import { ErrorAlert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { Link } from '../../lib/router';
import type { Official } from '../../../shared/api-types';
import './workforce.css';

export function OfficialDetailPage({ id }: { id: string }) {
  const { t, formatDate } = useI18n();
  const [o, setO] = useState<Official | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [username, setUsername] = useState<string | null>(null);
  const [linkError, setLinkError] = useState<unknown>(null);
  useEffect(() => {
    const ctrl = new AbortController();
    api.get<Official>(`/workforce/officials/${encodeURIComponent(id)}`, undefined, ctrl.signal).then(setO, (e: unknown) => {
      if (!ctrl.signal.aborted) setError(e);
    });
    return () => ctrl.abort();
  }, [id]);
  if (error) return <ErrorAlert error={describeError(error, t)} />;
  if (!o) return <p role="status">{t('common.loading')}</p>;
  const masked = (v: string | null) => (o.identifiersMasked ? <span className="wf-masked">{v ?? '—'}</span> : (v ?? '—'));
  const rows: [MessageKey, ReactNode][] = [
    ['wf.col.code', <code key="c">{o.code}</code>],
    ['wf.col.category', t(`wf.cat.${o.category}` as MessageKey)],
    ['wf.col.agency', o.agencyName],
    ['wf.d.unit', o.orgUnitName ?? '—'],
    ['wf.col.position', o.positionName ?? '—'],
    ['wf.d.rank', o.rank ?? '—'],
    ['wf.d.title', o.leadershipTitle ?? '—'],
    ['wf.d.gender', t(`wf.gender.${o.gender}` as MessageKey)],
    ['wf.d.ethnicity', o.ethnicity],
    ['wf.d.party', o.isPartyMember ? t('wf.yes') : t('wf.no')],
    ['wf.col.theory', t(`wf.theory.${o.politicalTheory}` as MessageKey)],
    ['wf.d.degree', `${t(`wf.deg.${o.professionalDegree}` as MessageKey)}${o.professionalField ? ` — ${o.professionalField}` : ''}`],
    ['wf.d.stateMgmt', o.stateManagement ?? '—'],
    ['wf.d.it', o.itLevel ?? '—'],
    ['wf.d.lang', o.foreignLanguage ?? '—'],
    ['wf.d.account', o.account ? `${o.account.username} (${o.account.displayName})` : '—'],
  ];
  /** Home Affairs (who sees identifiers) links the sign-in account; the server refuses the person concerned. */
  const link = (e: FormEvent) => {
    e.preventDefault();
    setLinkError(null);
    const value = (username ?? o.account?.username ?? '').trim();
    api.post<Official>(`/workforce/officials/${encodeURIComponent(id)}/account`, { username: value || null, version: o.version }).then((next) => {
      setO(next);
      setUsername(null);
    }, setLinkError);
  };
  return (
    <>
      <PageHeader title={o.fullName} intro={o.identifiersMasked ? t('wf.d.maskedNote') : t('wf.d.loggedNote')}>
        <Link to="/workforce/officials" className="btn btn--secondary">
          {t('wf.d.back')}
        </Link>
      </PageHeader>
      <div className="wf-grid">
        <section className="panel">
          <h2 className="section-title">{t('wf.d.profile')}</h2>
          <dl className="wf-dl">
            {rows.map(([k, v]) => (
              <div key={k} className="contents">
                <dt>{t(k)}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          {o.identifiersMasked ? null : (
            <form className="wf-link" onSubmit={link}>
              <label className="field-label" htmlFor="wf-account">
                {t('wf.d.account')}
              </label>
              <input
                id="wf-account"
                className="input"
                value={username ?? o.account?.username ?? ''}
                onChange={(e) => setUsername(e.target.value)}
                aria-describedby="wf-account-hint"
              />
              <p id="wf-account-hint" className="field-hint">
                {t('wf.d.accountHint')}
              </p>
              {linkError ? <ErrorAlert error={describeError(linkError, t)} /> : null}
              <div className="form-actions">
                <button type="submit" className="btn btn--secondary">
                  {t('wf.d.linkAccount')}
                </button>
              </div>
            </form>
          )}
        </section>
        <section className="panel">
          <h2 className="section-title">{t('wf.d.identifiers')}</h2>
          <dl className="wf-dl">
            <dt>{t('wf.d.dob')}</dt>
            <dd>{o.dateOfBirth ? formatDate(o.dateOfBirth) : masked(`**/**/${o.birthYear}`)}</dd>
            <dt>{t('wf.d.idNumber')}</dt>
            <dd>{masked(o.idNumber)}</dd>
            <dt>{t('wf.d.phone')}</dt>
            <dd>{masked(o.phone)}</dd>
          </dl>
          <h2 className="section-title">{t('wf.d.history')}</h2>
          <ul className="assignment-list">
            {o.assignments.map((a) => (
              <li key={a.id}>
                {formatDate(a.validFrom)} – {a.validTo ? formatDate(a.validTo) : t('wf.d.now')}: {a.agencyName}
                {a.positionName ? `, ${a.positionName}` : ''}
              </li>
            ))}
          </ul>
          {o.training.length ? <h2 className="section-title">{t('wf.d.training')}</h2> : null}
          <ul className="assignment-list">
            {o.training.map((x) => (
              <li key={x.id}>
                {x.title}
                {x.institution ? ` — ${x.institution}` : ''}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}

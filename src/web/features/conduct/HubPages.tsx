import { useState } from 'react';
import { ErrorAlert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { useAuth } from '../../lib/auth';
import { describeError } from '../../lib/errors';
import { Link } from '../../lib/router';
import { CampaignForm } from './CampaignForm';
import type { Campaign, Completion, EmulationList, EmulationScores, Items, RuleSet, RuleSetDetail } from '../../../shared/api-types';
import { currentYear, useLoad } from './conduct-api';
import { useConductText } from './conduct-text';
import './conduct.css';

/** The entry page: what each role does here. */
export function ConductHubPage() {
  const { tx } = useConductText();
  const { hasRole } = useAuth();
  const isReader = hasRole('home_affairs', 'inspector', 'leader');
  return (
    <>
      <PageHeader title={tx('hub')} intro={tx('hub.intro')} />
      <nav className="cd-links" aria-label={tx('hub')}>
        <Link className="btn btn--secondary" to="/conduct/me">
          {tx('me')}
        </Link>
        <Link className="btn btn--secondary" to="/conduct/code">
          {tx('code')}
        </Link>
        {hasRole('inspector') ? (
          <Link className="btn btn--secondary" to="/conduct/inspections">
            {tx('inspections')}
          </Link>
        ) : null}
        {isReader ? (
          <Link className="btn btn--secondary" to="/conduct/attendance">
            {tx('attendancePage')}
          </Link>
        ) : null}
        {isReader ? (
          <Link className="btn btn--secondary" to="/conduct/violations">
            {tx('violations')}
          </Link>
        ) : null}
        {isReader ? (
          <Link className="btn btn--secondary" to="/conduct/discipline">
            {tx('discipline')}
          </Link>
        ) : null}
        {isReader ? (
          <Link className="btn btn--secondary" to="/conduct/annual-rating">
            {tx('ratings')}
          </Link>
        ) : null}
        {isReader ? (
          <Link className="btn btn--secondary" to="/conduct/emulation">
            {tx('emulation')}
          </Link>
        ) : null}
      </nav>
    </>
  );
}

function RuleSetView({ set }: { set: RuleSet }) {
  const { tx, t, formatDate } = useConductText();
  const [open, setOpen] = useState(false);
  const detail = useLoad<RuleSetDetail>(open ? `/conduct/rule-sets/${set.id}` : null);
  const chapters = [...new Set(detail.data?.rules.map((r) => `${r.chapter}. ${r.chapterTitle}`) ?? [])];
  return (
    <section className="panel">
      <h2 className="section-title">
        {set.title}
        {set.isSample ? <span className="cd-badge">{tx('sample')}</span> : null}
      </h2>
      <dl className="cd-dl">
        <dt>{tx('version')}</dt>
        <dd>
          {set.code} v{set.version} — {set.ruleCount} {tx('rules')}
        </dd>
        <dt>{tx('effective')}</dt>
        <dd>{formatDate(set.effectiveFrom)}</dd>
        <dt>{tx('legal')}</dt>
        <dd>{set.legalReference}</dd>
      </dl>
      {set.note ? <p className="field-hint">{set.note}</p> : null}
      <button type="button" className="btn btn--small btn--secondary" onClick={() => setOpen(!open)} aria-expanded={open}>
        {open ? tx('hide') : tx('view')}
      </button>
      {detail.error ? <ErrorAlert error={describeError(detail.error, t)} /> : null}
      {open && detail.data
        ? chapters.map((c) => (
            <div key={c}>
              <h3 className="subpanel-title">{c}</h3>
              <ol className="cd-rules">
                {detail
                  .data!.rules.filter((r) => `${r.chapter}. ${r.chapterTitle}` === c)
                  .map((r) => (
                    <li key={r.id}>
                      {r.text}
                      {r.isConfirmed ? null : <span className="cd-badge">{tx('unconfirmed')}</span>}
                    </li>
                  ))}
              </ol>
            </div>
          ))
        : null}
    </section>
  );
}

export function CodePage() {
  const { tx, t } = useConductText();
  const { hasRole } = useAuth();
  const sets = useLoad<Items<RuleSet>>('/conduct/rule-sets');
  const campaigns = useLoad<Items<Campaign>>(hasRole('home_affairs', 'leader', 'inspector') ? '/conduct/commitment-campaigns' : null);
  const [campaignId, setCampaignId] = useState('');
  const completion = useLoad<Completion>(campaignId ? `/conduct/commitment-campaigns/${campaignId}/completion` : null);
  return (
    <>
      <PageHeader title={tx('code')} intro={tx('code.intro')}>
        <Link className="btn btn--secondary" to="/conduct/me">
          {tx('commitments')}
        </Link>
      </PageHeader>
      {sets.error ? <ErrorAlert error={describeError(sets.error, t)} /> : null}
      <div className="cd-grid">
        {sets.data?.items.map((s) => (
          <RuleSetView key={s.id} set={s} />
        ))}
      </div>
      {hasRole('home_affairs') ? <CampaignForm onCreated={campaigns.reload} /> : null}
      {campaigns.data?.items.length ? (
        <section className="panel">
          <h2 className="section-title">{tx('completion')}</h2>
          <label className="field-label" htmlFor="cd-campaign">
            {tx('campaign')}
          </label>
          <select id="cd-campaign" className="input select" value={campaignId} onChange={(e) => setCampaignId(e.target.value)}>
            <option value="">—</option>
            {campaigns.data.items.map((c) => (
              <option key={c.id} value={c.id}>
                {c.year} — {c.title}
              </option>
            ))}
          </select>
          {completion.data ? (
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th>{tx('agency')}</th>
                    <th>{tx('official')}</th>
                    <th>{tx('commitments')}</th>
                    <th>%</th>
                  </tr>
                </thead>
                <tbody>
                  {completion.data.units.map((u) => (
                    <tr key={u.agencyCode}>
                      <td>{u.agencyName}</td>
                      <td>{u.officials}</td>
                      <td>{u.completed}</td>
                      <td>{u.percent}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}

export function EmulationPage() {
  const { tx, t } = useConductText();
  const list = useLoad<EmulationList>('/conduct/emulation-campaigns');
  const first = list.data?.items[0];
  const [year, setYear] = useState(Math.min(currentYear(), 2025));
  const scores = useLoad<EmulationScores>(first ? `/conduct/emulation-campaigns/${first.id}/scores` : null, { year });
  const money = (n: number) => new Intl.NumberFormat('vi-VN').format(n);
  return (
    <>
      <PageHeader title={tx('emulation')} />
      {list.error ? <ErrorAlert error={describeError(list.error, t)} /> : null}
      {list.data ? (
        <section className="panel">
          <h2 className="section-title">{tx('titles')}</h2>
          <p>
            {tx('baseSalary')}: {money(list.data.baseSalary)} đ
          </p>
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{tx('titles')}</th>
                  <th>{tx('multiple')}</th>
                  <th>{tx('bonus')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.titles.map((x) => (
                  <tr key={x.code}>
                    <td>
                      {x.label}
                      {x.isConfirmed ? null : <span className="cd-badge">{tx('unconfirmed')}</span>}
                    </td>
                    <td>{x.multiple}</td>
                    <td>{money(x.bonus)} đ</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {list.data?.items.map((c) => (
        <section key={c.id} className="panel">
          <h2 className="section-title">
            {c.title}
            {c.isSample ? <span className="cd-badge">{tx('sample')}</span> : null}
          </h2>
          <p className="field-hint">{c.legalReference}</p>
          <p>
            {tx('criteria')}: {c.criteria.map((k) => `${k.label} (${k.maxPoints})`).join('; ')}
          </p>
          <label className="field-label" htmlFor="cd-emu-year">
            {tx('year')}
          </label>
          <select id="cd-emu-year" className="input select" value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {Array.from({ length: c.toYear - c.fromYear + 1 }, (_, i) => c.fromYear + i).map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
          <h3 className="subpanel-title">{tx('unitScores')}</h3>
          <ol className="cd-rules">
            {scores.data?.units.map((u) => (
              <li key={u.key}>
                {u.label}: {u.total}
              </li>
            ))}
          </ol>
          {scores.data?.officials.length ? (
            <ol className="cd-rules">
              {scores.data.officials.map((u) => (
                <li key={u.key}>
                  {u.label}: {u.total}
                </li>
              ))}
            </ol>
          ) : null}
        </section>
      ))}
    </>
  );
}

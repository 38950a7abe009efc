import { useEffect, useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/Alert';
import { AgencyPicker } from '../../components/AgencyPicker';
import { PageHeader } from '../../components/PageHeader';
import { api, buildUrl } from '../../lib/api';
import { describeError } from '../../lib/errors';
import { useI18n, type MessageKey, type Translate } from '../../lib/i18n';
import type { WorkforceStats } from '../../../shared/api-types';
import { EChart } from './EChart';
import './workforce.css';

const COLORS = ['#9b1c1c', '#d97706', '#2563eb', '#059669', '#7c3aed', '#6b7280'];

function bar(t: Translate, prefix: string, data: Record<string, number>) {
  const keys = Object.keys(data);
  return {
    color: COLORS,
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 12, top: 16, bottom: keys.length > 4 ? 64 : 40 },
    xAxis: {
      type: 'category',
      data: keys.map((k) => t(`${prefix}.${k}` as MessageKey)),
      axisLabel: { interval: 0, fontSize: 11, rotate: keys.length > 4 ? 35 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: keys.map((k) => data[k]), barMaxWidth: 48 }],
  };
}

function pie(t: Translate, prefix: string, data: Record<string, number>) {
  const total = Object.values(data).reduce((s, n) => s + n, 0) || 1;
  const items = Object.entries(data).map(([k, v]) => ({ name: t(`${prefix}.${k}` as MessageKey), value: v }));
  const share = new Map(items.map((i) => [i.name, Math.round((i.value / total) * 1000) / 10]));
  return {
    color: COLORS,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    // shares in the legend, not as outside labels (they clip in narrow panels)
    legend: { bottom: 0, left: 'center', itemGap: 10, formatter: (name: string) => `${name} ${share.get(name) ?? 0}%` },
    series: [{ type: 'pie', radius: ['30%', '56%'], center: ['50%', '40%'], label: { show: false }, data: items }],
  };
}

/** Who reads workforce statistics (the agencies they reach are offered). */
const HR_READ_ROLES = ['home_affairs', 'leader', 'admin'] as const;

export function StatsPage() {
  const { t, lang } = useI18n();
  const [agency, setAgency] = useState('');
  const [date, setDate] = useState('');
  const [stats, setStats] = useState<WorkforceStats | null>(null);
  const [error, setError] = useState<unknown>(null);
  const query = { agency, date };

  useEffect(() => {
    const ctrl = new AbortController();
    setError(null);
    api.get<WorkforceStats>('/workforce/stats', { agency, date }, ctrl.signal).then(setStats, (e: unknown) => {
      if (!ctrl.signal.aborted) setError(e);
    });
    return () => ctrl.abort();
  }, [agency, date]);

  const charts = useMemo(
    () =>
      stats
        ? {
            category: bar(t, 'wf.cat', stats.byCategory),
            theory: pie(t, 'wf.theory', stats.politicalTheory),
            age: bar(t, 'wf.age', stats.byAgeBand),
            gender: pie(t, 'wf.gender', stats.byGender),
            degree: bar(t, 'wf.deg', stats.byQualification),
          }
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [stats, lang],
  );
  const pct = (x: number) => new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { style: 'percent', maximumFractionDigits: 2 }).format(x);

  return (
    <>
      <PageHeader title={t('wf.stats.title')} intro={t('wf.stats.intro')}>
        <a className="btn btn--primary" href={buildUrl('/workforce/stats.xlsx', query)} download>
          {t('wf.stats.export')}
        </a>
      </PageHeader>
      <div className="toolbar wf-filters">
        <AgencyPicker
          id="wf-s-agency"
          className="field--picker"
          label={t('wf.list.agency')}
          hint={t('picker.agencyHint')}
          optional
          value={agency}
          onChange={setAgency}
          roles={HR_READ_ROLES}
        />
        <div className="field">
          <label className="field-label" htmlFor="wf-s-date">
            {t('wf.stats.date')}
          </label>
          <input id="wf-s-date" className="input" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
      </div>
      {error ? <ErrorAlert error={describeError(error, t)} /> : null}
      {stats && charts ? (
        <>
          <div className="wf-kpis">
            <div className="wf-kpi">
              <div className="wf-kpi-value">{stats.headcount.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}</div>
              <div className="wf-kpi-label">{t('wf.stats.headcount')}</div>
            </div>
            <div className="wf-kpi">
              <div className="wf-kpi-value">{pct(stats.shareIntermediateOrHigher)}</div>
              <div className="wf-kpi-label">{t('wf.stats.share')}</div>
            </div>
            <div className="wf-kpi">
              <div className="wf-kpi-value">{stats.partyMembers.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB')}</div>
              <div className="wf-kpi-label">{t('wf.stats.party')}</div>
            </div>
          </div>
          <div className="wf-grid">
            <section className="panel">
              <h2 className="section-title">{t('wf.stats.byCategory')}</h2>
              <EChart option={charts.category} label={t('wf.stats.byCategory')} />
            </section>
            <section className="panel">
              <h2 className="section-title">{t('wf.stats.theory')}</h2>
              <EChart option={charts.theory} label={t('wf.stats.theory')} />
            </section>
            <section className="panel">
              <h2 className="section-title">{t('wf.stats.age')}</h2>
              <EChart option={charts.age} label={t('wf.stats.age')} />
            </section>
            <section className="panel">
              <h2 className="section-title">{t('wf.stats.gender')}</h2>
              <EChart option={charts.gender} label={t('wf.stats.gender')} />
            </section>
            <section className="panel">
              <h2 className="section-title">{t('wf.stats.degree')}</h2>
              <EChart option={charts.degree} label={t('wf.stats.degree')} />
            </section>
          </div>
        </>
      ) : null}
    </>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { Alert, ErrorAlert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { describeError } from '../../lib/errors';
import { useI18n } from '../../lib/i18n';
import type { CalendarDay, YearDetail } from '../../../shared/api-types';
import { fetchYear, removeLocalDayOff, removeOverride, todayInVietnam } from './calendar-api';
import { ConfirmYearForm, LocalDayForm, OverrideForm } from './CalendarAdminForms';
import './calendar-admin.css';

const WEEKDAY_KEYS = ['cal.wd.0', 'cal.wd.1', 'cal.wd.2', 'cal.wd.3', 'cal.wd.4', 'cal.wd.5', 'cal.wd.6'] as const;
const weekdayOf = (iso: string) => new Date(`${iso}T00:00:00Z`).getUTCDay();

/** The province whose local days off the user edits: an administrator granted on a province's top-level agency. */
function useEditorScope() {
  const { user } = useAuth();
  const roles = user?.roles ?? [];
  const isNational = roles.some((r) => r.role === 'calendar_admin');
  const province = roles.find((r) => r.role === 'admin' && r.scope === 'province')?.provinceCode ?? null;
  const [provinceName, setProvinceName] = useState<string | null>(null);
  useEffect(() => {
    if (!province) return;
    const ctrl = new AbortController();
    api
      .get<{ items: { code: string; name: string }[] }>('/admin/administrative-units', { level: 'province', q: province }, ctrl.signal)
      .then((page) => setProvinceName(page.items.find((u) => u.code === province)?.name ?? null))
      .catch(() => undefined);
    return () => ctrl.abort();
  }, [province]);
  return { isNational, province, provinceName: provinceName ?? province ?? '' };
}

/**
 * One year of the working calendar. The national calendar administrator edits the national days
 * (overrides, confirming the year); a province's administrator adds and removes the province's own
 * days off, which move that province's deadlines only.
 */
export function CalendarAdminPage() {
  const { t, lang, formatDate, formatDateTime } = useI18n();
  const { isNational, province, provinceName } = useEditorScope();
  const localProvince = isNational ? null : province;
  const [year, setYear] = useState(() => Number(todayInVietnam().slice(0, 4)));
  const [detail, setDetail] = useState<YearDetail | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pending, setPending] = useState<CalendarDay | null>(null);
  const [isRemoving, setRemoving] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);

  const load = useCallback(
    (signal?: AbortSignal) => {
      fetchYear(year, signal, localProvince)
        .then((d) => {
          setDetail(d);
          setLoadError(null);
        })
        .catch((err: unknown) => !signal?.aborted && setLoadError(err));
    },
    [year, localProvince],
  );

  useEffect(() => {
    const ctrl = new AbortController();
    load(ctrl.signal);
    return () => ctrl.abort();
  }, [load]);

  const remove = async () => {
    if (!pending?.overrideId) return;
    setRemoving(true);
    setActionError(null);
    try {
      if (pending.provinceCode) await removeLocalDayOff(pending.provinceCode, pending.overrideId);
      else await removeOverride(pending.overrideId);
      setNotice(t('calAdmin.removed', { date: formatDate(pending.date) }));
      load();
    } catch (err) {
      setActionError(err);
    } finally {
      setRemoving(false);
      setPending(null);
    }
  };

  const shown = detail?.year === year ? detail : null;
  return (
    <>
      <PageHeader
        title={localProvince ? t('calAdmin.localTitle', { province: provinceName }) : t('calAdmin.title')}
        intro={localProvince ? t('calAdmin.localIntro') : isNational ? t('calAdmin.intro') : t('calAdmin.readOnly')}
      >
        <div className="cal-year-picker" role="group" aria-label={t('calAdmin.year')}>
          <button type="button" className="btn btn--secondary" onClick={() => setYear((y) => Math.max(2000, y - 1))} aria-label={t('calAdmin.prevYear')}>
            ‹
          </button>
          <span className="cal-year-value" aria-live="polite">
            {year}
          </span>
          <button type="button" className="btn btn--secondary" onClick={() => setYear((y) => Math.min(2100, y + 1))} aria-label={t('calAdmin.nextYear')}>
            ›
          </button>
        </div>
      </PageHeader>
      {notice ? <Alert kind="success">{notice}</Alert> : null}
      {loadError ? <ErrorAlert error={describeError(loadError, t)} /> : null}
      {actionError ? <ErrorAlert error={describeError(actionError, t)} /> : null}
      {shown ? (
        <>
          <section className="panel cal-status" aria-labelledby="cal-status-h">
            <h2 id="cal-status-h" className="section-title">
              {t('calAdmin.statusTitle', { year })}{' '}
              <span className={`badge ${shown.status === 'official' ? 'badge--ok' : 'badge--warn'}`}>
                {t(shown.status === 'official' ? 'calAdmin.official' : 'calAdmin.provisional')}
              </span>
            </h2>
            <dl className="cal-facts">
              <dt>{t('calAdmin.legalReference')}</dt>
              <dd>{shown.legalReference}</dd>
              {shown.confirmedAt ? (
                <>
                  <dt>{t('calAdmin.confirmedAt')}</dt>
                  <dd>{formatDateTime(shown.confirmedAt)}</dd>
                </>
              ) : null}
              <dt>{t('calAdmin.version')}</dt>
              <dd>
                <code>{shown.calendarVersion}</code>
              </dd>
            </dl>
          </section>
          <section className="panel" aria-labelledby="cal-days-h">
            <h2 id="cal-days-h" className="section-title">
              {t('calAdmin.daysTitle')}
            </h2>
            <div className="table-wrap">
              <table className="table cal-table">
                <thead>
                  <tr>
                    <th scope="col">{t('calAdmin.date')}</th>
                    <th scope="col">{t('calAdmin.kind')}</th>
                    <th scope="col">{t('calAdmin.name')}</th>
                    <th scope="col">{t('calAdmin.source')}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.days.map((d) => (
                    <tr key={d.date} className={d.provinceCode ? 'is-override is-local' : d.overrideId ? 'is-override' : undefined}>
                      <td className="nowrap">
                        {t(WEEKDAY_KEYS[weekdayOf(d.date)])} {formatDate(d.date)}
                      </td>
                      <td>
                        <span className={`badge ${d.kind === 'day_off' ? 'badge--off' : 'badge--makeup'}`}>
                          {t(d.kind === 'day_off' ? 'cal.legendOff' : 'cal.legendMakeup')}
                        </span>
                      </td>
                      <td>
                        {lang === 'en' ? d.nameEn : d.name}
                        {d.provinceCode ? (
                          <span className="cal-override-mark"> · {t('calAdmin.localMark')}</span>
                        ) : d.overrideId ? (
                          <span className="cal-override-mark"> · {t('calAdmin.override')}</span>
                        ) : null}
                      </td>
                      <td className="cal-source">{d.source}</td>
                      <td>
                        {d.overrideId && (d.provinceCode ? !!localProvince : isNational) ? (
                          <button type="button" className="btn btn--danger-outline btn--small" onClick={() => setPending(d)}>
                            {t('calAdmin.remove')}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          {localProvince ? (
            <LocalDayForm
              year={year}
              province={localProvince}
              provinceName={provinceName}
              onAdded={(date) => {
                setNotice(t('calAdmin.added', { date: formatDate(date) }));
                load();
              }}
            />
          ) : null}
          {isNational ? (
            <>
              <OverrideForm
                year={year}
                onAdded={(date) => {
                  setNotice(t('calAdmin.added', { date: formatDate(date) }));
                  load();
                }}
              />
              <ConfirmYearForm
                detail={shown}
                onConfirmed={(next) => {
                  setDetail(next);
                  setNotice(t('calAdmin.confirmed', { year }));
                }}
              />
            </>
          ) : null}
        </>
      ) : null}
      {pending ? (
        <ConfirmDialog
          title={t('calAdmin.removeTitle')}
          confirmLabel={t('calAdmin.remove')}
          isDanger
          isBusy={isRemoving}
          onConfirm={() => void remove()}
          onCancel={() => setPending(null)}
        >
          {t('calAdmin.removeText', { date: formatDate(pending.date), name: pending.name })}
        </ConfirmDialog>
      ) : null}
    </>
  );
}

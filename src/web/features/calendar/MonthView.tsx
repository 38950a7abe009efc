import { useEffect, useState } from 'react';
import { Alert, ErrorAlert } from '../../components/Alert';
import { describeError } from '../../lib/errors';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { navigate, useLocation } from '../../lib/router';
import type { MonthDay, MonthResponse } from '../../../shared/api-types';
import { fetchMonth, todayInVietnam } from './calendar-api';
import './calendar.css';

const MONTH_NAMES = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });
const WEEKDAYS: MessageKey[] = ['cal.wd.1', 'cal.wd.2', 'cal.wd.3', 'cal.wd.4', 'cal.wd.5', 'cal.wd.6', 'cal.wd.0'];

/** Year and month from ?y=&m=, else the current month in Vietnam. */
function useShownMonth(): { year: number; month: number } {
  const { query } = useLocation();
  const [ty, tm] = todayInVietnam().split('-').map(Number);
  const y = Number(query.get('y'));
  const m = Number(query.get('m'));
  const valid = Number.isInteger(y) && y >= 2000 && y <= 2100 && Number.isInteger(m) && m >= 1 && m <= 12;
  return valid ? { year: y, month: m } : { year: ty, month: tm };
}

function shift(year: number, month: number, by: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function DayCell({ day, today }: { day: MonthDay; today: string }) {
  const { t, lang } = useI18n();
  const { lunar, holiday } = day;
  const isSunday = day.weekday === 0;
  const classes = ['cal-day'];
  if (holiday?.kind === 'day_off' || (!day.isWorking && day.weekday !== 6 && day.weekday !== 0)) classes.push('cal-day--off');
  if (holiday?.kind === 'working_day') classes.push('cal-day--makeup');
  if (isSunday) classes.push('cal-day--sunday');
  if (!day.isWorking) classes.push('cal-day--rest');
  if (day.date === today) classes.push('cal-day--today');
  const lunarMonthName = lunar.leap ? t('cal.lunarMonthLeap', { month: lunar.month }) : t(`cal.lunarMonth.${lunar.month}` as MessageKey);
  const label = [
    `${Number(day.date.slice(8))}/${Number(day.date.slice(5, 7))}`,
    t('cal.lunarLabel', { day: lunar.day, month: `${lunar.month}${lunar.leap ? '*' : ''}` }),
    holiday ? (lang === 'en' ? holiday.nameEn : holiday.name) : '',
    day.date === today ? t('cal.today') : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <li className={classes.join(' ')} aria-label={label} aria-current={day.date === today ? 'date' : undefined}>
      <span className="cal-solar" aria-hidden="true">
        {Number(day.date.slice(8))}
      </span>
      <span className={`cal-lunar${lunar.day === 1 ? ' cal-lunar--first' : ''}`} aria-hidden="true">
        {lunar.day === 1 || Number(day.date.slice(8)) === 1 ? `${lunar.day}/${lunar.month}${lunar.leap ? '*' : ''}` : lunar.day}
      </span>
      {lunar.day === 1 ? (
        <span className="cal-lunar-month" aria-hidden="true">
          {lunarMonthName}
        </span>
      ) : null}
      {holiday ? (
        <span className="cal-tag" aria-hidden="true">
          {holiday.kind === 'day_off' ? t('cal.tagOff') : t('cal.tagMakeup')}
        </span>
      ) : null}
    </li>
  );
}

/** A Vietnamese wall calendar: Monday first, lunar dates beneath, days off and make-up days marked. */
export function MonthView({ basePath }: { basePath: string }) {
  const { t, lang } = useI18n();
  const { year, month } = useShownMonth();
  const [data, setData] = useState<MonthResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  const today = todayInVietnam();

  useEffect(() => {
    const ctrl = new AbortController();
    fetchMonth(year, month, ctrl.signal)
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((err: unknown) => !ctrl.signal.aborted && setError(err));
    return () => ctrl.abort();
  }, [year, month]);

  const go = (by: number) => {
    const next = shift(year, month, by);
    navigate(`${basePath}?y=${next.year}&m=${next.month}`, { replace: true });
  };
  const shown = data && data.year === year && data.month === month ? data : null;
  const leading = shown ? (shown.days[0].weekday + 6) % 7 : 0;
  const holidays = shown ? shown.days.filter((d) => d.holiday) : [];

  return (
    <section className="cal" aria-labelledby="cal-heading">
      <div className="cal-head">
        <button type="button" className="btn btn--secondary cal-nav" onClick={() => go(-1)} aria-label={t('cal.prev')}>
          ‹
        </button>
        <div className="cal-title">
          <h2 id="cal-heading" className="cal-month">
            {t('cal.monthTitle', { month, year, monthName: MONTH_NAMES.format(new Date(Date.UTC(year, month - 1, 1))) })}
          </h2>
          {shown ? <p className="cal-yearname">{t('cal.lunarYear', { name: shown.yearName })}</p> : null}
        </div>
        <button type="button" className="btn btn--secondary cal-nav" onClick={() => go(1)} aria-label={t('cal.next')}>
          ›
        </button>
      </div>
      {error ? <ErrorAlert error={describeError(error, t)} /> : null}
      {shown?.provisional ? <Alert kind="warning">{t('cal.provisional')}</Alert> : null}
      <ol className="cal-weekdays" aria-hidden="true">
        {WEEKDAYS.map((k, i) => (
          <li key={k} className={i === 6 ? 'cal-day--sunday' : undefined}>
            {t(k)}
          </li>
        ))}
      </ol>
      <ol className="cal-grid" aria-busy={!shown}>
        {Array.from({ length: leading }, (_, i) => (
          <li key={`pad${i}`} className="cal-pad" aria-hidden="true" />
        ))}
        {shown?.days.map((d) => (
          <DayCell key={d.date} day={d} today={today} />
        ))}
      </ol>
      <div className="cal-legend" aria-hidden="true">
        <span>
          <i className="cal-swatch cal-swatch--off" /> {t('cal.legendOff')}
        </span>
        <span>
          <i className="cal-swatch cal-swatch--makeup" /> {t('cal.legendMakeup')}
        </span>
        <span>
          <i className="cal-swatch cal-swatch--today" /> {t('cal.today')}
        </span>
      </div>
      {holidays.length > 0 ? (
        <ul className="cal-list">
          {holidays.map((d) => (
            <li key={d.date} className={d.holiday?.kind === 'working_day' ? 'is-makeup' : 'is-off'}>
              <strong>{`${d.date.slice(8)}/${d.date.slice(5, 7)}`}</strong> {lang === 'en' ? d.holiday?.nameEn : d.holiday?.name}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

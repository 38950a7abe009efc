/**
 * The DB-aware working calendar: built-in data (official years with their legal references,
 * statutory defaults elsewhere) plus the national administrators' overrides and year
 * confirmations, and, for a province, its local days off (which no other province sees).
 * Built once per province and data stamp and cached in process; every call reads the stamp (one
 * tiny query), so several stateless servers pick up each other's edits on their next computation.
 */
import type { DbOrTx } from '../../db/client.js';
import * as repo from './calendar.repo.js';
import { FIRST_YEAR, LAST_YEAR } from './calendar.schemas.js';
import { isWeekendJdn, jdnFromIso } from './dates.js';
import { buildWorkingCalendar, type WorkingCalendar } from './deadline.js';
import { officialYears, scheduleFor } from './holidays.js';
import type { CalendarDay, OfficialYear, OfficialYearOverrides } from './holidays.types.js';

/** A day as in force: `overrideId` when an administrator's edit made it, `provinceCode` when it is a local day off. */
export type EffectiveDay = CalendarDay & { overrideId?: string; provinceCode?: string | null };
export type YearStatus = 'official' | 'provisional';

export interface EffectiveYear {
  year: number;
  status: YearStatus;
  legalReference: string;
  days: EffectiveDay[];
}

export interface CalendarState {
  /** The province whose local days off are included; null: the national calendar alone. */
  province: string | null;
  stamp: string;
  calendar: WorkingCalendar;
  /** Content hash of the working days plus the data revision: changes with every edit. */
  version: string;
  years: ReadonlyMap<number, repo.CalendarYearRow>;
  merged: OfficialYearOverrides;
}

/** Anything that can reach the database; `database` (when given) keys the cache across transactions. */
export interface CalendarCtx {
  db: DbOrTx;
  database?: object;
  /** A state already read for this piece of work: several deadlines, one stamp read. */
  state?: CalendarState;
}

export const builtInStatus = (year: number): YearStatus => (officialYears[year] ? 'official' : 'provisional');

/**
 * Built-in schedule of `year` with the overrides applied: an override replaces any built-in day on
 * its date, and a province's local day off replaces a national override of the same date.
 */
export function mergeYear(year: number, overrides: readonly repo.OverrideRow[], row: repo.CalendarYearRow | undefined): OfficialYear {
  const base = scheduleFor(year);
  const local = new Set(overrides.filter((o) => o.provinceCode !== null).map((o) => o.date));
  const applied = overrides.filter((o) => o.provinceCode !== null || !local.has(o.date));
  const dates = new Set(applied.map((o) => o.date));
  const days: EffectiveDay[] = [
    ...applied.map((o) => ({
      date: o.date,
      kind: o.kind as CalendarDay['kind'],
      name: o.name,
      nameEn: o.name,
      source: o.source,
      overrideId: String(o.id),
      provinceCode: o.provinceCode,
    })),
    ...base.days.filter((d) => !dates.has(d.date)),
  ];
  return { year, legalReference: row?.legalReference ?? base.legalReference, version: `${base.version}+db${row?.version ?? 0}`, days };
}

async function buildState(db: DbOrTx, province: string | null, stamp: string): Promise<CalendarState> {
  const [rows, overrides] = await Promise.all([repo.listYears(db), repo.listActiveOverrides(db, province)]);
  const years = new Map(rows.map((r) => [r.year, r]));
  const byYear = new Map<number, repo.OverrideRow[]>();
  for (const o of overrides) {
    const year = Number(o.date.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), o]);
  }
  const merged: Record<number, OfficialYear> = {};
  for (const year of new Set([...years.keys(), ...byYear.keys()])) merged[year] = mergeYear(year, byYear.get(year) ?? [], years.get(year));
  const calendar = buildWorkingCalendar({ firstYear: FIRST_YEAR, lastYear: LAST_YEAR, overrides: merged });
  return { province, stamp, calendar, version: `${calendar.version}.r${stamp}${province === null ? '' : `.p${province}`}`, years, merged };
}

/** Per database, per province ('' = national): the state built last and its stamp. */
const cache = new WeakMap<object, Map<string, { stamp: string; state: Promise<CalendarState> }>>();

/**
 * The calendar in force in `province` (its local days off included; null or absent: the national
 * calendar). With `unchecked`, the state built last is returned without reading the stamp: the
 * caller must check `state.stamp` against `calendarStampSql` in the statement that uses it (and
 * read again when it differs), as intake does.
 */
export async function calendarState(ctx: CalendarCtx, opts: { unchecked?: boolean; province?: string | null } = {}): Promise<CalendarState> {
  const province = opts.province ?? null;
  if (ctx.state && ctx.state.province === province) return ctx.state;
  const key = ctx.database ?? ctx.db;
  let states = cache.get(key);
  if (!states) cache.set(key, (states = new Map()));
  const slot = province ?? '';
  if (opts.unchecked) {
    const last = states.get(slot);
    if (last) return last.state;
  }
  const stamp = await repo.readStamp(ctx.db, province);
  const hit = states.get(slot);
  if (hit && hit.stamp === stamp) return hit.state;
  const state = buildState(ctx.db, province, stamp);
  states.set(slot, { stamp, state });
  void state.catch(() => {
    if (states.get(slot)?.state === state) states.delete(slot);
  });
  return state;
}

/** The year as everyone sees it: status and reference from the database when decided there. */
export function effectiveYear(state: CalendarState, year: number): EffectiveYear {
  const row = state.years.get(year);
  const schedule = scheduleFor(year, state.merged);
  const status: YearStatus = (row?.status as YearStatus | undefined) ?? builtInStatus(year);
  return { year, status, legalReference: row?.legalReference ?? schedule.legalReference, days: schedule.days };
}

/** Whether `date` is worked by the built-in data alone (no override). */
export function isWorkedBuiltIn(date: string): boolean {
  const day = scheduleFor(Number(date.slice(0, 4))).days.find((d) => d.date === date);
  if (day) return day.kind === 'working_day';
  return !isWeekendJdn(jdnFromIso(date));
}

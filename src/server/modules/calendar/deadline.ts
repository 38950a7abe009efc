/**
 * Deadline arithmetic for dossiers (Asia/Ho_Chi_Minh, UTC+7, no DST; process TZ irrelevant).
 *
 * Units:
 * - working_days: same clock time on the n-th working day after the receipt (one-stop
 *   practice, vietnam-rules.md §6.1). A receipt outside office hours or on a non-working day
 *   counts from the next opening (Saturday → Monday 08:00, 17:30 → next day 08:00, 12:30 → 13:00).
 * - working_hours: office time only (default 08:00–12:00, 13:00–17:00).
 * - calendar_days: Civil Code 2015 Art. 147–148 (first day not counted; ends at 24:00 of the
 *   last day, returned as 23:59:59.999 +07:00; a non-working last day moves the end to the end
 *   of the next working day).
 *
 * Pauses (e.g. waiting for the citizen to supplement the dossier): the clock stops during each
 * pause. For working units, the office time covered by the pauses between the start and the
 * (extended) due time is added to the deadline; for calendar_days the elapsed time is added and
 * the end rounded up to 24:00 of its day before Art. 148 applies. Overlapping pauses are merged;
 * pauses outside [start, due] change nothing.
 */
import { holidaysFor, type OfficialYearOverrides } from './holidays.js';
import type { IsoDate } from './dates.js';
import { assertCount, MS_PER_DAY, MS_PER_HOUR, VN_OFFSET_MS, WorkingCalendar, type Boundary, type OfficeInterval } from './working-calendar.js';

export { WorkingCalendar, DEFAULT_OFFICE_HOURS, type OfficeInterval, type WorkingCalendarInput } from './working-calendar.js';

export type DeadlineUnit = 'working_days' | 'working_hours' | 'calendar_days';

export interface Pause {
  from: Date;
  to: Date;
}

export interface DeadlineRequest {
  from: Date;
  amount: number;
  unit: DeadlineUnit;
  pauses?: readonly Pause[];
}

export interface DeadlineResult {
  due: Date;
  calendarVersion: string;
}

export interface CalendarOptions {
  firstYear?: number;
  lastYear?: number;
  officeHours?: readonly OfficeInterval[];
  overrides?: OfficialYearOverrides;
}

export interface DayExceptions {
  daysOff: Set<IsoDate>;
  workingWeekendDays: Set<IsoDate>;
}

/** Official schedules where present, statutory defaults elsewhere, for every year in range. */
export function dayExceptions(firstYear: number, lastYear: number, overrides?: OfficialYearOverrides): DayExceptions {
  const result: DayExceptions = { daysOff: new Set(), workingWeekendDays: new Set() };
  for (let year = firstYear; year <= lastYear; year++) {
    for (const day of holidaysFor(year, overrides)) {
      (day.kind === 'day_off' ? result.daysOff : result.workingWeekendDays).add(day.date);
    }
  }
  return result;
}

export function buildWorkingCalendar(options: CalendarOptions = {}): WorkingCalendar {
  const firstYear = options.firstYear ?? 2000;
  const lastYear = options.lastYear ?? 2100;
  const exceptions = dayExceptions(firstYear, lastYear, options.overrides);
  return new WorkingCalendar({ firstYear, lastYear, ...exceptions, officeHours: options.officeHours });
}

let defaultCalendar: WorkingCalendar | undefined;

/** The 2000–2100 calendar with built-in data, built once on first use. */
export function defaultWorkingCalendar(): WorkingCalendar {
  defaultCalendar ??= buildWorkingCalendar();
  return defaultCalendar;
}

/** Sorted [start, end) intervals in some monotone coordinate; empty ones dropped. */
function toIntervals(pauses: readonly Pause[], coordinate: (ms: number) => number): Array<[number, number]> {
  const intervals: Array<[number, number]> = [];
  for (const pause of pauses) {
    const from = pause.from.getTime();
    const to = pause.to.getTime();
    if (!(from <= to)) throw new RangeError('a pause must not end before it starts');
    const a = coordinate(from);
    const b = coordinate(to);
    if (b > a) intervals.push([a, b]);
  }
  return intervals.sort((x, y) => x[0] - y[0]);
}

/** The coordinate at which `active` units have run from `start`, skipping the paused intervals. */
export function runClock(start: number, active: number, paused: ReadonlyArray<readonly [number, number]>): number {
  let current = start;
  let remaining = active;
  for (const [a, b] of paused) {
    if (b <= current) continue;
    if (a > current) {
      if (a - current >= remaining) return current + remaining;
      remaining -= a - current;
    }
    current = b;
  }
  return current + remaining;
}

function workingDue(calendar: WorkingCalendar, request: DeadlineRequest, active: number, boundary: Boundary): number {
  const start = calendar.workTimeAt(request.from.getTime());
  const pauses = request.pauses;
  const end =
    pauses && pauses.length > 0
      ? runClock(
          start,
          active,
          toIntervals(pauses, (ms) => calendar.workTimeAt(ms)),
        )
      : start + active;
  return calendar.instantAtWorkTime(end, end === start ? 'open' : boundary);
}

function calendarDaysDue(calendar: WorkingCalendar, request: DeadlineRequest): number {
  assertCount(request.amount);
  const from = request.from.getTime();
  const localDay = Math.floor((from + VN_OFFSET_MS) / MS_PER_DAY);
  const plainEnd = (localDay + request.amount + 1) * MS_PER_DAY - VN_OFFSET_MS;
  const pauses = request.pauses;
  if (!pauses || pauses.length === 0) return calendar.endOfCalendarPeriod(plainEnd);
  const extended = runClock(
    from,
    plainEnd - from,
    toIntervals(pauses, (ms) => ms),
  );
  return calendar.endOfCalendarPeriod(extended);
}

export function computeDeadline(request: DeadlineRequest, calendar: WorkingCalendar = defaultWorkingCalendar()): DeadlineResult {
  let due: number;
  switch (request.unit) {
    case 'working_days':
      assertCount(request.amount);
      due = workingDue(calendar, request, request.amount * calendar.workMsPerDay, 'open');
      break;
    case 'working_hours':
      if (!Number.isFinite(request.amount) || request.amount < 0) throw new RangeError(`working hours must be ≥ 0, got ${request.amount}`);
      due = workingDue(calendar, request, Math.round(request.amount * MS_PER_HOUR), 'close');
      break;
    case 'calendar_days':
      due = calendarDaysDue(calendar, request);
      break;
    default:
      throw new RangeError(`unknown unit ${String(request.unit satisfies never)}`);
  }
  return { due: new Date(due), calendarVersion: calendar.version };
}

export interface SameDayRequest {
  from: Date;
  /** Local time ('HH:MM') from which a receipt is handled on the next working day (a rule value). */
  cutoff: string;
  pauses?: readonly Pause[];
}

export interface SameDayResult extends DeadlineResult {
  /** Received at or after the cut-off: due at the close of the next working day. */
  isAfterCutoff: boolean;
}

/**
 * A same-day ("trong ngày") time limit: due at the close of the working day the receipt counts on
 * (a receipt outside office hours counts from the next opening, so before the cut-off); received at
 * or after the cut-off, at the close of the next working day. Pauses add the office time they cover.
 */
export function computeSameDayDeadline(request: SameDayRequest, calendar: WorkingCalendar = defaultWorkingCalendar()): SameDayResult {
  const day = calendar.workMsPerDay;
  const start = calendar.workTimeAt(request.from.getTime());
  const ordinal = Math.floor(start / day);
  const isAfterCutoff = start - ordinal * day >= calendar.officeTimeBeforeClock(request.cutoff);
  const close = (ordinal + (isAfterCutoff ? 2 : 1)) * day;
  const due = workingDue(calendar, { from: request.from, amount: 0, unit: 'working_hours', pauses: request.pauses }, close - start, 'close');
  return { due: new Date(due), calendarVersion: calendar.version, isAfterCutoff };
}

export { formatVN } from '../../../shared/vn-time.js';

export { naiveAddWorkingDays, naiveRules, type NaiveRules } from './deadline.naive.js';

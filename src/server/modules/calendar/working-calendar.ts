/**
 * Working-time index for Asia/Ho_Chi_Minh (UTC+7, no DST). Pure arithmetic on epoch
 * milliseconds with a fixed +7 h offset: never reads the process time zone.
 *
 * Every working instant has a "work time" coordinate: milliseconds of office time elapsed
 * since the first day of the range. Precomputed arrays make the mapping O(1) both ways:
 * `cumulative[i]` = working days before day i, `workingDays[k]` = day index of the k-th
 * working day.
 */
import { createHash } from 'node:crypto';
import { isWeekendJdn, jdnFromIso, type IsoDate } from './dates.js';
import { julianDayNumber } from './lunar.astro.js';
import { VN_OFFSET_MS } from '../../../shared/vn-time.js';

export const MS_PER_DAY = 86_400_000;
export const MS_PER_HOUR = 3_600_000;
export { VN_OFFSET_MS };
/** JDN of 1970-01-01; local day number = JDN − this. */
const UNIX_EPOCH_JDN = 2440588;

export interface OfficeInterval {
  /** 'HH:MM' local time, inclusive. */
  from: string;
  /** 'HH:MM' local time, exclusive. */
  to: string;
}

export const DEFAULT_OFFICE_HOURS: readonly OfficeInterval[] = [
  { from: '08:00', to: '12:00' },
  { from: '13:00', to: '17:00' },
];

export interface WorkingCalendarInput {
  firstYear: number;
  lastYear: number;
  /** Monday–Friday dates not worked (holidays, compensatory and swapped days). */
  daysOff: Iterable<IsoDate>;
  /** Saturday/Sunday dates worked (make-up days). */
  workingWeekendDays: Iterable<IsoDate>;
  officeHours?: readonly OfficeInterval[];
}

/** Which instant a work-time coordinate on an interval boundary maps to. */
export type Boundary = 'open' | 'close';

/** Local (UTC+7) day number since 1970-01-01 of an instant. */
export function localDayOf(ms: number): number {
  return Math.floor((ms + VN_OFFSET_MS) / MS_PER_DAY);
}

/** Instant of local midnight starting local day `day`. */
export function startOfLocalDay(day: number): number {
  return day * MS_PER_DAY - VN_OFFSET_MS;
}

function parseClock(clock: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  const ms = match ? (Number(match[1]) * 60 + Number(match[2])) * 60_000 : NaN;
  if (!match || Number(match[2]) > 59 || ms > MS_PER_DAY) throw new RangeError(`bad office time: ${clock}`);
  return ms;
}

function parseOfficeHours(hours: readonly OfficeInterval[]): { opens: number[]; closes: number[] } {
  const opens = hours.map((h) => parseClock(h.from));
  const closes = hours.map((h) => parseClock(h.to));
  for (let i = 0; i < opens.length; i++) {
    if (!(opens[i] < closes[i]) || (i > 0 && opens[i] < closes[i - 1])) throw new RangeError('office hours must be ascending, non-empty, non-overlapping');
  }
  if (opens.length === 0) throw new RangeError('office hours must not be empty');
  return { opens, closes };
}

export class WorkingCalendar {
  readonly version: string;
  readonly firstYear: number;
  readonly lastYear: number;
  /** Office milliseconds in one working day (8 h by default). */
  readonly workMsPerDay: number;
  private readonly firstDay: number;
  private readonly working: Uint8Array;
  private readonly cumulative: Int32Array;
  private readonly workingDays: Int32Array;
  private readonly opens: number[];
  private readonly closes: number[];

  constructor(input: WorkingCalendarInput) {
    const officeHours = input.officeHours ?? DEFAULT_OFFICE_HOURS;
    ({ opens: this.opens, closes: this.closes } = parseOfficeHours(officeHours));
    this.workMsPerDay = this.closes.reduce((sum, close, i) => sum + close - this.opens[i], 0);
    this.firstYear = input.firstYear;
    this.lastYear = input.lastYear;
    const firstJdn = julianDayNumber(input.firstYear, 1, 1);
    const endJdn = julianDayNumber(input.lastYear + 1, 1, 1);
    if (!(endJdn > firstJdn)) throw new RangeError('empty calendar range');
    this.firstDay = firstJdn - UNIX_EPOCH_JDN;
    const size = endJdn - firstJdn;
    this.working = new Uint8Array(size);
    for (let i = 0; i < size; i++) this.working[i] = isWeekendJdn(firstJdn + i) ? 0 : 1;
    const daysOff = [...new Set(input.daysOff)].sort();
    const weekendsWorked = [...new Set(input.workingWeekendDays)].sort();
    for (const date of daysOff) this.mark(jdnFromIso(date) - firstJdn, 0);
    for (const date of weekendsWorked) this.mark(jdnFromIso(date) - firstJdn, 1);
    this.cumulative = new Int32Array(size + 1);
    for (let i = 0; i < size; i++) this.cumulative[i + 1] = this.cumulative[i] + this.working[i];
    this.workingDays = new Int32Array(this.cumulative[size]);
    for (let i = 0, k = 0; i < size; i++) if (this.working[i]) this.workingDays[k++] = i;
    const digest = createHash('sha256')
      .update(JSON.stringify({ firstYear: input.firstYear, lastYear: input.lastYear, officeHours, daysOff, weekendsWorked }))
      .digest('hex');
    this.version = `wc-${input.firstYear}-${input.lastYear}-${digest.slice(0, 16)}`;
  }

  private mark(index: number, value: 0 | 1): void {
    if (index >= 0 && index < this.working.length) this.working[index] = value;
  }

  private dayIndex(ms: number): number {
    const index = localDayOf(ms) - this.firstDay;
    if (!Number.isFinite(ms) || index < 0 || index >= this.working.length) {
      throw new RangeError(`instant outside the working calendar (${this.firstYear}–${this.lastYear})`);
    }
    return index;
  }

  isWorkingDate(date: IsoDate): boolean {
    const index = jdnFromIso(date) - UNIX_EPOCH_JDN - this.firstDay;
    if (index < 0 || index >= this.working.length) throw new RangeError(`${date} outside the working calendar`);
    return this.working[index] === 1;
  }

  /** Office milliseconds elapsed from the start of the range to `ms`; constant outside office hours. */
  workTimeAt(ms: number): number {
    const index = this.dayIndex(ms);
    const base = this.cumulative[index] * this.workMsPerDay;
    if (this.working[index] === 0) return base;
    return base + this.officeTimeBefore(ms - startOfLocalDay(this.firstDay + index));
  }

  /** Office milliseconds of a working day before the local clock `clock` (ms since midnight). */
  private officeTimeBefore(clock: number): number {
    let within = 0;
    for (let i = 0; i < this.opens.length; i++) {
      if (clock >= this.closes[i]) within += this.closes[i] - this.opens[i];
      else if (clock > this.opens[i]) within += clock - this.opens[i];
    }
    return within;
  }

  /** Office time of a working day before the local time `clock` ('HH:MM'): 15:00 → 6 h with the default hours. */
  officeTimeBeforeClock(clock: string): number {
    return this.officeTimeBefore(parseClock(clock));
  }

  /**
   * Instant at work-time `w`. On a boundary, 'open' gives the next opening (12:00 → 13:00,
   * 17:00 → next working day 08:00) and 'close' the closing just reached.
   */
  instantAtWorkTime(w: number, boundary: Boundary): number {
    let ordinal = Math.floor(w / this.workMsPerDay);
    let rest = w - ordinal * this.workMsPerDay;
    if (boundary === 'close' && rest === 0 && ordinal > 0) {
      ordinal -= 1;
      rest = this.workMsPerDay;
    }
    if (ordinal < 0 || ordinal >= this.workingDays.length) throw new RangeError('deadline beyond the working calendar');
    return startOfLocalDay(this.firstDay + this.workingDays[ordinal]) + this.clockAtWorkOffset(rest, boundary);
  }

  private clockAtWorkOffset(rest: number, boundary: Boundary): number {
    let acc = 0;
    const last = this.opens.length - 1;
    for (let i = 0; i < last; i++) {
      const length = this.closes[i] - this.opens[i];
      if (rest < acc + length || (boundary === 'close' && rest === acc + length)) return this.opens[i] + rest - acc;
      acc += length;
    }
    return this.opens[last] + rest - acc;
  }

  /** First day (local day index) that is a working day, at or after local day `index`. */
  private workingDayAtOrAfter(index: number): number {
    const ordinal = this.cumulative[index];
    if (ordinal >= this.workingDays.length) throw new RangeError('deadline beyond the working calendar');
    return this.workingDays[ordinal];
  }

  /** When counting starts for a receipt at `from`: itself if in office hours, else the next opening. */
  nextOpening(from: Date): Date {
    return new Date(this.instantAtWorkTime(this.workTimeAt(from.getTime()), 'open'));
  }

  /** Same clock time on the n-th working day after the (normalised) start. */
  addWorkingDays(from: Date, n: number): Date {
    assertCount(n);
    return new Date(this.instantAtWorkTime(this.workTimeAt(from.getTime()) + n * this.workMsPerDay, 'open'));
  }

  /** `hours` of office time after the (normalised) start; a period filling the day ends at 17:00. */
  addWorkingHours(from: Date, hours: number): Date {
    if (!Number.isFinite(hours) || hours < 0) throw new RangeError(`working hours must be ≥ 0, got ${hours}`);
    const start = this.workTimeAt(from.getTime());
    const amount = Math.round(hours * MS_PER_HOUR);
    return new Date(this.instantAtWorkTime(start + amount, amount === 0 ? 'open' : 'close'));
  }

  /**
   * Civil Code 2015 Art. 147(1): the day of the event is not counted; Art. 148: a period in days
   * ends at 24:00 of its last day (returned as 23:59:59.999 +07:00), and when the last day is a
   * weekly rest day or holiday, at the end of the next working day.
   */
  addCalendarDays(from: Date, n: number): Date {
    assertCount(n);
    return new Date(this.endOfCalendarPeriod(startOfLocalDay(localDayOf(from.getTime()) + n + 1)));
  }

  /** Given the exclusive end (any instant) of a calendar-day period, apply Art. 148. */
  endOfCalendarPeriod(exclusiveEnd: number): number {
    const lastDay = localDayOf(exclusiveEnd - 1);
    const index = this.workingDayAtOrAfter(this.dayIndex(startOfLocalDay(lastDay)));
    return startOfLocalDay(this.firstDay + index + 1) - 1;
  }
}

export function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`count must be a non-negative integer, got ${n}`);
}

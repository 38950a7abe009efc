/**
 * Reference implementation of "n working days later, same clock time" by walking day by day.
 * Deliberately independent of the index (string dates, Set look-ups, a loop): a test oracle
 * for WorkingCalendar and the baseline of bench/calendar.bench.ts.
 */
import { holidaysFor, type OfficialYearOverrides } from './holidays.js';

const DAY = 86_400_000;
const OFFSET = 7 * 3_600_000;
const MINUTE = 60_000;

export interface NaiveRules {
  daysOff: ReadonlySet<string>;
  workingWeekendDays: ReadonlySet<string>;
  /** Minutes after local midnight. */
  open: number;
  lunchStart: number;
  lunchEnd: number;
  close: number;
}

export function naiveRules(firstYear = 2000, lastYear = 2100, overrides?: OfficialYearOverrides): NaiveRules {
  const daysOff = new Set<string>();
  const workingWeekendDays = new Set<string>();
  for (let year = firstYear; year <= lastYear; year++) {
    for (const day of holidaysFor(year, overrides)) (day.kind === 'day_off' ? daysOff : workingWeekendDays).add(day.date);
  }
  return { daysOff, workingWeekendDays, open: 8 * 60, lunchStart: 12 * 60, lunchEnd: 13 * 60, close: 17 * 60 };
}

let defaultRules: NaiveRules | undefined;

function isWorking(localMidnight: number, rules: NaiveRules): boolean {
  const shifted = new Date(localMidnight);
  const key = shifted.toISOString().slice(0, 10);
  const weekday = shifted.getUTCDay();
  return weekday === 0 || weekday === 6 ? rules.workingWeekendDays.has(key) : !rules.daysOff.has(key);
}

export function naiveAddWorkingDays(from: Date, n: number, rules?: NaiveRules): Date {
  const r = rules ?? (defaultRules ??= naiveRules());
  const shifted = from.getTime() + OFFSET;
  let day = shifted - (((shifted % DAY) + DAY) % DAY);
  let clock = shifted - day;
  if (!isWorking(day, r) || clock >= r.close * MINUTE) {
    do day += DAY;
    while (!isWorking(day, r));
    clock = r.open * MINUTE;
  } else if (clock < r.open * MINUTE) {
    clock = r.open * MINUTE;
  } else if (clock >= r.lunchStart * MINUTE && clock < r.lunchEnd * MINUTE) {
    clock = r.lunchEnd * MINUTE;
  }
  for (let counted = 0; counted < n;) {
    day += DAY;
    if (isWorking(day, r)) counted++;
  }
  return new Date(day + clock - OFFSET);
}

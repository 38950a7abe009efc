/** Civil-date helpers on Julian Day Numbers and 'YYYY-MM-DD' strings; no Date, no time zone. */
import { civilFromJdn, julianDayNumber } from './lunar.astro.js';

export type IsoDate = string;

export const SUNDAY = 0;
export const SATURDAY = 6;

export function isoFromParts(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isoFromJdn(jdn: number): IsoDate {
  const { year, month, day } = civilFromJdn(jdn);
  return isoFromParts(year, month, day);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function jdnFromIso(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const jdn = julianDayNumber(year, month, day);
  if (isoFromJdn(jdn) !== date) throw new RangeError(`no such date: ${date}`);
  return jdn;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfJdn(jdn: number): number {
  return (jdn + 1) % 7;
}

export function isWeekendJdn(jdn: number): boolean {
  const weekday = weekdayOfJdn(jdn);
  return weekday === SATURDAY || weekday === SUNDAY;
}

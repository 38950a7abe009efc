/**
 * Solar (Gregorian) ⇄ Vietnamese lunar calendar, 1900–2100 (works 1800–2199).
 *
 * Rules (Hồ Ngọc Đức): a month starts on the local day of the new moon; month 11 is the month
 * containing the winter solstice; when 13 new moons separate two months 11, the first month
 * after month 11 without a major solar term is the leap month and repeats the previous number.
 * Local time is UTC+7 from 1968 (historically from 08/08/1967), UTC+8 before (see lunar.astro.ts).
 */
import { civilFromJdn, julianDayNumber, month11Index, newMoonDay, sunSectorAtDayStart, type CivilDate } from './lunar.astro.js';

export type { CivilDate } from './lunar.astro.js';

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

interface LunarMonth {
  /** JDN of the first day. */
  start: number;
  month: number;
  leap: boolean;
}

interface LunarYear {
  year: number;
  months: LunarMonth[];
  /** JDN of Tết of the following year (exclusive end). */
  end: number;
}

const MIN_YEAR = 1800;
const MAX_YEAR = 2199;

const CAN = ['Giáp', 'Ất', 'Bính', 'Đinh', 'Mậu', 'Kỷ', 'Canh', 'Tân', 'Nhâm', 'Quý'] as const;
const CHI = ['Tý', 'Sửu', 'Dần', 'Mão', 'Thìn', 'Tỵ', 'Ngọ', 'Mùi', 'Thân', 'Dậu', 'Tuất', 'Hợi'] as const;

const sinceSolsticeCache = new Map<number, LunarMonth[]>();
const yearCache = new Map<number, LunarYear>();

/** Month number for the i-th month after month 11 when no leap month intervenes. */
function monthLabel(offset: number): number {
  return ((10 + offset) % 12) + 1;
}

/** Offset (1..12) from month 11 of the first month without a major solar term. */
function leapOffset(starts: readonly number[]): number {
  for (let i = 1; i < starts.length - 1; i++) {
    if (sunSectorAtDayStart(starts[i]) === sunSectorAtDayStart(starts[i + 1])) return i;
  }
  return starts.length - 2;
}

/**
 * The 12 or 13 months from month 11 of Gregorian year `year - 1` up to (not including)
 * month 11 of `year`, labelled 11, 12, 1, …, 10 with the leap month marked.
 */
function monthsBetweenSolstices(year: number): LunarMonth[] {
  const cached = sinceSolsticeCache.get(year);
  if (cached) return cached;
  const k0 = month11Index(year - 1);
  const k1 = month11Index(year);
  const starts: number[] = [];
  for (let k = k0; k <= k1; k++) starts.push(newMoonDay(k));
  const count = k1 - k0;
  const leapAt = count === 13 ? leapOffset(starts) : -1;
  const months: LunarMonth[] = [];
  for (let i = 0; i < count; i++) {
    if (leapAt < 0 || i < leapAt) months.push({ start: starts[i], month: monthLabel(i), leap: false });
    else months.push({ start: starts[i], month: monthLabel(i - 1), leap: i === leapAt });
  }
  sinceSolsticeCache.set(year, months);
  return months;
}

function firstMonthIndex(months: readonly LunarMonth[]): number {
  return months.findIndex((m) => m.month === 1 && !m.leap);
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`lunar year ${year} outside ${MIN_YEAR}–${MAX_YEAR}`);
  }
}

/** All months of lunar year `year`, from Tết to the day before the next Tết (cached). */
function lunarYear(year: number): LunarYear {
  const cached = yearCache.get(year);
  if (cached) return cached;
  checkYear(year);
  const current = monthsBetweenSolstices(year);
  const next = monthsBetweenSolstices(year + 1);
  const nextTet = firstMonthIndex(next);
  const info: LunarYear = {
    year,
    months: [...current.slice(firstMonthIndex(current)), ...next.slice(0, nextTet)],
    end: next[nextTet].start,
  };
  yearCache.set(year, info);
  return info;
}

export function solarToLunar(year: number, month: number, day: number): LunarDate {
  const jdn = julianDayNumber(year, month, day);
  let info = lunarYear(year);
  if (jdn < info.months[0].start) info = lunarYear(year - 1);
  const months = info.months;
  let i = months.length - 1;
  while (months[i].start > jdn) i--;
  return { day: jdn - months[i].start + 1, month: months[i].month, year: info.year, leap: months[i].leap };
}

export function lunarToSolar(day: number, month: number, year: number, leap: boolean): CivilDate | null {
  if (!Number.isInteger(day) || !Number.isInteger(month) || day < 1 || day > 30 || month < 1 || month > 12) return null;
  const info = lunarYear(year);
  const i = info.months.findIndex((m) => m.month === month && m.leap === leap);
  if (i < 0) return null;
  const start = info.months[i].start;
  const nextStart = i + 1 < info.months.length ? info.months[i + 1].start : info.end;
  if (day > nextStart - start) return null;
  return civilFromJdn(start + day - 1);
}

/** Solar date of Tết Nguyên đán (1/1) of lunar year `year`. */
export function tetDate(year: number): CivilDate {
  return civilFromJdn(lunarYear(year).months[0].start);
}

/** The leap month of lunar year `year` (e.g. 2023 → 2), or null when the year has none. */
export function leapMonthOf(year: number): number | null {
  return lunarYear(year).months.find((m) => m.leap)?.month ?? null;
}

/** 29 or 30; null when the month does not exist in that year. */
export function lunarMonthLength(month: number, year: number, leap: boolean): number | null {
  const info = lunarYear(year);
  const i = info.months.findIndex((m) => m.month === month && m.leap === leap);
  if (i < 0) return null;
  const nextStart = i + 1 < info.months.length ? info.months[i + 1].start : info.end;
  return nextStart - info.months[i].start;
}

/** Sexagenary (Can Chi) name of a lunar year, e.g. 2026 → "Bính Ngọ". */
export function canChiYear(lunarYearNumber: number): string {
  const can = CAN[(((lunarYearNumber + 6) % 10) + 10) % 10];
  const chi = CHI[(((lunarYearNumber + 8) % 12) + 12) % 12];
  return `${can} ${chi}`.normalize('NFC');
}

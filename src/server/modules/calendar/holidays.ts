/**
 * "Law is data": the statutory holiday rules, versioned by the law in force, plus each
 * year's official schedule (holidays.official.ts). A year without an official schedule is
 * computed from the statutory defaults and flagged provisional.
 */
import { isWeekendJdn, isoFromJdn, isoFromParts, jdnFromIso, weekdayOfJdn, type IsoDate } from './dates.js';
import { officialYears } from './holidays.official.js';
import type { CalendarDay, OfficialYear, OfficialYearOverrides, ProvisionalYear, YearSchedule } from './holidays.types.js';
import { julianDayNumber } from './lunar.astro.js';
import { lunarToSolar, tetDate } from './lunar.js';

export { officialYears } from './holidays.official.js';
export type { CalendarDay, OfficialYear, OfficialYearOverrides, ProvisionalYear, YearSchedule } from './holidays.types.js';

/** Version of the statutory rules below; part of every provisional year's version. */
export const DEFAULT_RULES_VERSION = 'vn-labour-code-rules.1';

interface StatutoryRules {
  /** First day on which these rules govern a holiday. */
  inForceFrom: IsoDate;
  reference: string;
  compensation: string;
  tetDays: number;
  hungKings: boolean;
  nationalDayDays: number;
}

/** Successive versions of the paid-holiday article; a holiday follows the rules in force on its date. */
const STATUTORY_RULES: readonly StatutoryRules[] = [
  {
    inForceFrom: '1995-01-01',
    reference: 'Bộ luật Lao động 1994, Điều 73',
    compensation: 'Bộ luật Lao động 1994, Điều 73 (nghỉ bù)',
    tetDays: 4,
    hungKings: false,
    nationalDayDays: 1,
  },
  {
    inForceFrom: '2007-04-02',
    reference: 'Bộ luật Lao động 1994, Điều 73 (sửa đổi bởi Luật 84/2007/QH11)',
    compensation: 'Bộ luật Lao động 1994, Điều 73 (nghỉ bù)',
    tetDays: 4,
    hungKings: true,
    nationalDayDays: 1,
  },
  {
    inForceFrom: '2013-05-01',
    reference: 'Bộ luật Lao động 2012 (10/2012/QH13), Điều 115',
    compensation: 'Bộ luật Lao động 2012, Điều 115 khoản 3 (nghỉ bù)',
    tetDays: 5,
    hungKings: true,
    nationalDayDays: 1,
  },
  {
    inForceFrom: '2021-01-01',
    reference: 'Bộ luật Lao động 2019 (45/2019/QH14), Điều 112',
    compensation: 'Bộ luật Lao động 2019, Điều 111 khoản 3 (nghỉ bù)',
    tetDays: 5,
    hungKings: true,
    nationalDayDays: 2,
  },
];

function rulesOn(date: IsoDate): StatutoryRules {
  let rules = STATUTORY_RULES[0];
  for (const candidate of STATUTORY_RULES) if (candidate.inForceFrom <= date) rules = candidate;
  return rules;
}

interface Holiday {
  jdn: number;
  name: string;
  nameEn: string;
  rules: StatutoryRules;
}

function holiday(jdn: number, name: string, nameEn: string): Holiday {
  return { jdn, name, nameEn, rules: rulesOn(isoFromJdn(jdn)) };
}

/**
 * Tết: the last day of the old lunar year plus the first days of the new one (the usual
 * pattern; the Prime Minister fixes the actual days each year, Art. 112(3)).
 */
function tetHolidays(year: number): Holiday[] {
  const t = tetDate(year);
  const firstDay = julianDayNumber(t.year, t.month, t.day);
  const count = rulesOn(isoFromJdn(firstDay)).tetDays;
  const days = [holiday(firstDay - 1, 'Tết Nguyên đán (ngày cuối năm Âm lịch)', 'Lunar New Year (last day of the lunar year)')];
  for (let i = 0; i < count - 1; i++) {
    days.push(holiday(firstDay + i, `Tết Nguyên đán (mùng ${i + 1} tháng Giêng)`, `Lunar New Year (day ${i + 1})`));
  }
  return days;
}

/**
 * National Day 2/9 plus one adjacent day (Art. 112(1)(đ)); the default takes the day that joins
 * the weekend: 3/9 when 2/9 is a Monday or Thursday, otherwise 1/9 (matches 2024–2026).
 */
function nationalDayHolidays(year: number): Holiday[] {
  const second = julianDayNumber(year, 9, 2);
  const days = [holiday(second, 'Quốc khánh (2/9)', 'National Day')];
  if (days[0].rules.nationalDayDays < 2) return days;
  const weekday = weekdayOfJdn(second);
  const adjacent = weekday === 1 || weekday === 4 ? second + 1 : second - 1;
  days.push(holiday(adjacent, 'Quốc khánh (ngày liền kề)', 'National Day (adjacent day)'));
  return days;
}

function statutoryHolidays(year: number): Holiday[] {
  const list: Holiday[] = [holiday(julianDayNumber(year, 1, 1), 'Tết Dương lịch', "New Year's Day"), ...tetHolidays(year)];
  const hung = lunarToSolar(10, 3, year, false);
  if (hung) {
    const h = holiday(julianDayNumber(hung.year, hung.month, hung.day), 'Giỗ Tổ Hùng Vương (10/3 Âm lịch)', "Hùng Kings' Commemoration Day");
    if (h.rules.hungKings) list.push(h);
  }
  list.push(holiday(julianDayNumber(year, 4, 30), 'Ngày Chiến thắng (30/4)', 'Victory Day (Reunification Day)'));
  list.push(holiday(julianDayNumber(year, 5, 1), 'Ngày Quốc tế Lao động (1/5)', 'International Labour Day'));
  list.push(...nationalDayHolidays(year));
  return list.sort((a, b) => a.jdn - b.jdn);
}

/**
 * Statutory defaults for a year without an official schedule. A holiday on a Saturday or
 * Sunday gives a compensatory day on the next working day (BLLĐ 2019 Art. 111(3);
 * earlier codes: Art. 115(3) of 2012, Art. 73 of 1994).
 */
export function computeDefaultYear(year: number): ProvisionalYear {
  const holidays = statutoryHolidays(year);
  const taken = new Set(holidays.map((h) => h.jdn));
  const days: CalendarDay[] = [];
  for (const h of holidays) {
    if (!isWeekendJdn(h.jdn)) {
      days.push({ date: isoFromJdn(h.jdn), kind: 'day_off', name: h.name, nameEn: h.nameEn, source: h.rules.reference });
      continue;
    }
    let jdn = h.jdn + 1;
    while (isWeekendJdn(jdn) || taken.has(jdn)) jdn++;
    taken.add(jdn);
    days.push({
      date: isoFromJdn(jdn),
      kind: 'day_off',
      name: `Nghỉ bù ${h.name}`,
      nameEn: `Compensatory day off (${h.nameEn})`,
      source: h.rules.compensation,
    });
  }
  const references = [...new Set(holidays.map((h) => h.rules.reference))].join('; ');
  return {
    year,
    provisional: true,
    legalReference: `${references} — lịch mặc định, chưa có quyết định của Thủ tướng Chính phủ`,
    version: `${year}.default.${DEFAULT_RULES_VERSION}`,
    days: normalise(days),
  };
}

/** Keeps only real exceptions (weekday off, weekend worked), one per date, sorted. */
function normalise(days: readonly CalendarDay[]): CalendarDay[] {
  const byDate = new Map<IsoDate, CalendarDay>();
  for (const day of days) {
    const weekend = isWeekendJdn(jdnFromIso(day.date));
    if ((day.kind === 'day_off' && !weekend) || (day.kind === 'working_day' && weekend)) {
      if (!byDate.has(day.date)) byDate.set(day.date, day);
    }
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function officialFor(year: number, overrides?: OfficialYearOverrides): OfficialYear | undefined {
  return overrides?.[year] ?? officialYears[year];
}

/** The schedule for a year: the override, else the built-in official data, else the defaults. */
export function scheduleFor(year: number, overrides?: OfficialYearOverrides): YearSchedule {
  const official = officialFor(year, overrides);
  if (!official) return computeDefaultYear(year);
  const prefix = isoFromParts(year, 1, 1).slice(0, 5);
  const days = normalise(official.days.filter((d) => d.date.startsWith(prefix)));
  return { year, provisional: false, legalReference: official.legalReference, version: official.version, days };
}

/**
 * Exceptions to Monday–Friday for the state sector in `year`: `day_off` = every Monday–Friday
 * not worked, `working_day` = every Saturday or Sunday worked. Sorted by date.
 */
export function holidaysFor(year: number, overrides?: OfficialYearOverrides): CalendarDay[] {
  return scheduleFor(year, overrides).days;
}

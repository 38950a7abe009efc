import { describe, expect, it } from 'vitest';
import { julianDayNumber, UTC7_FROM_JDN } from './lunar.astro.js';
import { canChiYear, leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar, tetDate } from './lunar.js';

/**
 * Tết Nguyên đán (lunar 1/1) as published for Vietnam, DD/MM of the same year, 1968–2100.
 * Taken from the published Lunar New Year tables, which Vietnam shares with China except for
 * the years where the UTC+7 meridian moves a new moon or the winter solstice to another day:
 * 1968, 1969, 1985, 2007, 2030, 2053 (comparable-systems.md §8.1). Not computed.
 */
const VIETNAM_TET: Readonly<Record<number, string>> = {
  1968: '29/01',
  1969: '16/02',
  1970: '06/02',
  1971: '27/01',
  1972: '15/02',
  1973: '03/02',
  1974: '23/01',
  1975: '11/02',
  1976: '31/01',
  1977: '18/02',
  1978: '07/02',
  1979: '28/01',
  1980: '16/02',
  1981: '05/02',
  1982: '25/01',
  1983: '13/02',
  1984: '02/02',
  1985: '21/01',
  1986: '09/02',
  1987: '29/01',
  1988: '17/02',
  1989: '06/02',
  1990: '27/01',
  1991: '15/02',
  1992: '04/02',
  1993: '23/01',
  1994: '10/02',
  1995: '31/01',
  1996: '19/02',
  1997: '07/02',
  1998: '28/01',
  1999: '16/02',
  2000: '05/02',
  2001: '24/01',
  2002: '12/02',
  2003: '01/02',
  2004: '22/01',
  2005: '09/02',
  2006: '29/01',
  2007: '17/02',
  2008: '07/02',
  2009: '26/01',
  2010: '14/02',
  2011: '03/02',
  2012: '23/01',
  2013: '10/02',
  2014: '31/01',
  2015: '19/02',
  2016: '08/02',
  2017: '28/01',
  2018: '16/02',
  2019: '05/02',
  2020: '25/01',
  2021: '12/02',
  2022: '01/02',
  2023: '22/01',
  2024: '10/02',
  2025: '29/01',
  2026: '17/02',
  2027: '06/02',
  2028: '26/01',
  2029: '13/02',
  2030: '02/02',
  2031: '23/01',
  2032: '11/02',
  2033: '31/01',
  2034: '19/02',
  2035: '08/02',
  2036: '28/01',
  2037: '15/02',
  2038: '04/02',
  2039: '24/01',
  2040: '12/02',
  2041: '01/02',
  2042: '22/01',
  2043: '10/02',
  2044: '30/01',
  2045: '17/02',
  2046: '06/02',
  2047: '26/01',
  2048: '14/02',
  2049: '02/02',
  2050: '23/01',
  2051: '11/02',
  2052: '01/02',
  2053: '18/02',
  2054: '08/02',
  2055: '28/01',
  2056: '15/02',
  2057: '04/02',
  2058: '24/01',
  2059: '12/02',
  2060: '02/02',
  2061: '21/01',
  2062: '09/02',
  2063: '29/01',
  2064: '17/02',
  2065: '05/02',
  2066: '26/01',
  2067: '14/02',
  2068: '03/02',
  2069: '23/01',
  2070: '11/02',
  2071: '31/01',
  2072: '19/02',
  2073: '07/02',
  2074: '27/01',
  2075: '15/02',
  2076: '05/02',
  2077: '24/01',
  2078: '12/02',
  2079: '02/02',
  2080: '22/01',
  2081: '09/02',
  2082: '29/01',
  2083: '17/02',
  2084: '06/02',
  2085: '26/01',
  2086: '14/02',
  2087: '03/02',
  2088: '24/01',
  2089: '10/02',
  2090: '30/01',
  2091: '18/02',
  2092: '07/02',
  2093: '27/01',
  2094: '15/02',
  2095: '05/02',
  2096: '25/01',
  2097: '12/02',
  2098: '01/02',
  2099: '21/01',
  2100: '09/02',
};

/** The Chinese (UTC+8) date in the years where Vietnam differs. */
const CHINA_TET_WHERE_DIFFERENT: Readonly<Record<number, string>> = {
  1968: '30/01',
  1969: '17/02',
  1985: '20/02',
  2007: '18/02',
  2030: '03/02',
  2053: '19/02',
};

const fmt = (d: { year: number; month: number; day: number }): string => `${String(d.day).padStart(2, '0')}/${String(d.month).padStart(2, '0')}/${d.year}`;

describe('Tết dates (published table)', () => {
  it('covers every year 1968–2100', () => {
    expect(Object.keys(VIETNAM_TET)).toHaveLength(2100 - 1968 + 1);
  });

  it.each(Object.entries(VIETNAM_TET))('Tết %s is %s', (year, ddmm) => {
    expect(fmt(tetDate(Number(year)))).toBe(`${ddmm}/${year}`);
  });

  it.each(Object.entries(CHINA_TET_WHERE_DIFFERENT))('Vietnam differs from China in %s (CN %s)', (year, cn) => {
    expect(fmt(tetDate(Number(year)))).not.toBe(`${cn}/${year}`);
  });

  it('matches the years named in the brief', () => {
    expect(fmt(tetDate(1968))).toBe('29/01/1968');
    expect(fmt(tetDate(1969))).toBe('16/02/1969');
    expect(fmt(tetDate(1985))).toBe('21/01/1985');
    expect(fmt(tetDate(2007))).toBe('17/02/2007');
    expect(fmt(tetDate(2030))).toBe('02/02/2030');
    expect(fmt(tetDate(2053))).toBe('18/02/2053');
    expect(fmt(tetDate(2024))).toBe('10/02/2024');
    expect(fmt(tetDate(2025))).toBe('29/01/2025');
    expect(fmt(tetDate(2026))).toBe('17/02/2026');
    expect(fmt(tetDate(2027))).toBe('06/02/2027');
  });

  it('uses UTC+8 before the 1967 switch: Tết Đinh Mùi 1967 = 09/02/1967, Tết Canh Tý 1900 = 31/01/1900', () => {
    expect(fmt(tetDate(1967))).toBe('09/02/1967');
    expect(fmt(tetDate(1900))).toBe('31/01/1900');
  });

  it('switches to UTC+7 on 08/08/1967: month 11 Đinh Mùi starts 01/12/1967 (UTC+8 would give 02/12)', () => {
    expect(julianDayNumber(1967, 8, 8)).toBe(UTC7_FROM_JDN);
    expect(solarToLunar(1967, 12, 1)).toEqual({ day: 1, month: 11, year: 1967, leap: false });
  });
});

describe('round trip solar → lunar → solar', () => {
  it('holds for every day 1900-01-31 … 2100-12-31, with consecutive lunar days', () => {
    const first = julianDayNumber(1900, 1, 31);
    const last = julianDayNumber(2100, 12, 31);
    let failures = 0;
    let previous = solarToLunar(1900, 1, 30);
    for (let ms = Date.UTC(1900, 0, 31), jdn = first; jdn <= last; jdn++, ms += 86_400_000) {
      const d = new Date(ms);
      const y = d.getUTCFullYear();
      const m = d.getUTCMonth() + 1;
      const day = d.getUTCDate();
      const lunar = solarToLunar(y, m, day);
      const back = lunarToSolar(lunar.day, lunar.month, lunar.year, lunar.leap);
      const continues =
        lunar.day === previous.day + 1
          ? lunar.month === previous.month && lunar.leap === previous.leap && lunar.year === previous.year
          : lunar.day === 1 && (previous.day === 29 || previous.day === 30);
      if (!back || back.year !== y || back.month !== m || back.day !== day || !continues) failures++;
      previous = lunar;
    }
    expect(failures).toBe(0);
  });

  it('starts lunar year 1900 (Canh Tý) on 31/01/1900', () => {
    expect(solarToLunar(1900, 1, 31)).toEqual({ day: 1, month: 1, year: 1900, leap: false });
    expect(solarToLunar(1900, 1, 30)).toEqual({ day: 30, month: 12, year: 1899, leap: false });
  });
});

describe('leap months', () => {
  it.each([
    [2020, 4],
    [2023, 2],
    [2025, 6],
    [2017, 6],
    [2028, 5],
    [2033, 11],
  ])('%i has leap month %i', (year, month) => {
    expect(leapMonthOf(year)).toBe(month);
  });

  it.each([2021, 2022, 2024, 2026, 2027])('%i has no leap month', (year) => {
    expect(leapMonthOf(year)).toBeNull();
  });

  it('distinguishes a leap month from the regular one', () => {
    expect(lunarToSolar(1, 2, 2023, false)).toEqual({ year: 2023, month: 2, day: 20 });
    expect(lunarToSolar(1, 2, 2023, true)).toEqual({ year: 2023, month: 3, day: 22 });
    expect(solarToLunar(2023, 3, 22)).toEqual({ day: 1, month: 2, year: 2023, leap: true });
    expect(lunarToSolar(1, 6, 2025, true)).toEqual({ year: 2025, month: 7, day: 25 });
    expect(solarToLunar(2025, 7, 25)).toEqual({ day: 1, month: 6, year: 2025, leap: true });
    expect(lunarToSolar(1, 4, 2020, true)).toEqual({ year: 2020, month: 5, day: 23 });
  });

  it('returns null for a lunar date that does not exist', () => {
    expect(lunarToSolar(1, 5, 2024, true)).toBeNull();
    const short = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((m) => lunarMonthLength(m, 2026, false) === 29);
    expect(short).toBeDefined();
    expect(lunarToSolar(30, short ?? 0, 2026, false)).toBeNull();
    expect(lunarToSolar(29, short ?? 0, 2026, false)).not.toBeNull();
    expect(lunarToSolar(0, 1, 2026, false)).toBeNull();
    expect(lunarToSolar(1, 13, 2026, false)).toBeNull();
  });
});

describe('Giỗ Tổ Hùng Vương (10/3 lunar)', () => {
  it.each([
    [2024, '18/04/2024'],
    [2025, '07/04/2025'],
    [2026, '26/04/2026'],
    [2027, '16/04/2027'],
  ])('%i → %s', (year, expected) => {
    const date = lunarToSolar(10, 3, year, false);
    expect(date && fmt(date)).toBe(expected);
  });
});

describe('Can Chi', () => {
  it.each([
    [2026, 'Bính Ngọ'],
    [2025, 'Ất Tỵ'],
    [2024, 'Giáp Thìn'],
    [2023, 'Quý Mão'],
    [1984, 'Giáp Tý'],
    [1968, 'Mậu Thân'],
    [1900, 'Canh Tý'],
  ])('%i → %s', (year, name) => {
    expect(canChiYear(year)).toBe(name.normalize('NFC'));
    expect(canChiYear(year).normalize('NFC')).toBe(canChiYear(year));
  });
});

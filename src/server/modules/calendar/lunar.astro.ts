/**
 * Astronomy for the Vietnamese lunar calendar, following Hồ Ngọc Đức's published method
 * (informatik.uni-leipzig.de/~duc/amlich), which uses the low-precision series of
 * J. Meeus, "Astronomical Algorithms" (new moons, ch. 49; solar longitude, ch. 25).
 * Re-implemented here from the formulas; no third-party code.
 *
 * Day numbers are Julian Day Numbers (JDN, integer, the civil day in the local time zone).
 * Instants are Julian Dates (JD, fractional, UT).
 */

const DEG = Math.PI / 180;
const SYNODIC_MONTH = 29.530588853;
/** JDN of 1900-01-01, origin of the new-moon series index k. */
const SERIES_EPOCH_JDN = 2415021;

/**
 * Vietnam computed its calendar at UTC+8 (Chinese meridian) until North Vietnam adopted UTC+7
 * on 08/08/1967 (the South in 1975); every year from 1968 on is UTC+7. Taking the historical
 * switch date rather than 01/01/1968 only moves one month start: 01/12/1967 (not 02/12/1967).
 */
export const UTC7_FROM_JDN = 2439711; // JDN of 1967-08-08

export function julianDayNumber(year: number, month: number, day: number): number {
  const a = Math.floor((14 - month) / 12);
  const y = year + 4800 - a;
  const m = month + 12 * a - 3;
  return day + Math.floor((153 * m + 2) / 5) + 365 * y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) - 32045;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export function civilFromJdn(jdn: number): CivilDate {
  const a = jdn + 32044;
  const b = Math.floor((4 * a + 3) / 146097);
  const c = a - Math.floor((146097 * b) / 4);
  const d = Math.floor((4 * c + 3) / 1461);
  const e = c - Math.floor((1461 * d) / 4);
  const m = Math.floor((5 * e + 2) / 153);
  return {
    day: e - Math.floor((153 * m + 2) / 5) + 1,
    month: m + 3 - 12 * Math.floor(m / 10),
    year: 100 * b + d - 4800 + Math.floor(m / 10),
  };
}

/** Hours east of UTC used for the calendar on a given local civil day. */
export function timeZoneOfDay(jdn: number): number {
  return jdn >= UTC7_FROM_JDN ? 7 : 8;
}

/** Julian Date (UT) of the k-th new moon after the one of 1900-01-01 (Meeus, truncated series). */
export function newMoonJd(k: number): number {
  const t = k / 1236.85;
  const t2 = t * t;
  const t3 = t2 * t;
  const mean = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3 + 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * DEG);
  const sunAnomaly = (359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3) * DEG;
  const moonAnomaly = (306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3) * DEG;
  const latitudeArg = (21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3) * DEG;
  const correction =
    (0.1734 - 0.000393 * t) * Math.sin(sunAnomaly) +
    0.0021 * Math.sin(2 * sunAnomaly) -
    0.4068 * Math.sin(moonAnomaly) +
    0.0161 * Math.sin(2 * moonAnomaly) -
    0.0004 * Math.sin(3 * moonAnomaly) +
    0.0104 * Math.sin(2 * latitudeArg) -
    0.0051 * Math.sin(sunAnomaly + moonAnomaly) -
    0.0074 * Math.sin(sunAnomaly - moonAnomaly) +
    0.0004 * Math.sin(2 * latitudeArg + sunAnomaly) -
    0.0004 * Math.sin(2 * latitudeArg - sunAnomaly) -
    0.0006 * Math.sin(2 * latitudeArg + moonAnomaly) +
    0.001 * Math.sin(2 * latitudeArg - moonAnomaly) +
    0.0005 * Math.sin(2 * moonAnomaly + sunAnomaly);
  // ΔT (TT − UT) in days, polynomial fits used by the method.
  const deltaT = t < -11 ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 : -0.000278 + 0.000265 * t + 0.000262 * t2;
  return mean + correction - deltaT;
}

/** Apparent solar longitude in radians, normalised to [0, 2π) (Meeus ch. 25, low precision). */
export function sunLongitude(jd: number): number {
  const t = (jd - 2451545.0) / 36525;
  const t2 = t * t;
  const anomaly = (357.5291 + 35999.0503 * t - 0.0001559 * t2 - 0.00000048 * t * t2) * DEG;
  const meanLongitude = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
  const centre =
    (1.9146 - 0.004817 * t - 0.000014 * t2) * Math.sin(anomaly) + (0.019993 - 0.000101 * t) * Math.sin(2 * anomaly) + 0.00029 * Math.sin(3 * anomaly);
  const longitude = (meanLongitude + centre) * DEG;
  const turns = Math.floor(longitude / (2 * Math.PI));
  return longitude - 2 * Math.PI * turns;
}

/** Local civil day (JDN) on which the k-th new moon falls. */
export function newMoonDay(k: number): number {
  const jd = newMoonJd(k);
  const provisional = Math.floor(jd + 0.5 + 7 / 24);
  return Math.floor(jd + 0.5 + timeZoneOfDay(provisional) / 24);
}

/**
 * Index 0..11 of the 30° sector the sun is in at local midnight starting day `jdn`.
 * A major solar term (trung khí) is the sun entering a sector, so a lunar month contains
 * a major term iff the sector differs between its first day and the next month's first day.
 */
export function sunSectorAtDayStart(jdn: number): number {
  const jd = jdn - 0.5 - timeZoneOfDay(jdn) / 24;
  return Math.floor((sunLongitude(jd) / Math.PI) * 6);
}

/**
 * Series index k of the new moon starting lunar month 11 of Gregorian year `year`
 * (the month containing the winter solstice, i.e. the sun reaching 270°).
 */
export function month11Index(year: number): number {
  const k = Math.floor((julianDayNumber(year, 12, 31) - SERIES_EPOCH_JDN) / SYNODIC_MONTH);
  // If the sun is already past 270° when that month starts, the solstice fell in the month before.
  return sunSectorAtDayStart(newMoonDay(k)) >= 9 ? k - 1 : k;
}

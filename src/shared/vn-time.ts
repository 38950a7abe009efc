/**
 * Vietnam time (Asia/Ho_Chi_Minh: UTC+7, no daylight saving since 1975) for the server and the web
 * app alike, without local `Date` getters: the answers do not depend on the process's or the
 * browser's time zone. Business rules count Vietnam civil dates ('YYYY-MM-DD').
 */
export const VN_OFFSET_MS = 7 * 3_600_000;
const MS_PER_DAY = 86_400_000;

/** The instant moved by +7 h, so that its UTC fields read Vietnam wall-clock time (getUTCHours, an Excel date with no zone). */
export const vnWallClock = (at: Date): Date => new Date(at.getTime() + VN_OFFSET_MS);

/** The Vietnam civil date of an instant, 'YYYY-MM-DD'. */
export const vnDate = (at: Date): string => vnWallClock(at).toISOString().slice(0, 10);

/** Today in Vietnam, 'YYYY-MM-DD'. */
export const vnToday = (now: Date = new Date()): string => vnDate(now);

/** The instant a Vietnam civil date begins (00:00 +07:00). */
export const vnMidnight = (date: string): Date => new Date(`${date}T00:00:00+07:00`);

/** The instant of a Vietnam civil date at wall-clock time 'HH:MM'. */
export const vnInstant = (date: string, hhmm: string): Date => new Date(`${date}T${hhmm}:00+07:00`);

/** Minutes since midnight, Vietnam wall-clock time. */
export const vnMinutes = (at: Date): number => Math.floor(((((at.getTime() + VN_OFFSET_MS) % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY) / 60_000);

/** ISO 8601 in Vietnam time, e.g. 2019-12-25T08:37:00+07:00 (milliseconds only when non-zero). */
export function formatVN(date: Date): string {
  const iso = vnWallClock(date).toISOString();
  const millis = iso.slice(19, 23);
  return `${iso.slice(0, 19)}${millis === '.000' ? '' : millis}+07:00`;
}

/** Civil dates in Asia/Ho_Chi_Minh (UTC+7, no DST) without local Date getters. */
const VN_OFFSET_MS = 7 * 3600_000;
export const vnDate = (at: Date): string => new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
export const vnToday = (): string => vnDate(new Date());
/** 00:00 of a civil date in Vietnam, as an instant. */
export const vnMidnight = (date: string): Date => new Date(`${date}T00:00:00+07:00`);
/** Minutes after midnight in Vietnam of an instant. */
export const vnMinutes = (at: Date): number => Math.floor(((at.getTime() + VN_OFFSET_MS) % 86_400_000) / 60_000);
export const yearOf = (date: string): number => Number(date.slice(0, 4));

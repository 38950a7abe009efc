import { api } from '../../lib/api';

export type DayKind = 'day_off' | 'working_day';

export interface LunarDate {
  day: number;
  month: number;
  year: number;
  leap: boolean;
}

export interface MonthDay {
  date: string;
  weekday: number;
  isWorking: boolean;
  lunar: LunarDate;
  holiday: { kind: DayKind; name: string; nameEn: string } | null;
}

export interface MonthData {
  year: number;
  month: number;
  provisional: boolean;
  yearName: string;
  days: MonthDay[];
}

export interface CalendarDay {
  date: string;
  kind: DayKind;
  name: string;
  nameEn: string;
  source: string;
  overrideId: string | null;
  /** Set on a province's local day off. */
  provinceCode?: string | null;
}

export interface YearDetail {
  year: number;
  status: 'official' | 'provisional';
  legalReference: string;
  builtInReference: string | null;
  confirmedAt: string | null;
  version: number;
  calendarVersion: string;
  province?: string | null;
  overrides: { id: string; provinceCode?: string | null; date: string; kind: DayKind; name: string; source: string; createdAt: string }[];
  days: CalendarDay[];
}

export const fetchMonth = (year: number, month: number, signal?: AbortSignal) => api.get<MonthData>('/calendar/month', { year, month }, signal);
/** `province`: that province's local days off are included. */
export const fetchYear = (year: number, signal?: AbortSignal, province?: string | null) =>
  api.get<YearDetail>(`/calendar/years/${year}`, province ? { province } : undefined, signal);
export const addOverride = (body: { date: string; kind: DayKind; name: string; source: string }) => api.post('/calendar/overrides', body);
export const removeOverride = (id: string) => api.del(`/calendar/overrides/${encodeURIComponent(id)}`);
export const addLocalDayOff = (province: string, body: { date: string; name: string; source: string }) => api.post(`/calendar/provinces/${encodeURIComponent(province)}/days-off`, body);
export const removeLocalDayOff = (province: string, id: string) => api.del(`/calendar/provinces/${encodeURIComponent(province)}/days-off/${encodeURIComponent(id)}`);
export const confirmYear = (year: number, legalReference: string, expectedVersion: number) =>
  api.post<YearDetail>(`/calendar/years/${year}/confirm`, { legalReference, expectedVersion });

/** Today in Vietnam (UTC+7), as YYYY-MM-DD, whatever the browser's zone. */
export function todayInVietnam(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

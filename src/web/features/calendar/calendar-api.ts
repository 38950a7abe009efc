import { vnToday } from '../../../shared/vn-time';
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
}

export interface YearDetail {
  year: number;
  status: 'official' | 'provisional';
  legalReference: string;
  builtInReference: string | null;
  confirmedAt: string | null;
  version: number;
  calendarVersion: string;
  overrides: { id: string; date: string; kind: DayKind; name: string; source: string; createdAt: string }[];
  days: CalendarDay[];
}

export const fetchMonth = (year: number, month: number, signal?: AbortSignal) => api.get<MonthData>('/calendar/month', { year, month }, signal);
export const fetchYear = (year: number, signal?: AbortSignal) => api.get<YearDetail>(`/calendar/years/${year}`, undefined, signal);
export const addOverride = (body: { date: string; kind: DayKind; name: string; source: string }) => api.post('/calendar/overrides', body);
export const removeOverride = (id: string) => api.del(`/calendar/overrides/${encodeURIComponent(id)}`);
export const confirmYear = (year: number, legalReference: string, expectedVersion: number) =>
  api.post<YearDetail>(`/calendar/years/${year}/confirm`, { legalReference, expectedVersion });

/** Today in Vietnam (UTC+7), as YYYY-MM-DD, whatever the browser's zone. */
export function todayInVietnam(now = new Date()): string {
  return vnToday(now);
}

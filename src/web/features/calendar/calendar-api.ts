import { vnToday } from '../../../shared/vn-time';
import type { ConfirmYearBody, CreateOverrideBody, MonthResponse, YearDetail } from '../../../shared/api-types';
import { api } from '../../lib/api';

export const fetchMonth = (year: number, month: number, signal?: AbortSignal) => api.get<MonthResponse>('/calendar/month', { year, month }, signal);
/** `province`: that province's local days off are included. */
export const fetchYear = (year: number, signal?: AbortSignal, province?: string | null) =>
  api.get<YearDetail>(`/calendar/years/${year}`, province ? { province } : undefined, signal);
export const addOverride = (body: CreateOverrideBody) => api.post('/calendar/overrides', body);
export const removeOverride = (id: string) => api.del(`/calendar/overrides/${encodeURIComponent(id)}`);
export const addLocalDayOff = (province: string, body: { date: string; name: string; source: string }) =>
  api.post(`/calendar/provinces/${encodeURIComponent(province)}/days-off`, body);
export const removeLocalDayOff = (province: string, id: string) =>
  api.del(`/calendar/provinces/${encodeURIComponent(province)}/days-off/${encodeURIComponent(id)}`);
export const confirmYear = (year: number, legalReference: string, expectedVersion: number) =>
  api.post<YearDetail>(`/calendar/years/${year}/confirm`, { legalReference, expectedVersion } satisfies ConfirmYearBody);

/** Today in Vietnam (UTC+7), as YYYY-MM-DD, whatever the browser's zone. */
export function todayInVietnam(now = new Date()): string {
  return vnToday(now);
}

/** Conduct API helpers: a small loading hook, the photo upload; the shapes are in src/shared/api-types.ts. */
import { useCallback, useEffect, useState } from 'react';
import { vnToday } from '../../../shared/vn-time';
import type { CreateFindingBody, DecideBody, Finding } from '../../../shared/api-types';
import { api, ApiError, buildUrl, getCsrfToken } from '../../lib/api';

export const FORMS = [
  'khien_trach',
  'canh_cao',
  'ha_bac_luong',
  'giang_chuc',
  'cach_chuc',
  'buoc_thoi_viec',
  'bai_nhiem',
] as const satisfies readonly DecideBody['form'][];
export const FORM_LABELS: Record<string, string> = {
  khien_trach: 'Khiển trách',
  canh_cao: 'Cảnh cáo',
  ha_bac_luong: 'Hạ bậc lương',
  giang_chuc: 'Giáng chức',
  cach_chuc: 'Cách chức',
  buoc_thoi_viec: 'Buộc thôi việc',
  bai_nhiem: 'Bãi nhiệm',
};
export const CHECKLIST = [
  'attire',
  'name_card',
  'punctuality',
  'smoking',
  'alcohol',
  'personal_devices',
  'desk',
  'attitude',
] as const satisfies readonly CreateFindingBody['checklistItem'][];

/** GET a resource; `reload()` refetches; errors are kept for an ErrorAlert. */
export function useLoad<T>(path: string | null, query?: Record<string, string | number | undefined>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(query ?? {});
  useEffect(() => {
    if (!path) return undefined;
    const ctrl = new AbortController();
    api.get<T>(path, JSON.parse(key) as Record<string, string>, ctrl.signal).then(
      (d) => {
        setData(d);
        setError(null);
      },
      (e: unknown) => {
        if (!ctrl.signal.aborted) setError(e);
      },
    );
    return () => ctrl.abort();
  }, [path, key, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, reload, setData };
}

/** Run a write, keep its error for an ErrorAlert, and reload the page's data when it succeeds. */
export function useAction(reload: () => void) {
  const [error, setError] = useState<unknown>(null);
  const act = async (fn: () => Promise<unknown>): Promise<void> => {
    setError(null);
    try {
      await fn();
      reload();
    } catch (e) {
      setError(e);
    }
  };
  return { error, setError, act };
}

export const currentYear = (): number => Number(vnToday().slice(0, 4));

export const findingPhotoUrl = (findingId: string, n: number): string => buildUrl(`/conduct/findings/${findingId}/photos/${n}`);

/** POST a photo as multipart/form-data (the JSON client cannot), with the CSRF token. */
export async function uploadFindingPhoto(findingId: string, file: File): Promise<Finding> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(buildUrl(`/conduct/findings/${findingId}/photos`), { method: 'POST', body: form, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { title: 'Network error', code: 'network_error' });
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data && typeof data === 'object' ? data : { title: res.statusText });
  return data as Finding;
}

/** YYYY-MM of today in Vietnam. */
export const currentMonth = (): string => vnToday().slice(0, 7);

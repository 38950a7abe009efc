/** Conduct API shapes (as the server's presenters build them) and a small loading hook. */
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, buildUrl, getCsrfToken } from '../../lib/api';

export interface Violation {
  id: string;
  agencyCode: string;
  officialId: string;
  officialName: string;
  source: string;
  ruleId: string | null;
  occurredOn: string;
  description: string;
  evidence: Record<string, unknown>;
  isDutyRelated: boolean;
  status: string;
  answerText: string | null;
  answeredAt: string | null;
  reviewNote: string | null;
  reviewedAt: string | null;
  version: number;
  createdAt: string;
  rule?: { id: string; chapter: number; number: number; text: string } | null;
  /** On the detail: why the caller may not judge it (its judging steps answer 403 SELF_REVIEW), or null. */
  selfReview?: SelfReview;
}

/** `official_concerned`: the record is about the caller; `filer`: the caller filed it. */
export type SelfReview = 'official_concerned' | 'filer' | null;

export interface DisciplineCase {
  id: string;
  officialName: string;
  agencyCode: string;
  actDate: string;
  regime: string;
  regimeReference: string;
  category: string;
  isLeader: boolean;
  severity: string;
  status: string;
  openedAt: string;
  handlingDue: string;
  isOverdue: boolean;
  limitationUntil: string | null;
  allowedForms: { code: string; label: string }[];
  decisionForm: string | null;
  decisionFormLabel: string | null;
  decisionNumber: string | null;
  decidedAt: string | null;
  complaintText: string | null;
  complaintStatus: string | null;
  version: number;
  violations?: { id: string; occurredOn: string; description: string; status: string; source: string }[];
  selfReview?: SelfReview;
}

interface Part {
  general: number | null;
  task: number | null;
  total: number | null;
  grade: string | null;
  comment: string | null;
}
export interface Rating {
  id: string;
  agencyCode: string;
  officialId: string;
  officialName: string;
  year: number;
  regime: string;
  status: string;
  self: Part;
  manager: Part;
  finalGrade: string | null;
  finalGradeLabel: string | null;
  finalReason: string | null;
  version: number;
}
export interface Evidence {
  attendance: { days: number; late: number; early: number; absent: number };
  inspections: { total: number; failed: number };
  violations: { id: string; source: string; status: string; occurredOn: string; description: string }[];
  serviceSignals: { id: string; kind: string; status: string; occurredOn: string }[];
  disciplines: { id: string; formLabel: string; isDutyRelated: boolean; decisionNumber: string | null }[];
  commitments: { campaign: string; acknowledgedAt: string }[];
  titles: { code: string; label: string; isEligible: boolean; unmet: string[]; bonus: number }[];
}
export interface RatingDetail extends Rating {
  selfReview: SelfReview;
  regimeReference: string;
  usesPoints: boolean;
  evidence: Evidence;
}
export interface OfficialRef {
  id: string;
  code: string;
  fullName: string;
  agencyCode: string;
  agencyName: string;
}

export const FORMS = ['khien_trach', 'canh_cao', 'ha_bac_luong', 'giang_chuc', 'cach_chuc', 'buoc_thoi_viec', 'bai_nhiem'] as const;
export const FORM_LABELS: Record<string, string> = {
  khien_trach: 'Khiển trách',
  canh_cao: 'Cảnh cáo',
  ha_bac_luong: 'Hạ bậc lương',
  giang_chuc: 'Giáng chức',
  cach_chuc: 'Cách chức',
  buoc_thoi_viec: 'Buộc thôi việc',
  bai_nhiem: 'Bãi nhiệm',
};
export const CHECKLIST = ['attire', 'name_card', 'punctuality', 'smoking', 'alcohol', 'personal_devices', 'desk', 'attitude'] as const;

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

export const currentYear = (): number => Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4));

export interface FindingPhoto { n: number; sha256: string; contentType: string; size: number; uploadedAt: string }
export interface Finding { id: string; officialName: string; checklistItem: string; isCompliant: boolean; violationId: string | null; photos: FindingPhoto[] }
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

export interface AttendanceRow { id: string; officialId: string; workDate: string; checkIn: string | null; checkOut: string | null; source: string; status: string; lateMinutes: number; earlyMinutes: number }
export interface AttendanceReport {
  agencyCode: string;
  agencyName: string;
  month: string;
  workingDays: number;
  officeHours: { opens: string; closes: string };
  items: { officialId: string; code: string; fullName: string; agencyCode: string; present: number; late: number; lateMinutes: number; early: number; earlyMinutes: number; absent: number; unrecorded: number; lateDates: string[]; earlyDates: string[]; absentDates: string[] }[];
}
export interface ImportResult { imported: number; skippedNonWorkingDays: number; rejected: { line: number; reason: string }[] }
export interface MyAttendance { official: { id: string; fullName: string; agencyCode: string } | null; today: string; isWorkingDay: boolean; items: AttendanceRow[] }

/** YYYY-MM of today in Vietnam. */
export const currentMonth = (): string => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);

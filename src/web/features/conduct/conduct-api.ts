/** Conduct API shapes (as the server's presenters build them) and a small loading hook. */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../../lib/api';

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
}

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

export const currentYear = (): number => Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4));

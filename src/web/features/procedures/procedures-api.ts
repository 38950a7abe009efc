/** The procedure catalog's API shapes and the multipart import upload. */
import { ApiError, buildUrl, getCsrfToken } from '../../lib/api';

export type OnlineLevel = 'full' | 'partial' | 'none';
export type LimitUnit = 'working_days' | 'working_hours' | 'calendar_days' | 'same_day';

export interface TimeLimit {
  amount: number;
  unit: LimitUnit;
}

export interface ProcedureSummary {
  code: string;
  name: string;
  agencyCode: string;
  agencyName: string;
  field: string;
  fieldName: string;
  onlineLevel: OnlineLevel;
  timeLimit: TimeLimit;
  /** Total of the fees in VND; 0 = free. */
  fee: number;
}

export interface AdminProcedureSummary extends ProcedureSummary {
  isActive: boolean;
  version: number;
  updatedAt: string;
}

export interface ProcedureDocument {
  id: string;
  position: number;
  name: string;
  originals: number;
  copies: number;
  isRequired: boolean;
  templateName: string | null;
  templateUrl: string | null;
  note: string | null;
}

export interface ProcedureStep {
  id: string;
  position: number;
  code: string;
  name: string;
  handlingAgency: 'receiving' | 'competent' | 'other';
  agencyCode: string | null;
  agencyName: string | null;
  budget: number;
}

export interface ProcedureDetail extends ProcedureSummary {
  provinceCode: string;
  fees: { name: string; amount: number; note: string | null }[];
  resultType: 'paper' | 'electronic' | 'both';
  legalBasis: string;
  ruleVersion: string;
  effectiveFrom: string;
  version: number;
  isActive: boolean;
  documents: ProcedureDocument[];
  steps: ProcedureStep[];
}

export interface CatalogOption {
  code: string;
  name: string;
  count: number;
}

export interface ImportReport {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  rejected: { line: number; code: string | null; reason: string }[];
}

/** POST the file as multipart/form-data (the JSON client cannot), with the CSRF token. */
export async function uploadImport(file: File, dryRun: boolean, lang: string): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'accept-language': lang };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(buildUrl('/procedures/import', { dryRun: String(dryRun) }), { method: 'POST', body: form, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { title: 'Network error', code: 'network_error' });
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data && typeof data === 'object' ? data : { title: res.statusText });
  return data as ImportReport;
}

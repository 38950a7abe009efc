/** Workforce API shapes and calls (the upload uses multipart, outside the JSON client). */
import { ApiError, buildUrl, getCsrfToken } from '../../lib/api';

export interface OfficialItem {
  id: string;
  code: string;
  fullName: string;
  gender: string;
  category: string;
  agencyCode: string;
  agencyName: string;
  orgUnitName: string | null;
  positionName: string | null;
  rank: string | null;
  leadershipTitle: string | null;
  politicalTheory: string;
  status: string;
}

export interface Official extends OfficialItem {
  ethnicity: string;
  isPartyMember: boolean;
  professionalDegree: string;
  professionalField: string | null;
  stateManagement: string | null;
  itLevel: string | null;
  foreignLanguage: string | null;
  email: string | null;
  joinedAt: string | null;
  identifiersMasked: boolean;
  version: number;
  /** The sign-in account linked to this record, or null. */
  account: { username: string; displayName: string } | null;
  dateOfBirth: string | null;
  birthYear: number;
  idNumber: string | null;
  phone: string | null;
  assignments: { id: string; agencyCode: string; agencyName: string; orgUnitName: string | null; positionName: string | null; validFrom: string; validTo: string | null }[];
  training: { id: string; title: string; institution: string | null; fromDate: string | null; toDate: string | null }[];
}

export interface Rejected {
  line: number;
  reason: string;
}
export interface ImportResult {
  jobId: string | null;
  dryRun: boolean;
  total: number;
  imported: number;
  updated: number;
  rejected: Rejected[];
}
export interface ImportJob {
  status: string;
  total: number;
  processed: number;
}

export interface Stats {
  agency: string;
  date: string;
  headcount: number;
  byCategory: Record<string, number>;
  politicalTheory: Record<string, number>;
  shareIntermediateOrHigher: number;
  byGender: Record<string, number>;
  byAgeBand: Record<string, number>;
  byQualification: Record<string, number>;
  partyMembers: number;
}

export const CATEGORIES = ['can_bo', 'cong_chuc', 'vien_chuc', 'hop_dong'] as const;

export async function uploadOfficials(file: File, dryRun: boolean, jobId: string): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file);
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(buildUrl('/workforce/officials/import', { dryRun: String(dryRun), jobId }), { method: 'POST', body: form, headers, credentials: 'same-origin' });
  const data = (await res.json().catch(() => ({}))) as ImportResult & { detail?: string };
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

/** Workforce calls outside the JSON client (the upload uses multipart). */
import type { OfficialImportResult } from '../../../shared/api-types';
import { ApiError, buildUrl, getCsrfToken } from '../../lib/api';

export const CATEGORIES = ['can_bo', 'cong_chuc', 'vien_chuc', 'hop_dong'] as const;

export async function uploadOfficials(file: File, dryRun: boolean, jobId: string): Promise<OfficialImportResult> {
  const form = new FormData();
  form.append('file', file);
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(buildUrl('/workforce/officials/import', { dryRun: String(dryRun), jobId }), {
    method: 'POST',
    body: form,
    headers,
    credentials: 'same-origin',
  });
  const data = (await res.json().catch(() => ({}))) as OfficialImportResult & { detail?: string };
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

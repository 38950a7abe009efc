/** The procedure catalog's multipart import upload (the JSON client cannot send files). */
import type { ProcedureImportResult } from '../../../shared/api-types';
import { ApiError, buildUrl, getCsrfToken } from '../../lib/api';

/** POST the file as multipart/form-data (the JSON client cannot), with the CSRF token. */
export async function uploadImport(file: File, dryRun: boolean, lang: string): Promise<ProcedureImportResult> {
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
  return data as ProcedureImportResult;
}

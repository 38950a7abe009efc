/** The procedure catalog's multipart uploads (the JSON client cannot send files): the import and form templates. */
import type { ProcedureDocument, ProcedureImportResult } from '../../../shared/api-types';
import { api, ApiError, buildUrl, getCsrfToken, type Query, seg } from '../../lib/api';

/** POST one file as multipart/form-data (field "file") with the CSRF token; problem+json answers become ApiError. */
async function postFile<T>(path: string, file: File, lang: string, query?: Query): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json', 'accept-language': lang };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, query), { method: 'POST', body: form, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { title: 'Network error', code: 'network_error' });
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data && typeof data === 'object' ? data : { title: res.statusText });
  return data as T;
}

export const uploadImport = (file: File, dryRun: boolean, lang: string): Promise<ProcedureImportResult> =>
  postFile('/procedures/import', file, lang, { dryRun: String(dryRun) });

const templatePath = (code: string, documentId: string) => `/procedures/${seg(code)}/documents/${seg(documentId)}/template`;

/** Uploads (or replaces) the form template of a document. */
export const uploadTemplate = (code: string, documentId: string, file: File, lang: string): Promise<ProcedureDocument> =>
  postFile(templatePath(code, documentId), file, lang);

export const removeTemplate = (code: string, documentId: string): Promise<ProcedureDocument> => api.del<ProcedureDocument>(templatePath(code, documentId));

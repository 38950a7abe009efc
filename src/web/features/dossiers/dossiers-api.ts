/** The dossier API calls; their shapes come from src/shared/api-types.ts. */
import type {
  AccessLog,
  Assignee,
  CitizenRatingBody,
  CitizenRatingResult,
  Desks,
  DossierActionBody,
  DossierActionResult,
  DossierCreated,
  DossierDetail,
  DossierPage,
  IntakeBody,
  IntakeProcedures,
  LookupCheckResult,
  PublicDossier,
  PublicLookupQuery,
} from '../../../shared/api-types';
import { api, seg } from '../../lib/api';

export const formUrl = (code: string, form: string): string => `/api/v1/dossiers/${seg(code)}/${form}.pdf`;
/** The uploaded file of a dossier's document, shown inline (PDF, image). */
export const attachmentUrl = (code: string, documentId: string): string => `/api/v1/dossiers/${seg(code)}/documents/${seg(documentId)}/file`;

export const dossierApi = {
  list: (query: Record<string, string | number | undefined>) => api.get<DossierPage>('/dossiers', query),
  /** `visit`: one opening of the page; the server logs the staff read once per visit. */
  get: (code: string, visit?: string) => api.get<DossierDetail>(`/dossiers/${seg(code)}`, visit ? { visit } : undefined),
  accessLog: (code: string) => api.get<AccessLog>(`/dossiers/${seg(code)}/access-log`),
  create: (body: IntakeBody) => api.post<DossierCreated>('/dossiers', body),
  act: (code: string, action: string, body: DossierActionBody) => api.post<DossierActionResult>(`/dossiers/${seg(code)}/actions/${action}`, body),
  lookup: (code: string, check: PublicLookupQuery) => api.get<PublicDossier>(`/public/dossiers/${seg(code)}`, check),
  lookupCheck: (code: string) => api.get<LookupCheckResult>('/public/lookup-check', { code }),
  rate: (code: string, body: CitizenRatingBody) => api.post<CitizenRatingResult>(`/public/dossiers/${seg(code)}/rating`, body),
  desks: (procedureCode: string) => api.get<Desks>('/public/desks', { procedureCode }),
  intakeProcedures: (q: string, signal?: AbortSignal) => api.get<IntakeProcedures>('/dossiers/intake-procedures', { q, limit: 20 }, signal),
  assignees: (code: string) => api.get<{ items: Assignee[] }>(`/dossiers/${seg(code)}/assignees`),
};

/** A random id for one opening of a page (works without a secure context, unlike crypto.randomUUID). */
export function newVisitId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A file as base64 for the JSON upload (attachments are checked by content on the server). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

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

export const dossierApi = {
  list: (query: Record<string, string | number | undefined>) => api.get<DossierPage>('/dossiers', query),
  get: (code: string) => api.get<DossierDetail>(`/dossiers/${seg(code)}`),
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

/** A file as base64 for the JSON upload (attachments are checked by content on the server). */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result.replace(/^data:[^,]*,/, '') : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

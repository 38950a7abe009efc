/** The dossier API shapes (see src/server/modules/dossiers/dossiers.schemas.ts). */
import { api, seg } from '../../lib/api';

export interface DossierSummary {
  code: string;
  status: string;
  channel: string;
  procedureCode: string;
  procedureName: string;
  applicantName: string;
  receivingAgencyName: string;
  competentAgencyName: string;
  assigneeName: string | null;
  currentStep: string;
  receivedAt: string | null;
  dueAt: string | null;
  isOverdue: boolean;
  isDueSoon: boolean;
  isLate: boolean;
  hasApology: boolean;
  version: number;
}

export interface TimelineEvent {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  at: string;
  actor?: string;
  note?: string | null;
}

export interface DossierDetail extends DossierSummary {
  statusId: number;
  procedure: { code: string; name: string; version: number };
  receivingAgency: { code: string; name: string };
  competentAgency: { code: string; name: string };
  currentAgency: { code: string; name: string };
  applicant: { fullName: string; idNumber: string; phone: string; email: string | null; address: string };
  submittedAt: string;
  originalDueAt: string | null;
  supplement: { intakeRequestedAt: string | null; appraisalRequestedAt: string | null; items: { procedureDocumentId: string; name: string; reason: string }[] };
  apology: { issuedAt: string; reason: string } | null;
  refusalReasons: string[];
  feesDue: number;
  feesPaidAt: string | null;
  assignedTo: { id: string; name: string } | null;
  closedAt: string | null;
  documents: { id: string; name: string; form: string; quantity: number; hasFile: boolean; stage: string }[];
  timeline: TimelineEvent[];
  handoffs: { step: string; from: string | null; to: string | null; stepStartedAt: string; stepDueAt: string | null; at: string; result: string | null }[];
  availableActions: string[];
  /** Where the forward action may send the dossier: the agencies its procedure names. */
  forwardAgencies: { code: string; name: string; role: 'competent' | 'coordinating'; stepName: string | null }[];
}

export interface PublicDossier {
  code: string;
  status: string;
  procedureName: string;
  receivingAgencyName: string;
  competentAgencyName: string;
  submittedAt: string;
  receivedAt: string | null;
  dueAt: string | null;
  isLate: boolean;
  canRate: boolean;
  timeline: TimelineEvent[];
}

export interface Created {
  code: string;
  status: string;
  receivedAt: string | null;
  dueAt: string | null;
  missingDocuments: { name: string; reason: string }[];
}

export interface DocumentPayload {
  procedureDocumentId: string;
  form?: string;
  attachment?: { fileName: string; contentBase64: string };
}

/** One-stop desks where a procedure can be submitted online, and the default one. */
export interface Desks {
  items: { code: string; name: string; provinceCode: string }[];
  suggestedCode: string | null;
}

export const formUrl = (code: string, form: string): string => `/api/v1/dossiers/${seg(code)}/${form}.pdf`;

export const dossierApi = {
  list: (query: Record<string, string | number | undefined>) => api.get<{ items: DossierSummary[]; nextCursor: string | null }>('/dossiers', query),
  get: (code: string) => api.get<DossierDetail>(`/dossiers/${seg(code)}`),
  accessLog: (code: string) => api.get<{ items: { at: string; who: string; agency: string | null; purpose: string }[] }>(`/dossiers/${seg(code)}/access-log`),
  create: (body: unknown) => api.post<Created>('/dossiers', body),
  act: (code: string, action: string, body: Record<string, unknown>) => api.post<{ status: string; version: number }>(`/dossiers/${seg(code)}/actions/${action}`, body),
  lookup: (code: string, check: { verify?: string; token?: string }) => api.get<PublicDossier>(`/public/dossiers/${seg(code)}`, check),
  lookupCheck: (code: string) => api.get<{ check: 'phone_tail' | 'check_code' }>('/public/lookup-check', { code }),
  rate: (code: string, body: Record<string, unknown>) => api.post<{ code: string }>(`/public/dossiers/${seg(code)}/rating`, body),
  desks: (procedureCode: string) => api.get<Desks>('/public/desks', { procedureCode }),
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

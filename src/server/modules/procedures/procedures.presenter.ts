import type { DocumentRow, ProcedureRow, StepRow } from './procedures.repo.js';
import type { TemplateRow } from './templates.repo.js';
import type { HandlerKind, LimitUnit, OnlineLevel, ResultType, StepCode } from './procedures.schemas.js';

const num = (v: string | number): number => Number(v);
const totalFee = (r: ProcedureRow): number => r.fees.reduce((sum, f) => sum + Number(f.amount), 0);

export const presentSummary = (r: ProcedureRow) => ({
  code: r.code,
  name: r.name,
  agencyCode: r.agencyCode,
  agencyName: r.agencyName,
  field: r.fieldCode,
  fieldName: r.fieldName,
  onlineLevel: r.onlineLevel,
  timeLimit: { amount: num(r.limitAmount), unit: r.limitUnit },
  fee: totalFee(r),
});

export const presentAdminSummary = (r: ProcedureRow) => ({
  ...presentSummary(r),
  isActive: r.isActive,
  version: r.version,
  updatedAt: r.updatedAt.toISOString(),
});

export const presentDocument = (d: DocumentRow) => ({
  id: d.id,
  position: d.position,
  name: d.name,
  originals: d.originals,
  copies: d.copies,
  isRequired: d.isRequired,
  templateName: d.templateName,
  templateUrl: d.templateUrl,
  note: d.note,
});

export const presentStep = (s: StepRow) => ({
  id: s.id,
  position: s.position,
  code: s.code,
  name: s.name,
  handlingAgency: s.handlingAgencyKind,
  agencyCode: s.agencyCode,
  agencyName: s.agencyName,
  budget: num(s.budget),
});

/** Where anyone downloads a document's form template. */
export const templatePath = (documentId: string): string => `/api/v1/procedure-templates/${documentId}`;

export const presentTemplateFile = (t: TemplateRow | undefined) =>
  t ? { url: templatePath(t.documentId), fileName: t.fileName, contentType: t.contentType, size: t.size, uploadedAt: t.uploadedAt.toISOString() } : null;

/** A document of the detail: its fields and the form template file an administrator uploaded, if any. */
export const presentDetailDocument = (d: DocumentRow, templates: ReadonlyMap<string, TemplateRow>) => ({
  ...presentDocument(d),
  templateFile: presentTemplateFile(templates.get(d.id)),
});

export type ProcedureDetail = ReturnType<typeof presentDetail>;
export const presentDetail = (r: ProcedureRow, docs: DocumentRow[], steps: StepRow[], templates: ReadonlyMap<string, TemplateRow> = new Map()) => ({
  ...presentSummary(r),
  provinceCode: r.provinceCode,
  fees: r.fees.map((f) => ({ name: f.name, amount: Number(f.amount), note: f.note ?? null })),
  resultType: r.resultType,
  legalBasis: r.legalBasis,
  ruleVersion: r.ruleVersion,
  effectiveFrom: r.effectiveFrom,
  version: r.version,
  isActive: r.isActive,
  updatedAt: r.updatedAt.toISOString(),
  documents: docs.filter((d) => d.procedureId === r.id).map((d) => presentDetailDocument(d, templates)),
  steps: steps.filter((s) => s.procedureId === r.id).map(presentStep),
});

/** What other modules (dossiers) receive from `findProcedureByCode`: ids included. */
export interface CatalogProcedure {
  id: string;
  code: string;
  provinceCode: string;
  name: string;
  fieldCode: string;
  fieldName: string;
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  onlineLevel: OnlineLevel;
  timeLimit: { amount: number; unit: LimitUnit };
  fees: { name: string; amount: number; note: string | null }[];
  resultType: ResultType;
  legalBasis: string;
  ruleVersion: string;
  effectiveFrom: string;
  version: number;
  isActive: boolean;
  documents: {
    id: string;
    position: number;
    name: string;
    originals: number;
    copies: number;
    isRequired: boolean;
    templateName: string | null;
    templateUrl: string | null;
    note: string | null;
  }[];
  steps: {
    id: string;
    position: number;
    code: StepCode;
    name: string;
    handlingAgencyKind: HandlerKind;
    agencyId: string | null;
    agencyCode: string | null;
    budget: number;
  }[];
}

export const toCatalogProcedure = (r: ProcedureRow, docs: DocumentRow[], steps: StepRow[]): CatalogProcedure => ({
  id: r.id,
  code: r.code,
  provinceCode: r.provinceCode,
  name: r.name,
  fieldCode: r.fieldCode,
  fieldName: r.fieldName,
  agencyId: r.agencyId,
  agencyCode: r.agencyCode,
  agencyName: r.agencyName,
  onlineLevel: r.onlineLevel as OnlineLevel,
  timeLimit: { amount: num(r.limitAmount), unit: r.limitUnit as LimitUnit },
  fees: r.fees.map((f) => ({ name: f.name, amount: Number(f.amount), note: f.note ?? null })),
  resultType: r.resultType as ResultType,
  legalBasis: r.legalBasis,
  ruleVersion: r.ruleVersion,
  effectiveFrom: r.effectiveFrom,
  version: r.version,
  isActive: r.isActive,
  documents: docs.map(presentDocument),
  steps: steps.map((s) => ({
    id: s.id,
    position: s.position,
    code: s.code as StepCode,
    name: s.name,
    handlingAgencyKind: s.handlingAgencyKind as HandlerKind,
    agencyId: s.agencyId,
    agencyCode: s.agencyCode,
    budget: num(s.budget),
  })),
});

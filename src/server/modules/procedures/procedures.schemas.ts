import { Type } from 'typebox';
import { pageOf, PageQuery } from '../../platform/pagination.js';
import { AGENCY_CODE_PATTERN } from '../org/index.js';

/** National code (1.000948) with an optional local suffix (1.000948.000.00.00.H57). */
export const PROCEDURE_CODE_PATTERN = '^[0-9]\\.[0-9]{6}(\\.[0-9A-Z]{1,20}){0,6}$';
export const FIELD_CODE_PATTERN = '^[A-Z0-9_]{1,40}$';

export const ONLINE_LEVELS = ['full', 'partial', 'none'] as const;
export const LIMIT_UNITS = ['working_days', 'working_hours', 'calendar_days', 'same_day'] as const;
export const RESULT_TYPES = ['paper', 'electronic', 'both'] as const;
export const STEP_CODES = ['receive', 'assign', 'appraise', 'approve', 'financial', 'return', 'interagency'] as const;
export const HANDLER_KINDS = ['receiving', 'competent', 'other'] as const;
export type OnlineLevel = (typeof ONLINE_LEVELS)[number];
export type LimitUnit = (typeof LIMIT_UNITS)[number];
export type ResultType = (typeof RESULT_TYPES)[number];
export type StepCode = (typeof STEP_CODES)[number];
export type HandlerKind = (typeof HANDLER_KINDS)[number];

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const OptText = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const TimeLimit = Type.Object(
  { amount: Type.Number({ exclusiveMinimum: 0, maximum: 10000 }), unit: Type.Enum(LIMIT_UNITS) },
  { additionalProperties: false },
);
export const Fee = Type.Object(
  { name: Text(300), amount: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }), note: OptText(500) },
  { additionalProperties: false },
);

export const DocumentInput = Type.Object(
  {
    id: Type.Optional(Type.String({ format: 'uuid' })),
    name: Text(1000),
    originals: Type.Integer({ minimum: 0, maximum: 20 }),
    copies: Type.Integer({ minimum: 0, maximum: 20 }),
    isRequired: Type.Optional(Type.Boolean()),
    templateName: OptText(300),
    templateUrl: Type.Optional(Type.Union([Type.String({ maxLength: 1000, pattern: '^(https?://|/)' }), Type.Null()])),
    note: OptText(1000),
  },
  { additionalProperties: false },
);
export const StepInput = Type.Object(
  {
    code: Type.Enum(STEP_CODES),
    name: Text(300),
    handlingAgency: Type.Enum(HANDLER_KINDS),
    agencyCode: Type.Optional(Type.Union([Type.String({ pattern: AGENCY_CODE_PATTERN }), Type.Null()])),
    budget: Type.Number({ minimum: 0, maximum: 10000 }),
  },
  { additionalProperties: false },
);

const editable = {
  name: Text(500),
  fieldCode: Type.String({ pattern: FIELD_CODE_PATTERN }),
  agencyCode: Type.String({ pattern: AGENCY_CODE_PATTERN }),
  onlineLevel: Type.Enum(ONLINE_LEVELS),
  timeLimit: TimeLimit,
  fees: Type.Array(Fee, { maxItems: 20 }),
  resultType: Type.Enum(RESULT_TYPES),
  legalBasis: Type.String({ maxLength: 5000 }),
  ruleVersion: Text(100),
  effectiveFrom: Type.String({ format: 'date' }),
  documents: Type.Array(DocumentInput, { maxItems: 50 }),
  steps: Type.Array(StepInput, { minItems: 1, maxItems: 30 }),
};
export const CreateProcedure = Type.Object(
  { code: Type.String({ pattern: PROCEDURE_CODE_PATTERN, maxLength: 80 }), ...editable },
  { additionalProperties: false },
);
export const UpdateProcedure = Type.Object({ ...editable, version: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });

export const ProcedureParams = Type.Object({ code: Type.String({ pattern: PROCEDURE_CODE_PATTERN, maxLength: 80 }) });
export const ProcedureQuery = Type.Object({
  ...PageQuery,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  field: Type.Optional(Type.String({ pattern: FIELD_CODE_PATTERN })),
  agency: Type.Optional(Type.String({ pattern: AGENCY_CODE_PATTERN })),
});
export const ImportQuery = Type.Object({ dryRun: Type.Optional(Type.Boolean({ default: true })) });

const summary = {
  code: Type.String(),
  name: Type.String(),
  agencyCode: Type.String(),
  agencyName: Type.String(),
  field: Type.String(),
  fieldName: Type.String(),
  onlineLevel: Type.String(),
  timeLimit: Type.Object({ amount: Type.Number(), unit: Type.String() }),
  /** Total of the fees, VND; 0 = free of charge. */
  fee: Type.Number(),
};
export const ProcedureSummary = Type.Object(summary);
export const ProcedurePage = pageOf(ProcedureSummary);
export const AdminProcedureSummary = Type.Object({ ...summary, isActive: Type.Boolean(), version: Type.Integer(), updatedAt: Type.String() });
export const AdminProcedurePage = pageOf(AdminProcedureSummary);

export const TemplateFile = Type.Object({
  url: Type.String(),
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  uploadedAt: Type.String(),
});
export const TemplateParams = Type.Object({ code: ProcedureParams.properties.code, documentId: Type.String({ format: 'uuid' }) });
export const TemplateDownloadParams = Type.Object({ documentId: Type.String({ format: 'uuid' }) });
export const ProcedureDocument = Type.Object({
  id: Type.String(),
  position: Type.Integer(),
  name: Type.String(),
  originals: Type.Integer(),
  copies: Type.Integer(),
  isRequired: Type.Boolean(),
  templateName: Nullable(Type.String()),
  templateUrl: Nullable(Type.String()),
  note: Nullable(Type.String()),
  /** The form file uploaded for this document (public download), or null. */
  templateFile: Type.Union([TemplateFile, Type.Null()]),
});
export const ProcedureStep = Type.Object({
  id: Type.String(),
  position: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  handlingAgency: Type.String(),
  agencyCode: Nullable(Type.String()),
  agencyName: Nullable(Type.String()),
  budget: Type.Number(),
});
export const ProcedureDetail = Type.Object({
  ...summary,
  provinceCode: Type.String(),
  fees: Type.Array(Type.Object({ name: Type.String(), amount: Type.Number(), note: Nullable(Type.String()) })),
  resultType: Type.String(),
  legalBasis: Type.String(),
  ruleVersion: Type.String(),
  effectiveFrom: Type.String(),
  version: Type.Integer(),
  isActive: Type.Boolean(),
  updatedAt: Type.String(),
  documents: Type.Array(ProcedureDocument),
  steps: Type.Array(ProcedureStep),
});
export const FieldList = Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), count: Type.Integer() })) });
export const CatalogAgencyList = FieldList;
export const ImportResult = Type.Object({
  dryRun: Type.Boolean(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  rejected: Type.Array(Type.Object({ line: Type.Integer(), code: Nullable(Type.String()), reason: Type.String() })),
});

import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agency, userAccount } from './org.js';

/** A fee or charge of a procedure (phí, lệ phí), in VND. */
export interface ProcedureFee {
  name: string;
  amount: number;
  note?: string | null;
}

/** Lĩnh vực: the sector a procedure belongs to (hộ tịch, đất đai, xây dựng…). */
export const procedureField = pgTable('procedure_field', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Thủ tục hành chính. `code` is the national code from the National TTHC Database (1.000948),
 * optionally with a local suffix (1.000948.000.00.00.H57); unique within a province.
 * Law is data: every change bumps `version` and leaves a `procedure_version` snapshot.
 */
export const procedure = pgTable(
  'procedure',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    provinceCode: text('province_code').notNull(),
    name: text('name').notNull(),
    fieldCode: text('field_code')
      .notNull()
      .references(() => procedureField.code),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    onlineLevel: text('online_level').notNull(), // full | partial | none
    limitAmount: numeric('limit_amount', { precision: 8, scale: 2 }).notNull(),
    limitUnit: text('limit_unit').notNull(), // working_days | working_hours | calendar_days | same_day
    fees: jsonb('fees').$type<ProcedureFee[]>().notNull().default([]),
    resultType: text('result_type').notNull(), // paper | electronic | both
    legalBasis: text('legal_basis').notNull().default(''),
    ruleVersion: text('rule_version').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    version: integer('version').notNull().default(1),
    isActive: boolean('is_active').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('procedure_province_code_uq').on(t.provinceCode, t.code),
    index('procedure_code_idx').on(t.code),
    index('procedure_agency_idx').on(t.agencyId),
    index('procedure_field_idx').on(t.fieldCode),
    index('procedure_sort_idx').on(sql`f_unaccent(lower(${t.name}))`, t.id),
    index('procedure_search_idx').using('gin', sql`f_unaccent(lower(${t.name})) gin_trgm_ops`),
  ],
);

/** Every version a procedure has had: the JSON snapshot, its rule version and effective date. */
export const procedureVersion = pgTable(
  'procedure_version',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedure.id),
    version: integer('version').notNull(),
    ruleVersion: text('rule_version').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by').references(() => userAccount.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('procedure_version_uq').on(t.procedureId, t.version)],
);

/**
 * Thành phần hồ sơ. Rows are never deleted (dossiers point at them): a document dropped from
 * the procedure gets `retired_at`.
 */
export const procedureDocument = pgTable(
  'procedure_document',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedure.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    originals: integer('originals').notNull().default(1),
    copies: integer('copies').notNull().default(0),
    isRequired: boolean('is_required').notNull().default(true),
    templateName: text('template_name'),
    templateUrl: text('template_url'),
    note: text('note'),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [index('procedure_document_procedure_idx').on(t.procedureId, t.position)],
);

/**
 * The form file of a document that must follow a template (tờ khai "theo mẫu"): one per document,
 * uploaded by the procedure's administrator, kept in the file store under `storage_key`
 * (content-addressed), served publicly with its content type.
 */
export const procedureDocumentTemplate = pgTable('procedure_document_template', {
  documentId: uuid('document_id')
    .primaryKey()
    .references(() => procedureDocument.id),
  storageKey: text('storage_key').notNull(),
  sha256: text('sha256').notNull(),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => userAccount.id),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The step template (quy trình nội bộ): who handles each step and its share of the time limit. */
export const procedureStep = pgTable(
  'procedure_step',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedure.id),
    position: integer('position').notNull(),
    code: text('code').notNull(), // receive | assign | appraise | approve | financial | return | interagency
    name: text('name').notNull(),
    handlingAgencyKind: text('handling_agency_kind').notNull(), // receiving | competent | other
    agencyId: uuid('agency_id').references(() => agency.id),
    budget: numeric('budget', { precision: 8, scale: 2 }).notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [index('procedure_step_procedure_idx').on(t.procedureId, t.position)],
);

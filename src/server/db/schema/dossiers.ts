import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { administrativeUnit, agency, userAccount } from './org.js';
import { procedure, procedureDocument } from './procedures.js';

/** Personal data of the applicant (người nộp hồ sơ), NFC text. Never returned by public routes. */
export interface DossierApplicant {
  fullName: string;
  idNumber: string;
  phone: string;
  email: string | null;
  address: string;
}

/** The rule that produced `due_at`: amount and unit of the procedure, the rule set, and the start. */
export interface DossierDueRule {
  amount: number;
  unit: string;
  ruleSet: string;
  procedureRuleVersion: string;
  from: string;
  /** A same-day limit: the cut-off applied, whether the receipt came after it, and its reference. */
  sameDay?: DossierSameDay;
}

export interface DossierSameDay {
  cutoff: string;
  isAfterCutoff: boolean;
  legalReference: string;
}

export interface DossierPause {
  from: string;
  to: string | null;
  stage: 'intake' | 'appraisal';
}

/**
 * Hồ sơ thủ tục hành chính. `code` follows Circular 01/2018 Art. 19:
 * `<receiving agency identifier>-YYMMDD-XXXX`. `version` is the optimistic-locking counter.
 */
export const dossier = pgTable(
  'dossier',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    provinceCode: text('province_code').notNull(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => procedure.id),
    procedureVersion: integer('procedure_version').notNull(),
    receivingAgencyId: uuid('receiving_agency_id')
      .notNull()
      .references(() => agency.id),
    competentAgencyId: uuid('competent_agency_id')
      .notNull()
      .references(() => agency.id),
    /** The agency holding the dossier now (changes with inter-agency hand-offs). */
    currentAgencyId: uuid('current_agency_id')
      .notNull()
      .references(() => agency.id),
    channel: text('channel').notNull(), // counter | online | postal
    status: text('status').notNull(),
    applicant: jsonb('applicant').$type<DossierApplicant>().notNull(),
    /** Last four digits of the applicant's phone: the public-lookup check. */
    phoneTail: text('phone_tail').notNull(),
    /**
     * The receipt's check code (Mẫu 01): 6 characters of Crockford base32 (30 random bits), drawn by
     * the database when the row is written (`f_dossier_check_code()`, migration 0020) and never
     * changed, so a printed receipt stays valid. The longer public-lookup check a province may choose.
     */
    checkCode: text('check_code')
      .notNull()
      .default(sql`f_dossier_check_code()`),
    applicantUserId: uuid('applicant_user_id').references(() => userAccount.id),
    receivedBy: uuid('received_by').references(() => userAccount.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    originalDueAt: timestamp('original_due_at', { withTimezone: true }),
    dueCalendarVersion: text('due_calendar_version'),
    dueRule: jsonb('due_rule').$type<DossierDueRule>(),
    pauses: jsonb('pauses').$type<DossierPause[]>().notNull().default([]),
    supplementIntakeAt: timestamp('supplement_intake_at', { withTimezone: true }),
    supplementAppraisalAt: timestamp('supplement_appraisal_at', { withTimezone: true }),
    /** Documents asked for in the open supplement request, with reasons (Mẫu 02). */
    supplementItems: jsonb('supplement_items').$type<{ procedureDocumentId: string; name: string; reason: string }[]>().notNull().default([]),
    apologyIssuedAt: timestamp('apology_issued_at', { withTimezone: true }),
    apologyReason: text('apology_reason'),
    refusalReasons: jsonb('refusal_reasons').$type<string[]>().notNull().default([]),
    isLate: boolean('is_late').notNull().default(false),
    /**
     * The public timeline (action, from, to, at per event), appended by a trigger on dossier_event
     * (migration 0017) so the public lookup reads one row. Derived: dossier_event is the record.
     */
    publicTimeline: jsonb('public_timeline').$type<{ action: string; fromStatus: string | null; toStatus: string; at: string }[]>().notNull().default([]),
    lateFlaggedAt: timestamp('late_flagged_at', { withTimezone: true }),
    assignedTo: uuid('assigned_to').references(() => userAccount.id),
    currentStep: text('current_step').notNull().default('receive'),
    stepStartedAt: timestamp('step_started_at', { withTimezone: true }).notNull().defaultNow(),
    feesDue: integer('fees_due').notNull().default(0),
    feesPaidAt: timestamp('fees_paid_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dossier_code_uq').on(t.code),
    index('dossier_receiving_idx').on(t.receivingAgencyId, t.status, t.dueAt),
    index('dossier_competent_idx').on(t.competentAgencyId, t.status, t.dueAt),
    index('dossier_current_idx').on(t.currentAgencyId, t.status, t.dueAt),
    // Partial: a dossier received at the counter has neither yet, so intake writes no entry in them.
    index('dossier_assigned_idx')
      .on(t.assignedTo, t.dueAt)
      .where(sql`${t.assignedTo} is not null`),
    index('dossier_applicant_idx')
      .on(t.applicantUserId, t.createdAt)
      .where(sql`${t.applicantUserId} is not null`),
    index('dossier_open_due_idx')
      .on(t.dueAt)
      .where(sql`closed_at is null`),
    index('dossier_province_time_idx').on(t.provinceCode, t.createdAt),
    // The staff search (queue.repo.ts): the applicant's name accent-insensitive, the ID number exactly.
    index('dossier_applicant_name_idx').using('gin', sql`f_unaccent(lower(${t.applicant}->>'fullName')) gin_trgm_ops`),
    index('dossier_applicant_id_idx').using('btree', sql`(${t.applicant}->>'idNumber')`),
    // "Đã trả kết quả" by return time; partial, so intake writes no entry.
    index('dossier_returned_idx')
      .on(t.closedAt)
      .where(sql`status = 'returned'`),
  ],
);

/** Every transition of a dossier: from and to status, who, when, and the action's data. */
export const dossierEvent = pgTable(
  'dossier_event',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossier.id),
    provinceCode: text('province_code').notNull(),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    agencyId: uuid('agency_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dossier_event_dossier_idx').on(t.dossierId, t.occurredAt), index('dossier_event_province_time_idx').on(t.provinceCode, t.occurredAt)],
);

/** Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05): one row per hand-off. */
export const dossierHandoff = pgTable(
  'dossier_handoff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossier.id),
    provinceCode: text('province_code').notNull(),
    step: text('step').notNull(),
    fromAgencyId: uuid('from_agency_id').references(() => agency.id),
    fromUserId: uuid('from_user_id').references(() => userAccount.id),
    toAgencyId: uuid('to_agency_id').references(() => agency.id),
    toUserId: uuid('to_user_id').references(() => userAccount.id),
    /** When the step being handed over started, its budget (working hours) and the result. */
    stepStartedAt: timestamp('step_started_at', { withTimezone: true }).notNull(),
    budgetHours: integer('budget_hours'),
    stepDueAt: timestamp('step_due_at', { withTimezone: true }),
    result: text('result'), // early | on_time | late
    note: text('note'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dossier_handoff_dossier_idx').on(t.dossierId, t.occurredAt), index('dossier_handoff_province_time_idx').on(t.provinceCode, t.occurredAt)],
);

/** Attachments and the paper documents received, checked against the procedure's list. */
export const dossierDocument = pgTable(
  'dossier_document',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossier.id),
    provinceCode: text('province_code').notNull(),
    procedureDocumentId: uuid('procedure_document_id').references(() => procedureDocument.id),
    name: text('name').notNull(),
    form: text('form').notNull().default('original'), // original | certified_copy | copy | electronic
    quantity: integer('quantity').notNull().default(1),
    storageKey: text('storage_key'),
    sha256: text('sha256'),
    mime: text('mime'),
    size: integer('size'),
    stage: text('stage').notNull().default('intake'), // intake | supplement
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('dossier_document_dossier_idx').on(t.dossierId)],
);

/** Per-agency daily counter of dossier codes; the intake transaction's upsert makes it gapless. */
export const dossierSequence = pgTable(
  'dossier_sequence',
  {
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    day: date('day').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.day] })],
);

/** The applicant's one rating of a returned dossier (Circular 01/2018 Art. 13 indicators 3, 4, 7). */
export const dossierRating = pgTable(
  'dossier_rating',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossier.id),
    provinceCode: text('province_code').notNull(),
    procedureId: uuid('procedure_id').notNull(),
    receivingAgencyId: uuid('receiving_agency_id').notNull(),
    competentAgencyId: uuid('competent_agency_id').notNull(),
    officerIds: uuid('officer_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    satisfaction: text('satisfaction').notNull(), // very_satisfied | satisfied | unsatisfied
    timesReturned: integer('times_returned').notNull(),
    bodiesContacted: integer('bodies_contacted').notNull(),
    attitude: text('attitude').notNull(), // good | acceptable | poor
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('dossier_rating_dossier_uq').on(t.dossierId), index('dossier_rating_province_time_idx').on(t.provinceCode, t.createdAt)],
);

/** Notifications written in the transaction of the step; a poller delivers them through adapters. */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    provinceCode: text('province_code'),
    dossierId: uuid('dossier_id').references(() => dossier.id),
    channel: text('channel').notNull(), // email | sms | in_app
    recipient: text('recipient').notNull(),
    recipientUserId: uuid('recipient_user_id'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    // pending → sending → sent | pending (retry) | failed; pending_dev: no channel configured, kept for the outbox viewer
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Earliest time the poller may claim the row: the retry time when pending, the lease expiry while sending. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    /** Id given by the SMTP server or the SMS gateway. */
    providerId: text('provider_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** When the recipient marked an in-app message read (the bell); null = unread. */
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notification_outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`status in ('pending', 'sending')`),
    // Only in-app messages are read by recipient (the bell); e-mail and SMS rows skip this index.
    index('notification_outbox_user_idx')
      .on(t.recipientUserId, t.createdAt)
      .where(sql`channel = 'in_app'`),
    index('notification_outbox_dossier_idx').on(t.dossierId),
  ],
);

/**
 * Wrong public-lookup checks per dossier code (last four phone digits are only 10,000 guesses):
 * after too many in a window the code answers 404 to everyone for a while, whatever the address.
 */
export const dossierLookupGuard = pgTable('dossier_lookup_guard', {
  code: text('code').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/**
 * The check a province asks for in the public lookup (and the rating): `phone_tail`, the last four
 * digits of the applicant's phone (the default, no row), or `check_code`, the 6-character code
 * printed on the receipt. A valid QR token of a printed document always passes.
 */
export const provinceLookupSetting = pgTable('province_lookup_setting', {
  provinceCode: text('province_code')
    .primaryKey()
    .references(() => administrativeUnit.code),
  lookupCheck: text('lookup_check').notNull(), // phone_tail | check_code
  updatedBy: uuid('updated_by').references(() => userAccount.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agency, userAccount } from './org.js';
import { official } from './workforce.js';

/**
 * Code of conduct (quy tắc ứng xử) as versioned data: a rule set has a code and a version with an
 * effective date and its legal reference; agency_id null = applies to everyone (Decision 129/2007,
 * 1847/2018), otherwise the agency's own code (e.g. a service centre's, possibly a sample).
 */
export const ruleSet = pgTable(
  'rule_set',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    version: integer('version').notNull().default(1),
    title: text('title').notNull(),
    legalReference: text('legal_reference').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    agencyId: uuid('agency_id').references(() => agency.id),
    isSample: boolean('is_sample').notNull().default(false),
    /** SHA-256 of the canonical text of every rule: what a commitment acknowledges. */
    textHash: text('text_hash').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rule_set_code_version_uq').on(t.code, t.version)],
);

export const conductRule = pgTable(
  'conduct_rule',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ruleSetId: uuid('rule_set_id')
      .notNull()
      .references(() => ruleSet.id),
    chapter: integer('chapter').notNull(),
    chapterTitle: text('chapter_title').notNull(),
    number: integer('number').notNull(),
    text: text('text').notNull(),
    /** The inspection checklist item this rule backs, if any. */
    checklistItem: text('checklist_item'),
    isConfirmed: boolean('is_confirmed').notNull().default(true),
  },
  (t) => [uniqueIndex('conduct_rule_number_uq').on(t.ruleSetId, t.chapter, t.number)],
);

/** A yearly campaign in which each official acknowledges the rule sets in force. */
export const commitmentCampaign = pgTable(
  'commitment_campaign',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    opensOn: date('opens_on').notNull(),
    closesOn: date('closes_on').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('commitment_campaign_uq').on(t.agencyId, t.year, t.title)],
);

export const commitment = pgTable(
  'commitment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => commitmentCampaign.id),
    officialId: uuid('official_id')
      .notNull()
      .references(() => official.id),
    ruleSetId: uuid('rule_set_id')
      .notNull()
      .references(() => ruleSet.id),
    textHash: text('text_hash').notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id').references(() => userAccount.id),
  },
  (t) => [uniqueIndex('commitment_uq').on(t.campaignId, t.officialId, t.ruleSetId)],
);

/** One working day of one official: from a timekeeping device (CSV) or a check-in. */
export const attendanceRecord = pgTable(
  'attendance_record',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officialId: uuid('official_id')
      .notNull()
      .references(() => official.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    workDate: date('work_date').notNull(),
    checkIn: timestamp('check_in', { withTimezone: true }),
    checkOut: timestamp('check_out', { withTimezone: true }),
    source: text('source').notNull(), // device | check_in
    lateMinutes: integer('late_minutes').notNull().default(0),
    earlyMinutes: integer('early_minutes').notNull().default(0),
    status: text('status').notNull(), // on_time | late | early | late_early | absent
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('attendance_record_uq').on(t.officialId, t.workDate), index('attendance_record_agency_idx').on(t.agencyId, t.workDate)],
);

export const inspection = pgTable(
  'inspection',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    provinceCode: text('province_code').notNull(),
    kind: text('kind').notNull(), // planned | unannounced
    inspectedAt: timestamp('inspected_at', { withTimezone: true }).notNull(),
    ruleSetId: uuid('rule_set_id').references(() => ruleSet.id),
    inspectorId: uuid('inspector_id').references(() => userAccount.id),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspection_agency_idx').on(t.agencyId, t.inspectedAt)],
);

export interface FindingPhoto {
  key: string;
  sha256: string;
  contentType: 'image/jpeg' | 'image/png';
  size: number;
  uploadedAt: string;
  uploadedBy: string | null;
}

export const inspectionFinding = pgTable(
  'inspection_finding',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspection.id),
    officialId: uuid('official_id')
      .notNull()
      .references(() => official.id),
    checklistItem: text('checklist_item').notNull(),
    ruleId: uuid('rule_id').references(() => conductRule.id),
    isCompliant: boolean('is_compliant').notNull(),
    note: text('note'),
    photoKeys: jsonb('photo_keys')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Photos uploaded to the finding (content-checked JPEG/PNG), in upload order; `key` is `<sha256>.<ext>`. */
    photos: jsonb('photos')
      .$type<FindingPhoto[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    violationId: uuid('violation_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inspection_finding_inspection_idx').on(t.inspectionId), index('inspection_finding_official_idx').on(t.officialId)],
);

/** A reported breach: it punishes nobody until a reviewer confirms it and a discipline case decides. */
export const violation = pgTable(
  'violation',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    provinceCode: text('province_code').notNull(),
    officialId: uuid('official_id')
      .notNull()
      .references(() => official.id),
    source: text('source').notNull(), // inspection | complaint | citizen_rating | signal | attendance
    ruleId: uuid('rule_id').references(() => conductRule.id),
    occurredOn: date('occurred_on').notNull(),
    description: text('description').notNull(),
    evidence: jsonb('evidence')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    isDutyRelated: boolean('is_duty_related').notNull().default(false),
    status: text('status').notNull().default('reported'), // reported | answered | confirmed | dismissed
    answerText: text('answer_text'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    reviewerId: uuid('reviewer_id'),
    reviewNote: text('review_note'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reportedBy: uuid('reported_by'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('violation_agency_idx').on(t.agencyId, t.status, t.createdAt), index('violation_official_idx').on(t.officialId, t.occurredOn)],
);

export const disciplineCase = pgTable(
  'discipline_case',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    provinceCode: text('province_code').notNull(),
    officialId: uuid('official_id')
      .notNull()
      .references(() => official.id),
    violationIds: jsonb('violation_ids')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    actDate: date('act_date').notNull(),
    regime: text('regime').notNull(),
    category: text('category').notNull(), // can_bo | cong_chuc | vien_chuc
    isLeader: boolean('is_leader').notNull().default(false),
    severity: text('severity').notNull(),
    isComplex: boolean('is_complex').notNull().default(false),
    isDutyRelated: boolean('is_duty_related').notNull().default(false),
    status: text('status').notNull().default('open'), // open | waiting | decided | closed
    waitingReason: text('waiting_reason'),
    waitingSince: timestamp('waiting_since', { withTimezone: true }),
    /** Periods in which discipline waited (not counted in the handling period). */
    pauses: jsonb('pauses')
      .$type<{ from: string; to: string; reason: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    handlingDue: timestamp('handling_due', { withTimezone: true }).notNull(),
    calendarVersion: text('calendar_version').notNull(),
    limitationUntil: date('limitation_until'),
    limitationRule: text('limitation_rule').notNull(),
    documents: jsonb('documents')
      .$type<{ kind: string; title: string; storageKey: string | null; addedAt: string }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    decisionForm: text('decision_form'),
    decisionNumber: text('decision_number'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    complaintText: text('complaint_text'),
    complaintAt: timestamp('complaint_at', { withTimezone: true }),
    complaintStatus: text('complaint_status'), // filed | upheld | rejected
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
  },
  (t) => [index('discipline_case_agency_idx').on(t.agencyId, t.status), index('discipline_case_official_idx').on(t.officialId, t.decidedAt)],
);

export const annualRating = pgTable(
  'annual_rating',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    officialId: uuid('official_id')
      .notNull()
      .references(() => official.id),
    year: integer('year').notNull(),
    regime: text('regime').notNull(),
    selfGeneral: numeric('self_general', { precision: 5, scale: 2 }),
    selfTask: numeric('self_task', { precision: 5, scale: 2 }),
    selfGrade: text('self_grade'),
    selfComment: text('self_comment'),
    managerGeneral: numeric('manager_general', { precision: 5, scale: 2 }),
    managerTask: numeric('manager_task', { precision: 5, scale: 2 }),
    managerGrade: text('manager_grade'),
    managerComment: text('manager_comment'),
    managerId: uuid('manager_id'),
    finalGrade: text('final_grade'),
    finalReason: text('final_reason'),
    status: text('status').notNull().default('self'), // self | manager | decided
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('annual_rating_uq').on(t.officialId, t.year), index('annual_rating_agency_idx').on(t.agencyId, t.year)],
);

export const emulationCampaign = pgTable(
  'emulation_campaign',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    agencyId: uuid('agency_id').references(() => agency.id),
    title: text('title').notNull(),
    fromYear: integer('from_year').notNull(),
    toYear: integer('to_year').notNull(),
    legalReference: text('legal_reference').notNull(),
    criteria: jsonb('criteria').$type<{ code: string; label: string; maxPoints: number }[]>().notNull(),
    isSample: boolean('is_sample').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('emulation_campaign_code_uq').on(t.code)],
);

/** Points for one criterion in one year, for a unit (official_id null) or an official. */
export const emulationScore = pgTable(
  'emulation_score',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => emulationCampaign.id),
    year: integer('year').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    officialId: uuid('official_id').references(() => official.id),
    criterion: text('criterion').notNull(),
    points: numeric('points', { precision: 6, scale: 2 }).notNull(),
    note: text('note'),
    scoredBy: uuid('scored_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('emulation_score_uq').on(
      t.campaignId,
      t.year,
      t.agencyId,
      sql`coalesce(${t.officialId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.criterion,
    ),
  ],
);

import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agency, orgUnit, userAccount } from './org.js';

/** Vị trí việc làm with its biên chế (quota) inside an agency, optionally an internal unit. */
export const jobPosition = pgTable(
  'job_position',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    orgUnitId: uuid('org_unit_id').references(() => orgUnit.id),
    name: text('name').notNull(),
    /** Biên chế assigned; null = not yet assigned by Home Affairs. */
    quota: integer('quota'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('job_position_uq').on(t.agencyId, sql`coalesce(${t.orgUnitId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.name)],
);

/**
 * The register of officials (cán bộ, công chức, viên chức, hợp đồng). `code` (Mã cán bộ) is unique
 * per province; conduct, discipline and annual rating rows link to `official.id`.
 */
export const official = pgTable(
  'official',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    provinceCode: text('province_code').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    orgUnitId: uuid('org_unit_id').references(() => orgUnit.id),
    familyName: text('family_name').notNull(),
    middleName: text('middle_name').notNull().default(''),
    givenName: text('given_name').notNull(),
    fullName: text('full_name').notNull(),
    /** Vietnamese order (given, middle, family; ă/â/đ… as letters, tones second); compare with COLLATE "C". */
    sortKey: text('sort_key').notNull(),
    dateOfBirth: date('date_of_birth').notNull(),
    gender: text('gender').notNull(), // nam | nu
    ethnicity: text('ethnicity').notNull().default('Kinh'),
    category: text('category').notNull(), // can_bo | cong_chuc | vien_chuc | hop_dong
    positionId: uuid('position_id').references(() => jobPosition.id),
    rank: text('rank'),
    leadershipTitle: text('leadership_title'),
    isPartyMember: boolean('is_party_member').notNull().default(false),
    politicalTheory: text('political_theory').notNull().default('none'), // none | so_cap | trung_cap | cao_cap | cu_nhan
    professionalDegree: text('professional_degree').notNull().default('khac'), // tien_si | thac_si | dai_hoc | cao_dang | trung_cap | khac
    professionalField: text('professional_field'),
    stateManagement: text('state_management'),
    itLevel: text('it_level'),
    foreignLanguage: text('foreign_language'),
    idNumber: text('id_number'),
    phone: text('phone'),
    email: text('email'),
    /**
     * The user account of this official: who he is when he signs in ("my record", and the rule that
     * nobody judges his own case, platform/self-review.ts). One active record per account.
     */
    userId: uuid('user_id').references(() => userAccount.id),
    status: text('status').notNull().default('active'), // active | retired | moved
    joinedAt: date('joined_at'),
    leftAt: date('left_at'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('official_code_uq').on(t.provinceCode, t.code),
    uniqueIndex('official_user_active_uq')
      .on(t.userId)
      .where(sql`${t.userId} is not null and ${t.status} = 'active'`),
    index('official_agency_status_idx').on(t.agencyId, t.status),
    index('official_sort_idx').on(sql`${t.sortKey} collate "C"`, t.id),
    index('official_search_idx').using('gin', sql`f_unaccent(lower(${t.fullName})) gin_trgm_ops`),
    /** Statistics for today fold birth-year counts into age bands; the boundary years are read through this. */
    index('official_birth_idx').on(t.dateOfBirth),
  ],
);

/** Quá trình công tác: where an official worked, [valid_from, valid_to) — statistics "on a date" read this. */
export const officialAssignment = pgTable(
  'official_assignment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officialId: uuid('official_id')
      .notNull()
      .references(() => official.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    orgUnitId: uuid('org_unit_id').references(() => orgUnit.id),
    positionId: uuid('position_id').references(() => jobPosition.id),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('official_assignment_official_idx').on(t.officialId, t.validFrom),
    index('official_assignment_agency_idx').on(t.agencyId, t.validFrom),
    uniqueIndex('official_assignment_open_uq')
      .on(t.officialId)
      .where(sql`${t.validTo} is null`),
    /** Assignments closed on a future date (retirement recorded ahead): still in post today. */
    index('official_assignment_valid_to_idx')
      .on(t.validTo)
      .where(sql`${t.validTo} is not null`),
  ],
);

/**
 * The attributes statistics count, over time, [valid_from, valid_to): written with every change
 * to an official (create, edit, import), so statistics on a past date use the values then in force.
 */
export const officialHistory = pgTable(
  'official_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officialId: uuid('official_id')
      .notNull()
      .references(() => official.id),
    category: text('category').notNull(),
    politicalTheory: text('political_theory').notNull(),
    professionalDegree: text('professional_degree').notNull(),
    isPartyMember: boolean('is_party_member').notNull(),
    rank: text('rank'),
    positionId: uuid('position_id').references(() => jobPosition.id),
    leadershipTitle: text('leadership_title'),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('official_history_official_idx').on(t.officialId, t.validFrom),
    uniqueIndex('official_history_open_uq')
      .on(t.officialId)
      .where(sql`${t.validTo} is null`),
  ],
);

/**
 * Maintained aggregate of the current register: per agency, how many officials with an open
 * assignment there have each value of a dimension (category, theory, gender, degree, party,
 * birth_year, total). Recomputed for the touched agencies in the transaction of every change.
 */
export const workforceStat = pgTable(
  'workforce_stat',
  {
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    dimension: text('dimension').notNull(),
    value: text('value').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.dimension, t.value] })],
);

/** Đào tạo, bồi dưỡng. */
export const trainingRecord = pgTable(
  'training_record',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officialId: uuid('official_id')
      .notNull()
      .references(() => official.id),
    kind: text('kind').notNull(), // chuyen_mon | ly_luan_chinh_tri | quan_ly_nha_nuoc | tin_hoc | ngoai_ngu | boi_duong
    title: text('title').notNull(),
    institution: text('institution'),
    fromDate: date('from_date'),
    toDate: date('to_date'),
    certificate: text('certificate'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('training_record_official_idx').on(t.officialId)],
);

/** Tinh giản biên chế (Decree 154/2025): a flagged official, the group, and Home Affairs' review. */
export const streamliningCandidate = pgTable(
  'streamlining_candidate',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    officialId: uuid('official_id')
      .notNull()
      .references(() => official.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    ruleSet: text('rule_set').notNull(),
    groupCode: text('group_code').notNull(),
    reason: text('reason').notNull(),
    deferralCode: text('deferral_code'),
    status: text('status').notNull().default('pending'), // pending | approved | rejected | deferred
    flaggedBy: uuid('flagged_by'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('streamlining_candidate_agency_idx').on(t.agencyId, t.status), index('streamlining_candidate_official_idx').on(t.officialId)],
);

/** One import of a spreadsheet: progress for the UI (processed/total) and the result. */
export const importJob = pgTable('import_job', {
  id: uuid('id').primaryKey(),
  agencyId: uuid('agency_id')
    .notNull()
    .references(() => agency.id),
  createdBy: uuid('created_by'),
  fileName: text('file_name').notNull(),
  isDryRun: boolean('is_dry_run').notNull(),
  status: text('status').notNull().default('running'), // running | done | failed
  total: integer('total').notNull().default(0),
  processed: integer('processed').notNull().default(0),
  imported: integer('imported').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  rejected: jsonb('rejected')
    .$type<{ line: number; reason: string }[]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  error: text('error'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});

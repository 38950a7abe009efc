import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Đơn vị hành chính (Decision 19/2025): province (2-digit code), commune (5-digit), historic districts. */
export const administrativeUnit = pgTable(
  'administrative_unit',
  {
    code: text('code').primaryKey(),
    level: text('level').notNull(), // province | district | commune
    type: text('type').notNull(), // tinh, thanh_pho_tw, xa, phuong, dac_khu, huyen, quan, thi_xa, thanh_pho
    name: text('name').notNull(),
    parentCode: text('parent_code').references((): AnyPgColumn => administrativeUnit.code),
    provinceCode: text('province_code').notNull(),
    validFrom: date('valid_from').notNull().default('2025-07-01'),
    validTo: date('valid_to'),
    predecessorCodes: text('predecessor_codes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('administrative_unit_parent_idx').on(t.parentCode),
    index('administrative_unit_search_idx').using('gin', sql`f_unaccent(lower(${t.name})) gin_trgm_ops`),
  ],
);

/** Cơ quan, with the electronic identifier of Decision 20/2020 as `code`. */
export const agency = pgTable(
  'agency',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => agency.id),
    adminUnitCode: text('admin_unit_code')
      .notNull()
      .references(() => administrativeUnit.code),
    provinceCode: text('province_code').notNull(),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('agency_code_uq').on(t.code),
    index('agency_parent_idx').on(t.parentId),
    index('agency_search_idx').using('gin', sql`f_unaccent(lower(${t.name})) gin_trgm_ops`),
  ],
);

/** Phòng, bộ phận, tổ: the tree of internal units inside an agency. */
export const orgUnit = pgTable(
  'org_unit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => orgUnit.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('org_unit_agency_idx').on(t.agencyId)],
);

export const userAccount = pgTable(
  'user_account',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    kind: text('kind').notNull(), // official | citizen
    email: text('email'),
    phone: text('phone'),
    /** Số định danh cá nhân (CCCD, 12 digits) of a citizen account, when known: pre-fills the online form. */
    idNumber: text('id_number'),
    passwordHash: text('password_hash'),
    isActive: boolean('is_active').notNull().default(true),
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    /** The agency whose administrator created the account: who may manage it before it has a role. */
    homeAgencyId: uuid('home_agency_id'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('user_account_username_uq').on(sql`lower(${t.username})`),
    uniqueIndex('user_account_oidc_uq').on(t.oidcIssuer, t.oidcSubject),
    index('user_account_search_idx').using('gin', sql`f_unaccent(lower(${t.displayName})) gin_trgm_ops`),
  ],
);

export const roleAssignment = pgTable(
  'role_assignment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => userAccount.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agency.id),
    orgUnitId: uuid('org_unit_id').references(() => orgUnit.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('role_assignment_user_idx').on(t.userId),
    uniqueIndex('role_assignment_uq').on(t.userId, t.role, t.agencyId, sql`coalesce(${t.orgUnitId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
  ],
);

/** Server-side sessions: the cookie carries a random token, the table keeps only its SHA-256. */
export const session = pgTable(
  'session',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => userAccount.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

/** API tokens for kiosks and integrations: hashed at rest, scoped to one role in one agency. */
export const apiToken = pgTable('api_token', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  prefix: text('prefix').notNull(),
  role: text('role').notNull(),
  agencyId: uuid('agency_id')
    .notNull()
    .references(() => agency.id),
  createdBy: uuid('created_by').references(() => userAccount.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
  /** Refused from then on (401 TOKEN_EXPIRED); one year unless set at creation. */
  expiresAt: timestamp('expires_at', { withTimezone: true })
    .notNull()
    .default(sql`now() + interval '1 year'`),
});

/**
 * Failed password sign-ins per (typed username, client address): the lockout (auth.service.ts).
 * The username is kept as an HMAC (people type passwords into the username box), known or not,
 * so an unknown name locks exactly as a real one does.
 */
export const loginFailure = pgTable(
  'login_failure',
  {
    usernameKey: text('username_key').notNull(),
    address: text('address').notNull(),
    failures: integer('failures').notNull(),
    lastFailedAt: timestamp('last_failed_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.usernameKey, t.address] }), index('login_failure_last_failed_idx').on(t.lastFailedAt)],
);
/** Pending OIDC sign-ins (state, nonce, PKCE verifier), short-lived. */
export const oidcFlow = pgTable('oidc_flow', {
  state: text('state').primaryKey(),
  codeVerifier: text('code_verifier').notNull(),
  nonce: text('nonce').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One-time password-reset links issued by an administrator: the link carries a random token, the
 * table keeps only its SHA-256; single use (`used_at`), expires, and a newer link replaces older ones.
 */
export const passwordReset = pgTable(
  'password_reset',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => userAccount.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('password_reset_user_idx').on(t.userId)],
);

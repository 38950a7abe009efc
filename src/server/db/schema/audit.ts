import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log, hash-chained per stream (one stream per agency, plus `system`).
 * hash = SHA-256(prevHash | canonical JSON of the row's content). See platform/audit.ts.
 */
export const auditEvent = pgTable(
  'audit_event',
  {
    stream: text('stream').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    provinceCode: text('province_code'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.stream, t.seq] }), index('audit_event_entity_idx').on(t.entityType, t.entityId)],
);

/** The head of each chain; its row lock serializes appends within one stream only. */
export const auditStreamHead = pgTable('audit_stream_head', {
  stream: text('stream').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  /** The head's hash before the last append: the append statement returns it as the entry's `prev_hash`. */
  prevHash: text('prev_hash').notNull().default('0000000000000000000000000000000000000000000000000000000000000000'),
});

/** Who read which protected personal data, when and why. */
export const accessLog = pgTable(
  'access_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    agencyId: uuid('agency_id'),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    purpose: text('purpose').notNull(),
    fields: integer('fields').notNull().default(0),
    /** One opening of a record by the web app (its page's visit id): several reads in one visit make one entry. */
    visitId: text('visit_id'),
  },
  (t) => [
    index('access_log_entity_idx').on(t.entityType, t.entityId, t.occurredAt),
    uniqueIndex('access_log_visit_uq')
      .on(t.entityType, t.entityId, t.actorId, t.visitId)
      .where(sql`${t.visitId} is not null`),
  ],
);

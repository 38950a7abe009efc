import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { userAccount } from './org.js';

/**
 * A year's status as decided in the database, on top of the built-in data of the calendar module
 * (official years 2024–2026 with their legal references stay in code). `version` is bumped by every
 * edit of the year (override added or removed, confirmation): the sum over all rows is the cheap
 * stamp that tells every server when its cached working calendar is stale.
 */
export const calendarYear = pgTable(
  'calendar_year',
  {
    year: integer('year').primaryKey(),
    status: text('status').notNull(), // official | provisional
    legalReference: text('legal_reference'),
    confirmedBy: uuid('confirmed_by').references(() => userAccount.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('calendar_year_status_ck', sql`${t.status} in ('official', 'provisional')`)],
);

/**
 * An administrator's exception for one date: `day_off` (a weekday not worked; on a weekend it
 * cancels a make-up day) or `working_day` (a weekend day worked; on a weekday it cancels a day
 * off). Removal is a soft delete, so history stays readable. One active override per date.
 */
export const calendarOverride = pgTable(
  'calendar_override',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    date: date('date').notNull(),
    kind: text('kind').notNull(), // day_off | working_day
    name: text('name').notNull(),
    source: text('source').notNull(),
    createdBy: uuid('created_by').references(() => userAccount.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    removedBy: uuid('removed_by').references(() => userAccount.id),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    check('calendar_override_kind_ck', sql`${t.kind} in ('day_off', 'working_day')`),
    uniqueIndex('calendar_override_active_uq').on(t.date).where(sql`${t.removedAt} is null`),
    index('calendar_override_date_idx').on(t.date),
  ],
);

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
 * off). Removal is a soft delete, so history stays readable. National overrides (`province_code`
 * null, by the national calendar administrator) apply everywhere; a province's local days off
 * (`province_code` set, by its administrator) apply to that province's deadlines only. One active
 * override per date nationally, and one per date in each province.
 */
export const calendarOverride = pgTable(
  'calendar_override',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    provinceCode: text('province_code'),
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
    check('calendar_override_local_day_off_ck', sql`${t.provinceCode} is null or ${t.kind} = 'day_off'`),
    uniqueIndex('calendar_override_active_uq')
      .on(t.date)
      .where(sql`${t.removedAt} is null and ${t.provinceCode} is null`),
    uniqueIndex('calendar_override_local_active_uq')
      .on(t.provinceCode, t.date)
      .where(sql`${t.removedAt} is null and ${t.provinceCode} is not null`),
    index('calendar_override_date_idx').on(t.date),
    // The national part of the stamp reads the newest national override.
    index('calendar_override_national_id_idx')
      .on(t.id)
      .where(sql`${t.provinceCode} is null`),
  ],
);

/**
 * A province's calendar: `version` is bumped by every edit of its local days off, so the
 * province's stamp (the national stamp plus this version) changes with them and no other.
 */
export const calendarProvince = pgTable('calendar_province', {
  provinceCode: text('province_code').primaryKey(),
  version: integer('version').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

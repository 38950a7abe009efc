import { and, asc, eq, gte, isNull, lt, sql } from 'drizzle-orm';
import { type DbOrTx, queryPrepared } from '../../db/client.js';
import { calendarOverride, calendarYear } from '../../db/schema/index.js';

export type CalendarYearRow = typeof calendarYear.$inferSelect;
export type OverrideRow = typeof calendarOverride.$inferSelect;

/**
 * The cheap stamp of the calendar data: every edit bumps its year's version, so the sum changes
 * with each edit; the newest override id is added for safety. One index-only look-up each.
 */
export const STAMP_SQL = `((select coalesce(sum(version), 0) from calendar_year)::text || '.' || (select coalesce(max(id), 0) from calendar_override)::text)`;

export async function readStamp(db: DbOrTx): Promise<string> {
  // Read before every deadline: a prepared statement (planned once per connection).
  const [row] = await queryPrepared<{ stamp: string }>(db, `select ${STAMP_SQL} as stamp`, []);
  return row.stamp;
}

export const listYears = (db: DbOrTx): Promise<CalendarYearRow[]> => db.select().from(calendarYear).orderBy(asc(calendarYear.year));

export const findYear = async (db: DbOrTx, year: number): Promise<CalendarYearRow | undefined> =>
  (await db.select().from(calendarYear).where(eq(calendarYear.year, year)))[0];

export const listActiveOverrides = (db: DbOrTx): Promise<OverrideRow[]> =>
  db.select().from(calendarOverride).where(isNull(calendarOverride.removedAt)).orderBy(asc(calendarOverride.date));

export const listActiveOverridesOfYear = (db: DbOrTx, year: number): Promise<OverrideRow[]> =>
  db
    .select()
    .from(calendarOverride)
    .where(and(isNull(calendarOverride.removedAt), gte(calendarOverride.date, `${year}-01-01`), lt(calendarOverride.date, `${year + 1}-01-01`)))
    .orderBy(asc(calendarOverride.date));

export const findActiveOverrideOn = async (db: DbOrTx, date: string): Promise<OverrideRow | undefined> =>
  (await db.select().from(calendarOverride).where(and(eq(calendarOverride.date, date), isNull(calendarOverride.removedAt))))[0];

export const findOverride = async (db: DbOrTx, id: number): Promise<OverrideRow | undefined> =>
  (await db.select().from(calendarOverride).where(eq(calendarOverride.id, id)))[0];

/** The year's row, created with the built-in status when missing, locked for the transaction. */
export async function lockYear(tx: DbOrTx, year: number, builtInStatus: 'official' | 'provisional'): Promise<CalendarYearRow> {
  await tx.insert(calendarYear).values({ year, status: builtInStatus, version: 0 }).onConflictDoNothing();
  const [row] = await tx.select().from(calendarYear).where(eq(calendarYear.year, year)).for('update');
  return row;
}

export async function bumpYear(
  tx: DbOrTx,
  year: number,
  patch: Partial<Pick<CalendarYearRow, 'status' | 'legalReference' | 'confirmedBy' | 'confirmedAt'>> = {},
): Promise<CalendarYearRow> {
  const [row] = await tx
    .update(calendarYear)
    .set({ ...patch, version: sql`${calendarYear.version} + 1`, updatedAt: sql`now()` })
    .where(eq(calendarYear.year, year))
    .returning();
  return row;
}

export async function insertOverride(tx: DbOrTx, row: typeof calendarOverride.$inferInsert): Promise<OverrideRow | undefined> {
  const [r] = await tx.insert(calendarOverride).values(row).onConflictDoNothing().returning();
  return r;
}

export async function removeOverride(tx: DbOrTx, id: number, by: string | null): Promise<OverrideRow | undefined> {
  const [r] = await tx
    .update(calendarOverride)
    .set({ removedAt: sql`now()`, removedBy: by })
    .where(and(eq(calendarOverride.id, id), isNull(calendarOverride.removedAt)))
    .returning();
  return r;
}

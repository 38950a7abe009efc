import { and, asc, eq, gte, isNull, lt, or, sql } from 'drizzle-orm';
import { type DbOrTx, queryPrepared } from '../../db/client.js';
import { calendarOverride, calendarProvince, calendarYear } from '../../db/schema/index.js';

export type CalendarYearRow = typeof calendarYear.$inferSelect;
export type OverrideRow = typeof calendarOverride.$inferSelect;

/**
 * The cheap stamp of the calendar data in force in a province (or nationally): every national
 * edit bumps its year's version, so the sum changes with each; the newest national override id is
 * added for safety; a province's edits of its local days off bump its own version, which only
 * its stamp carries. One index look-up each. `province` is a SQL expression of the province code
 * (a parameter or a column), or null for the national calendar alone.
 */
export function stampSql(province: string | null): string {
  const national = `((select coalesce(sum(version), 0) from calendar_year)::text || '.' || (select coalesce(max(id), 0) from calendar_override where province_code is null)::text)`;
  if (province === null) return national;
  return `(${national} || '.' || (select coalesce(max(version), 0) from calendar_province where province_code = ${province})::text)`;
}

const NATIONAL_STAMP = `select ${stampSql(null)} as stamp`;
const PROVINCE_STAMP = `select ${stampSql('$1::text')} as stamp`;

export async function readStamp(db: DbOrTx, province: string | null): Promise<string> {
  // Read before every deadline: a prepared statement (planned once per connection).
  const [row] =
    province === null ? await queryPrepared<{ stamp: string }>(db, NATIONAL_STAMP, []) : await queryPrepared<{ stamp: string }>(db, PROVINCE_STAMP, [province]);
  return row.stamp;
}

export const listYears = (db: DbOrTx): Promise<CalendarYearRow[]> => db.select().from(calendarYear).orderBy(asc(calendarYear.year));

export const findYear = async (db: DbOrTx, year: number): Promise<CalendarYearRow | undefined> =>
  (await db.select().from(calendarYear).where(eq(calendarYear.year, year)))[0];

/** National overrides, and the local days off of `province` when given. */
const inForce = (province: string | null) =>
  and(
    isNull(calendarOverride.removedAt),
    province === null ? isNull(calendarOverride.provinceCode) : or(isNull(calendarOverride.provinceCode), eq(calendarOverride.provinceCode, province)),
  );

export const listActiveOverrides = (db: DbOrTx, province: string | null): Promise<OverrideRow[]> =>
  db.select().from(calendarOverride).where(inForce(province)).orderBy(asc(calendarOverride.date));

export const listActiveOverridesOfYear = (db: DbOrTx, year: number, province: string | null): Promise<OverrideRow[]> =>
  db
    .select()
    .from(calendarOverride)
    .where(and(inForce(province), gte(calendarOverride.date, `${year}-01-01`), lt(calendarOverride.date, `${year + 1}-01-01`)))
    .orderBy(asc(calendarOverride.date), asc(calendarOverride.provinceCode));

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

/** The province's calendar row, created when missing, locked for the transaction. */
export async function lockProvince(tx: DbOrTx, province: string): Promise<void> {
  await tx.insert(calendarProvince).values({ provinceCode: province, version: 0 }).onConflictDoNothing();
  await tx.select().from(calendarProvince).where(eq(calendarProvince.provinceCode, province)).for('update');
}

export async function bumpProvince(tx: DbOrTx, province: string): Promise<number> {
  const [row] = await tx
    .update(calendarProvince)
    .set({ version: sql`${calendarProvince.version} + 1`, updatedAt: sql`now()` })
    .where(eq(calendarProvince.provinceCode, province))
    .returning({ version: calendarProvince.version });
  return row.version;
}

import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { attendanceRecord, official } from '../../db/schema/index.js';

export type AttendanceRow = typeof attendanceRecord.$inferSelect;
export type AttendanceInsert = typeof attendanceRecord.$inferInsert;

export const officialsByCode = (db: DbOrTx, codes: string[], agencyIds: string[], provinceCode: string) =>
  codes.length && agencyIds.length
    ? db
        .select({ id: official.id, code: official.code, agencyId: official.agencyId })
        .from(official)
        .where(and(inArray(official.code, codes), inArray(official.agencyId, agencyIds), eq(official.provinceCode, provinceCode)))
    : Promise.resolve([]);

/** One row per official and day: a later import or check-out replaces the times and the result. */
export async function upsertDay(db: DbOrTx, v: AttendanceInsert): Promise<AttendanceRow> {
  const [row] = await db
    .insert(attendanceRecord)
    .values(v)
    .onConflictDoUpdate({
      target: [attendanceRecord.officialId, attendanceRecord.workDate],
      set: { checkIn: v.checkIn, checkOut: v.checkOut, source: v.source, status: v.status, lateMinutes: v.lateMinutes, earlyMinutes: v.earlyMinutes },
    })
    .returning();
  return row;
}

export const findDay = async (db: DbOrTx, officialId: string, date: string): Promise<AttendanceRow | undefined> =>
  (
    await db
      .select()
      .from(attendanceRecord)
      .where(and(eq(attendanceRecord.officialId, officialId), eq(attendanceRecord.workDate, date)))
  )[0];

export const listDays = (db: DbOrTx, agencyIds: string[], from: string, to: string) =>
  db
    .select()
    .from(attendanceRecord)
    .where(and(inArray(attendanceRecord.agencyId, agencyIds), gte(attendanceRecord.workDate, from), lte(attendanceRecord.workDate, to)))
    .orderBy(attendanceRecord.workDate)
    .limit(2000);

/** The days of a month for a report: only what the counts need, no row limit (one row per official and day). */
export const daysForReport = (db: DbOrTx, agencyIds: string[], from: string, to: string) =>
  agencyIds.length
    ? db
        .select({
          officialId: attendanceRecord.officialId,
          workDate: attendanceRecord.workDate,
          status: attendanceRecord.status,
          lateMinutes: attendanceRecord.lateMinutes,
          earlyMinutes: attendanceRecord.earlyMinutes,
        })
        .from(attendanceRecord)
        .where(and(inArray(attendanceRecord.agencyId, agencyIds), gte(attendanceRecord.workDate, from), lte(attendanceRecord.workDate, to)))
    : Promise.resolve([]);

export const daysOfOfficial = (db: DbOrTx, officialId: string, from: string, to: string) =>
  db
    .select()
    .from(attendanceRecord)
    .where(and(eq(attendanceRecord.officialId, officialId), gte(attendanceRecord.workDate, from), lte(attendanceRecord.workDate, to)))
    .orderBy(attendanceRecord.workDate);

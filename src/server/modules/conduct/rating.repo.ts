import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { updateVersioned } from '../../platform/versioned.js';
import {
  agency,
  annualRating,
  attendanceRecord,
  commitment,
  commitmentCampaign,
  emulationCampaign,
  emulationScore,
  inspectionFinding,
  official,
  violation,
} from '../../db/schema/index.js';

export type RatingRow = typeof annualRating.$inferSelect & { agencyCode: string; officialName: string; officialUserId: string | null; provinceCode: string };

const ratingSelect = (db: DbOrTx) =>
  db
    .select({ r: annualRating, agencyCode: agency.code, officialName: official.fullName, officialUserId: official.userId, provinceCode: official.provinceCode })
    .from(annualRating)
    .innerJoin(agency, eq(agency.id, annualRating.agencyId))
    .innerJoin(official, eq(official.id, annualRating.officialId));
const toRating = (x: {
  r: typeof annualRating.$inferSelect;
  agencyCode: string;
  officialName: string;
  officialUserId: string | null;
  provinceCode: string;
}): RatingRow => ({ ...x.r, agencyCode: x.agencyCode, officialName: x.officialName, officialUserId: x.officialUserId, provinceCode: x.provinceCode });

export async function insertRating(db: DbOrTx, row: typeof annualRating.$inferInsert) {
  return (await db.insert(annualRating).values(row).onConflictDoNothing().returning())[0];
}
export const findRating = async (db: DbOrTx, id: string): Promise<RatingRow | undefined> =>
  (await ratingSelect(db).where(eq(annualRating.id, id))).map(toRating)[0];
export const findRatingOf = async (db: DbOrTx, officialId: string, year: number): Promise<RatingRow | undefined> =>
  (await ratingSelect(db).where(and(eq(annualRating.officialId, officialId), eq(annualRating.year, year)))).map(toRating)[0];
export async function listRatings(db: DbOrTx, f: { agencyIds?: string[]; officialId?: string; year?: number }): Promise<RatingRow[]> {
  if (f.agencyIds && !f.agencyIds.length) return [];
  const where = [
    f.agencyIds ? inArray(annualRating.agencyId, f.agencyIds) : undefined,
    f.officialId ? eq(annualRating.officialId, f.officialId) : undefined,
    f.year ? eq(annualRating.year, f.year) : undefined,
  ].filter((x) => x !== undefined);
  return (
    await ratingSelect(db)
      .where(and(...where))
      .orderBy(asc(annualRating.year), sql`${official.sortKey} collate "C"`)
      .limit(1000)
  ).map(toRating);
}
export const updateRating = (db: DbOrTx, id: string, version: number, from: string[], set: Partial<typeof annualRating.$inferInsert>) =>
  updateVersioned(db, annualRating, id, version, set, { where: inArray(annualRating.status, from) });

// ── Evidence for the panel (one official, one year in Vietnam time) ────────────────────────────
const inYear = (col: unknown, year: number) => sql`extract(year from ${col} at time zone 'Asia/Ho_Chi_Minh') = ${year}`;

export async function evidenceCounts(db: DbOrTx, officialId: string, year: number) {
  const [att] = await db
    .select({
      days: sql<string>`count(*)`,
      late: sql<string>`count(*) filter (where ${attendanceRecord.status} in ('late','late_early'))`,
      early: sql<string>`count(*) filter (where ${attendanceRecord.status} in ('early','late_early'))`,
      absent: sql<string>`count(*) filter (where ${attendanceRecord.status} = 'absent')`,
    })
    .from(attendanceRecord)
    .where(and(eq(attendanceRecord.officialId, officialId), sql`extract(year from ${attendanceRecord.workDate}) = ${year}`));
  const [fnd] = await db
    .select({ total: sql<string>`count(*)`, failed: sql<string>`count(*) filter (where not ${inspectionFinding.isCompliant})` })
    .from(inspectionFinding)
    .where(and(eq(inspectionFinding.officialId, officialId), inYear(inspectionFinding.createdAt, year)));
  const violations = await db
    .select({
      id: violation.id,
      source: violation.source,
      status: violation.status,
      occurredOn: violation.occurredOn,
      description: violation.description,
      evidence: violation.evidence,
      isDutyRelated: violation.isDutyRelated,
    })
    .from(violation)
    .where(and(eq(violation.officialId, officialId), sql`extract(year from ${violation.occurredOn}) = ${year}`))
    .orderBy(asc(violation.occurredOn));
  const commitments = await db
    .select({ campaign: commitmentCampaign.title, acknowledgedAt: commitment.acknowledgedAt })
    .from(commitment)
    .innerJoin(commitmentCampaign, eq(commitmentCampaign.id, commitment.campaignId))
    .where(and(eq(commitment.officialId, officialId), eq(commitmentCampaign.year, year)));
  const emulation = await db
    .select({ campaign: emulationCampaign.title, criterion: emulationScore.criterion, points: emulationScore.points })
    .from(emulationScore)
    .innerJoin(emulationCampaign, eq(emulationCampaign.id, emulationScore.campaignId))
    .where(and(eq(emulationScore.officialId, officialId), eq(emulationScore.year, year)));
  return {
    attendance: { days: Number(att.days), late: Number(att.late), early: Number(att.early), absent: Number(att.absent) },
    findings: { total: Number(fnd.total), failed: Number(fnd.failed) },
    violations,
    commitments,
    emulation,
  };
}

import { and, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { updateVersioned } from '../../platform/versioned.js';
import { agency, disciplineCase, type FindingPhoto, inspection, inspectionFinding, official, violation } from '../../db/schema/index.js';

export type { FindingPhoto };
export type InspectionRow = typeof inspection.$inferSelect & { agencyCode: string };
export type FindingRow = typeof inspectionFinding.$inferSelect & { officialName: string };
export type ViolationRow = typeof violation.$inferSelect & { agencyCode: string; officialName: string; officialUserId: string | null };
export type CaseRow = typeof disciplineCase.$inferSelect & { agencyCode: string; officialName: string; officialUserId: string | null };

// ── Inspections ───────────────────────────────────────────────────────────────────────────────
export async function insertInspection(db: DbOrTx, row: typeof inspection.$inferInsert) {
  return (await db.insert(inspection).values(row).returning())[0];
}
export const findInspection = async (db: DbOrTx, id: string): Promise<InspectionRow | undefined> =>
  (
    await db
      .select({ i: inspection, agencyCode: agency.code })
      .from(inspection)
      .innerJoin(agency, eq(agency.id, inspection.agencyId))
      .where(eq(inspection.id, id))
  ).map((r) => ({ ...r.i, agencyCode: r.agencyCode }))[0];
export async function listInspections(db: DbOrTx, agencyIds: string[], limit: number): Promise<InspectionRow[]> {
  if (!agencyIds.length) return [];
  const rows = await db
    .select({ i: inspection, agencyCode: agency.code })
    .from(inspection)
    .innerJoin(agency, eq(agency.id, inspection.agencyId))
    .where(inArray(inspection.agencyId, agencyIds))
    .orderBy(desc(inspection.inspectedAt))
    .limit(limit);
  return rows.map((r) => ({ ...r.i, agencyCode: r.agencyCode }));
}
export async function insertFinding(db: DbOrTx, row: typeof inspectionFinding.$inferInsert) {
  return (await db.insert(inspectionFinding).values(row).returning())[0];
}
export const linkFinding = (db: DbOrTx, id: string, violationId: string) =>
  db.update(inspectionFinding).set({ violationId }).where(eq(inspectionFinding.id, id));
export async function findingsOf(db: DbOrTx, f: { inspectionId?: string; officialId?: string }): Promise<FindingRow[]> {
  const rows = await db
    .select({ f: inspectionFinding, officialName: official.fullName })
    .from(inspectionFinding)
    .innerJoin(official, eq(official.id, inspectionFinding.officialId))
    .where(f.inspectionId ? eq(inspectionFinding.inspectionId, f.inspectionId) : eq(inspectionFinding.officialId, f.officialId!))
    .orderBy(desc(inspectionFinding.createdAt));
  return rows.map((r) => ({ ...r.f, officialName: r.officialName }));
}

/** One finding with what its readers and writers are checked against: the inspection's agency and the official. */
export async function findFindingForPhotos(db: DbOrTx, id: string) {
  const rows = await db
    .select({
      f: inspectionFinding,
      officialName: official.fullName,
      officialAgencyId: official.agencyId,
      officialUserId: official.userId,
      inspectionAgencyId: inspection.agencyId,
      provinceCode: inspection.provinceCode,
      agencyCode: agency.code,
    })
    .from(inspectionFinding)
    .innerJoin(official, eq(official.id, inspectionFinding.officialId))
    .innerJoin(inspection, eq(inspection.id, inspectionFinding.inspectionId))
    .innerJoin(agency, eq(agency.id, inspection.agencyId))
    .where(eq(inspectionFinding.id, id));
  return rows.map((r) => ({
    ...r.f,
    officialName: r.officialName,
    officialAgencyId: r.officialAgencyId,
    officialUserId: r.officialUserId,
    inspectionAgencyId: r.inspectionAgencyId,
    provinceCode: r.provinceCode,
    agencyCode: r.agencyCode,
  }))[0];
}

/** Appends a photo unless the finding already holds `max` photos (checked in the same statement). */
export async function appendFindingPhoto(db: DbOrTx, id: string, photo: FindingPhoto, max: number) {
  return (
    await db
      .update(inspectionFinding)
      .set({ photos: sql`${inspectionFinding.photos} || ${JSON.stringify([photo])}::jsonb` })
      .where(and(eq(inspectionFinding.id, id), sql`jsonb_array_length(${inspectionFinding.photos}) < ${max}`))
      .returning()
  )[0];
}

/** The violation reported by a finding points at its photos (their count), so its readers can view them. */
export const noteViolationPhotos = (db: DbOrTx, violationId: string, count: number) =>
  db
    .update(violation)
    .set({ evidence: sql`${violation.evidence} || jsonb_build_object('findingPhotos', ${count}::int)` })
    .where(eq(violation.id, violationId));

// ── Violations ────────────────────────────────────────────────────────────────────────────────
const violationSelect = (db: DbOrTx) =>
  db
    .select({ v: violation, agencyCode: agency.code, officialName: official.fullName, officialUserId: official.userId })
    .from(violation)
    .innerJoin(agency, eq(agency.id, violation.agencyId))
    .innerJoin(official, eq(official.id, violation.officialId));
const toViolation = (r: { v: typeof violation.$inferSelect; agencyCode: string; officialName: string; officialUserId: string | null }): ViolationRow => ({
  ...r.v,
  agencyCode: r.agencyCode,
  officialName: r.officialName,
  officialUserId: r.officialUserId,
});

export async function insertViolation(db: DbOrTx, row: typeof violation.$inferInsert) {
  return (await db.insert(violation).values(row).returning())[0];
}
export const findViolation = async (db: DbOrTx, id: string): Promise<ViolationRow | undefined> =>
  (await violationSelect(db).where(eq(violation.id, id))).map(toViolation)[0];
export const findViolations = async (db: DbOrTx, ids: string[]): Promise<ViolationRow[]> =>
  ids.length ? (await violationSelect(db).where(inArray(violation.id, ids))).map(toViolation) : [];

export async function listViolations(
  db: DbOrTx,
  f: { agencyIds?: string[]; officialId?: string; status?: string; before?: [string, string]; limit: number },
): Promise<ViolationRow[]> {
  if (f.agencyIds && !f.agencyIds.length) return [];
  const where = [
    f.agencyIds ? inArray(violation.agencyId, f.agencyIds) : undefined,
    f.officialId ? eq(violation.officialId, f.officialId) : undefined,
    f.status ? eq(violation.status, f.status) : undefined,
    f.before
      ? or(lt(violation.createdAt, new Date(f.before[0])), and(eq(violation.createdAt, new Date(f.before[0])), lt(violation.id, f.before[1])))
      : undefined,
  ].filter(Boolean) as SQL[];
  return (
    await violationSelect(db)
      .where(and(...where))
      .orderBy(desc(violation.createdAt), desc(violation.id))
      .limit(f.limit + 1)
  ).map(toViolation);
}

/** Optimistic transition: only if the row is still at `version` and in one of `from`. */
export const updateViolation = (db: DbOrTx, id: string, version: number, from: string[], set: Partial<typeof violation.$inferInsert>) =>
  updateVersioned(db, violation, id, version, set, { where: inArray(violation.status, from) });

// ── Discipline cases ──────────────────────────────────────────────────────────────────────────
const caseSelect = (db: DbOrTx) =>
  db
    .select({ c: disciplineCase, agencyCode: agency.code, officialName: official.fullName, officialUserId: official.userId })
    .from(disciplineCase)
    .innerJoin(agency, eq(agency.id, disciplineCase.agencyId))
    .innerJoin(official, eq(official.id, disciplineCase.officialId));
const toCase = (r: { c: typeof disciplineCase.$inferSelect; agencyCode: string; officialName: string; officialUserId: string | null }): CaseRow => ({
  ...r.c,
  agencyCode: r.agencyCode,
  officialName: r.officialName,
  officialUserId: r.officialUserId,
});

export async function insertCase(db: DbOrTx, row: typeof disciplineCase.$inferInsert) {
  return (await db.insert(disciplineCase).values(row).returning())[0];
}
export const findCase = async (db: DbOrTx, id: string): Promise<CaseRow | undefined> => (await caseSelect(db).where(eq(disciplineCase.id, id))).map(toCase)[0];
export async function listCases(db: DbOrTx, f: { agencyIds?: string[]; officialId?: string; limit: number }): Promise<CaseRow[]> {
  if (f.agencyIds && !f.agencyIds.length) return [];
  const where = [
    f.agencyIds ? inArray(disciplineCase.agencyId, f.agencyIds) : undefined,
    f.officialId ? eq(disciplineCase.officialId, f.officialId) : undefined,
  ].filter(Boolean) as SQL[];
  return (
    await caseSelect(db)
      .where(and(...where))
      .orderBy(desc(disciplineCase.openedAt))
      .limit(f.limit)
  ).map(toCase);
}
export const updateCase = (db: DbOrTx, id: string, version: number, from: string[], set: Partial<typeof disciplineCase.$inferInsert>) =>
  updateVersioned(db, disciplineCase, id, version, set, { where: inArray(disciplineCase.status, from) });

/** Violations already taken into an open or decided case (a violation is disciplined once). */
export async function violationsInCases(db: DbOrTx, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const wanted = ids.map((i) => i.toLowerCase());
  const list = sql.join(
    wanted.map((i) => sql`${i}`),
    sql`, `,
  );
  const rows = await db
    .select({ ids: disciplineCase.violationIds })
    .from(disciplineCase)
    .where(and(sql`${disciplineCase.violationIds} ?| array[${list}]::text[]`, sql`${disciplineCase.status} <> 'closed'`));
  return rows.flatMap((r) => r.ids.map((i) => i.toLowerCase())).filter((i) => wanted.includes(i));
}

/** Decided cases of an official whose decision falls in a year (Vietnam time). */
export const decidedCasesInYear = (db: DbOrTx, officialId: string, year: number) =>
  db
    .select()
    .from(disciplineCase)
    .where(
      and(
        eq(disciplineCase.officialId, officialId),
        eq(disciplineCase.status, 'decided'),
        sql`extract(year from ${disciplineCase.decidedAt} at time zone 'Asia/Ho_Chi_Minh') = ${year}`,
      ),
    );

/** An earlier violation reported by the same signal (kind and evidence reference) for the official. */
export const findSignalViolation = async (db: DbOrTx, officialId: string, kind: string, ref: string) =>
  (
    await db
      .select({ id: violation.id })
      .from(violation)
      .where(
        and(
          eq(violation.officialId, officialId),
          eq(violation.source, 'signal'),
          sql`${violation.evidence} -> 'signal' ->> 'kind' = ${kind}`,
          sql`${violation.evidence} -> 'signal' ->> 'ref' = ${ref}`,
        ),
      )
      .limit(1)
  )[0];

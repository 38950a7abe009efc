import { and, asc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type DbOrTx, queryPrepared } from '../../db/client.js';
import { updateVersioned } from '../../platform/versioned.js';
import { agency, procedure, procedureDocument, procedureField, procedureStep, procedureVersion } from '../../db/schema/index.js';

/** The sort key of lists: PGlite has no `vi` collation, so names sort unaccented (then by id). */
const sortKey = sql<string>`f_unaccent(lower(${procedure.name}))`;

const rowColumns = {
  id: procedure.id,
  code: procedure.code,
  provinceCode: procedure.provinceCode,
  name: procedure.name,
  fieldCode: procedure.fieldCode,
  fieldName: procedureField.name,
  agencyId: procedure.agencyId,
  agencyCode: agency.code,
  agencyName: agency.name,
  onlineLevel: procedure.onlineLevel,
  limitAmount: procedure.limitAmount,
  limitUnit: procedure.limitUnit,
  fees: procedure.fees,
  resultType: procedure.resultType,
  legalBasis: procedure.legalBasis,
  ruleVersion: procedure.ruleVersion,
  effectiveFrom: procedure.effectiveFrom,
  version: procedure.version,
  isActive: procedure.isActive,
  updatedAt: procedure.updatedAt,
  sortKey,
};
type Joined = typeof procedure.$inferSelect & { fieldName: string; agencyCode: string; agencyName: string; sortKey: string };
export type ProcedureRow = Pick<Joined, keyof typeof rowColumns>;
export type DocumentRow = typeof procedureDocument.$inferSelect;
const stepAgency = alias(agency, 'step_agency');
export type StepRow = typeof procedureStep.$inferSelect & { agencyCode: string | null; agencyName: string | null };

const baseSelect = (db: DbOrTx) =>
  db
    .select(rowColumns)
    .from(procedure)
    .innerJoin(agency, eq(agency.id, procedure.agencyId))
    .innerJoin(procedureField, eq(procedureField.code, procedure.fieldCode));

export interface ListFilter {
  term?: string;
  fieldCode?: string;
  agencyCode?: string;
  /** undefined: every agency (public); else only these agency ids. */
  scope?: string[];
  includeInactive?: boolean;
  after?: [string, string];
  limit: number;
}

export async function listProcedures(db: DbOrTx, f: ListFilter): Promise<ProcedureRow[]> {
  if (f.scope && f.scope.length === 0) return [];
  const where = [
    f.includeInactive ? undefined : eq(procedure.isActive, true),
    f.scope ? inArray(procedure.agencyId, f.scope) : undefined,
    f.term
      ? or(sql`f_unaccent(lower(${procedure.name})) like '%' || f_unaccent(${f.term}) || '%'`, sql`lower(${procedure.code}) like ${f.term} || '%'`)
      : undefined,
    f.fieldCode ? eq(procedure.fieldCode, f.fieldCode) : undefined,
    f.agencyCode ? eq(agency.code, f.agencyCode) : undefined,
    f.after ? sql`(${sortKey}, ${procedure.id}) > (${f.after[0]}, ${f.after[1]}::uuid)` : undefined,
  ].filter(Boolean) as SQL[];
  return (await baseSelect(db)
    .where(and(...where))
    .orderBy(sortKey, asc(procedure.id))
    .limit(f.limit + 1)) as ProcedureRow[];
}

/**
 * A procedure by code. National codes repeat in every province (a code is unique per province),
 * so callers narrow by province, or by the agencies an administrator manages.
 */
export async function findProcedureRow(db: DbOrTx, code: string, provinceCode?: string, agencyIds?: string[]): Promise<ProcedureRow | undefined> {
  if (agencyIds && agencyIds.length === 0) return undefined;
  const rows = await baseSelect(db)
    .where(
      and(
        eq(procedure.code, code),
        provinceCode ? eq(procedure.provinceCode, provinceCode) : undefined,
        agencyIds ? inArray(procedure.agencyId, agencyIds) : undefined,
      ),
    )
    .orderBy(sql`${procedure.isActive} desc`, asc(procedure.provinceCode))
    .limit(1);
  return rows[0] as ProcedureRow | undefined;
}

/** The version of procedure `id` while it is active (undefined once retired): checks a cached catalog entry. */
export async function activeVersion(db: DbOrTx, id: string): Promise<number | undefined> {
  const [r] = await queryPrepared<{ version: number }>(db, 'select version from procedure where id = $1::uuid and is_active', [id]);
  return r ? Number(r.version) : undefined;
}

/** The provinces whose catalog has an active procedure `code` (a national code is shared by every province). */
export async function provincesWithProcedure(db: DbOrTx, code: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ provinceCode: procedure.provinceCode })
    .from(procedure)
    .where(and(eq(procedure.code, code), eq(procedure.isActive, true)))
    .orderBy(asc(procedure.provinceCode));
  return rows.map((r) => r.provinceCode);
}

export async function findProcedureRowById(db: DbOrTx, id: string): Promise<ProcedureRow | undefined> {
  return (await baseSelect(db).where(eq(procedure.id, id)))[0] as ProcedureRow | undefined;
}

export async function documentsOf(db: DbOrTx, procedureIds: string[]): Promise<DocumentRow[]> {
  if (!procedureIds.length) return [];
  return db
    .select()
    .from(procedureDocument)
    .where(and(inArray(procedureDocument.procedureId, procedureIds), isNull(procedureDocument.retiredAt)))
    .orderBy(asc(procedureDocument.position));
}

export async function stepsOf(db: DbOrTx, procedureIds: string[]): Promise<StepRow[]> {
  if (!procedureIds.length) return [];
  return db
    .select({ ...getStepColumns(), agencyCode: stepAgency.code, agencyName: stepAgency.name })
    .from(procedureStep)
    .leftJoin(stepAgency, eq(stepAgency.id, procedureStep.agencyId))
    .where(and(inArray(procedureStep.procedureId, procedureIds), isNull(procedureStep.retiredAt)))
    .orderBy(asc(procedureStep.position));
}
function getStepColumns() {
  const { id, procedureId, position, code, name, handlingAgencyKind, agencyId, budget, retiredAt } = procedureStep;
  return { id, procedureId, position, code, name, handlingAgencyKind, agencyId, budget, retiredAt };
}

export async function listFields(db: DbOrTx) {
  const rows = await db
    .select({ code: procedureField.code, name: procedureField.name, count: sql<string>`count(${procedure.id})` })
    .from(procedureField)
    .leftJoin(procedure, and(eq(procedure.fieldCode, procedureField.code), eq(procedure.isActive, true)))
    .groupBy(procedureField.code, procedureField.name)
    .orderBy(sql`f_unaccent(lower(${procedureField.name}))`);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

/** Agencies that have active procedures, for the catalog's agency filter. */
export async function listCatalogAgencies(db: DbOrTx) {
  const rows = await db
    .select({ code: agency.code, name: agency.name, count: sql<string>`count(*)` })
    .from(procedure)
    .innerJoin(agency, eq(agency.id, procedure.agencyId))
    .where(eq(procedure.isActive, true))
    .groupBy(agency.code, agency.name)
    .orderBy(sql`f_unaccent(lower(${agency.name}))`);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}

export const allFields = (db: DbOrTx) => db.select().from(procedureField);

export async function upsertFields(db: DbOrTx, rows: (typeof procedureField.$inferInsert)[]): Promise<void> {
  if (rows.length)
    await db
      .insert(procedureField)
      .values(rows)
      .onConflictDoUpdate({ target: procedureField.code, set: { name: sql`excluded.name` } });
}

export type AgencyRef = { id: string; code: string; name: string; provinceCode: string };
export async function agenciesByCode(db: DbOrTx, codes: string[]): Promise<Map<string, AgencyRef>> {
  if (!codes.length) return new Map();
  const rows = await db
    .select({ id: agency.id, code: agency.code, name: agency.name, provinceCode: agency.provinceCode })
    .from(agency)
    .where(inArray(agency.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r]));
}
export async function agenciesByIds(db: DbOrTx, ids: string[]): Promise<AgencyRef[]> {
  if (!ids.length) return [];
  return db.select({ id: agency.id, code: agency.code, name: agency.name, provinceCode: agency.provinceCode }).from(agency).where(inArray(agency.id, ids));
}

export async function insertProcedure(db: DbOrTx, row: typeof procedure.$inferInsert): Promise<string | undefined> {
  const [r] = await db.insert(procedure).values(row).onConflictDoNothing().returning({ id: procedure.id });
  return r?.id;
}

/** Optimistic update: only when the row still has `version`; answers the new version or undefined. */
export async function updateProcedure(db: DbOrTx, id: string, version: number, set: Partial<typeof procedure.$inferInsert>): Promise<number | undefined> {
  return (
    await updateVersioned<typeof procedure, { version: number }>(
      db,
      procedure,
      id,
      version,
      { ...set, updatedAt: sql`now()` },
      { columns: { version: procedure.version } },
    )
  )?.version;
}

export async function insertVersion(db: DbOrTx, row: typeof procedureVersion.$inferInsert): Promise<void> {
  await db.insert(procedureVersion).values(row);
}

export const versionsOf = (db: DbOrTx, procedureId: string) =>
  db.select().from(procedureVersion).where(eq(procedureVersion.procedureId, procedureId)).orderBy(asc(procedureVersion.version));

export async function insertDocuments(db: DbOrTx, rows: (typeof procedureDocument.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(procedureDocument).values(rows);
}
export async function updateDocument(db: DbOrTx, id: string, set: Partial<typeof procedureDocument.$inferInsert>): Promise<void> {
  await db.update(procedureDocument).set(set).where(eq(procedureDocument.id, id));
}
export async function retireDocuments(db: DbOrTx, ids: string[]): Promise<void> {
  if (ids.length)
    await db
      .update(procedureDocument)
      .set({ retiredAt: sql`now()` })
      .where(inArray(procedureDocument.id, ids));
}

export async function insertSteps(db: DbOrTx, rows: (typeof procedureStep.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(procedureStep).values(rows);
}
export async function updateStep(db: DbOrTx, id: string, set: Partial<typeof procedureStep.$inferInsert>): Promise<void> {
  await db.update(procedureStep).set(set).where(eq(procedureStep.id, id));
}
export async function retireSteps(db: DbOrTx, ids: string[]): Promise<void> {
  if (ids.length)
    await db
      .update(procedureStep)
      .set({ retiredAt: sql`now()` })
      .where(inArray(procedureStep.id, ids));
}

/** Active procedures of the scope, in list order, for export. */
export async function listForExport(db: DbOrTx, scope: string[], max = 5000): Promise<ProcedureRow[]> {
  if (!scope.length) return [];
  return (await baseSelect(db)
    .where(and(eq(procedure.isActive, true), inArray(procedure.agencyId, scope)))
    .orderBy(sortKey, asc(procedure.id))
    .limit(max)) as ProcedureRow[];
}

/** Existing procedures for a batch of (province, code) pairs, for import. */
export async function findRowsByCodes(db: DbOrTx, codes: string[]): Promise<ProcedureRow[]> {
  if (!codes.length) return [];
  return (await baseSelect(db).where(inArray(procedure.code, [...new Set(codes)]))) as ProcedureRow[];
}

import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { updateVersioned } from '../../platform/versioned.js';
import {
  accessLog,
  agency,
  importJob,
  jobPosition,
  official,
  officialAssignment,
  orgUnit,
  streamliningCandidate,
  trainingRecord,
  userAccount,
} from '../../db/schema/index.js';

export type OfficialRow = typeof official.$inferSelect;
export type OfficialListRow = OfficialRow & { agencyCode: string; agencyName: string; positionName: string | null; orgUnitName: string | null };
export type CandidateRow = typeof streamliningCandidate.$inferSelect;
export type ImportJobRow = typeof importJob.$inferSelect;

async function rows<T>(db: DbOrTx, q: SQL): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}
const jsonIds = (ids: string[]) => sql`(select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid)`;

// ── Agencies ────────────────────────────────────────────────────────────────────────────────────
export type { AgencyRef } from '../org/index.js';

export async function orgUnitsOf(db: DbOrTx, agencyIds: string[]) {
  if (!agencyIds.length) return [];
  return db
    .select({ id: orgUnit.id, agencyId: orgUnit.agencyId, name: orgUnit.name })
    .from(orgUnit)
    .where(sql`${orgUnit.agencyId} in ${jsonIds(agencyIds)}`);
}

// ── Officials ───────────────────────────────────────────────────────────────────────────────────
const listColumns = { o: official, agencyCode: agency.code, agencyName: agency.name, positionName: jobPosition.name, orgUnitName: orgUnit.name };
const flatten = (r: { o: OfficialRow; agencyCode: string; agencyName: string; positionName: string | null; orgUnitName: string | null }): OfficialListRow => ({
  ...r.o,
  agencyCode: r.agencyCode,
  agencyName: r.agencyName,
  positionName: r.positionName,
  orgUnitName: r.orgUnitName,
});

export async function listOfficials(
  db: DbOrTx,
  f: { agencyIds: string[]; term?: string; category?: string; status?: string; after?: [string, string]; limit: number },
): Promise<OfficialListRow[]> {
  if (!f.agencyIds.length) return [];
  const where = [
    sql`${official.agencyId} in ${jsonIds(f.agencyIds)}`,
    f.term
      ? sql`(f_unaccent(lower(${official.fullName})) like '%' || f_unaccent(${f.term}) || '%' or lower(${official.code}) like ${f.term} || '%')`
      : undefined,
    f.category ? eq(official.category, f.category) : undefined,
    f.status ? eq(official.status, f.status) : undefined,
    f.after ? sql`(${official.sortKey} collate "C" > ${f.after[0]} or (${official.sortKey} = ${f.after[0]} and ${official.id} > ${f.after[1]}))` : undefined,
  ].filter(Boolean) as SQL[];
  const r = await db
    .select(listColumns)
    .from(official)
    .innerJoin(agency, eq(agency.id, official.agencyId))
    .leftJoin(jobPosition, eq(jobPosition.id, official.positionId))
    .leftJoin(orgUnit, eq(orgUnit.id, official.orgUnitId))
    .where(and(...where))
    .orderBy(sql`${official.sortKey} collate "C"`, asc(official.id))
    .limit(f.limit + 1);
  return r.map(flatten);
}

export async function findOfficial(db: DbOrTx, id: string): Promise<OfficialListRow | undefined> {
  const r = await db
    .select(listColumns)
    .from(official)
    .innerJoin(agency, eq(agency.id, official.agencyId))
    .leftJoin(jobPosition, eq(jobPosition.id, official.positionId))
    .leftJoin(orgUnit, eq(orgUnit.id, official.orgUnitId))
    .where(eq(official.id, id));
  return r[0] ? flatten(r[0]) : undefined;
}

// ── The official's user account ─────────────────────────────────────────────────────────────────
const accountColumns = { id: userAccount.id, username: userAccount.username, displayName: userAccount.displayName, kind: userAccount.kind };
export type AccountRef = { id: string; username: string; displayName: string; kind: string };
export const findAccountById = async (db: DbOrTx, id: string): Promise<AccountRef | undefined> =>
  (await db.select(accountColumns).from(userAccount).where(eq(userAccount.id, id)))[0];
export const findAccountByUsername = async (db: DbOrTx, username: string): Promise<AccountRef | undefined> =>
  (
    await db
      .select(accountColumns)
      .from(userAccount)
      .where(sql`lower(${userAccount.username}) = lower(${username})`)
  )[0];
/** The active record linked to an account (at most one: official_user_active_uq). */
export const findActiveOfficialOfUser = async (db: DbOrTx, userId: string) =>
  (
    await db
      .select({ id: official.id, code: official.code })
      .from(official)
      .where(and(eq(official.userId, userId), eq(official.status, 'active')))
  )[0];

export async function assignmentsOf(db: DbOrTx, officialId: string) {
  return db
    .select({
      id: officialAssignment.id,
      agencyCode: agency.code,
      agencyName: agency.name,
      orgUnitName: orgUnit.name,
      positionName: jobPosition.name,
      validFrom: officialAssignment.validFrom,
      validTo: officialAssignment.validTo,
      note: officialAssignment.note,
    })
    .from(officialAssignment)
    .innerJoin(agency, eq(agency.id, officialAssignment.agencyId))
    .leftJoin(orgUnit, eq(orgUnit.id, officialAssignment.orgUnitId))
    .leftJoin(jobPosition, eq(jobPosition.id, officialAssignment.positionId))
    .where(eq(officialAssignment.officialId, officialId))
    .orderBy(asc(officialAssignment.validFrom));
}

export const trainingOf = (db: DbOrTx, officialId: string) =>
  db.select().from(trainingRecord).where(eq(trainingRecord.officialId, officialId)).orderBy(asc(trainingRecord.fromDate));
export async function insertTraining(db: DbOrTx, row: typeof trainingRecord.$inferInsert) {
  const [r] = await db.insert(trainingRecord).values(row).returning();
  return r;
}

export async function updateOfficial(db: DbOrTx, id: string, version: number, set: Partial<typeof official.$inferInsert>): Promise<boolean> {
  return (await updateVersioned(db, official, id, version, { ...set, updatedAt: sql`now()` }, { columns: { id: official.id } })) !== undefined;
}

/** Existing codes of a province: which rows of an import are updates, and whose agency they are in. */
export async function existingCodes(db: DbOrTx, provinceCode: string, codes: string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const r = await rows<{ code: string; agency_id: string }>(
    db,
    sql`select code, agency_id from official where province_code = ${provinceCode} and code in (select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`,
  );
  return new Map(r.map((x) => [x.code, x.agency_id]));
}

export type OfficialUpsert = Omit<typeof official.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt' | 'status' | 'leftAt' | 'userId'>;
const UPSERT_COLUMNS: [keyof OfficialUpsert, string, string][] = [
  ['code', 'code', 'text'],
  ['provinceCode', 'province_code', 'text'],
  ['agencyId', 'agency_id', 'uuid'],
  ['orgUnitId', 'org_unit_id', 'uuid'],
  ['familyName', 'family_name', 'text'],
  ['middleName', 'middle_name', 'text'],
  ['givenName', 'given_name', 'text'],
  ['fullName', 'full_name', 'text'],
  ['sortKey', 'sort_key', 'text'],
  ['dateOfBirth', 'date_of_birth', 'date'],
  ['gender', 'gender', 'text'],
  ['ethnicity', 'ethnicity', 'text'],
  ['category', 'category', 'text'],
  ['positionId', 'position_id', 'uuid'],
  ['rank', 'rank', 'text'],
  ['leadershipTitle', 'leadership_title', 'text'],
  ['isPartyMember', 'is_party_member', 'boolean'],
  ['politicalTheory', 'political_theory', 'text'],
  ['professionalDegree', 'professional_degree', 'text'],
  ['professionalField', 'professional_field', 'text'],
  ['stateManagement', 'state_management', 'text'],
  ['itLevel', 'it_level', 'text'],
  ['foreignLanguage', 'foreign_language', 'text'],
  ['idNumber', 'id_number', 'text'],
  ['phone', 'phone', 'text'],
  ['email', 'email', 'text'],
  ['joinedAt', 'joined_at', 'date'],
];
const colList = sql.raw(UPSERT_COLUMNS.map((c) => c[1]).join(', '));
const recordDef = sql.raw(UPSERT_COLUMNS.map((c) => `${c[1]} ${c[2]}`).join(', '));
const updateSet = sql.raw(
  UPSERT_COLUMNS.filter((c) => c[0] !== 'code' && c[0] !== 'provinceCode')
    .map((c) => `${c[1]} = excluded.${c[1]}`)
    .join(', '),
);

/**
 * One statement for a whole batch: insert … on conflict (province_code, code) do update. Rows whose
 * existing official lies outside `scope` are left alone (not returned). `inserted` tells new from updated.
 */
export async function upsertOfficials(db: DbOrTx, batch: OfficialUpsert[], scope: string[]): Promise<{ id: string; code: string; inserted: boolean }[]> {
  if (!batch.length) return [];
  const payload = JSON.stringify(batch.map((b) => Object.fromEntries(UPSERT_COLUMNS.map(([k, col]) => [col, b[k] ?? null]))));
  return rows(
    db,
    sql`insert into official (${colList}) select ${colList} from jsonb_to_recordset(${payload}::jsonb) as r(${recordDef})
        on conflict (province_code, code) do update set ${updateSet}, version = official.version + 1, updated_at = now()
        where official.agency_id in ${jsonIds(scope)}
        returning id, code, (xmax = 0) as inserted`,
  );
}

/**
 * Keep the assignment history in step with the officials' current place, set-based: an open
 * assignment that no longer matches is closed on `today` (or corrected when it opened today),
 * and every active official without an open assignment gets one from joined_at (first) or today.
 */
export async function syncAssignments(db: DbOrTx, officialIds: string[], today: string): Promise<void> {
  if (!officialIds.length) return;
  const ids = jsonIds(officialIds);
  const differs = sql`(a.agency_id, a.org_unit_id, a.position_id) is distinct from (o.agency_id, o.org_unit_id, o.position_id)`;
  await db.execute(sql`update official_assignment a set agency_id = o.agency_id, org_unit_id = o.org_unit_id, position_id = o.position_id
    from official o where a.official_id = o.id and o.id in ${ids} and a.valid_to is null and a.valid_from >= ${today}::date and ${differs}`);
  await db.execute(sql`update official_assignment a set valid_to = ${today}::date
    from official o where a.official_id = o.id and o.id in ${ids} and a.valid_to is null and a.valid_from < ${today}::date and ${differs}`);
  await db.execute(sql`insert into official_assignment (official_id, agency_id, org_unit_id, position_id, valid_from)
    select o.id, o.agency_id, o.org_unit_id, o.position_id,
      case when exists (select 1 from official_assignment x where x.official_id = o.id) then ${today}::date else least(coalesce(o.joined_at, ${today}::date), ${today}::date) end
    from official o where o.id in ${ids} and o.status = 'active'
      and not exists (select 1 from official_assignment a where a.official_id = o.id and a.valid_to is null)`);
}

/** Close the open assignment (retirement or leaving the province). */
export async function closeAssignment(db: DbOrTx, officialId: string, on: string): Promise<void> {
  await db.execute(sql`update official_assignment set valid_to = greatest(valid_from, ${on}::date) where official_id = ${officialId} and valid_to is null`);
}

export async function logAccess(db: DbOrTx, row: typeof accessLog.$inferInsert): Promise<void> {
  await db.insert(accessLog).values(row);
}

// ── Job positions ───────────────────────────────────────────────────────────────────────────────
export async function positionsOf(db: DbOrTx, agencyIds: string[]) {
  if (!agencyIds.length) return [];
  return rows<{
    id: string;
    agency_id: string;
    agency_code: string;
    agency_name: string;
    org_unit_name: string | null;
    name: string;
    quota: number | null;
    filled: string;
    version: number;
  }>(
    db,
    sql`select p.id, p.agency_id, a.code as agency_code, a.name as agency_name, u.name as org_unit_name, p.name, p.quota, p.version,
          (select count(*) from official o where o.position_id = p.id and o.status = 'active') as filled
        from job_position p join agency a on a.id = p.agency_id left join org_unit u on u.id = p.org_unit_id
        where p.agency_id in ${jsonIds(agencyIds)} order by a.code, u.name nulls first, p.name`,
  );
}
export const findPosition = async (db: DbOrTx, id: string) => (await db.select().from(jobPosition).where(eq(jobPosition.id, id)))[0];
export async function insertPosition(db: DbOrTx, row: typeof jobPosition.$inferInsert) {
  const [r] = await db.insert(jobPosition).values(row).onConflictDoNothing().returning();
  return r;
}
export async function setQuota(db: DbOrTx, id: string, version: number, quota: number | null): Promise<boolean> {
  return (await updateVersioned(db, jobPosition, id, version, { quota, updatedAt: sql`now()` }, { columns: { id: jobPosition.id } })) !== undefined;
}
/** Create the (agency, unit, name) positions an import names; return them all. */
export async function ensurePositions(db: DbOrTx, wanted: { agencyId: string; orgUnitId: string | null; name: string }[]) {
  if (wanted.length) {
    await db.execute(sql`insert into job_position (agency_id, org_unit_id, name)
      select agency_id, org_unit_id, name from jsonb_to_recordset(${JSON.stringify(wanted.map((w) => ({ agency_id: w.agencyId, org_unit_id: w.orgUnitId, name: w.name })))}::jsonb) as r(agency_id uuid, org_unit_id uuid, name text)
      on conflict do nothing`);
  }
  const agencyIds = [...new Set(wanted.map((w) => w.agencyId))];
  if (!agencyIds.length) return [];
  return db
    .select({ id: jobPosition.id, agencyId: jobPosition.agencyId, orgUnitId: jobPosition.orgUnitId, name: jobPosition.name })
    .from(jobPosition)
    .where(sql`${jobPosition.agencyId} in ${jsonIds(agencyIds)}`);
}

// ── Streamlining candidates ─────────────────────────────────────────────────────────────────────
export async function listCandidates(db: DbOrTx, agencyIds: string[], status?: string) {
  if (!agencyIds.length) return [];
  return db
    .select({ c: streamliningCandidate, officialCode: official.code, officialName: official.fullName, agencyCode: agency.code })
    .from(streamliningCandidate)
    .innerJoin(official, eq(official.id, streamliningCandidate.officialId))
    .innerJoin(agency, eq(agency.id, streamliningCandidate.agencyId))
    .where(and(sql`${streamliningCandidate.agencyId} in ${jsonIds(agencyIds)}`, status ? eq(streamliningCandidate.status, status) : undefined))
    .orderBy(asc(streamliningCandidate.createdAt))
    .limit(500);
}
export async function findCandidate(db: DbOrTx, id: string) {
  const r = await db
    .select({
      c: streamliningCandidate,
      officialCode: official.code,
      officialName: official.fullName,
      officialUserId: official.userId,
      agencyCode: agency.code,
    })
    .from(streamliningCandidate)
    .innerJoin(official, eq(official.id, streamliningCandidate.officialId))
    .innerJoin(agency, eq(agency.id, streamliningCandidate.agencyId))
    .where(eq(streamliningCandidate.id, id));
  return r[0];
}
export async function insertCandidate(db: DbOrTx, row: typeof streamliningCandidate.$inferInsert) {
  const [r] = await db.insert(streamliningCandidate).values(row).returning();
  return r;
}
export async function decideCandidate(db: DbOrTx, id: string, version: number, set: Partial<typeof streamliningCandidate.$inferInsert>): Promise<boolean> {
  return (
    (await updateVersioned(db, streamliningCandidate, id, version, { ...set, decidedAt: sql`now()` }, { columns: { id: streamliningCandidate.id } })) !==
    undefined
  );
}

// ── Import jobs ─────────────────────────────────────────────────────────────────────────────────
export async function insertImportJob(db: DbOrTx, row: typeof importJob.$inferInsert): Promise<boolean> {
  return (await db.insert(importJob).values(row).onConflictDoNothing().returning({ id: importJob.id })).length === 1;
}
export async function updateImportJob(db: DbOrTx, id: string, set: Partial<typeof importJob.$inferInsert>): Promise<void> {
  await db.update(importJob).set(set).where(eq(importJob.id, id));
}
export const findImportJob = async (db: DbOrTx, id: string): Promise<ImportJobRow | undefined> =>
  (await db.select().from(importJob).where(eq(importJob.id, id)))[0];

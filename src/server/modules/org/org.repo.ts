import { and, asc, eq, gt, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { administrativeUnit, agency, apiToken, orgUnit, roleAssignment, userAccount } from '../../db/schema/index.js';

export type AdminUnitRow = typeof administrativeUnit.$inferSelect;
export type AgencyRow = typeof agency.$inferSelect & { parentCode: string | null };
export type UserRow = typeof userAccount.$inferSelect;

/** Accent- and case-insensitive "contains" on a column (uses the trigram index). */
export const matches = (column: SQL | typeof agency.name, term: string): SQL => sql`f_unaccent(lower(${column})) like '%' || f_unaccent(${term}) || '%'`;

/** `provinces`: only the national and province rows, and the units inside these provinces. */
export async function listAdminUnits(
  db: DbOrTx,
  f: { term?: string; level?: string; parentCode?: string; after?: string; limit: number; provinces?: string[] },
): Promise<AdminUnitRow[]> {
  const where = [
    f.provinces
      ? or(inArray(administrativeUnit.level, ['national', 'province']), f.provinces.length ? inArray(administrativeUnit.provinceCode, f.provinces) : undefined)
      : undefined,
    f.term ? or(matches(sql`${administrativeUnit.name}`, f.term), sql`${administrativeUnit.code} = ${f.term}`) : undefined,
    f.level ? eq(administrativeUnit.level, f.level) : undefined,
    f.parentCode ? eq(administrativeUnit.parentCode, f.parentCode) : undefined,
    f.after ? gt(administrativeUnit.code, f.after) : undefined,
  ].filter(Boolean) as SQL[];
  return db
    .select()
    .from(administrativeUnit)
    .where(and(...where))
    .orderBy(asc(administrativeUnit.code))
    .limit(f.limit + 1);
}

export const findAdminUnit = async (db: DbOrTx, code: string): Promise<AdminUnitRow | undefined> =>
  (await db.select().from(administrativeUnit).where(eq(administrativeUnit.code, code)))[0];

export async function insertAdminUnit(db: DbOrTx, row: typeof administrativeUnit.$inferInsert): Promise<AdminUnitRow> {
  const [r] = await db.insert(administrativeUnit).values(row).onConflictDoNothing().returning();
  return r;
}

const parent = alias(agency, 'parent');
const agencyColumns = {
  id: agency.id,
  code: agency.code,
  name: agency.name,
  parentId: agency.parentId,
  adminUnitCode: agency.adminUnitCode,
  provinceCode: agency.provinceCode,
  isDemo: agency.isDemo,
  createdAt: agency.createdAt,
  parentCode: parent.code,
};

export async function listAgencies(db: DbOrTx, f: { scope: string[] | 'all'; term?: string; after?: string; limit: number }): Promise<AgencyRow[]> {
  if (f.scope !== 'all' && f.scope.length === 0) return [];
  const where = [
    f.scope === 'all' ? undefined : inArray(agency.id, f.scope),
    f.term ? or(matches(agency.name, f.term), sql`lower(${agency.code}) like ${f.term} || '%'`) : undefined,
    f.after ? gt(agency.code, f.after) : undefined,
  ].filter(Boolean) as SQL[];
  return db
    .select(agencyColumns)
    .from(agency)
    .leftJoin(parent, eq(parent.id, agency.parentId))
    .where(and(...where))
    .orderBy(asc(agency.code))
    .limit(f.limit + 1);
}

export const findAgencyByCode = async (db: DbOrTx, code: string): Promise<AgencyRow | undefined> =>
  (await db.select(agencyColumns).from(agency).leftJoin(parent, eq(parent.id, agency.parentId)).where(eq(agency.code, code)))[0];

export async function insertAgency(db: DbOrTx, row: typeof agency.$inferInsert): Promise<{ id: string } | undefined> {
  const [r] = await db.insert(agency).values(row).onConflictDoNothing().returning({ id: agency.id });
  return r;
}

export const listOrgUnits = (db: DbOrTx, agencyId: string) => db.select().from(orgUnit).where(eq(orgUnit.agencyId, agencyId)).orderBy(asc(orgUnit.name));

export const findOrgUnit = async (db: DbOrTx, id: string) => (await db.select().from(orgUnit).where(eq(orgUnit.id, id)))[0];

export async function insertOrgUnit(db: DbOrTx, row: typeof orgUnit.$inferInsert) {
  const [r] = await db.insert(orgUnit).values(row).returning();
  return r;
}

export const findUser = async (db: DbOrTx, id: string): Promise<UserRow | undefined> => (await db.select().from(userAccount).where(eq(userAccount.id, id)))[0];

export async function insertUser(db: DbOrTx, row: typeof userAccount.$inferInsert): Promise<UserRow | undefined> {
  const [r] = await db.insert(userAccount).values(row).onConflictDoNothing().returning();
  return r;
}

export async function rolesOfUsers(db: DbOrTx, userIds: string[]) {
  if (!userIds.length) return [];
  return db
    .select({
      id: roleAssignment.id,
      userId: roleAssignment.userId,
      role: roleAssignment.role,
      agencyId: roleAssignment.agencyId,
      agencyCode: agency.code,
      agencyName: agency.name,
      unitId: roleAssignment.orgUnitId,
    })
    .from(roleAssignment)
    .innerJoin(agency, eq(agency.id, roleAssignment.agencyId))
    .where(inArray(roleAssignment.userId, userIds))
    .orderBy(asc(roleAssignment.role), asc(agency.code));
}

export async function insertRoleAssignment(db: DbOrTx, row: typeof roleAssignment.$inferInsert) {
  const [r] = await db.insert(roleAssignment).values(row).onConflictDoNothing().returning();
  return r;
}

export async function deleteRoleAssignment(db: DbOrTx, userId: string, id: string) {
  const [r] = await db
    .delete(roleAssignment)
    .where(and(eq(roleAssignment.id, id), eq(roleAssignment.userId, userId)))
    .returning();
  return r;
}

export const findRoleAssignment = async (db: DbOrTx, userId: string, id: string) =>
  (
    await db
      .select()
      .from(roleAssignment)
      .where(and(eq(roleAssignment.id, id), eq(roleAssignment.userId, userId)))
  )[0];

const tokenColumns = {
  id: apiToken.id,
  name: apiToken.name,
  role: apiToken.role,
  agencyId: apiToken.agencyId,
  agencyCode: agency.code,
  prefix: apiToken.prefix,
  createdAt: apiToken.createdAt,
  lastUsedAt: apiToken.lastUsedAt,
  revokedAt: apiToken.revokedAt,
  expiresAt: apiToken.expiresAt,
};
export type TokenRow = {
  id: string;
  name: string;
  role: string;
  agencyId: string;
  agencyCode: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date;
};

export async function listTokens(db: DbOrTx, scope: string[] | 'all'): Promise<TokenRow[]> {
  if (scope !== 'all' && !scope.length) return [];
  return db
    .select(tokenColumns)
    .from(apiToken)
    .innerJoin(agency, eq(agency.id, apiToken.agencyId))
    .where(scope === 'all' ? undefined : inArray(apiToken.agencyId, scope))
    .orderBy(sql`${apiToken.revokedAt} is not null`, asc(apiToken.name))
    .limit(500);
}

export const findToken = async (db: DbOrTx, id: string): Promise<TokenRow | undefined> =>
  (await db.select(tokenColumns).from(apiToken).innerJoin(agency, eq(agency.id, apiToken.agencyId)).where(eq(apiToken.id, id)))[0];

export async function insertToken(db: DbOrTx, row: typeof apiToken.$inferInsert): Promise<string> {
  const [r] = await db.insert(apiToken).values(row).returning({ id: apiToken.id });
  return r.id;
}

export async function revokeToken(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(apiToken)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiToken.id, id), isNull(apiToken.revokedAt)));
}

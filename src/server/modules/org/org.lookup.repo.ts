/**
 * What other modules may ask of `org` (read only), exported through `index.ts`: agencies by code
 * or id, the agencies below or above one, users by id or name and who holds a role. Other modules
 * call these instead of querying the org tables themselves.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { agency, roleAssignment, userAccount } from '../../db/schema/index.js';

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
  provinceCode: string;
  parentId: string | null;
}
export interface UserRef {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
}

const agencyRef = { id: agency.id, code: agency.code, name: agency.name, provinceCode: agency.provinceCode, parentId: agency.parentId };
const userRef = {
  id: userAccount.id,
  username: userAccount.username,
  displayName: userAccount.displayName,
  email: userAccount.email,
  phone: userAccount.phone,
};

async function rows<T>(db: DbOrTx, q: SQL): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}
/** A list of ids as one parameter, so the statement's text does not change with its length. */
const jsonIds = (ids: string[]) => sql`(select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid)`;

export const findAgencyByCode = async (db: DbOrTx, code: string): Promise<AgencyRef | undefined> =>
  (await db.select(agencyRef).from(agency).where(eq(agency.code, code)))[0];
export const findAgencyById = async (db: DbOrTx, id: string): Promise<AgencyRef | undefined> =>
  (await db.select(agencyRef).from(agency).where(eq(agency.id, id)))[0];

/** The agencies with these ids, by code. */
export async function agenciesByIds(db: DbOrTx, ids: string[]): Promise<AgencyRef[]> {
  if (!ids.length) return [];
  return db
    .select(agencyRef)
    .from(agency)
    .where(sql`${agency.id} in ${jsonIds(ids)}`)
    .orderBy(asc(agency.code));
}

/** Every agency, by code. */
export const allAgencies = (db: DbOrTx): Promise<AgencyRef[]> => db.select(agencyRef).from(agency).orderBy(asc(agency.code));

/** The agency and every agency below it. */
export async function subtreeIds(db: DbOrTx, agencyId: string): Promise<string[]> {
  const r = await rows<{ id: string }>(
    db,
    sql`with recursive t(id) as (select ${agencyId}::uuid union all select a.id from ${agency} a join t on a.parent_id = t.id) select id from t`,
  );
  return r.map((x) => x.id);
}

/** The agency and every agency above it, from the agency up. */
export async function ancestorIds(db: DbOrTx, agencyId: string): Promise<string[]> {
  const r = await rows<{ id: string }>(
    db,
    sql`with recursive t(id, parent_id, depth) as (select id, parent_id, 0 from ${agency} where id = ${agencyId}::uuid union all select a.id, a.parent_id, t.depth + 1 from ${agency} a join t on a.id = t.parent_id) select id from t order by depth`,
  );
  return r.map((x) => x.id);
}

export const findUser = async (db: DbOrTx, id: string): Promise<UserRef | undefined> =>
  (await db.select(userRef).from(userAccount).where(eq(userAccount.id, id)))[0];

/** A user by user name, case-insensitive. */
export const findUserByUsername = async (db: DbOrTx, username: string): Promise<UserRef | undefined> =>
  (
    await db
      .select(userRef)
      .from(userAccount)
      .where(sql`lower(${userAccount.username}) = lower(${username})`)
  )[0];

/** Active users holding one of `roles` in the agency itself (not its subtree). */
export async function usersWithRole(db: DbOrTx, agencyId: string, roles: string[]): Promise<UserRef[]> {
  return db
    .selectDistinct(userRef)
    .from(roleAssignment)
    .innerJoin(userAccount, eq(userAccount.id, roleAssignment.userId))
    .where(and(eq(roleAssignment.agencyId, agencyId), inArray(roleAssignment.role, roles), eq(userAccount.isActive, true)));
}

/** The role grants of a user (role and agency). */
export const rolesOfUser = (db: DbOrTx, userId: string): Promise<{ role: string; agencyId: string }[]> =>
  db.select({ role: roleAssignment.role, agencyId: roleAssignment.agencyId }).from(roleAssignment).where(eq(roleAssignment.userId, userId));

export interface StaffRef {
  id: string;
  username: string;
  displayName: string;
  role: string;
  agencyCode: string;
  agencyName: string;
}

/** Active users holding one of `roles` in one of the agencies themselves (not their subtrees), one row per grant, by given name (the last word). */
export async function staffOf(db: DbOrTx, agencyIds: string[], roles: string[]): Promise<StaffRef[]> {
  if (!agencyIds.length || !roles.length) return [];
  return db
    .select({
      id: userAccount.id,
      username: userAccount.username,
      displayName: userAccount.displayName,
      role: roleAssignment.role,
      agencyCode: agency.code,
      agencyName: agency.name,
    })
    .from(roleAssignment)
    .innerJoin(userAccount, eq(userAccount.id, roleAssignment.userId))
    .innerJoin(agency, eq(agency.id, roleAssignment.agencyId))
    .where(and(sql`${roleAssignment.agencyId} in ${jsonIds(agencyIds)}`, inArray(roleAssignment.role, roles), eq(userAccount.isActive, true)))
    .orderBy(
      sql`f_unaccent(lower(regexp_replace(${userAccount.displayName}, '^.* ', '')))`,
      asc(userAccount.displayName),
      asc(userAccount.username),
      asc(roleAssignment.role),
    )
    .limit(500);
}

import { and, eq, gt, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { roleAssignment, userAccount } from '../../db/schema/index.js';
import { matches, type UserRow } from './org.repo.js';

const NO_AGENCY = '00000000-0000-0000-0000-000000000000';

/**
 * The accounts an administrator manages (org.policy `reachesUser`, the same rule in SQL): a role,
 * citizen or staff, inside the scope; no role and created in the scope; and, for a nation-wide
 * administrator, citizens who belong to no agency (signed up through SSO).
 */
export async function listUsers(
  db: DbOrTx,
  f: { scope: string[]; isNationWide: boolean; term?: string; kind?: string; after?: string; limit: number },
): Promise<UserRow[]> {
  const scope = f.scope.length ? f.scope : [NO_AGENCY];
  const noRole = sql`not exists (select 1 from ${roleAssignment} ra where ra.user_id = ${userAccount.id})`;
  const inScope = or(
    sql`exists (select 1 from ${roleAssignment} ra where ra.user_id = ${userAccount.id} and ra.agency_id in ${scope})`,
    and(noRole, inArray(userAccount.homeAgencyId, scope)),
    f.isNationWide ? and(noRole, isNull(userAccount.homeAgencyId), eq(userAccount.kind, 'citizen')) : undefined,
  );
  const where = [
    inScope,
    f.kind ? eq(userAccount.kind, f.kind) : undefined,
    f.term
      ? or(
          matches(sql`${userAccount.displayName}`, f.term),
          sql`lower(${userAccount.username}) like '%' || ${f.term} || '%'`,
          sql`lower(${userAccount.email}) like '%' || ${f.term} || '%'`,
        )
      : undefined,
    f.after ? gt(sql`lower(${userAccount.username})`, f.after) : undefined,
  ].filter(Boolean) as SQL[];
  return db
    .select()
    .from(userAccount)
    .where(and(...where))
    .orderBy(sql`lower(${userAccount.username})`)
    .limit(f.limit + 1);
}

export async function updateUser(db: DbOrTx, id: string, set: { displayName?: string; email?: string | null; phone?: string | null; isActive?: boolean }) {
  const [r] = await db.update(userAccount).set(set).where(eq(userAccount.id, id)).returning();
  return r;
}

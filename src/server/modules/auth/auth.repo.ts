import { and, eq, lt, sql } from 'drizzle-orm';
import { type DbOrTx, executePrepared } from '../../db/client.js';
import { apiToken, loginFailure, oidcFlow, session, userAccount } from '../../db/schema/index.js';
import { NATIONAL_CODE, type RoleGrant } from '../../platform/principal.js';

export type UserRow = typeof userAccount.$inferSelect;

export const findUserByUsername = async (db: DbOrTx, username: string): Promise<UserRow | undefined> =>
  (
    await db
      .select()
      .from(userAccount)
      .where(sql`lower(${userAccount.username}) = lower(${username})`)
  )[0];

export const findUserById = async (db: DbOrTx, id: string): Promise<UserRow | undefined> =>
  (await db.select().from(userAccount).where(eq(userAccount.id, id)))[0];

export const findUserByOidc = async (db: DbOrTx, issuer: string, subject: string): Promise<UserRow | undefined> =>
  (
    await db
      .select()
      .from(userAccount)
      .where(and(eq(userAccount.oidcIssuer, issuer), eq(userAccount.oidcSubject, subject)))
  )[0];

/** The end of the lock on (username, address), if one is in force. */
export async function findLoginLock(db: DbOrTx, usernameKey: string, address: string): Promise<Date | undefined> {
  const [r] = await db
    .select({ until: loginFailure.lockedUntil })
    .from(loginFailure)
    .where(and(eq(loginFailure.usernameKey, usernameKey), eq(loginFailure.address, address), sql`${loginFailure.lockedUntil} > now()`));
  return r?.until ?? undefined;
}

/**
 * Count a failed sign-in of (username, address) atomically; the `maxFailures`-th within
 * `lockMinutes` locks that pair for `lockMinutes`. A count whose last failure is older than the
 * window, or whose lock has ended, starts afresh (one typo after a lock does not lock again).
 */
export async function recordLoginFailure(db: DbOrTx, usernameKey: string, address: string, maxFailures: number, lockMinutes: number): Promise<void> {
  const window = sql`make_interval(mins => ${lockMinutes})`;
  const stale = sql`(${loginFailure.lockedUntil} <= now() or ${loginFailure.lastFailedAt} <= now() - ${window})`;
  const count = sql`(case when ${stale} then 1 else ${loginFailure.failures} + 1 end)`;
  await db
    .insert(loginFailure)
    .values({ usernameKey, address, failures: 1, lockedUntil: maxFailures <= 1 ? sql`now() + ${window}` : null })
    .onConflictDoUpdate({
      target: [loginFailure.usernameKey, loginFailure.address],
      set: {
        failures: count,
        lastFailedAt: sql`now()`,
        lockedUntil: sql`case when ${loginFailure.lockedUntil} > now() then ${loginFailure.lockedUntil} when ${count} >= ${maxFailures} then now() + ${window} else null end`,
      },
    });
}

/**
 * Forget the failures of (username, address) after a right password, unless a concurrent failure
 * locked the pair meanwhile: then the end of that lock.
 */
export async function clearLoginFailuresUnlessLocked(db: DbOrTx, usernameKey: string, address: string): Promise<Date | undefined> {
  const rows = await db.execute(sql`
    with gone as (
      delete from ${loginFailure}
      where username_key = ${usernameKey} and address = ${address} and (locked_until is null or locked_until <= now())
    )
    select locked_until from ${loginFailure} where username_key = ${usernameKey} and address = ${address} and locked_until > now()`);
  const [r] = (rows as unknown as { rows: Array<{ locked_until: Date | string }> }).rows;
  return r ? new Date(r.locked_until) : undefined;
}

/** Drop failure counts nobody needs any more (older than the window, not locked). */
export async function deleteStaleLoginFailures(db: DbOrTx, lockMinutes: number): Promise<void> {
  await db
    .delete(loginFailure)
    .where(
      sql`${loginFailure.lastFailedAt} < now() - make_interval(mins => ${lockMinutes}) and (${loginFailure.lockedUntil} is null or ${loginFailure.lockedUntil} <= now())`,
    );
}
export async function insertSession(db: DbOrTx, row: typeof session.$inferInsert): Promise<void> {
  await db.insert(session).values(row);
}

export async function findSession(db: DbOrTx, tokenHash: string) {
  return (
    await db
      .select()
      .from(session)
      .where(and(eq(session.tokenHash, tokenHash), sql`${session.expiresAt} > now()`))
  )[0];
}

export async function deleteSession(db: DbOrTx, tokenHash: string): Promise<void> {
  await db.delete(session).where(eq(session.tokenHash, tokenHash));
}

export async function deleteExpiredSessions(db: DbOrTx): Promise<number> {
  return (
    await db
      .delete(session)
      .where(lt(session.expiresAt, sql`now()`))
      .returning({ tokenHash: session.tokenHash })
  ).length;
}

interface GrantRow {
  id: string;
  role: string;
  agency_id: string;
  agency_code: string;
  province_code: string;
  org_unit_id: string | null;
  agency_ids: string[] | string;
  is_top_level: boolean;
  is_national: boolean;
}

const toGrant = (r: GrantRow): RoleGrant => ({
  id: r.id,
  role: r.role as RoleGrant['role'],
  agencyId: r.agency_id,
  agencyCode: r.agency_code,
  provinceCode: r.province_code,
  orgUnitId: r.org_unit_id,
  agencyIds: Array.isArray(r.agency_ids) ? r.agency_ids : String(r.agency_ids).replace(/[{}]/g, '').split(',').filter(Boolean),
  isTopLevel: r.is_top_level === true,
  isNational: r.is_national === true,
});

/**
 * Role grants of a user, each with the agency subtree it reaches. The subtree stops at the
 * grant's province: an agency of another province is never reached, even if filed below.
 */
export async function loadGrants(db: DbOrTx, userId: string): Promise<RoleGrant[]> {
  const res = await db.execute(sql`
    with recursive scope(grant_id, agency_id, province_code) as (
      select ra.id, ra.agency_id, ag.province_code from role_assignment ra join agency ag on ag.id = ra.agency_id where ra.user_id = ${userId}
      union all
      select s.grant_id, a.id, s.province_code from agency a join scope s on a.parent_id = s.agency_id and a.province_code = s.province_code
    )
    select ra.id, ra.role, ra.agency_id, ag.code as agency_code, ag.province_code, ra.org_unit_id,
           array_agg(s.agency_id::text) as agency_ids, (ag.parent_id is null) as is_top_level, (ag.province_code = ${NATIONAL_CODE}) as is_national
    from role_assignment ra
    join agency ag on ag.id = ra.agency_id
    join scope s on s.grant_id = ra.id
    where ra.user_id = ${userId}
    group by ra.id, ra.role, ra.agency_id, ag.code, ag.province_code, ag.parent_id, ra.org_unit_id
    order by ra.role, ag.code`);
  return (res as unknown as { rows: GrantRow[] }).rows.map(toGrant);
}

/**
 * An unrevoked API token and the grant it carries (one role over its agency subtree), in ONE
 * statement that also records its use (at most once a minute, so a busy integration does not
 * write on every call; never once it has expired). Undefined when the token is unknown or revoked;
 * an expired one comes back with its `expiresAt` for the caller to refuse.
 */
export async function findActiveTokenGrant(
  db: DbOrTx,
  tokenHash: string,
): Promise<{ id: string; name: string; prefix: string; expiresAt: Date; grants: RoleGrant[] } | undefined> {
  const [r] = await executePrepared<GrantRow & { name: string; prefix: string; expires_at: Date | string }>(
    db,
    sql`
    with recursive tok as (
      select id, name, prefix, role, agency_id, expires_at from ${apiToken} where token_hash = ${tokenHash} and revoked_at is null
    ),
    touched as (
      update ${apiToken} set last_used_at = now()
      where id in (select id from tok where expires_at > now()) and (last_used_at is null or last_used_at < now() - interval '1 minute')
    ),
    scope(agency_id, province_code) as (
      select tok.agency_id, ag.province_code from tok join agency ag on ag.id = tok.agency_id
      union all
      select a.id, s.province_code from agency a join scope s on a.parent_id = s.agency_id and a.province_code = s.province_code
    )
    select tok.id, tok.name, tok.prefix, tok.expires_at, tok.role, tok.agency_id, ag.code as agency_code, ag.province_code, null as org_unit_id,
           (select array_agg(agency_id::text) from scope) as agency_ids, (ag.parent_id is null) as is_top_level, (ag.province_code = ${NATIONAL_CODE}) as is_national
    from tok join agency ag on ag.id = tok.agency_id`,
  );
  return r ? { id: r.id, name: r.name, prefix: r.prefix, expiresAt: new Date(r.expires_at), grants: [toGrant(r)] } : undefined;
}

export async function insertOidcFlow(db: DbOrTx, row: typeof oidcFlow.$inferInsert, lifetimeMinutes: number): Promise<void> {
  await db.delete(oidcFlow).where(lt(oidcFlow.createdAt, sql`now() - make_interval(mins => ${lifetimeMinutes})`));
  await db.insert(oidcFlow).values(row);
}

export async function takeOidcFlow(db: DbOrTx, state: string, lifetimeMinutes: number) {
  return (
    await db
      .delete(oidcFlow)
      .where(and(eq(oidcFlow.state, state), sql`${oidcFlow.createdAt} > now() - make_interval(mins => ${lifetimeMinutes})`))
      .returning()
  )[0];
}

export async function insertCitizenFromOidc(db: DbOrTx, row: { username: string; displayName: string; email: string | null; issuer: string; subject: string }) {
  const [u] = await db
    .insert(userAccount)
    .values({ username: row.username, displayName: row.displayName, email: row.email, kind: 'citizen', oidcIssuer: row.issuer, oidcSubject: row.subject })
    .returning();
  return u;
}

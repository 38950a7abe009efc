/** Administering accounts: find (citizens too), edit, lock and unlock, one-time password-reset links. Every act is audited. */
import type { Static } from 'typebox';
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { agencyStream, appendAudit, SYSTEM_STREAM } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { decodeKey, searchTerm, toPage } from '../../platform/pagination.js';
import { actorOf, type Principal } from '../../platform/principal.js';
import { endSessionsOfUser, issuePasswordReset } from '../auth/index.js';
import * as accounts from './org.accounts.repo.js';
import * as policy from './org.policy.js';
import { presentUser } from './org.presenter.js';
import * as repo from './org.repo.js';
import type { UpdateUser, UserQuery } from './org.schemas.js';

type P = Principal | null;
type Roles = Awaited<ReturnType<typeof repo.rolesOfUsers>>;

export async function presentUsers(db: DbOrTx, users: repo.UserRow[]) {
  const roles = await repo.rolesOfUsers(
    db,
    users.map((u) => u.id),
  );
  return users.map((u) =>
    presentUser(
      u,
      roles.filter((r) => r.userId === u.id),
    ),
  );
}

export async function listUsers(ctx: AppContext, p: P, a: Static<typeof UserQuery>) {
  const { agencyIds, isNationWide } = policy.adminScope(p);
  const limit = a.limit ?? 50;
  const [after] = decodeKey<[string]>(a.cursor, ['text']) ?? [];
  const rows = await accounts.listUsers(ctx.db, { scope: agencyIds, isNationWide, term: searchTerm(a.q), kind: a.kind, after, limit });
  const page = toPage(
    rows,
    limit,
    (u) => u,
    (u) => [u.username.toLowerCase()],
  );
  return { items: await presentUsers(ctx.db, page.items), nextCursor: page.nextCursor };
}

/** An account the administrator manages (`reachesUser`); any other answers 404. */
export async function userForAdmin(ctx: AppContext, p: P, id: string) {
  const scope = policy.adminScope(p);
  const user = await repo.findUser(ctx.db, id);
  const roles = user ? await repo.rolesOfUsers(ctx.db, [user.id]) : [];
  if (!user || !policy.reachesUser(scope, user, roles)) throw AppError.notFound('Người dùng');
  return { user, roles, principal: scope.principal, agencyIds: scope.agencyIds };
}

/** The chain of an act on an account: that of the administrator's grant that reaches it (`system` for a citizen of no agency). */
function streamOf(principal: Principal, user: repo.UserRow, roles: Roles): { stream: string; provinceCode: string | null } {
  const reaches = (ids: string[]) => (roles.length ? roles.some((r) => ids.includes(r.agencyId)) : !!user.homeAgencyId && ids.includes(user.homeAgencyId));
  const grant = principal.grants.find((g) => g.role === 'admin' && reaches(g.agencyIds));
  return grant ? { stream: agencyStream(grant.agencyCode), provinceCode: grant.provinceCode } : { stream: SYSTEM_STREAM, provinceCode: null };
}

async function audit(tx: DbOrTx, principal: Principal, user: repo.UserRow, roles: Roles, action: string, data: Record<string, unknown>) {
  await appendAudit(tx, { ...streamOf(principal, user, roles), actor: actorOf(principal), action, entityType: 'user', entityId: user.id, data });
}

/** Edit the name, e-mail or phone. The log names what changed (the name's old and new text), never the e-mail or phone themselves. */
export async function updateUser(ctx: AppContext, p: P, id: string, body: Static<typeof UpdateUser>) {
  const { user, roles, principal } = await userForAdmin(ctx, p, id);
  const set: { displayName?: string; email?: string | null; phone?: string | null } = {};
  if (body.displayName !== undefined) {
    const name = body.displayName.normalize('NFC').trim();
    if (!name) throw AppError.validation('displayName', 'Họ và tên không được để trống.');
    if (name !== user.displayName) set.displayName = name;
  }
  if (body.email !== undefined) {
    const email = body.email?.trim().toLowerCase() || null;
    if (email !== user.email) set.email = email;
  }
  if (body.phone !== undefined && (body.phone || null) !== user.phone) set.phone = body.phone || null;
  if (!Object.keys(set).length) return (await presentUsers(ctx.db, [user]))[0];
  return ctx.db.transaction(async (tx) => {
    const row = await accounts.updateUser(tx, user.id, set);
    await audit(tx, principal, user, roles, 'user.update', {
      changed: Object.keys(set),
      ...(set.displayName ? { displayName: { from: user.displayName, to: set.displayName } } : {}),
    });
    return (await presentUsers(tx, [row]))[0];
  });
}

/** Lock an account: it cannot sign in, and its sessions end now. Not one's own. */
export async function lockUser(ctx: AppContext, p: P, id: string, body: { reason?: string }) {
  const { user, roles, principal } = await userForAdmin(ctx, p, id);
  if (user.id === principal.userId) throw AppError.rule('CANNOT_LOCK_SELF', 'Không thể tự khóa tài khoản của chính mình.');
  if (!user.isActive) return (await presentUsers(ctx.db, [user]))[0];
  return ctx.db.transaction(async (tx) => {
    const row = await accounts.updateUser(tx, user.id, { isActive: false });
    const sessionsEnded = await endSessionsOfUser(tx, user.id);
    await audit(tx, principal, user, roles, 'user.lock', { reason: body.reason?.normalize('NFC').trim() || null, sessionsEnded });
    return (await presentUsers(tx, [row]))[0];
  });
}

export async function unlockUser(ctx: AppContext, p: P, id: string) {
  const { user, roles, principal } = await userForAdmin(ctx, p, id);
  if (user.isActive) return (await presentUsers(ctx.db, [user]))[0];
  return ctx.db.transaction(async (tx) => {
    const row = await accounts.updateUser(tx, user.id, { isActive: true });
    await audit(tx, principal, user, roles, 'user.unlock', {});
    return (await presentUsers(tx, [row]))[0];
  });
}

/** "a***@example.vn": enough for the administrator to tell the user where to look. */
const maskEmail = (email: string): string => email.replace(/^(.)[^@]*/, '$1***');

/**
 * A one-time link to set a new password: e-mailed through the outbox when the account has an
 * address (the token is then not shown), otherwise shown once to the administrator to hand over.
 */
export async function resetPassword(ctx: AppContext, p: P, id: string) {
  const { user, roles, principal } = await userForAdmin(ctx, p, id);
  const where = streamOf(principal, user, roles);
  return ctx.db.transaction(async (tx) => {
    const issued = await issuePasswordReset(ctx, tx, {
      userId: user.id,
      createdBy: principal.userId,
      email: user.email ? { to: user.email, displayName: user.displayName, provinceCode: where.provinceCode } : undefined,
    });
    const delivery = user.email ? ('email' as const) : ('link' as const);
    await audit(tx, principal, user, roles, 'user.password_reset_link', { delivery, expiresAt: issued.expiresAt.toISOString() });
    return { delivery, sentTo: user.email ? maskEmail(user.email) : null, token: issued.token, link: issued.link, expiresAt: issued.expiresAt.toISOString() };
  });
}

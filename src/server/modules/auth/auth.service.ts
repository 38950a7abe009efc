import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { AppContext } from '../../context.js';
import { appendAudit, SYSTEM_STREAM } from '../../platform/audit.js';
import { randomToken, safeEqual, sha256 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import type { Principal, RoleGrant } from '../../platform/principal.js';
import * as repo from './auth.repo.js';

export const hashPassword = (password: string): Promise<string> => argonHash(password);

// A hash to verify against when the user does not exist, so timing does not reveal usernames.
let dummyHash: Promise<string> | undefined;

export interface SessionResult {
  principal: Principal;
  cookieToken: string;
}

const implicitCitizenGrant: RoleGrant = { id: 'implicit', role: 'citizen', agencyId: '', agencyCode: '', provinceCode: '', orgUnitId: null, agencyIds: [], isTopLevel: false, isNational: false };

async function principalForUser(ctx: AppContext, user: repo.UserRow, via: Principal['via'], csrfToken: string | null, sessionHash: string | null): Promise<Principal> {
  const grants = await repo.loadGrants(ctx.db, user.id);
  if (user.kind === 'citizen' && !grants.some((g) => g.role === 'citizen')) grants.push(implicitCitizenGrant);
  return {
    via,
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    label: `user:${user.username}`,
    grants,
    csrfToken,
    sessionHash,
    tokenId: null,
  };
}

async function openSession(ctx: AppContext, user: repo.UserRow, meta: { ip?: string; userAgent?: string }, method: string): Promise<SessionResult> {
  const cookieToken = randomToken();
  const csrfToken = randomToken(24);
  const tokenHash = sha256(cookieToken);
  await ctx.db.transaction(async (tx) => {
    await repo.insertSession(tx, {
      tokenHash,
      userId: user.id,
      csrfToken,
      expiresAt: new Date(Date.now() + ctx.config.sessionTtlHours * 3600_000),
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await appendAudit(tx, { stream: SYSTEM_STREAM, actor: { userId: user.id, label: `user:${user.username}` }, action: 'auth.login', entityType: 'user', entityId: user.id, data: { method, ip: meta.ip ?? null } });
  });
  return { principal: await principalForUser(ctx, user, 'session', csrfToken, tokenHash), cookieToken };
}

const lockedError = (until: Date | null): AppError =>
  new AppError('ACCOUNT_LOCKED', 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau.', {
    extra: until && until.getTime() > Date.now() ? { retryAfter: Math.ceil((until.getTime() - Date.now()) / 1000) } : undefined,
  });

/** Password sign-in with lockout after repeated failures (counted in the database, so it holds across servers). */
export async function login(ctx: AppContext, username: string, password: string, meta: { ip?: string; userAgent?: string }): Promise<SessionResult> {
  const user = await repo.findUserByUsername(ctx.db, username.trim());
  if (!user || !user.passwordHash || !user.isActive) {
    dummyHash ??= argonHash('not-a-real-password');
    await argonVerify(await dummyHash, password).catch(() => false);
    throw new AppError('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) throw lockedError(user.lockedUntil);
  const ok = await argonVerify(user.passwordHash, password).catch(() => false);
  if (!ok) {
    await ctx.db.transaction(async (tx) => {
      await repo.recordFailedLogin(tx, user.id, ctx.config.loginMaxFailures, ctx.config.loginLockMinutes);
      await appendAudit(tx, { stream: SYSTEM_STREAM, actor: { userId: null, label: 'anonymous' }, action: 'auth.login_failed', entityType: 'user', entityId: user.id, data: { ip: meta.ip ?? null } });
    });
    throw new AppError('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  // Attempts racing with this one may have locked the account while its password was checked.
  if (!(await repo.clearFailedLoginsUnlessLocked(ctx.db, user.id))) throw lockedError(user.lockedUntil);
  return openSession(ctx, user, meta, 'password');
}

export async function loginWithOidc(ctx: AppContext, claims: { iss: string; sub: string; name?: string; email?: string; preferred_username?: string }, meta: { ip?: string; userAgent?: string }): Promise<SessionResult> {
  let user = await repo.findUserByOidc(ctx.db, claims.iss, claims.sub);
  if (!user) {
    // A readable username, made unique by a hash of (issuer, subject) when the readable one is taken.
    const readable = `sso:${claims.preferred_username ?? claims.sub}`.slice(0, 60);
    const taken = await repo.findUserByUsername(ctx.db, readable);
    const username = taken ? `${readable}-${sha256(`${claims.iss}|${claims.sub}`).slice(0, 8)}` : readable;
    user = await repo.insertCitizenFromOidc(ctx.db, {
      username,
      displayName: (claims.name ?? claims.preferred_username ?? claims.sub).normalize('NFC'),
      email: claims.email ?? null,
      issuer: claims.iss,
      subject: claims.sub,
    });
  }
  if (!user.isActive) throw new AppError('FORBIDDEN', 'Tài khoản đã bị vô hiệu hóa.');
  return openSession(ctx, user, meta, 'oidc');
}

export async function resolveSession(ctx: AppContext, cookieToken: string): Promise<Principal | null> {
  const s = await repo.findSession(ctx.db, sha256(cookieToken));
  if (!s) return null;
  const user = await repo.findUserById(ctx.db, s.userId);
  if (!user || !user.isActive) return null;
  return principalForUser(ctx, user, 'session', s.csrfToken, s.tokenHash);
}

/**
 * Resolved API tokens, kept `TOKEN_TTL_MS` per database: a busy integration (a counter kiosk posting
 * dossiers) costs one query per token every few seconds instead of one per call. Revoking through
 * this server drops the token at once (`forgetApiToken`); other servers stop honouring it within
 * the TTL, as they do a changed agency tree. Unknown tokens are never kept (each costs its query).
 */
const TOKEN_TTL_MS = 5_000;
const TOKEN_CACHE_MAX = 10_000;
interface TokenCache {
  entries: Map<string, { principal: Principal; until: number }>;
  /** Moves on every revocation: a lookup that began before one is not kept. */
  generation: number;
}
const tokenCaches = new WeakMap<object, TokenCache>();
const tokenCacheOf = (ctx: AppContext): TokenCache => {
  let cache = tokenCaches.get(ctx.db);
  if (!cache) tokenCaches.set(ctx.db, (cache = { entries: new Map(), generation: 0 }));
  return cache;
};

export async function resolveApiToken(ctx: AppContext, bearer: string): Promise<Principal | null> {
  const hash = sha256(bearer);
  const cache = tokenCacheOf(ctx);
  const hit = cache.entries.get(hash);
  if (hit && hit.until > Date.now()) return hit.principal;
  const generation = cache.generation;
  const t = await repo.findActiveTokenGrant(ctx.db, hash);
  if (!t) {
    cache.entries.delete(hash);
    return null;
  }
  const principal: Principal = Object.freeze({
    via: 'token',
    userId: null,
    username: `token:${t.prefix}`,
    displayName: t.name,
    label: `token:${t.name}`,
    grants: Object.freeze(t.grants.map((g) => Object.freeze(g))) as RoleGrant[],
    csrfToken: null,
    sessionHash: null,
    tokenId: t.id,
  });
  if (generation === cache.generation) {
    if (cache.entries.size >= TOKEN_CACHE_MAX) cache.entries.clear();
    cache.entries.set(hash, { principal, until: Date.now() + TOKEN_TTL_MS });
  }
  return principal;
}

/** Stop honouring a token on this server now (it was revoked). */
export function forgetApiToken(ctx: AppContext, tokenId: string): void {
  const cache = tokenCacheOf(ctx);
  cache.generation++;
  for (const [hash, entry] of cache.entries) if (entry.principal.tokenId === tokenId) cache.entries.delete(hash);
}

export async function logout(ctx: AppContext, p: Principal): Promise<void> {
  if (!p.sessionHash) return;
  await ctx.db.transaction(async (tx) => {
    await repo.deleteSession(tx, p.sessionHash!);
    await appendAudit(tx, { stream: SYSTEM_STREAM, actor: { userId: p.userId, label: p.label }, action: 'auth.logout', entityType: 'user', entityId: p.userId ?? '' });
  });
}

export const isCsrfValid = (p: Principal, header: string | undefined): boolean => !!p.csrfToken && !!header && safeEqual(p.csrfToken, header);

/** Deletes the sessions that have expired (run by the background sweep); returns how many went. */
export const purgeExpiredSessions = (ctx: AppContext): Promise<number> => repo.deleteExpiredSessions(ctx.db);

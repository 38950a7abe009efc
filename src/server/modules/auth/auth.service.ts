import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { AppContext } from '../../context.js';
import { appendAudit, SYSTEM_STREAM } from '../../platform/audit.js';
import { randomToken, safeEqual, sha256, sign } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { type Principal, requirePrincipal, type RoleGrant } from '../../platform/principal.js';
import { presentProfile } from './auth.presenter.js';
import * as repo from './auth.repo.js';

export const hashPassword = (password: string): Promise<string> => argonHash(password);

// A hash to verify against when the user does not exist, so timing does not reveal usernames.
let dummyHash: Promise<string> | undefined;

export interface SessionResult {
  principal: Principal;
  cookieToken: string;
}

const implicitCitizenGrant: RoleGrant = {
  id: 'implicit',
  role: 'citizen',
  agencyId: '',
  agencyCode: '',
  provinceCode: '',
  orgUnitId: null,
  agencyIds: [],
  isTopLevel: false,
  isNational: false,
};

async function principalForUser(
  ctx: AppContext,
  user: repo.UserRow,
  via: Principal['via'],
  csrfToken: string | null,
  sessionHash: string | null,
): Promise<Principal> {
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
    await appendAudit(tx, {
      stream: SYSTEM_STREAM,
      actor: { userId: user.id, label: `user:${user.username}` },
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      data: { method, ip: meta.ip ?? null },
    });
  });
  return { principal: await principalForUser(ctx, user, 'session', csrfToken, tokenHash), cookieToken };
}

const lockedError = (until: Date | null): AppError =>
  new AppError('ACCOUNT_LOCKED', 'Tài khoản tạm khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau.', {
    extra: until && until.getTime() > Date.now() ? { retryAfter: Math.ceil((until.getTime() - Date.now()) / 1000) } : undefined,
  });

/** The lockout's key for a typed username: an HMAC, so the table never holds what was typed. */
const usernameKeyOf = (ctx: AppContext, username: string): string => sign(ctx.config.secret, `login|${username.normalize('NFC').trim().toLowerCase()}`, 43);

/**
 * Password sign-in. Lockout (docs/ARCHITECTURE.md, "Sign-in"): `loginMaxFailures` wrong passwords
 * for one username from one client address within `loginLockMinutes` lock that pair — not the
 * account everywhere — for `loginLockMinutes`, so nobody can lock another person out from
 * elsewhere. Counted in the database, so it holds across servers. An unknown username takes the
 * same path (lock check, a password check against a dummy hash, the same count and audit entry),
 * so neither the answer nor the work tells whether an account exists.
 */
export async function login(ctx: AppContext, username: string, password: string, meta: { ip?: string; userAgent?: string }): Promise<SessionResult> {
  const key = usernameKeyOf(ctx, username);
  const address = meta.ip ?? '';
  const lockedUntil = await repo.findLoginLock(ctx.db, key, address);
  if (lockedUntil) throw lockedError(lockedUntil);
  const user = await repo.findUserByUsername(ctx.db, username.trim());
  const usable = user?.passwordHash ? user : undefined;
  dummyHash ??= argonHash('not-a-real-password');
  const ok = await argonVerify(usable?.passwordHash ?? (await dummyHash), password).catch(() => false);
  if (!usable || !ok) {
    await ctx.db.transaction(async (tx) => {
      await repo.recordLoginFailure(tx, key, address, ctx.config.loginMaxFailures, ctx.config.loginLockMinutes);
      await appendAudit(tx, {
        stream: SYSTEM_STREAM,
        actor: { userId: null, label: 'anonymous' },
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: user?.id ?? '',
        data: { ip: meta.ip ?? null },
      });
    });
    throw new AppError('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
  }
  // Attempts racing with this one may have locked the pair while its password was checked.
  const lockedMeanwhile = await repo.clearLoginFailuresUnlessLocked(ctx.db, key, address);
  if (lockedMeanwhile) throw lockedError(lockedMeanwhile);
  // An account an administrator locked: said only to whoever knows its password.
  if (!usable.isActive) {
    await ctx.db.transaction((tx) =>
      appendAudit(tx, {
        stream: SYSTEM_STREAM,
        actor: { userId: usable.id, label: `user:${usable.username}` },
        action: 'auth.login_refused',
        entityType: 'user',
        entityId: usable.id,
        data: { reason: 'account_disabled', ip: meta.ip ?? null },
      }),
    );
    throw new AppError('ACCOUNT_DISABLED', 'Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.');
  }
  return openSession(ctx, usable, meta, 'password');
}
export async function loginWithOidc(
  ctx: AppContext,
  claims: { iss: string; sub: string; name?: string; email?: string; preferred_username?: string },
  meta: { ip?: string; userAgent?: string },
): Promise<SessionResult> {
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
const tokenExpired = (): AppError => new AppError('TOKEN_EXPIRED', 'Mã truy cập API đã hết hạn. Quản trị viên cần tạo mã mới.');
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

/** The principal of an API token; null when unknown or revoked; throws TOKEN_EXPIRED (401) once it has expired. */
export async function resolveApiToken(ctx: AppContext, bearer: string): Promise<Principal | null> {
  const hash = sha256(bearer);
  const cache = tokenCacheOf(ctx);
  const hit = cache.entries.get(hash);
  if (hit && hit.until > Date.now()) return hit.principal;
  const generation = cache.generation;
  const t = await repo.findActiveTokenGrant(ctx.db, hash);
  if (!t || t.expiresAt.getTime() <= Date.now()) {
    cache.entries.delete(hash);
    if (t) throw tokenExpired();
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
    // Kept no longer than the token lives: an expiring token is refused on time, not 5 s late.
    cache.entries.set(hash, { principal, until: Math.min(Date.now() + TOKEN_TTL_MS, t.expiresAt.getTime()) });
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
    await appendAudit(tx, {
      stream: SYSTEM_STREAM,
      actor: { userId: p.userId, label: p.label },
      action: 'auth.logout',
      entityType: 'user',
      entityId: p.userId ?? '',
    });
  });
}

export const isCsrfValid = (p: Principal, header: string | undefined): boolean => !!p.csrfToken && !!header && safeEqual(p.csrfToken, header);

/** Deletes the sessions that have expired (run by the background sweep); returns how many went. */
export const purgeExpiredSessions = (ctx: AppContext): Promise<number> => repo.deleteExpiredSessions(ctx.db);

/** Drop sign-in failure counts older than the lockout window (for the periodic sweep). */
export async function purgeStaleLoginFailures(ctx: AppContext): Promise<void> {
  await repo.deleteStaleLoginFailures(ctx.db, ctx.config.loginLockMinutes);
}

/** The signed-in person's own account details (name, ID number, phone, e-mail), for pre-filling forms. */
export async function myProfile(ctx: AppContext, p: Principal | null) {
  const principal = requirePrincipal(p);
  const user = principal.userId ? await repo.findUserById(ctx.db, principal.userId) : undefined;
  // an API token is nobody's account: its answer holds no personal data
  return presentProfile(user ?? { displayName: principal.displayName, idNumber: null, phone: null, email: null });
}

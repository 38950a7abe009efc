import { AppError } from './errors.js';

import type { Role } from '../../shared/roles.js';

export { ROLES, type Role } from '../../shared/roles.js';

export interface RoleGrant {
  id: string;
  role: Role;
  agencyId: string;
  agencyCode: string;
  /** The agency's province (tỉnh): where its desk receives procedures. */
  provinceCode: string;
  orgUnitId: string | null;
  /** The agency and every agency below it: the scope this grant reaches. */
  agencyIds: string[];
  /** Granted on a top-level agency (a province's people's committee): province-wide duties. */
  isTopLevel: boolean;
}

/** Who is calling: a signed-in user (cookie session or OIDC) or an API token. */
export interface Principal {
  via: 'session' | 'token';
  userId: string | null;
  username: string;
  displayName: string;
  label: string;
  grants: RoleGrant[];
  csrfToken: string | null;
  sessionHash: string | null;
  tokenId: string | null;
}

export const hasRole = (p: Principal | null | undefined, ...roles: Role[]): boolean =>
  !!p && p.grants.some((g) => roles.includes(g.role));

/** Agencies the principal reaches with any of the roles given (empty set → none). */
export function agencyScope(p: Principal, ...roles: Role[]): Set<string> {
  const ids = new Set<string>();
  for (const g of p.grants) if (roles.includes(g.role)) for (const id of g.agencyIds) ids.add(id);
  return ids;
}

export function requirePrincipal(p: Principal | null | undefined): Principal {
  if (!p) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập.');
  return p;
}

export function requireRole(p: Principal | null | undefined, ...roles: Role[]): Principal {
  const principal = requirePrincipal(p);
  if (!hasRole(principal, ...roles)) throw AppError.forbidden();
  return principal;
}

export const systemActor = { userId: null, label: 'system' } as const;
export type Actor = { userId: string | null; label: string };
export const actorOf = (p: Principal): Actor => ({ userId: p.userId, label: p.label });

import { AppError } from './errors.js';

import type { Role } from '../../shared/roles.js';

export { NATIONAL_CODE, ROLES, type Role } from '../../shared/roles.js';

export interface RoleGrant {
  id: string;
  role: Role;
  agencyId: string;
  agencyCode: string;
  /** The agency's province (tỉnh), or `NATIONAL_CODE` for a national agency (in no province). */
  provinceCode: string;
  orgUnitId: string | null;
  /** The agency and every agency below it in the same province: the scope this grant reaches. */
  agencyIds: string[];
  /** Granted on a top-level agency (a province's people's committee, a ministry). */
  isTopLevel: boolean;
  /** Granted on a national agency (a ministry and its departments): in no province. */
  isNational: boolean;
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

export const hasRole = (p: Principal | null | undefined, ...roles: Role[]): boolean => !!p && p.grants.some((g) => roles.includes(g.role));

/** Agencies the principal reaches with any of the roles given (empty set → none). */
export function agencyScope(p: Principal, ...roles: Role[]): Set<string> {
  const ids = new Set<string>();
  for (const g of p.grants) if (roles.includes(g.role)) for (const id of g.agencyIds) ids.add(id);
  return ids;
}

/**
 * Province-wide: a grant on a province's top-level agency. Its duties that are not about one
 * agency (the province's local days off, administrative units, the outbox) stop at its province.
 */
export const isProvinceWide = (g: RoleGrant): boolean => g.isTopLevel && !g.isNational;

/** Nation-wide: a grant on a top-level national agency (the Ministry). Reaches every province's reference data. */
export const isNationWide = (g: RoleGrant): boolean => g.isTopLevel && g.isNational;

/** Provinces where the principal holds one of the roles province-wide (never the national code). */
export function provinceWideCodes(p: Principal, ...roles: Role[]): Set<string> {
  return new Set(p.grants.filter((g) => roles.includes(g.role) && isProvinceWide(g)).map((g) => g.provinceCode));
}

/** Whether the principal holds one of the roles nation-wide. */
export const holdsNationWide = (p: Principal | null | undefined, ...roles: Role[]): boolean =>
  !!p && p.grants.some((g) => roles.includes(g.role) && isNationWide(g));

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

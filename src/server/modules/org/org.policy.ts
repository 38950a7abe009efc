import { AppError } from '../../platform/errors.js';
import {
  agencyScope,
  hasRole,
  holdsNationWide,
  isNationWide,
  isProvinceWide,
  type Principal,
  requirePrincipal,
  requireRole,
  ROLES,
  type Role,
} from '../../platform/principal.js';

/** Reference data (administrative units, the agency list) is readable by any staff member. */
export function canReadReference(p: Principal | null): Principal {
  const principal = requirePrincipal(p);
  if (!hasRole(principal, 'counter_officer', 'processing_officer', 'leader', 'inspector', 'home_affairs', 'admin', 'auditor')) throw AppError.forbidden();
  return principal;
}

/** Agencies an administrator manages: the subtree of each admin grant (never beyond its province). */
export function adminScope(p: Principal | null): { principal: Principal; agencyIds: string[]; isNationWide: boolean } {
  const principal = requireRole(p, 'admin');
  return { principal, agencyIds: [...agencyScope(principal, 'admin')], isNationWide: holdsNationWide(principal, 'admin') };
}

/**
 * An account an administrator manages: one holding a role (citizen or staff) in the scope; one
 * with no role yet that an administrator of the scope created; a citizen who belongs to no agency
 * (signed up through SSO) for a nation-wide administrator only. `org.accounts.repo` lists by the same rule.
 */
export function reachesUser(
  scope: { agencyIds: string[]; isNationWide: boolean },
  user: { kind: string; homeAgencyId: string | null },
  roles: { agencyId: string }[],
): boolean {
  if (roles.length) return roles.some((r) => scope.agencyIds.includes(r.agencyId));
  if (user.homeAgencyId) return scope.agencyIds.includes(user.homeAgencyId);
  return user.kind === 'citizen' && scope.isNationWide;
}

/** Another agency's records answer 404, not 403: their existence is not revealed. */
export function requireAdminOf(p: Principal | null, agencyId: string, what: string): Principal {
  const { principal, agencyIds } = adminScope(p);
  if (!agencyIds.includes(agencyId)) throw AppError.notFound(what);
  return principal;
}

/**
 * An administrator for a province's reference data (its administrative units): one granted on the
 * province's top-level agency, or a national one. A top-level grant stops at its province.
 * Returns the grant's agency code (the audit stream of the act).
 */
export function requireProvinceAdmin(p: Principal | null, provinceCode: string): { principal: Principal; agencyCode: string } {
  const principal = requireRole(p, 'admin');
  const grant =
    principal.grants.find((g) => g.role === 'admin' && isNationWide(g)) ??
    principal.grants.find((g) => g.role === 'admin' && isProvinceWide(g) && g.provinceCode === provinceCode);
  if (!grant) throw AppError.forbidden('Chỉ quản trị viên cấp tỉnh của tỉnh này (hoặc cấp quốc gia) được thực hiện thao tác này.');
  return { principal, agencyCode: grant.agencyCode };
}

/** A national administrator: adds provinces and top-level agencies, and grants national roles. */
export function requireNationalAdmin(p: Principal | null): { principal: Principal; agencyCode: string } {
  const principal = requireRole(p, 'admin');
  const grant = principal.grants.find((g) => g.role === 'admin' && isNationWide(g));
  if (!grant) throw AppError.forbidden('Chỉ quản trị viên cấp quốc gia được thực hiện thao tác này.');
  return { principal, agencyCode: grant.agencyCode };
}

/** Roles held only at the national level, granted only by a national administrator (never to an API token). */
export const NATIONAL_ROLES: readonly Role[] = ['calendar_admin'];

/** Provinces whose administrative units the caller lists: all for national staff, else the provinces of its grants. */
export function referenceProvinces(p: Principal): Set<string> | 'all' {
  if (p.grants.some((g) => g.isNational)) return 'all';
  return new Set(p.grants.map((g) => g.provinceCode));
}

/** Roles that act on agencies through a picker (every staff role; a citizen acts on none). */
export const PICKER_ROLES: readonly Role[] = ROLES.filter((r) => r !== 'citizen');

/**
 * The agencies a picker offers: those the caller reaches with the roles asked for (any of them he
 * holds; all his staff roles when none is asked). A role he does not hold adds nothing.
 */
export function pickerScope(p: Principal | null, roles: Role[] | undefined): string[] {
  const principal = requirePrincipal(p);
  if (!hasRole(principal, ...PICKER_ROLES)) throw AppError.forbidden();
  const asked = (roles?.length ? roles : PICKER_ROLES).filter((r) => PICKER_ROLES.includes(r));
  return [...agencyScope(principal, ...asked)];
}

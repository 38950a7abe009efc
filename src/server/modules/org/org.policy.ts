import { AppError } from '../../platform/errors.js';
import { agencyScope, hasRole, type Principal, requirePrincipal, requireRole } from '../../platform/principal.js';

/** Reference data (administrative units, the agency list) is readable by any staff member. */
export function canReadReference(p: Principal | null): Principal {
  const principal = requirePrincipal(p);
  if (!hasRole(principal, 'counter_officer', 'processing_officer', 'leader', 'inspector', 'home_affairs', 'admin', 'auditor')) throw AppError.forbidden();
  return principal;
}

/** Agencies an administrator manages: the subtree of each admin grant. */
export function adminScope(p: Principal | null): { principal: Principal; agencyIds: string[] } {
  const principal = requireRole(p, 'admin');
  return { principal, agencyIds: [...agencyScope(principal, 'admin')] };
}

/** Another agency's records answer 404, not 403: their existence is not revealed. */
export function requireAdminOf(p: Principal | null, agencyId: string, what: string): Principal {
  const { principal, agencyIds } = adminScope(p);
  if (!agencyIds.includes(agencyId)) throw AppError.notFound(what);
  return principal;
}

/** Only an administrator of a top-level agency may create another top-level agency or administrative units. */
export function requireTopLevelAdmin(p: Principal | null, rootAgencyIds: Set<string>): Principal {
  const principal = requireRole(p, 'admin');
  if (!principal.grants.some((g) => g.role === 'admin' && rootAgencyIds.has(g.agencyId))) throw AppError.forbidden('Chỉ quản trị viên cấp tỉnh được thực hiện thao tác này.');
  return principal;
}

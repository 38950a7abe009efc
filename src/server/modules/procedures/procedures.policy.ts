import { AppError } from '../../platform/errors.js';
import { agencyScope, type Principal, requireRole } from '../../platform/principal.js';

/** The catalog is public: reading it needs no sign-in. Writing it is for administrators. */
export function procedureAdminScope(p: Principal | null): { principal: Principal; agencyIds: string[] } {
  const principal = requireRole(p, 'admin');
  return { principal, agencyIds: [...agencyScope(principal, 'admin')] };
}

/** A procedure (or an agency to give one to) outside the admin's subtree answers 404. */
export function requireProcedureAdmin(p: Principal | null, competentAgencyId: string, what = 'Thủ tục hành chính'): Principal {
  const { principal, agencyIds } = procedureAdminScope(p);
  if (!agencyIds.includes(competentAgencyId)) throw AppError.notFound(what);
  return principal;
}

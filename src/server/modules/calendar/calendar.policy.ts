import { AppError } from '../../platform/errors.js';
import { type Principal, requireRole } from '../../platform/principal.js';

/**
 * The working calendar is national reference data: everyone (even without signing in) reads it;
 * only an administrator of a top-level agency (a province or ministry) edits it.
 */
export function requireCalendarEditor(p: Principal | null, rootAgencyIds: ReadonlySet<string>): Principal {
  const principal = requireRole(p, 'admin');
  if (!principal.grants.some((g) => g.role === 'admin' && rootAgencyIds.has(g.agencyId))) {
    throw AppError.forbidden('Chỉ quản trị viên cơ quan cấp tỉnh được sửa lịch làm việc.');
  }
  return principal;
}

/** Admin grants worth checking for top-level agencies (the service looks the agencies up). */
export const adminGrantCodes = (p: Principal | null): string[] => (p ? p.grants.filter((g) => g.role === 'admin').map((g) => g.agencyCode) : []);

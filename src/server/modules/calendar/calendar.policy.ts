import { AppError } from '../../platform/errors.js';
import { isProvinceWide, type Principal, requirePrincipal } from '../../platform/principal.js';

/**
 * The working calendar is reference data: everyone (even without signing in) reads it. The
 * national calendar (days off and make-up days, confirming a year) is edited only by a national
 * calendar administrator (`calendar_admin` held on a national agency).
 */
export function requireNationalCalendarEditor(p: Principal | null): Principal {
  const principal = requirePrincipal(p);
  if (!principal.grants.some((g) => g.role === 'calendar_admin' && g.isNational)) {
    throw AppError.forbidden('Chỉ quản trị viên lịch làm việc cấp quốc gia được sửa lịch nghỉ toàn quốc.');
  }
  return principal;
}

/**
 * A province's local days off are decided by the province (its People's Committee): they are
 * edited by an administrator granted on the province's top-level agency, and by nobody outside it.
 * Returns the grant's agency code: the audit stream of the edit.
 */
export function requireLocalCalendarEditor(p: Principal | null, province: string): { principal: Principal; agencyCode: string } {
  const principal = requirePrincipal(p);
  const grant = principal.grants.find((g) => g.role === 'admin' && isProvinceWide(g) && g.provinceCode === province);
  if (!grant) throw AppError.forbidden('Chỉ quản trị viên cấp tỉnh của tỉnh này được thêm ngày nghỉ của tỉnh.');
  return { principal, agencyCode: grant.agencyCode };
}

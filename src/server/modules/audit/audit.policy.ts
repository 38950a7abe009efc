import { AppError } from '../../platform/errors.js';
import { type Principal, requireRole } from '../../platform/principal.js';

/**
 * Auditors and administrators read the chains of the agencies they reach. The `system` stream
 * (sign-ins and platform administration of the whole province) and the full verification belong
 * to those granted on a top-level agency.
 */
export function readableStreams(p: Principal | null): { principal: Principal; agencyCodes: Set<string>; isProvinceWide: boolean } {
  const principal = requireRole(p, 'auditor', 'admin');
  const grants = principal.grants.filter((g) => g.role === 'auditor' || g.role === 'admin');
  return { principal, agencyCodes: new Set(grants.map((g) => g.agencyCode)), isProvinceWide: grants.some((g) => g.isTopLevel) };
}

export function requireProvinceWide(p: Principal | null): Principal {
  const { principal, isProvinceWide } = readableStreams(p);
  if (!isProvinceWide) throw AppError.forbidden('Chỉ kiểm toán viên hoặc quản trị cấp tỉnh được kiểm tra toàn bộ nhật ký.');
  return principal;
}

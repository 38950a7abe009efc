import { AppError } from '../../platform/errors.js';
import { holdsNationWide, isProvinceWide, type Principal, requireRole } from '../../platform/principal.js';

const READERS = ['auditor', 'admin'] as const;

export interface ReadableStreams {
  principal: Principal;
  /** Every stream, `system` included: an auditor or administrator of a top-level national agency. */
  isNationWide: boolean;
  /** Otherwise the agencies whose `agency:<code>` streams may be read: the grants' subtrees (never beyond their province). */
  agencyIds: string[];
}

/**
 * Auditors and administrators read the chains of the agencies they reach. A grant on a province's
 * top-level agency reaches that province's agencies only; the `system` stream (sign-ins with their
 * addresses, national administration) and other provinces' streams belong to national grants.
 */
export function readableStreams(p: Principal | null): ReadableStreams {
  const principal = requireRole(p, ...READERS);
  const grants = principal.grants.filter((g) => (READERS as readonly string[]).includes(g.role));
  return { principal, isNationWide: holdsNationWide(principal, ...READERS), agencyIds: [...new Set(grants.flatMap((g) => g.agencyIds))] };
}

/** Verifying chains is for top-level grants: the whole log nation-wide, the province's streams province-wide. */
export function requireVerifier(p: Principal | null): ReadableStreams {
  const readable = readableStreams(p);
  if (!readable.isNationWide && !readable.principal.grants.some((g) => (READERS as readonly string[]).includes(g.role) && isProvinceWide(g))) {
    throw AppError.forbidden('Chỉ kiểm toán viên hoặc quản trị cấp tỉnh, cấp quốc gia được kiểm tra chuỗi nhật ký.');
  }
  return readable;
}

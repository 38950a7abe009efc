import { AppError } from '../../platform/errors.js';
import { agencyScope, hasRole, holdsNationWide, type Principal, provinceWideCodes, requirePrincipal, type Role } from '../../platform/principal.js';
import type { Permit } from './dossier.state.js';

/** Staff roles that may open a dossier of their agencies (each read is logged). */
export const READER_ROLES: Role[] = ['counter_officer', 'processing_officer', 'leader', 'inspector'];
export const WORK_ROLES: Role[] = ['counter_officer', 'processing_officer', 'leader'];

export interface DossierRef {
  receivingAgencyId: string;
  competentAgencyId: string;
  currentAgencyId: string;
  applicantUserId: string | null;
}

export const isApplicant = (p: Principal, d: DossierRef): boolean => !!p.userId && p.userId === d.applicantUserId && hasRole(p, 'citizen');

/** Whether the principal holds the permit on this dossier (role + the side's agency in scope). */
export function holdsPermit(p: Principal, d: DossierRef, permit: Permit): boolean {
  if (permit.side === 'applicant') return isApplicant(p, d);
  const scope = agencyScope(p, permit.role);
  if (permit.side === 'receiving') return scope.has(d.receivingAgencyId);
  if (permit.side === 'owner') return scope.has(d.competentAgencyId);
  return scope.has(d.competentAgencyId) || scope.has(d.currentAgencyId);
}

/** Staff whose agencies touch the dossier, or its applicant; anyone else gets 404. */
export function requireReader(p: Principal | null, d: DossierRef | undefined): { principal: Principal; isStaff: boolean } {
  const principal = requirePrincipal(p);
  if (!d) throw AppError.notFound('Hồ sơ');
  if (isApplicant(principal, d)) return { principal, isStaff: false };
  const scope = agencyScope(principal, ...READER_ROLES);
  if (scope.has(d.receivingAgencyId) || scope.has(d.competentAgencyId) || scope.has(d.currentAgencyId)) return { principal, isStaff: true };
  throw AppError.notFound('Hồ sơ');
}

/** Intake: a counter officer at a desk, or a citizen online. */
export function requireIntake(p: Principal | null, channel: string): Principal {
  const principal = requirePrincipal(p);
  if (hasRole(principal, 'counter_officer')) return principal;
  if (hasRole(principal, 'citizen')) {
    if (channel !== 'online') throw AppError.validation('channel', 'Công dân chỉ nộp hồ sơ trực tuyến.');
    return principal;
  }
  throw AppError.forbidden();
}

/** Work queues and the tracking book: staff of the one-stop or competent agencies. */
export function requireStaff(p: Principal | null, roles: Role[] = WORK_ROLES): { principal: Principal; agencyIds: string[] } {
  const principal = requirePrincipal(p);
  if (!hasRole(principal, ...roles)) throw AppError.forbidden();
  return { principal, agencyIds: [...agencyScope(principal, ...roles)] };
}

/**
 * The outbox viewer (a development aid): a province's administrator (granted on its top-level
 * agency) sees that province's messages only; a national administrator sees every message.
 */
export function outboxScope(p: Principal | null): { provinces: string[] | undefined } {
  const principal = requirePrincipal(p);
  if (holdsNationWide(principal, 'admin')) return { provinces: undefined };
  const provinces = provinceWideCodes(principal, 'admin');
  if (!provinces.size) throw AppError.forbidden();
  return { provinces: [...provinces] };
}

/** A province's own settings: an administrator granted on that province's top-level agency. */
export function requireProvinceAdmin(p: Principal | null, provinceCode: string): { principal: Principal; agencyCode: string } {
  const principal = requirePrincipal(p);
  const grant = principal.grants.find((g) => g.role === 'admin' && g.isTopLevel && g.provinceCode === provinceCode);
  if (!grant) throw AppError.forbidden('Chỉ quản trị viên của tỉnh được thay đổi cách tra cứu hồ sơ của tỉnh.');
  return { principal, agencyCode: grant.agencyCode };
}

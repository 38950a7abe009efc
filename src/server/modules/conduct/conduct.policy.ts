/**
 * Who may do what in the conduct module. Home Affairs manages within its agency subtree; an
 * inspector records inspections and findings in its scope; a leader reviews violations and assesses
 * ratings for his subtree; an official (a user linked to an `official` row) sees and answers his own
 * record. Another agency's record answers 404 (its existence is not revealed).
 */
import { AppError } from '../../platform/errors.js';
import { agencyScope, hasRole, type Principal, requirePrincipal, type Role } from '../../platform/principal.js';
import { selfReviewReason } from '../../platform/self-review.js';

export const MANAGE: Role[] = ['home_affairs'];
export const INSPECT: Role[] = ['inspector'];
export const REVIEW: Role[] = ['leader', 'home_affairs'];
export const REPORT: Role[] = ['inspector', 'home_affairs', 'leader'];
export const READ: Role[] = ['home_affairs', 'inspector', 'leader'];
export const STAFF: Role[] = ['counter_officer', 'processing_officer', 'leader', 'inspector', 'home_affairs', 'admin', 'auditor'];

type P = Principal | null | undefined;

/** The caller must hold one of the roles somewhere (else 403); returns the agencies it reaches. */
export function scopeOf(p: P, roles: Role[]): { principal: Principal; agencyIds: string[] } {
  const principal = requirePrincipal(p);
  if (!hasRole(principal, ...roles)) throw AppError.forbidden();
  return { principal, agencyIds: [...agencyScope(principal, ...roles)] };
}

export const reaches = (p: Principal, agencyId: string, roles: Role[]): boolean => agencyScope(p, ...roles).has(agencyId);

/** A staff action on a record of `agencyId`: 403 without the role anywhere, 404 outside the subtree. */
export function requireIn(p: P, agencyId: string, roles: Role[], what: string): Principal {
  const { principal, agencyIds } = scopeOf(p, roles);
  if (!agencyIds.includes(agencyId)) throw AppError.notFound(what);
  return principal;
}

/** Reading one record: staff in scope, or the official himself; anyone else 404. */
export function requireReader(p: P, record: { agencyId: string; officialUserId: string | null }, what: string): Principal {
  const principal = requirePrincipal(p);
  if (isSelf(principal, record.officialUserId) || reaches(principal, record.agencyId, READ)) return principal;
  throw AppError.notFound(what);
}

/** The official's own action (answer, complaint, self-assessment): nobody else, and 404 for them. */
export function requireSelf(p: P, officialUserId: string | null, what: string): Principal {
  const principal = requirePrincipal(p);
  if (!isSelf(principal, officialUserId)) throw AppError.notFound(what);
  return principal;
}

/** The caller is the official the record is about (the same rule the judging steps refuse: platform/self-review.ts). */
export const isSelf = (p: Principal, officialUserId: string | null): boolean => selfReviewReason(p, { officialUserId }) === 'official_concerned';

/** Any signed-in member of staff (the code of conduct applies to all of them). */
export function requireStaff(p: P): Principal {
  return scopeOf(p, STAFF).principal;
}

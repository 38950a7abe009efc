/**
 * Who may do what with the register of officials:
 * - home_affairs and admin manage officials of their agency subtree (a grant at the top-level
 *   agency reaches the whole province) and see personal identifiers (reads are access-logged);
 * - a leader reads the officials of his agency subtree, identifiers masked;
 * - everyone else: 403. Another agency's official: 404.
 */
import { AppError } from '../../platform/errors.js';
import { agencyScope, hasRole, type Principal, requirePrincipal } from '../../platform/principal.js';

type P = Principal | null | undefined;

export interface Scope {
  principal: Principal;
  agencyIds: Set<string>;
}

/** Agencies whose officials the caller may read (HR and leaders). */
export function readScope(p: P): Scope {
  const principal = requirePrincipal(p);
  if (!hasRole(principal, 'home_affairs', 'admin', 'leader')) throw AppError.forbidden();
  return { principal, agencyIds: agencyScope(principal, 'home_affairs', 'admin', 'leader') };
}

/** Agencies whose officials the caller manages (HR roles). */
export function manageScope(p: P): Scope {
  const principal = requirePrincipal(p);
  if (!hasRole(principal, 'home_affairs', 'admin')) throw AppError.forbidden();
  return { principal, agencyIds: agencyScope(principal, 'home_affairs', 'admin') };
}

/** Streamlining review is Home Affairs' work (admin too, as the platform's superuser in its subtree). */
export const reviewScope = manageScope;

/** Personal identifiers (CCCD, date of birth, phone) are shown to HR of the official's agency only. */
export function canSeeIdentifiers(p: Principal, agencyId: string): boolean {
  return agencyScope(p, 'home_affairs', 'admin').has(agencyId);
}

/** An agency outside the scope answers 404: its existence is not revealed. */
export function requireInScope(scope: Scope, agencyId: string | undefined, what: string): void {
  if (!agencyId || !scope.agencyIds.has(agencyId)) throw AppError.notFound(what);
}

/** The root agencies of the caller's grants for a role set: the default subtree for lists and statistics. */
export function defaultRoot(scope: Scope): string | undefined {
  const g = scope.principal.grants.find((x) => scope.agencyIds.has(x.agencyId) && ['home_affairs', 'admin', 'leader'].includes(x.role));
  return g?.agencyId;
}

/**
 * Pick, don't type: the procedures intake offers (the desk's most used first) and the staff a
 * dossier may be assigned or forwarded to.
 */
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { searchTerm } from '../../platform/pagination.js';
import { agencyScope, hasRole, requirePrincipal } from '../../platform/principal.js';
import { org } from '../org/index.js';
import * as policy from './dossiers.policy.js';
import * as repo from './dossiers.repo.js';
import { rankIntakeProcedures } from './pickers.repo.js';
import type { P } from './dossiers.service.js';

/** How far back a desk's dossiers count for the ranking. */
export const RANK_WINDOW_DAYS = 90;

/** The desk a counter officer ranks for: the one named (in his reach, else 404), else his first. */
async function deskOf(ctx: AppContext, p: NonNullable<P>, named: string | undefined) {
  const grants = p.grants.filter((g) => g.role === 'counter_officer');
  const own = grants.find((g) => g.agencyCode === (named ?? grants[0].agencyCode));
  if (own) return { deskId: own.agencyId, provinceCode: own.provinceCode };
  const a = named ? await org.findAgencyByCode(ctx.db, named) : undefined;
  if (!a || !agencyScope(p, 'counter_officer').has(a.id)) throw AppError.notFound('Bộ phận một cửa');
  return { deskId: a.id, provinceCode: a.provinceCode };
}

/**
 * Procedures to start an intake with, searched by name (accent-insensitive) or code: at a desk, its
 * province's catalog ranked by the dossiers the desk received in the last 90 days; for a citizen,
 * the procedures open online ranked by the ones he submitted before; then by name.
 */
export async function intakeProcedures(ctx: AppContext, p: P, q: { q?: string; desk?: string; limit?: number }) {
  const principal = requirePrincipal(p);
  const since = new Date(Date.now() - RANK_WINDOW_DAYS * 86_400_000);
  const limit = q.limit ?? 20;
  let by: Parameters<typeof rankIntakeProcedures>[1]['by'];
  if (hasRole(principal, 'counter_officer')) by = await deskOf(ctx, principal, q.desk);
  else if (hasRole(principal, 'citizen') && principal.userId) by = { applicantUserId: principal.userId };
  else throw AppError.forbidden();
  const items = await rankIntakeProcedures(ctx.db, { by, term: searchTerm(q.q), since, limit });
  return { items, windowDays: RANK_WINDOW_DAYS };
}

/**
 * Who the dossier may be assigned or forwarded to: processing officers and leaders of the agency
 * holding it and of its competent agency (the same people `assign` and `forward` accept), by name.
 */
export async function assigneesOf(ctx: AppContext, p: P, code: string) {
  const d = await repo.findDossierByCode(ctx.db, code);
  const { isStaff } = policy.requireReader(p, d);
  if (!isStaff) throw AppError.forbidden();
  const agencies = [...new Set([d!.currentAgencyId, d!.competentAgencyId])];
  const staff = await org.staffOf(ctx.db, agencies, ['processing_officer', 'leader']);
  return {
    items: staff.map((s) => ({
      id: s.id,
      username: s.username,
      name: s.displayName,
      role: s.role as 'processing_officer' | 'leader',
      agencyCode: s.agencyCode,
      agencyName: s.agencyName,
    })),
  };
}

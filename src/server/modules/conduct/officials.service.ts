import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { searchTerm } from '../../platform/pagination.js';
import type { Principal } from '../../platform/principal.js';
import { org } from '../org/index.js';
import * as policy from './conduct.policy.js';
import * as repo from './officials.repo.js';

/** Officials the caller may inspect, report or rate (for pickers in forms). */
export async function listOfficials(ctx: AppContext, p: Principal | null, q: { q?: string; agencyCode?: string }) {
  const { agencyIds } = policy.scopeOf(p, policy.READ);
  let scope = agencyIds;
  if (q.agencyCode) {
    const a = await org.findAgencyByCode(ctx.db, q.agencyCode);
    if (!a || !agencyIds.includes(a.id)) throw AppError.notFound('Cơ quan');
    scope = await org.subtreeIds(ctx.db, a.id);
  }
  const rows = await repo.listOfficials(ctx.db, { agencyIds: scope, term: searchTerm(q.q), limit: 100 });
  return {
    items: rows.map((o) => ({
      id: o.id,
      code: o.code,
      fullName: o.fullName,
      agencyCode: o.agencyCode,
      agencyName: o.agencyName,
      category: o.category,
      leadershipTitle: o.leadershipTitle,
    })),
  };
}

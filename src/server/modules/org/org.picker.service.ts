/** The agency picker: agencies the caller may act on, searched by name (accent-insensitive) or code. */
import type { AppContext } from '../../context.js';
import { decodeKey, searchTerm, toPage } from '../../platform/pagination.js';
import type { Principal, Role } from '../../platform/principal.js';
import * as policy from './org.policy.js';
import * as repo from './org.repo.js';

export async function pickAgencies(ctx: AppContext, p: Principal | null, a: { q?: string; roles?: string; cursor?: string; limit?: number }) {
  const scope = policy.pickerScope(p, a.roles?.split(',').filter(Boolean) as Role[] | undefined);
  const limit = a.limit ?? 20;
  const [after] = decodeKey<[string]>(a.cursor, ['text']) ?? [];
  const rows = await repo.listAgencies(ctx.db, { scope, term: searchTerm(a.q), after, limit });
  return toPage(
    rows,
    limit,
    (r) => ({ code: r.code, name: r.name, provinceCode: r.provinceCode }),
    (r) => [r.code],
  );
}

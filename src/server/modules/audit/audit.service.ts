import type { AppContext } from '../../context.js';
import { SYSTEM_STREAM, verifyAudit } from '../../platform/audit.js';
import type { Principal } from '../../platform/principal.js';
import { readableStreams, requireProvinceWide } from './audit.policy.js';
import * as repo from './audit.repo.js';

export async function verify(ctx: AppContext, p: Principal | null) {
  requireProvinceWide(p);
  const r = await verifyAudit(ctx.db);
  return { ok: r.problems.length === 0, streams: r.streams, events: r.events, problems: r.problems };
}

/**
 * Recent events of the streams the caller may read: every stream for province-wide roles,
 * otherwise the `agency:<code>` streams of the agencies in scope.
 */
export async function listEvents(ctx: AppContext, p: Principal | null, f: { stream?: string; limit?: number }) {
  const { principal, isProvinceWide } = readableStreams(p);
  const codes = await repo.agencyCodesIn(ctx.db, principal.grants.filter((g) => g.role === 'auditor' || g.role === 'admin').flatMap((g) => g.agencyIds));
  const allowed = isProvinceWide ? undefined : codes.map((c) => `agency:${c}`);
  if (f.stream && allowed && !allowed.includes(f.stream)) return { items: [] };
  if (f.stream === SYSTEM_STREAM && !isProvinceWide) return { items: [] };
  const rows = await repo.recentEvents(ctx.db, f.stream ? [f.stream] : allowed, f.limit ?? 100);
  return {
    items: rows.map((r) => ({
      stream: r.stream,
      seq: Number(r.seq),
      occurredAt: r.occurredAt.toISOString(),
      actor: r.actorLabel,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      hash: r.hash,
    })),
  };
}

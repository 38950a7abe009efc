import type { AppContext } from '../../context.js';
import { verifyAudit } from '../../platform/audit.js';
import { requireRole, type Principal } from '../../platform/principal.js';
import * as repo from './audit.repo.js';

export async function verify(ctx: AppContext, p: Principal | null) {
  requireRole(p, 'auditor', 'admin');
  const r = await verifyAudit(ctx.db);
  return { ok: r.problems.length === 0, streams: r.streams, events: r.events, problems: r.problems };
}

export async function listEvents(ctx: AppContext, p: Principal | null, f: { stream?: string; limit?: number }) {
  requireRole(p, 'auditor', 'admin');
  const rows = await repo.recentEvents(ctx.db, f.stream, f.limit ?? 100);
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

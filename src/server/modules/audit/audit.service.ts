import type { AppContext } from '../../context.js';
import { agencyStream, SYSTEM_STREAM, verifyAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/principal.js';
import { type ReadableStreams, readableStreams, requireVerifier } from './audit.policy.js';
import * as repo from './audit.repo.js';

/** The streams the caller reaches: undefined = every stream (nation-wide). */
async function streamsOf(ctx: AppContext, r: ReadableStreams): Promise<string[] | undefined> {
  if (r.isNationWide) return undefined;
  return (await repo.agencyCodesIn(ctx.db, r.agencyIds)).map(agencyStream);
}

/** Walk the chains the caller reaches (or one of them); a stream out of reach answers 404. */
export async function verify(ctx: AppContext, p: Principal | null, f: { stream?: string } = {}) {
  const readable = requireVerifier(p);
  const allowed = await streamsOf(ctx, readable);
  if (f.stream && allowed && !allowed.includes(f.stream)) throw AppError.notFound('Chuỗi nhật ký');
  const r = await verifyAudit(ctx.db, 1000, f.stream ? [f.stream] : allowed);
  return { ok: r.problems.length === 0, streams: r.streams, events: r.events, problems: r.problems };
}

/**
 * Recent events of the streams the caller may read: every stream nation-wide, otherwise the
 * `agency:<code>` streams of the agencies in scope (never `system`, never another province's).
 */
export async function listEvents(ctx: AppContext, p: Principal | null, f: { stream?: string; limit?: number }) {
  const allowed = await streamsOf(ctx, readableStreams(p));
  if (f.stream && allowed && !allowed.includes(f.stream)) return { items: [] };
  if (f.stream === SYSTEM_STREAM && allowed) return { items: [] };
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

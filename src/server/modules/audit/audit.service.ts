import type { Static } from 'typebox';
import type { AppContext } from '../../context.js';
import { agencyStream, GENESIS_HASH, hashAuditRow, verifyAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { decodeKey, searchTerm, toPage } from '../../platform/pagination.js';
import type { Principal } from '../../platform/principal.js';
import { vnMidnight } from '../../../shared/vn-time.js';
import { type ReadableStreams, readableStreams, requireVerifier } from './audit.policy.js';
import { presentChain, presentEvent, presentEventDetail, presentStream } from './audit.presenter.js';
import * as repo from './audit.repo.js';
import type { EventsQuery, StreamQuery } from './audit.schemas.js';

const DAY_MS = 86_400_000;

/** The streams the caller reaches: undefined = every stream (nation-wide). */
async function streamsOf(ctx: AppContext, r: ReadableStreams): Promise<string[] | undefined> {
  if (r.isNationWide) return undefined;
  return (await repo.agencyCodesIn(ctx.db, r.agencyIds)).map(agencyStream);
}

/** The streams to read: the one asked for when in reach (else none), or all the caller reaches. */
const narrow = (allowed: string[] | undefined, stream: string | undefined): string[] | undefined =>
  stream ? (!allowed || allowed.includes(stream) ? [stream] : []) : allowed;

/** Walk the chains the caller reaches (or one of them); a stream out of reach answers 404. */
export async function verify(ctx: AppContext, p: Principal | null, f: { stream?: string } = {}) {
  const readable = requireVerifier(p);
  const allowed = await streamsOf(ctx, readable);
  if (f.stream && allowed && !allowed.includes(f.stream)) throw AppError.notFound('Chuỗi nhật ký');
  const r = await verifyAudit(ctx.db, 1000, f.stream ? [f.stream] : allowed);
  if (f.stream && r.streams === 0) throw AppError.notFound('Chuỗi nhật ký');
  return { ok: r.problems.length === 0, streams: r.streams, events: r.events, problems: r.problems, chains: r.chains.map((c) => presentChain(c, r.problems)) };
}

/** The streams the caller may read, by name: nation-wide every one, else the `agency:<code>` streams in scope. */
export async function listStreams(ctx: AppContext, p: Principal | null, q: Static<typeof StreamQuery>) {
  const allowed = await streamsOf(ctx, readableStreams(p));
  const limit = q.limit ?? 50;
  const [after] = decodeKey<[string]>(q.cursor, ['text']) ?? [];
  const rows = await repo.listStreams(ctx.db, { streams: allowed, term: searchTerm(q.q), after, limit });
  return toPage(rows, limit, presentStream, (r) => [r.stream]);
}

/**
 * Events of the streams the caller may read, newest first, filtered: every stream nation-wide,
 * otherwise the `agency:<code>` streams of the agencies in scope (never `system`, never another
 * province's). Days are Vietnam days, `to` included.
 */
export async function listEvents(ctx: AppContext, p: Principal | null, f: Static<typeof EventsQuery>) {
  const allowed = await streamsOf(ctx, readableStreams(p));
  if (f.from && f.to && f.from > f.to) throw AppError.validation('to', 'Ngày kết thúc phải sau ngày bắt đầu.');
  const limit = f.limit ?? 50;
  const after = decodeKey<[string, string, number]>(f.cursor, ['timestamp', 'text', 'integer']);
  const rows = await repo.listEvents(ctx.db, {
    streams: narrow(allowed, f.stream),
    action: f.action?.trim() || undefined,
    actor: searchTerm(f.actor),
    entityType: f.entityType?.trim() || undefined,
    entityId: f.entityId?.trim() || undefined,
    text: searchTerm(f.q),
    from: f.from ? vnMidnight(f.from) : undefined,
    to: f.to ? new Date(vnMidnight(f.to).getTime() + DAY_MS) : undefined,
    after,
    limit,
  });
  return toPage(rows, limit, presentEvent, (r) => [r.occurredAt.toISOString(), r.stream, Number(r.seq)]);
}

/** One event with its data and hashes, and whether its hash and its link to the previous entry hold today. */
export async function getEvent(ctx: AppContext, p: Principal | null, stream: string, seq: number) {
  const allowed = await streamsOf(ctx, readableStreams(p));
  if (allowed && !allowed.includes(stream)) throw AppError.notFound('Mục nhật ký');
  const row = await repo.findEvent(ctx.db, stream, seq);
  if (!row) throw AppError.notFound('Mục nhật ký');
  const previous = seq > 1 ? await repo.findEvent(ctx.db, stream, seq - 1) : undefined;
  const expectedPrev = seq === 1 ? GENESIS_HASH : previous?.hash;
  return presentEventDetail(row, {
    isHashValid: hashAuditRow({ ...row, seq: Number(row.seq) }) === row.hash,
    isLinkValid: expectedPrev === row.prevHash,
  });
}

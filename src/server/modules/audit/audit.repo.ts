import { and, asc, desc, eq, gt, gte, inArray, like, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { agency, auditEvent, auditStreamHead } from '../../db/schema/index.js';

export type EventRow = typeof auditEvent.$inferSelect;

/** Accent- and case-insensitive "contains" (the term comes from `searchTerm`). */
const contains = (column: SQL, term: string): SQL => sql`f_unaccent(lower(${column})) like '%' || f_unaccent(${term}) || '%'`;

export async function agencyCodesIn(db: DbOrTx, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  return (await db.select({ code: agency.code }).from(agency).where(inArray(agency.id, ids))).map((r) => r.code);
}

/** Streams with their head and agency, by stream name; `streams` undefined = every stream, [] = none. */
export async function listStreams(db: DbOrTx, f: { streams?: string[]; term?: string; after?: string; limit: number }) {
  if (f.streams && f.streams.length === 0) return [];
  return db
    .select({ stream: auditStreamHead.stream, seq: auditStreamHead.seq, hash: auditStreamHead.hash, agencyCode: agency.code, agencyName: agency.name })
    .from(auditStreamHead)
    .leftJoin(agency, sql`${auditStreamHead.stream} = 'agency:' || ${agency.code}`)
    .where(
      and(
        f.streams ? inArray(auditStreamHead.stream, f.streams) : undefined,
        f.term ? or(contains(sql`${agency.name}`, f.term), contains(sql`${auditStreamHead.stream}`, f.term)) : undefined,
        f.after ? gt(auditStreamHead.stream, f.after) : undefined,
      ),
    )
    .orderBy(asc(auditStreamHead.stream))
    .limit(f.limit + 1);
}

export interface EventFilter {
  streams?: string[];
  action?: string;
  actor?: string;
  entityType?: string;
  entityId?: string;
  text?: string;
  from?: Date;
  to?: Date;
  after?: [string, string, number];
  limit: number;
}

/** Newest first, keyset on (occurred_at, stream, seq); `streams` undefined = every stream, [] = none. */
export async function listEvents(db: DbOrTx, f: EventFilter): Promise<EventRow[]> {
  if (f.streams && f.streams.length === 0) return [];
  const e = auditEvent;
  const where = [
    f.streams ? inArray(e.stream, f.streams) : undefined,
    f.action ? (f.action.endsWith('.') ? like(e.action, `${f.action.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) : eq(e.action, f.action)) : undefined,
    f.actor ? contains(sql`${e.actorLabel}`, f.actor) : undefined,
    f.entityType ? eq(e.entityType, f.entityType) : undefined,
    f.entityId ? eq(e.entityId, f.entityId) : undefined,
    f.text ? contains(sql`${e.data}::text`, f.text) : undefined,
    f.from ? gte(e.occurredAt, f.from) : undefined,
    f.to ? lt(e.occurredAt, f.to) : undefined,
    f.after ? sql`(${e.occurredAt}, ${e.stream}, ${e.seq}) < (${f.after[0]}::timestamptz, ${f.after[1]}, ${f.after[2]})` : undefined,
  ].filter(Boolean) as SQL[];
  return db
    .select()
    .from(e)
    .where(and(...where))
    .orderBy(desc(e.occurredAt), desc(e.stream), desc(e.seq))
    .limit(f.limit + 1);
}

export const findEvent = async (db: DbOrTx, stream: string, seq: number): Promise<EventRow | undefined> =>
  (
    await db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.stream, stream), eq(auditEvent.seq, seq)))
  )[0];

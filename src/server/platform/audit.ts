import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { type DbOrTx, Params, queryPrepared } from '../db/client.js';
import { auditEvent, auditStreamHead } from '../db/schema/index.js';
import { canonicalJson, sha256 } from './crypto.js';
import type { Actor } from './principal.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  /** The chain: `agency:<code>` for agency work, `system` for platform administration. */
  stream: string;
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  provinceCode?: string | null;
  data?: Record<string, unknown>;
}

export interface HashedFields {
  stream: string;
  seq: number;
  prevHash: string;
  occurredAt: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  provinceCode: string | null;
  data: Record<string, unknown>;
}

export function hashAuditRow(r: HashedFields): string {
  const { stream, seq, prevHash, occurredAt, actorId, actorLabel, action, entityType, entityId, provinceCode, data } = r;
  return sha256(canonicalJson({ stream, seq, prevHash, at: occurredAt.toISOString(), actorId, actorLabel, action, entityType, entityId, provinceCode, data }));
}

/** An entry to append; `ref` names the row it belongs to when only the statement knows its entity id (see `AuditEntities`). */
export interface AuditAppend extends AuditEntry {
  occurredAt?: Date;
  ref?: string;
}

/**
 * Where entity ids come from when only the statement knows them (a dossier's new code): `join`
 * joins the entries `e` to a CTE of the statement (through `e.ref`), `id` is the SQL of the id.
 * Entries without a joined row are not written.
 */
export interface AuditEntities {
  join: string;
  id: string;
}

const HOLES = ['entityId', 'prevHash', 'seq'] as const;

/**
 * The pieces of the entry's canonical JSON (`hashAuditRow`'s input) around the fields only the
 * statement knows: entity id, previous hash and sequence number, in that (sorted-key) order.
 */
function canonicalPieces(fields: Omit<HashedFields, 'seq' | 'prevHash' | 'entityId'>): string[] {
  const mark = randomUUID();
  const text = canonicalJson({
    ...fields,
    occurredAt: undefined,
    at: fields.occurredAt.toISOString(),
    entityId: `${mark}:entityId`,
    prevHash: `${mark}:prevHash`,
    seq: `${mark}:seq`,
  });
  const pieces: string[] = [];
  let from = 0;
  for (const hole of HOLES) {
    const quoted = `"${mark}:${hole}"`;
    const at = text.indexOf(quoted, from);
    pieces.push(text.slice(from, at));
    from = at + quoted.length;
  }
  pieces.push(text.slice(from));
  return pieces;
}

/**
 * The append of `entries` (one stream, in order) as CTEs for the WITH list of the statement that
 * makes the change, so the change and its entries commit together in ONE round trip (ADR 0001).
 * The hashes are computed by the database: the canonical JSON of each entry is built here with
 * holes for the entity id, the previous hash and the sequence number, and `audit_chain()`
 * (migration 0016) splices them in (`to_json(text)` escapes a string exactly as `JSON.stringify`
 * does) and hashes the UTF-8 bytes, entry after entry: same bytes, same hash, so `verifyAudit`
 * checks these entries like any other. The head row is created or moved by one upsert: under a
 * concurrent writer of the same stream it waits for the row, then builds on the latest committed
 * head; its `prev_hash` keeps the hash it had before, from which the entries' chain is rebuilt.
 * The text depends only on `entities` (the entries travel as one JSON parameter), so it can be a
 * prepared statement.
 */
export function auditCtesText(p: Params, entries: readonly AuditAppend[], entities?: AuditEntities): string {
  const stream = entries[0]?.stream;
  if (!stream || entries.some((e) => e.stream !== stream)) throw new Error('auditCtesText: entries of one stream, at least one');
  const rows = entries.map((entry, i) => {
    const occurredAt = entry.occurredAt ?? new Date();
    const data = JSON.parse(JSON.stringify(entry.data ?? {})) as Record<string, unknown>;
    const fields = {
      stream,
      occurredAt,
      actorId: entry.actor.userId,
      actorLabel: entry.actor.label,
      action: entry.action,
      entityType: entry.entityType,
      provinceCode: entry.provinceCode ?? null,
      data,
    };
    const [p0, p1, p2, p3] = canonicalPieces(fields);
    return {
      i: i + 1,
      ref: entry.ref ?? null,
      entity_id: entry.entityId,
      occurred_at: occurredAt.toISOString(),
      actor_id: fields.actorId,
      actor_label: fields.actorLabel,
      action: fields.action,
      entity_type: fields.entityType,
      province_code: fields.provinceCode,
      data,
      p0,
      p1,
      p2,
      p3,
    };
  });
  const s = p.add(stream, 'text');
  const genesis = p.add(GENESIS_HASH, 'text');
  return `audit_in as (
    select row_number() over (order by e.i)::int as i, ${entities?.id ?? 'e.entity_id'} as entity_id, e.occurred_at, e.actor_id, e.actor_label, e.action, e.entity_type, e.province_code, e.data,
      array[e.p0, e.p1, e.p2, e.p3] as pieces
    from json_to_recordset(${p.add(JSON.stringify(rows), 'json')}) as e(i int, ref text, entity_id text, occurred_at timestamptz, actor_id uuid, actor_label text, action text,
      entity_type text, province_code text, data jsonb, p0 text, p1 text, p2 text, p3 text) ${entities?.join ?? ''}),
  audit_batch as (select count(*)::int as n, array_agg(entity_id order by i) as ids, array_agg(pieces order by i) as pieces from audit_in),
  audit_head as (
    insert into audit_stream_head as h (stream, seq, hash, prev_hash)
    select ${s}, b.n, (audit_chain(${genesis}, 0, b.ids, b.pieces))[b.n], ${genesis} from audit_batch b where b.n > 0
    on conflict (stream) do update set seq = h.seq + excluded.seq, prev_hash = h.hash,
      hash = (audit_chain(h.hash, h.seq, (select ids from audit_batch), (select pieces from audit_batch)))[excluded.seq]
    returning seq, prev_hash),
  audit_entry as (
    insert into audit_event (stream, seq, prev_hash, hash, occurred_at, actor_id, actor_label, action, entity_type, entity_id, province_code, data)
    select ${s}, h.seq - b.n + e.i, coalesce(c.hashes[e.i - 1], h.prev_hash), c.hashes[e.i], e.occurred_at, e.actor_id, e.actor_label, e.action, e.entity_type, e.entity_id, e.province_code, e.data
    from audit_head h cross join audit_batch b cross join lateral (select audit_chain(h.prev_hash, h.seq - b.n, b.ids, b.pieces) as hashes) c cross join audit_in e)`;
}

/** Append one entry to its stream's chain, inside the transaction that makes the change: one statement. */
export async function appendAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  const p = new Params();
  await queryPrepared(tx, `with ${auditCtesText(p, [entry])} select 1`, p.values);
}

export interface AuditProblem {
  stream: string;
  seq: number;
  reason: string;
  /** What differs: the sequence number, the previous-hash link, the content's hash, or the head. */
  field?: 'seq' | 'prevHash' | 'hash' | 'head';
  expected?: string;
  actual?: string;
}

/** One chain's result: intact through `intactThrough` of `headSeq` entries (equal when intact). */
export interface ChainResult {
  stream: string;
  headSeq: number;
  intactThrough: number;
}

/** Walk every chain (or the `streams` given); report the first bad entry of each broken stream. */
export async function verifyAudit(
  db: DbOrTx,
  batch = 1000,
  streams?: readonly string[],
): Promise<{ streams: number; events: number; problems: AuditProblem[]; chains: ChainResult[] }> {
  if (streams && !streams.length) return { streams: 0, events: 0, problems: [], chains: [] };
  const heads = await db
    .select()
    .from(auditStreamHead)
    .where(streams ? inArray(auditStreamHead.stream, [...streams]) : undefined)
    .orderBy(asc(auditStreamHead.stream));
  const problems: AuditProblem[] = [];
  const chains: ChainResult[] = [];
  let events = 0;
  for (const head of heads) {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    let broken = false;
    for (;;) {
      const rows = await db
        .select()
        .from(auditEvent)
        .where(and(eq(auditEvent.stream, head.stream), gt(auditEvent.seq, expectedSeq - 1)))
        .orderBy(asc(auditEvent.seq))
        .limit(batch);
      for (const r of rows) {
        events++;
        const seq = Number(r.seq);
        const problem = checkEntry(r, seq, expectedSeq, prevHash);
        if (problem) {
          problems.push({ stream: head.stream, seq: Math.min(seq, expectedSeq), ...problem });
          broken = true;
          break;
        }
        prevHash = r.hash;
        expectedSeq++;
      }
      if (broken || rows.length < batch) break;
    }
    if (!broken && (expectedSeq - 1 !== Number(head.seq) || prevHash !== head.hash)) {
      problems.push({
        stream: head.stream,
        seq: expectedSeq,
        reason: `chain ends at ${expectedSeq - 1} but its head says ${head.seq} (entries deleted)`,
        field: 'head',
        expected: `${head.seq} ${head.hash}`,
        actual: `${expectedSeq - 1} ${prevHash}`,
      });
    }
    chains.push({ stream: head.stream, headSeq: Number(head.seq), intactThrough: expectedSeq - 1 });
  }
  const [{ orphans }] = await db
    .select({ orphans: sql<string>`count(*)` })
    .from(auditEvent)
    .where(
      and(
        streams ? inArray(auditEvent.stream, [...streams]) : undefined,
        sql`not exists (select 1 from ${auditStreamHead} h where h.stream = ${auditEvent.stream})`,
      ),
    );
  if (Number(orphans) > 0) problems.push({ stream: '?', seq: 0, reason: `${orphans} entries belong to a stream whose head was deleted` });
  return { streams: heads.length, events, problems, chains };
}

/** The first fault of one entry, given the sequence number and previous hash the chain expects. */
function checkEntry(r: typeof auditEvent.$inferSelect, seq: number, expectedSeq: number, prevHash: string): Omit<AuditProblem, 'stream' | 'seq'> | null {
  if (seq !== expectedSeq)
    return { reason: `entry ${expectedSeq} is missing (next is ${seq})`, field: 'seq', expected: String(expectedSeq), actual: String(seq) };
  if (r.prevHash !== prevHash) return { reason: 'previous-hash link does not match', field: 'prevHash', expected: prevHash, actual: r.prevHash };
  const computed = hashAuditRow({ ...r, seq, data: r.data });
  if (computed !== r.hash) return { reason: 'content does not match its hash (altered)', field: 'hash', expected: r.hash, actual: computed };
  return null;
}

export const agencyStream = (agencyCode: string): string => `agency:${agencyCode}`;
export const SYSTEM_STREAM = 'system';

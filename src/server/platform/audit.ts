import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
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
  return sha256(
    canonicalJson({ stream, seq, prevHash, at: occurredAt.toISOString(), actorId, actorLabel, action, entityType, entityId, provinceCode, data }),
  );
}

/** An entry to append; `entityIdSql` (SQL text) when only the statement knows the entity's id (a dossier's new code). */
export interface AuditAppend extends AuditEntry {
  occurredAt?: Date;
  entityIdSql?: string;
}

const HOLES = ['entityId', 'prevHash', 'seq'] as const;

/**
 * The pieces of the entry's canonical JSON (`hashAuditRow`'s input) around the fields only the
 * statement knows: entity id, previous hash and sequence number, in that (sorted-key) order.
 */
function canonicalPieces(fields: Omit<HashedFields, 'seq' | 'prevHash' | 'entityId'>): string[] {
  const mark = randomUUID();
  const text = canonicalJson({ ...fields, occurredAt: undefined, at: fields.occurredAt.toISOString(), entityId: `${mark}:entityId`, prevHash: `${mark}:prevHash`, seq: `${mark}:seq` });
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
 * The append as two data-modifying CTEs, `audit_head` and `audit_entry`, for the WITH list of the
 * statement that makes the change, so the change and its entry commit together in ONE round trip
 * (ADR 0001). The entry's hash is computed by the database: the canonical JSON is built here with
 * holes for the entity id, the previous hash and the sequence number; the statement splices them
 * in (`to_json(text)` escapes a string exactly as `JSON.stringify` does) and `sha256()` hashes the
 * UTF-8 bytes: same bytes, same hash, so `verifyAudit` checks these entries like any other. The
 * head row is created or moved by an upsert: under a concurrent writer of the same stream it waits
 * for the row, then builds on the latest committed head; `prev_hash` on the head hands the previous
 * hash to the entry. With `gate` (a CTE of the statement), one entry per gate row: none when the
 * change did not happen. The text is the same for every entry (parameters vary), so it can be a
 * prepared statement.
 */
export function auditCtesText(p: Params, entry: AuditAppend, gate?: string): string {
  const occurredAt = entry.occurredAt ?? new Date();
  const data = JSON.parse(JSON.stringify(entry.data ?? {})) as Record<string, unknown>;
  const fields = { stream: entry.stream, occurredAt, actorId: entry.actor.userId, actorLabel: entry.actor.label, action: entry.action, entityType: entry.entityType, provinceCode: entry.provinceCode ?? null, data };
  const [a, b, c, d] = canonicalPieces(fields).map((piece) => p.add(piece, 'text'));
  const entityId = entry.entityIdSql ?? p.add(entry.entityId, 'text');
  const stream = p.add(entry.stream, 'text');
  const genesis = p.add(GENESIS_HASH, 'text');
  const hash = (prevHash: string, seq: string) => `encode(sha256(convert_to(${a} || to_json((${entityId})::text)::text || ${b} || to_json((${prevHash})::text)::text || ${c} || (${seq})::text || ${d}, 'UTF8')), 'hex')`;
  return `audit_head as (
    insert into audit_stream_head as h (stream, seq, hash, prev_hash)
    select ${stream}, 1, ${hash(genesis, '1')}, ${genesis}${gate ? ` from ${gate}` : ''}
    on conflict (stream) do update set seq = h.seq + 1, prev_hash = h.hash, hash = ${hash('h.hash', 'h.seq + 1')}
    returning seq, hash, prev_hash),
  audit_entry as (
    insert into audit_event (stream, seq, prev_hash, hash, occurred_at, actor_id, actor_label, action, entity_type, entity_id, province_code, data)
    select ${stream}, seq, prev_hash, hash, ${p.add(occurredAt.toISOString(), 'timestamptz')}, ${p.add(fields.actorId, 'uuid')}, ${p.add(fields.actorLabel, 'text')},
      ${p.add(fields.action, 'text')}, ${p.add(fields.entityType, 'text')}, ${entityId}, ${p.add(fields.provinceCode, 'text')}, ${p.add(JSON.stringify(data), 'jsonb')} from audit_head)`;
}

/** Append one entry to its stream's chain, inside the transaction that makes the change: one statement. */
export async function appendAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  const p = new Params();
  await queryPrepared(tx, `with ${auditCtesText(p, entry)} select 1`, p.values);
}

export interface AuditProblem {
  stream: string;
  seq: number;
  reason: string;
}

/** Walk every chain; report the first bad entry of each broken stream. */
export async function verifyAudit(db: DbOrTx, batch = 1000): Promise<{ streams: number; events: number; problems: AuditProblem[] }> {
  const heads = await db.select().from(auditStreamHead).orderBy(asc(auditStreamHead.stream));
  const problems: AuditProblem[] = [];
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
        const reason =
          seq !== expectedSeq
            ? `entry ${expectedSeq} is missing (next is ${seq})`
            : r.prevHash !== prevHash
              ? 'previous-hash link does not match'
              : hashAuditRow({ ...r, seq, data: r.data }) !== r.hash
                ? 'content does not match its hash (altered)'
                : null;
        if (reason) {
          problems.push({ stream: head.stream, seq: Math.min(seq, expectedSeq), reason });
          broken = true;
          break;
        }
        prevHash = r.hash;
        expectedSeq++;
      }
      if (broken || rows.length < batch) break;
    }
    if (!broken && (expectedSeq - 1 !== Number(head.seq) || prevHash !== head.hash)) {
      problems.push({ stream: head.stream, seq: expectedSeq, reason: `chain ends at ${expectedSeq - 1} but its head says ${head.seq} (entries deleted)` });
    }
  }
  const [{ orphans }] = await db
    .select({ orphans: sql<string>`count(*)` })
    .from(auditEvent)
    .where(sql`not exists (select 1 from ${auditStreamHead} h where h.stream = ${auditEvent.stream})`);
  if (Number(orphans) > 0) problems.push({ stream: '?', seq: 0, reason: `${orphans} entries belong to a stream whose head was deleted` });
  return { streams: heads.length, events, problems };
}

export const agencyStream = (agencyCode: string): string => `agency:${agencyCode}`;
export const SYSTEM_STREAM = 'system';

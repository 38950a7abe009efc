import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
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

/** An entry to append; `entityIdSql` when only the statement knows the entity's id (a dossier's new code). */
export interface AuditAppend extends AuditEntry {
  occurredAt?: Date;
  entityIdSql?: SQL;
}

/**
 * The entry's hash as a SQL expression. Its input is `hashAuditRow`'s: the canonical JSON, built
 * here with marked holes for what only the statement knows (entity id, previous hash, sequence
 * number); the statement splices them in (`to_json(text)` escapes a string exactly as
 * `JSON.stringify` does) and PostgreSQL's `sha256()` hashes the UTF-8 bytes. Same bytes, same
 * hash: `verifyAudit` checks these entries like any other.
 */
function hashSql(fields: Omit<HashedFields, 'seq' | 'prevHash' | 'entityId'>, holes: { entityId: SQL; prevHash: SQL; seq: SQL }): SQL {
  const mark = randomUUID();
  const hole = (name: keyof typeof holes) => `${mark}:${name}`;
  const text = canonicalJson({ ...fields, at: fields.occurredAt.toISOString(), occurredAt: undefined, entityId: hole('entityId'), prevHash: hole('prevHash'), seq: hole('seq') });
  const parts: SQL[] = [];
  let rest = text;
  for (;;) {
    const m = new RegExp(`"${mark}:(entityId|prevHash|seq)"`).exec(rest);
    if (!m) break;
    parts.push(sql`${rest.slice(0, m.index)}::text`);
    const name = m[1] as keyof typeof holes;
    parts.push(name === 'seq' ? sql`(${holes.seq})::text` : sql`to_json((${holes[name]})::text)::text`);
    rest = rest.slice(m.index + m[0].length);
  }
  parts.push(sql`${rest}::text`);
  return sql`encode(sha256(convert_to(${sql.join(parts, sql` || `)}, 'UTF8')), 'hex')`;
}

/**
 * The append as two data-modifying CTEs, `audit_head` and `audit_entry`, for the WITH list of the
 * statement that makes the change, so the change and its entry commit together in ONE round trip
 * (ADR 0001). The head row is created or moved by an upsert: under a concurrent writer of the same
 * stream it waits for the row and then builds on the latest committed head; `prev_hash` on the
 * head hands the previous hash to the entry. With `gate` (a CTE of the statement), one entry is
 * written per gate row: none when the change did not happen.
 */
export function auditCtes(entry: AuditAppend, gate?: SQL): SQL {
  const occurredAt = entry.occurredAt ?? new Date();
  const data = JSON.parse(JSON.stringify(entry.data ?? {})) as Record<string, unknown>;
  const fields = { stream: entry.stream, occurredAt, actorId: entry.actor.userId, actorLabel: entry.actor.label, action: entry.action, entityType: entry.entityType, provinceCode: entry.provinceCode ?? null, data };
  const entityId = entry.entityIdSql ?? sql`${entry.entityId}::text`;
  const hash = (prevHash: SQL, seq: SQL) => hashSql(fields, { entityId, prevHash, seq });
  const from = gate ? sql` from ${gate}` : sql``;
  return sql`audit_head as (
    insert into ${auditStreamHead} as h (stream, seq, hash, prev_hash)
    select ${entry.stream}::text, 1, ${hash(sql`${GENESIS_HASH}::text`, sql`1`)}, ${GENESIS_HASH}::text${from}
    on conflict (stream) do update set seq = h.seq + 1, prev_hash = h.hash, hash = ${hash(sql`h.hash`, sql`h.seq + 1`)}
    returning seq, hash, prev_hash),
  audit_entry as (
    insert into ${auditEvent} (stream, seq, prev_hash, hash, occurred_at, actor_id, actor_label, action, entity_type, entity_id, province_code, data)
    select ${entry.stream}::text, seq, prev_hash, hash, ${occurredAt.toISOString()}::timestamptz, ${fields.actorId}::uuid, ${fields.actorLabel}::text,
      ${fields.action}::text, ${fields.entityType}::text, ${entityId}, ${fields.provinceCode}::text, ${JSON.stringify(data)}::jsonb from audit_head)`;
}

/** Append one entry to its stream's chain, inside the transaction that makes the change: one statement. */
export async function appendAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`with ${auditCtes(entry)} select 1`);
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

import { and, asc, eq, gt, sql } from 'drizzle-orm';
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

interface HashedFields {
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

/**
 * Append one entry to its stream's chain. Call inside the transaction that makes the change:
 * the head row's lock serializes writers of the same stream only. Two round trips under that
 * lock: (1) create-or-lock the head and read it (a no-op upsert locks the row like FOR UPDATE and
 * returns its latest committed version); (2) insert the entry and move the head in one statement.
 */
export async function appendAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  const [head] = await tx
    .insert(auditStreamHead)
    .values({ stream: entry.stream, seq: 0, hash: GENESIS_HASH })
    .onConflictDoUpdate({ target: auditStreamHead.stream, set: { seq: sql`${auditStreamHead.seq}` } })
    .returning();
  const row: HashedFields = {
    stream: entry.stream,
    seq: Number(head.seq) + 1,
    prevHash: head.hash,
    occurredAt: new Date(),
    actorId: entry.actor.userId,
    actorLabel: entry.actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    provinceCode: entry.provinceCode ?? null,
    data: JSON.parse(JSON.stringify(entry.data ?? {})) as Record<string, unknown>,
  };
  const hash = hashAuditRow(row);
  const insertEntry = tx.insert(auditEvent).values({ ...row, hash });
  const moveHead = tx.update(auditStreamHead).set({ seq: row.seq, hash }).where(eq(auditStreamHead.stream, entry.stream));
  await tx.execute(sql`with entry as (${insertEntry.getSQL()}) ${moveHead.getSQL()}`);
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

import { desc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { agency, auditEvent } from '../../db/schema/index.js';

/** Newest first; `streams` undefined = every stream, [] = none. */
export async function recentEvents(db: DbOrTx, streams: string[] | undefined, limit: number) {
  if (streams && streams.length === 0) return [];
  return db
    .select()
    .from(auditEvent)
    .where(streams ? inArray(auditEvent.stream, streams) : undefined)
    .orderBy(desc(auditEvent.occurredAt))
    .limit(limit);
}

export async function agencyCodesIn(db: DbOrTx, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  return (await db.select({ code: agency.code }).from(agency).where(inArray(agency.id, ids))).map((r) => r.code);
}

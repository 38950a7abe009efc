import { desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { auditEvent } from '../../db/schema/index.js';

export const recentEvents = (db: DbOrTx, stream: string | undefined, limit: number) =>
  db
    .select()
    .from(auditEvent)
    .where(stream ? eq(auditEvent.stream, stream) : undefined)
    .orderBy(desc(auditEvent.occurredAt))
    .limit(limit);

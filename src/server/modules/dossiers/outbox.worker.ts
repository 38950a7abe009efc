/**
 * Delivers the notification outbox through channel adapters. In development the adapters only
 * mark rows as sent: they stay readable in the outbox viewer (GET /api/v1/dev/outbox). In-app
 * rows are "delivered" by being stored; the recipient reads them from /api/v1/me/notifications.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { notificationOutbox } from '../../db/schema/index.js';

export interface ChannelAdapter {
  send(message: { recipient: string; subject: string; body: string }): Promise<void>;
}

/** Development adapters: nothing leaves the machine. Replace with SMTP / SMS-gateway adapters in production. */
export const DEV_ADAPTERS: Record<string, ChannelAdapter> = {
  email: { send: async () => undefined },
  sms: { send: async () => undefined },
  in_app: { send: async () => undefined },
};

/** Deliver up to `limit` pending rows; each row is claimed with SKIP LOCKED so several servers can run this. */
export async function deliverOutbox(db: Db, adapters: Record<string, ChannelAdapter> = DEV_ADAPTERS, limit = 100): Promise<number> {
  const batch = await db.transaction(async (tx) => {
    const rows = await tx.select().from(notificationOutbox).where(eq(notificationOutbox.status, 'pending')).orderBy(asc(notificationOutbox.createdAt)).limit(limit).for('update', { skipLocked: true });
    if (rows.length) await tx.update(notificationOutbox).set({ status: 'sending', attempts: sql`${notificationOutbox.attempts} + 1` }).where(inArray(notificationOutbox.id, rows.map((r) => r.id)));
    return rows;
  });
  for (const row of batch) {
    const adapter = adapters[row.channel];
    try {
      if (!adapter) throw new Error(`no adapter for channel ${row.channel}`);
      await adapter.send({ recipient: row.recipient, subject: row.subject, body: row.body });
      await db.update(notificationOutbox).set({ status: 'sent', sentAt: sql`now()`, lastError: null }).where(eq(notificationOutbox.id, row.id));
    } catch (error) {
      const failed = row.attempts + 1 >= 5;
      await db.update(notificationOutbox).set({ status: failed ? 'failed' : 'pending', lastError: String(error).slice(0, 500) }).where(eq(notificationOutbox.id, row.id));
    }
  }
  return batch.length;
}

export const listOutbox = (db: DbOrTx, limit = 200) => db.select().from(notificationOutbox).orderBy(desc(notificationOutbox.createdAt)).limit(limit);

export const listNotificationsOf = (db: DbOrTx, userId: string, limit = 100) =>
  db
    .select()
    .from(notificationOutbox)
    .where(and(eq(notificationOutbox.recipientUserId, userId), eq(notificationOutbox.channel, 'in_app')))
    .orderBy(desc(notificationOutbox.createdAt))
    .limit(limit);

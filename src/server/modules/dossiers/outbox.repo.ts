/** SQL of the notification outbox: claiming due rows, recording outcomes, the lists that show it. */
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { notificationOutbox as o } from '../../db/schema/index.js';

export type OutboxRow = typeof o.$inferSelect;
export type OutboxInsert = typeof o.$inferInsert;
type OutboxSet = Partial<Pick<OutboxRow, 'status' | 'sentAt' | 'lastError' | 'providerId' | 'nextAttemptAt'>>;

/** Due rows (pending, or sending with an expired lease), locked, skipping rows another server holds. */
export const claimDue = (tx: DbOrTx, f: { now: Date; limit: number; dossierIds?: string[] }): Promise<OutboxRow[]> =>
  tx
    .select()
    .from(o)
    .where(and(inArray(o.status, ['pending', 'sending']), lte(o.nextAttemptAt, f.now), f.dossierIds ? inArray(o.dossierId, f.dossierIds) : undefined))
    .orderBy(asc(o.nextAttemptAt))
    .limit(f.limit)
    .for('update', { skipLocked: true });

export async function updateRows(tx: DbOrTx, ids: string[], set: OutboxSet): Promise<void> {
  if (ids.length) await tx.update(o).set(set).where(inArray(o.id, ids));
}

/** Marks rows `sending` (one more attempt) until the lease ends. */
export async function leaseRows(tx: DbOrTx, ids: string[], until: Date): Promise<void> {
  if (ids.length)
    await tx
      .update(o)
      .set({ status: 'sending', attempts: sql`${o.attempts} + 1`, nextAttemptAt: until })
      .where(inArray(o.id, ids));
}

/** Records an attempt's outcome, only if this attempt still holds the row. */
export async function recordAttempt(db: DbOrTx, row: { id: string; attempts: number }, set: OutboxSet): Promise<void> {
  await db
    .update(o)
    .set(set)
    .where(and(eq(o.id, row.id), eq(o.status, 'sending'), eq(o.attempts, row.attempts)));
}

/** Newest first; `provinces` given: only the rows of these provinces (none when empty). */
export const listOutbox = (db: DbOrTx, provinces?: readonly string[], limit = 200) =>
  db
    .select()
    .from(o)
    .where(provinces ? (provinces.length ? inArray(o.provinceCode, [...provinces]) : sql`false`) : undefined)
    .orderBy(desc(o.createdAt))
    .limit(limit);

export const listNotificationsOf = (db: DbOrTx, userId: string, limit = 100) =>
  db
    .select()
    .from(o)
    .where(and(eq(o.recipientUserId, userId), eq(o.channel, 'in_app')))
    .orderBy(desc(o.createdAt))
    .limit(limit);

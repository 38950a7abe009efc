/** SQL of the notification outbox: claiming due rows, recording outcomes, the lists that show it. */
import { and, asc, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { dossier, notificationOutbox as o } from '../../db/schema/index.js';

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

/** In-app messages of one user (the bell); `o.recipient_user_id` with `channel = 'in_app'` is the partial index. */
const mine = (userId: string) => and(eq(o.recipientUserId, userId), eq(o.channel, 'in_app'));

/** The time key to the microsecond, as text: a cursor made from a JS Date would lose the microseconds. */
const createdKey = sql<string>`to_char(${o.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export type MyNotificationRow = OutboxRow & { dossierCode: string | null; createdKey: string };

/** A user's in-app messages, newest first, with the dossier's code; after a (time, id) key; unread only if asked. */
export async function listNotificationsOf(
  db: DbOrTx,
  userId: string,
  f: { limit: number; after?: [string, string]; isUnreadOnly?: boolean },
): Promise<MyNotificationRow[]> {
  const rows = await db
    .select({ n: o, dossierCode: dossier.code, createdKey })
    .from(o)
    .leftJoin(dossier, eq(dossier.id, o.dossierId))
    .where(
      and(
        mine(userId),
        f.isUnreadOnly ? isNull(o.readAt) : undefined,
        f.after ? sql`(${o.createdAt}, ${o.id}) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(o.createdAt), desc(o.id))
    .limit(f.limit + 1);
  return rows.map((r) => ({ ...r.n, dossierCode: r.dossierCode, createdKey: r.createdKey }));
}

export async function countUnreadOf(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<string>`count(*)` })
    .from(o)
    .where(and(mine(userId), isNull(o.readAt)));
  return Number(row.n);
}

/** Marks the user's own messages read (`ids` absent: all of them); returns the ids it found among the user's. */
export async function markReadOf(db: DbOrTx, userId: string, ids?: string[]): Promise<string[]> {
  const rows = await db
    .update(o)
    .set({ readAt: sql`coalesce(${o.readAt}, now())` })
    .where(and(mine(userId), ids ? inArray(o.id, ids) : isNull(o.readAt)))
    .returning({ id: o.id });
  return rows.map((r) => r.id);
}

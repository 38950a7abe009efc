import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { notificationOutbox, passwordReset, session, userAccount } from '../../db/schema/index.js';

/** A new link for the user; the older unused links of the user stop working. */
export async function insertReset(db: DbOrTx, row: { tokenHash: string; userId: string; createdBy: string | null; expiresAt: Date }): Promise<void> {
  await db
    .update(passwordReset)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordReset.userId, row.userId), isNull(passwordReset.usedAt)));
  await db.insert(passwordReset).values(row);
}

/** The live link of a token (not used, not expired) with its account. */
export async function findLiveReset(db: DbOrTx, tokenHash: string) {
  const [r] = await db
    .select({ userId: passwordReset.userId, expiresAt: passwordReset.expiresAt, username: userAccount.username, displayName: userAccount.displayName })
    .from(passwordReset)
    .innerJoin(userAccount, eq(userAccount.id, passwordReset.userId))
    .where(and(eq(passwordReset.tokenHash, tokenHash), isNull(passwordReset.usedAt), gt(passwordReset.expiresAt, sql`now()`)));
  return r;
}

/** Spend the link (once: a concurrent redemption finds it used) and return its user. */
export async function spendReset(db: DbOrTx, tokenHash: string): Promise<string | undefined> {
  const [r] = await db
    .update(passwordReset)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordReset.tokenHash, tokenHash), isNull(passwordReset.usedAt), gt(passwordReset.expiresAt, sql`now()`)))
    .returning({ userId: passwordReset.userId });
  return r?.userId;
}

export async function setPasswordHash(db: DbOrTx, userId: string, passwordHash: string): Promise<void> {
  await db.update(userAccount).set({ passwordHash }).where(eq(userAccount.id, userId));
}

/** End every session of the account (locked, or its password reset). */
export async function deleteSessionsOfUser(db: DbOrTx, userId: string): Promise<number> {
  return (await db.delete(session).where(eq(session.userId, userId)).returning({ tokenHash: session.tokenHash })).length;
}

/**
 * The reset link by e-mail through the notification outbox; its worker (dossiers module) delivers
 * every pending row by channel, whatever wrote it. Written here so the link and its mail commit together.
 */
export async function enqueueEmail(
  db: DbOrTx,
  row: { recipient: string; recipientUserId: string; subject: string; body: string; provinceCode: string | null },
) {
  await db.insert(notificationOutbox).values({ ...row, channel: 'email' });
}

/**
 * Delivers the notification outbox through channel adapters (`notify.channels.ts`).
 *
 * A tick claims due rows in a short transaction with `FOR UPDATE SKIP LOCKED`, so several servers
 * never claim the same row, and marks them `sending` with a lease (`next_attempt_at`). The network
 * calls happen after that transaction, so no lock is held while a gateway answers. A server that
 * dies while sending leaves rows whose lease expires; the next tick takes them again (delivery is at
 * least once: the SMTP Message-ID and the SMS `ref` are the row id, stable across attempts).
 *
 * - in-app rows are delivered by being stored: marked `sent` at once;
 * - a channel without adapter (development) keeps its rows as `pending_dev`, for the outbox viewer
 *   (GET /api/v1/dev/outbox);
 * - a failure retries with exponential backoff until `maxAttempts`, then `failed`; a permanent
 *   failure (bad number, mailbox refused) is `failed` at once.
 */
import type { Db } from '../../db/client.js';
import type { NotificationChannels } from './notify.channels.js';
import { PermanentDeliveryError } from './notify.sms-text.js';
import * as repo from './outbox.repo.js';

export const DEFAULT_MAX_ATTEMPTS = 8;
/** While a row is `sending` no other tick takes it; long enough for a batch of slow sends. */
const LEASE_MS = 15 * 60_000;
const RETRY_BASE_MS = 60_000;
const RETRY_MAX_MS = 60 * 60_000;

/** Wait before attempt n+1 after n failed ones: 1, 2, 4 … minutes, at most one hour. */
export const retryDelayMs = (attempts: number): number => Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));

export interface DeliverOptions {
  limit?: number;
  maxAttempts?: number;
  now?: Date;
  /** Only rows of these dossiers (a re-send from a dossier page; tests sharing one database). */
  dossierIds?: string[];
}

type Claimed = repo.OutboxRow;

/** One tick: claim due rows, send them, record the outcome. Returns how many rows it claimed. */
export async function deliverOutbox(db: Db, channels: NotificationChannels = {}, opts: DeliverOptions = {}): Promise<number> {
  const now = opts.now ?? new Date();
  const maxAttempts = opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const hasAdapter = (channel: string) => (channel === 'email' || channel === 'sms') && channels[channel] !== undefined;
  const { toSend, claimed } = await db.transaction(async (tx) => {
    const rows = await repo.claimDue(tx, { now, limit: opts.limit ?? 20, dossierIds: opts.dossierIds });
    const ids = (pick: (r: Claimed) => boolean) => rows.filter(pick).map((r) => r.id);
    const inApp = ids((r) => r.channel === 'in_app');
    const held = ids((r) => r.channel !== 'in_app' && !hasAdapter(r.channel));
    const send = rows.filter((r) => hasAdapter(r.channel));
    await repo.updateRows(tx, inApp, { status: 'sent', sentAt: now, lastError: null });
    await repo.updateRows(tx, held, { status: 'pending_dev', lastError: 'kênh chưa được cấu hình / channel not configured' });
    await repo.leaseRows(
      tx,
      send.map((r) => r.id),
      new Date(now.getTime() + LEASE_MS),
    );
    return { toSend: send.map((r) => ({ ...r, attempts: r.attempts + 1 })), claimed: rows.length };
  });
  for (const row of toSend) await deliverOne(db, channels, row, now, maxAttempts);
  return claimed;
}

async function deliverOne(db: Db, channels: NotificationChannels, row: Claimed, now: Date, maxAttempts: number): Promise<void> {
  try {
    const channel = channels[row.channel as 'email' | 'sms'];
    if (!channel) throw new Error(`no adapter for channel ${row.channel}`);
    const { providerId } = await channel.send({ ref: row.id, to: row.recipient, subject: row.subject, body: row.body });
    await repo.recordAttempt(db, row, { status: 'sent', sentAt: new Date(), lastError: null, providerId: providerId ?? null });
  } catch (error) {
    const giveUp = error instanceof PermanentDeliveryError || row.attempts >= maxAttempts;
    const lastError = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 500);
    await repo.recordAttempt(db, row, {
      status: giveUp ? 'failed' : 'pending',
      lastError,
      nextAttemptAt: new Date(Math.max(now.getTime(), Date.now()) + (giveUp ? 0 : retryDelayMs(row.attempts))),
    });
  }
}

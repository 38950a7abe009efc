/** The notification outbox viewer (development only), scoped by province. */
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import type { Principal } from '../../platform/principal.js';
import { outboxScope } from './dossiers.policy.js';
import { listNotificationsOf, listOutbox } from './outbox.worker.js';

type OutboxRow = Awaited<ReturnType<typeof listOutbox>>[number];
export const presentNotification = (n: OutboxRow) => ({
  id: n.id,
  channel: n.channel,
  recipient: n.recipient,
  subject: n.subject,
  body: n.body,
  status: n.status,
  dossierId: n.dossierId,
  createdAt: n.createdAt.toISOString(),
  sentAt: n.sentAt?.toISOString() ?? null,
});

/** A development aid: off in production; a province's administrators see its messages only. */
export async function viewOutbox(ctx: AppContext, p: Principal | null) {
  if (ctx.config.isProduction) throw new AppError('ROUTE_NOT_FOUND', 'Không có trong môi trường production.');
  const { provinces } = outboxScope(p);
  return { items: (await listOutbox(ctx.db, provinces)).map(presentNotification) };
}

/** The signed-in user's in-app notifications. */
export async function myNotifications(ctx: AppContext, p: Principal) {
  return { items: p.userId ? (await listNotificationsOf(ctx.db, p.userId)).map(presentNotification) : [] };
}

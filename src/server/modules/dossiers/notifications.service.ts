/**
 * Reading the notification outbox: a user's in-app notifications (the bell: list, unread count,
 * mark read, each scoped to the signed-in user: another user's message answers 404), and the
 * development outbox viewer.
 */
import type { Static } from 'typebox';
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { decodeKey, toPage } from '../../platform/pagination.js';
import { requirePrincipal } from '../../platform/principal.js';
import { presentMyNotification, presentNotification } from './dossiers.presenter.js';
import type { MyNotificationsQuery } from './dossiers.schemas.js';
import type { P } from './dossiers.service.js';
import { outboxScope } from './dossiers.policy.js';
import * as repo from './outbox.repo.js';

/** The account whose bell it is; an API token has none (an empty bell). */
const ownerOf = (principal: P): string | null => requirePrincipal(principal).userId ?? null;

export async function myNotifications(ctx: AppContext, principal: P, q: Static<typeof MyNotificationsQuery> = {}) {
  const userId = ownerOf(principal);
  if (!userId) return { items: [], nextCursor: null, unread: 0 };
  const limit = q.limit ?? 20;
  const after = decodeKey<[string, string]>(q.cursor, ['timestamp', 'uuid']);
  const rows = await repo.listNotificationsOf(ctx.db, userId, { limit, after, isUnreadOnly: q.unread });
  return { ...toPage(rows, limit, presentMyNotification, (r) => [r.createdKey, r.id]), unread: await repo.countUnreadOf(ctx.db, userId) };
}

export async function myUnreadCount(ctx: AppContext, principal: P) {
  const userId = ownerOf(principal);
  return { unread: userId ? await repo.countUnreadOf(ctx.db, userId) : 0 };
}

/** Marks one of my messages read; someone else's (or none) answers 404. Marking twice keeps the first time. */
export async function markNotificationRead(ctx: AppContext, principal: P, id: string) {
  const userId = ownerOf(principal);
  const marked = userId ? await repo.markReadOf(ctx.db, userId, [id]) : [];
  if (!marked.length) throw AppError.notFound('Thông báo');
  return { marked: marked.length, unread: await repo.countUnreadOf(ctx.db, userId as string) };
}

export async function markAllNotificationsRead(ctx: AppContext, principal: P) {
  const userId = ownerOf(principal);
  if (!userId) return { marked: 0, unread: 0 };
  return { marked: (await repo.markReadOf(ctx.db, userId)).length, unread: 0 };
}

/** A development aid: off in production; a province's administrators see its messages only, a national administrator all. */
export async function devOutbox(ctx: AppContext, principal: P) {
  if (ctx.config.isProduction) throw new AppError('ROUTE_NOT_FOUND', 'Không có trong môi trường production.');
  const { provinces } = outboxScope(principal);
  return { items: (await repo.listOutbox(ctx.db, provinces)).map(presentNotification) };
}

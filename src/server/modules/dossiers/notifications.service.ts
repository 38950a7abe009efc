/** Reading the notification outbox: a user's in-app notifications, and the development outbox viewer. */
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { requirePrincipal } from '../../platform/principal.js';
import { presentNotification } from './dossiers.presenter.js';
import type { P } from './dossiers.service.js';
import { outboxScope } from './dossiers.policy.js';
import * as repo from './outbox.repo.js';

export async function myNotifications(ctx: AppContext, principal: P) {
  const p = requirePrincipal(principal);
  return { items: p.userId ? (await repo.listNotificationsOf(ctx.db, p.userId)).map(presentNotification) : [] };
}

/** A development aid: off in production; a province's administrators see its messages only, a national administrator all. */
export async function devOutbox(ctx: AppContext, principal: P) {
  if (ctx.config.isProduction) throw new AppError('ROUTE_NOT_FOUND', 'Không có trong môi trường production.');
  const { provinces } = outboxScope(principal);
  return { items: (await repo.listOutbox(ctx.db, provinces)).map(presentNotification) };
}

/** Reading the notification outbox: a user's in-app notifications, and the development outbox viewer. */
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { requirePrincipal } from '../../platform/principal.js';
import { presentNotification } from './dossiers.presenter.js';
import type { P } from './dossiers.service.js';
import * as repo from './outbox.repo.js';

export async function myNotifications(ctx: AppContext, principal: P) {
  const p = requirePrincipal(principal);
  return { items: p.userId ? (await repo.listNotificationsOf(ctx.db, p.userId)).map(presentNotification) : [] };
}

export async function devOutbox(ctx: AppContext, principal: P) {
  const p = requirePrincipal(principal);
  // A development aid: off in production, and limited to administrators of the deployment.
  if (ctx.config.isProduction) throw new AppError('ROUTE_NOT_FOUND', 'Không có trong môi trường production.');
  if (!p.grants.some((g) => g.role === 'admin' && g.isTopLevel)) throw AppError.forbidden();
  return { items: (await repo.listOutbox(ctx.db)).map(presentNotification) };
}

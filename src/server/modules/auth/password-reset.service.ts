import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { appendAudit, SYSTEM_STREAM } from '../../platform/audit.js';
import { randomToken, sha256 } from '../../platform/crypto.js';
import { AppError } from '../../platform/errors.js';
import { hashPassword } from './auth.service.js';
import * as repo from './password-reset.repo.js';

/** How long a reset link lives. */
export const RESET_TTL_HOURS = 24;

/** The web page that redeems a link (`/dat-lai-mat-khau/<token>`). */
export const resetLink = (ctx: AppContext, token: string): string => `${ctx.config.publicBaseUrl.replace(/\/$/, '')}/dat-lai-mat-khau/${token}`;

/**
 * A one-time link for the account, inside the administrator's transaction: the token is returned
 * once and only its hash is kept; a newer link replaces older unused ones. With `email`, the link
 * goes out through the outbox instead and the token is not returned.
 */
export async function issuePasswordReset(
  ctx: AppContext,
  tx: DbOrTx,
  a: { userId: string; createdBy: string | null; email?: { to: string; displayName: string; provinceCode: string | null } },
): Promise<{ token: string | null; link: string | null; expiresAt: Date }> {
  const token = randomToken(32);
  const expiresAt = new Date(Date.now() + RESET_TTL_HOURS * 3_600_000);
  await repo.insertReset(tx, { tokenHash: sha256(token), userId: a.userId, createdBy: a.createdBy, expiresAt });
  const link = resetLink(ctx, token);
  if (!a.email) return { token, link, expiresAt };
  await repo.enqueueEmail(tx, {
    recipient: a.email.to,
    recipientUserId: a.userId,
    provinceCode: a.email.provinceCode,
    subject: 'Đặt lại mật khẩu / Reset your password',
    body:
      `Kính gửi ${a.email.displayName},\n\nQuản trị viên đã tạo liên kết đặt lại mật khẩu cho tài khoản của Ông/Bà. ` +
      `Liên kết dùng một lần, hết hạn sau ${RESET_TTL_HOURS} giờ:\n${link}\n\n` +
      `An administrator created a one-time link to reset your password; it expires in ${RESET_TTL_HOURS} hours.\n`,
  });
  return { token: null, link: null, expiresAt };
}

/** End every session of an account (it was locked); returns how many ended. */
export const endSessionsOfUser = (tx: DbOrTx, userId: string): Promise<number> => repo.deleteSessionsOfUser(tx, userId);

const linkGone = (): AppError => AppError.notFound('Liên kết đặt lại mật khẩu (đã dùng, hết hạn hoặc không đúng)');

/** What the link's page shows before the new password is typed. */
export async function checkPasswordReset(ctx: AppContext, token: string) {
  const r = await repo.findLiveReset(ctx.db, sha256(token));
  if (!r) throw linkGone();
  return { username: r.username, displayName: r.displayName, expiresAt: r.expiresAt.toISOString() };
}

/** Set the new password through a live link: the link is spent, the account's sessions end, audited. */
export async function redeemPasswordReset(ctx: AppContext, token: string, password: string, meta: { ip?: string }): Promise<void> {
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    const userId = await repo.spendReset(tx, sha256(token));
    if (!userId) throw linkGone();
    await repo.setPasswordHash(tx, userId, passwordHash);
    const ended = await repo.deleteSessionsOfUser(tx, userId);
    await appendAudit(tx, {
      stream: SYSTEM_STREAM,
      actor: { userId, label: 'password-reset-link' },
      action: 'auth.password_reset',
      entityType: 'user',
      entityId: userId,
      data: { ip: meta.ip ?? null, sessionsEnded: ended },
    });
  });
}

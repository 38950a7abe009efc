/**
 * The link between a user account and an official's record in the register: who the official is
 * when he signs in ("my record", his written answers and complaints) and whom the rule "nobody
 * judges his own case" (platform/self-review.ts) recognises. One active record per account
 * (unique index official_user_active_uq); the link is changed by Home Affairs, audited, and never
 * by the person it is about.
 */
import type { AppContext } from '../../context.js';
import { agencyStream, appendAudit } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { actorOf, type Principal } from '../../platform/principal.js';
import { assertNotSelf } from '../../platform/self-review.js';
import * as policy from './workforce.policy.js';
import * as repo from './workforce.repo.js';
import { fullOfficial, officialInScope } from './workforce.service.js';

/** Link the account `username` to the record (null unlinks). */
export async function linkAccount(ctx: AppContext, p: Principal | null, id: string, b: { username: string | null; version: number }) {
  const scope = policy.manageScope(p);
  const row = await officialInScope(ctx.db, scope, id);
  assertNotSelf(scope.principal, { officialUserId: row.userId }); // nobody moves his own record away from his account…
  const username = b.username?.normalize('NFC').trim() ?? null;
  const account = username ? await repo.findAccountByUsername(ctx.db, username) : null;
  if (username && (!account || account.kind !== 'official')) throw AppError.validation('username', `Không có tài khoản cán bộ "${username}".`);
  if (account) {
    assertNotSelf(scope.principal, { officialUserId: account.id }); // …nor links his account to another record
    const other = await repo.findActiveOfficialOfUser(ctx.db, account.id);
    if (other && other.id !== id)
      throw new AppError('ALREADY_EXISTS', `Tài khoản "${account.username}" đã gắn với hồ sơ cán bộ ${other.code}.`, {
        errors: [{ field: 'username', message: 'already linked' }],
      });
  }
  await ctx.db.transaction(async (tx) => {
    if (!(await repo.updateOfficial(tx, id, b.version, { userId: account?.id ?? null })))
      throw new AppError('VERSION_CONFLICT', 'Hồ sơ đã được người khác cập nhật; hãy tải lại.');
    await appendAudit(tx, {
      stream: agencyStream(row.agencyCode),
      actor: actorOf(scope.principal),
      action: 'official.account',
      entityType: 'official',
      entityId: id,
      provinceCode: row.provinceCode,
      data: { code: row.code, userId: account?.id ?? null, username: account?.username ?? null, previousUserId: row.userId },
    });
  });
  return fullOfficial(ctx.db, scope.principal, (await repo.findOfficial(ctx.db, id))!);
}

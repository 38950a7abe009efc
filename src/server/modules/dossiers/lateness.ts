/**
 * The lateness sweep: open dossiers whose due time has passed are flagged once (idempotent), and
 * the competent agency's leaders and the responsible officer are told through the outbox, in the
 * same transaction as the flag. Run by an in-process interval (see `startDossierWorkers`), which
 * also purges what only waits to expire (`purgeExpired`).
 */
import type { AppContext } from '../../context.js';
import { agencyStream, appendAudit } from '../../platform/audit.js';
import { systemActor } from '../../platform/principal.js';
import { formatVnDateTimeShort } from '../../platform/pdf.js';
import { purgeExpiredSessions, purgeStaleLoginFailures } from '../auth/index.js';
import { staffMessages } from './dossier.notify.js';
import * as repo from './dossiers.repo.js';
import { deleteSpentLookupGuards } from './dossiers.sweep.repo.js';
import { dossierFiles } from './intake.service.js';
import { leadersAndOfficer } from './dossiers.service.js';
import { buildChannels } from './notify.channels.js';
import { deliverOutbox } from './outbox.worker.js';

export async function sweepLateDossiers(ctx: AppContext, now = new Date()): Promise<number> {
  let flagged = 0;
  for (const d of await repo.findNewlyLate(ctx.db, now)) {
    const users = await leadersAndOfficer(ctx.db, d);
    const done = await ctx.db.transaction(async (tx) => {
      const row = await repo.markLate(tx, d.id, now);
      if (!row) return false;
      const withoutApology = !d.apologyIssuedAt;
      await repo.insertEvent(tx, {
        dossierId: d.id,
        provinceCode: d.provinceCode,
        action: 'flag-late',
        fromStatus: d.status,
        toStatus: d.status,
        actorId: null,
        actorLabel: 'system',
        data: { dueAt: d.dueAt?.toISOString(), withoutApology },
        occurredAt: now,
      });
      await appendAudit(tx, {
        stream: agencyStream(d.competentCode),
        actor: systemActor,
        action: 'dossier.flag-late',
        entityType: 'dossier',
        entityId: d.code,
        provinceCode: d.provinceCode,
        data: { dueAt: d.dueAt?.toISOString() ?? null, withoutApology },
      });
      const body = `Hồ sơ ${d.code} (${d.procedureName}) đã quá hạn trả kết quả ${d.dueAt ? formatVnDateTimeShort(d.dueAt) : ''}${withoutApology ? ' mà chưa có phiếu xin lỗi, hẹn lại' : ''}.`;
      await repo.insertOutbox(tx, staffMessages(row, users, `Hồ sơ quá hạn: ${d.code}`, body));
      return true;
    });
    if (done) flagged++;
  }
  return flagged;
}

/** A staged upload older than this was left by a process that stopped mid-request (an upload's request takes seconds). */
export const STAGED_FILE_MAX_AGE_MS = 60 * 60_000;

/**
 * Deletes what only waits to expire: expired sessions, stale sign-in failure counts, the public lookup's spent wrong-guess guards,
 * and staged upload files left behind by a stopped process. Live rows are kept.
 */
export async function purgeExpired(ctx: AppContext, now = new Date()): Promise<{ sessions: number; lookupGuards: number; stagedFiles: number }> {
  const sessions = await purgeExpiredSessions(ctx);
  await purgeStaleLoginFailures(ctx);
  const lookupGuards = await deleteSpentLookupGuards(ctx.db);
  const stagedFiles = await dossierFiles(ctx).purgeStaged(STAGED_FILE_MAX_AGE_MS, now.getTime());
  return { sessions, lookupGuards, stagedFiles };
}

/** One run of the background sweep: late dossiers, then the purge (which runs even when the first part fails). */
export async function sweepOnce(ctx: AppContext, now = new Date()): Promise<{ late: number } & Awaited<ReturnType<typeof purgeExpired>>> {
  const late = await sweepLateDossiers(ctx, now).then(
    (n) => ({ n }),
    (error: unknown) => ({ error }),
  );
  const purged = await purgeExpired(ctx, now);
  if ('error' in late) throw late.error;
  return { late: late.n, ...purged };
}

/** Start the sweep and the outbox delivery in process; returns a stop function. */
export function startDossierWorkers(ctx: AppContext, opts: { sweepMs?: number; outboxMs?: number; log?: (e: unknown) => void } = {}): () => void {
  const log = opts.log ?? ((e: unknown) => console.error('dossier worker:', e));
  let busy = false;
  const run = (job: () => Promise<unknown>) => () => {
    if (busy) return;
    busy = true;
    job()
      .catch(log)
      .finally(() => {
        busy = false;
      });
  };
  const sweep = setInterval(
    run(() => sweepOnce(ctx)),
    opts.sweepMs ?? 5 * 60_000,
  );
  const channels = buildChannels(ctx.config.notify);
  const outbox = setInterval(
    run(() => deliverOutbox(ctx.db, channels, { maxAttempts: ctx.config.notify.maxAttempts })),
    opts.outboxMs ?? 5_000,
  );
  sweep.unref();
  outbox.unref();
  return () => {
    clearInterval(sweep);
    clearInterval(outbox);
    channels.email?.close?.();
  };
}

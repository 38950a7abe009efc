import { and, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { dossierLookupGuard } from '../../db/schema/index.js';
import { LOOKUP_WINDOW_MINUTES } from './dossiers.repo.js';

/**
 * Deletes the public lookup's guard rows that no longer guard anything: the lock (if any) is over
 * and the counting window has passed, so the next wrong guess would start afresh anyway. Returns
 * how many rows went.
 */
export async function deleteSpentLookupGuards(db: DbOrTx): Promise<number> {
  const rows = await db
    .delete(dossierLookupGuard)
    .where(
      and(
        or(isNull(dossierLookupGuard.lockedUntil), lt(dossierLookupGuard.lockedUntil, sql`now()`)),
        lt(dossierLookupGuard.windowStartedAt, sql`now() - make_interval(mins => ${LOOKUP_WINDOW_MINUTES})`),
      ),
    )
    .returning({ code: dossierLookupGuard.code });
  return rows.length;
}

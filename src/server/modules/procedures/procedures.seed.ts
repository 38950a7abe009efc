import type { Db } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import { DEMO_FIELDS, DEMO_PROCEDURES } from './procedures.demo.js';
import * as repo from './procedures.repo.js';
import { resolveInput, writeNewProcedure } from './procedures.write.js';

/**
 * Load the demo fields and procedures; idempotent: a procedure that exists (by code and province)
 * is left as it is, so an administrator's edits survive a re-seed. Agencies missing → skipped.
 */
export async function seedDemoProcedures(db: Db): Promise<{ created: number }> {
  let created = 0;
  await db.transaction(async (tx) => {
    await repo.upsertFields(
      tx,
      DEMO_FIELDS.map((f) => ({ ...f, isDemo: true })),
    );
    const agencies = await repo.agenciesByCode(
      tx,
      DEMO_PROCEDURES.map((p) => p.agencyCode),
    );
    const existing = await repo.findRowsByCodes(
      tx,
      DEMO_PROCEDURES.map((p) => p.code),
    );
    for (const input of DEMO_PROCEDURES) {
      const agency = agencies.get(input.agencyCode);
      if (!agency || existing.some((r) => r.code === input.code && r.provinceCode === agency.provinceCode)) continue;
      const resolved = await resolveInput(tx, input, [agency.id]);
      try {
        await writeNewProcedure(tx, null, resolved, { isDemo: true, action: 'procedure.seed' });
        created++;
      } catch (e) {
        // a concurrent seed inserted it first (ON CONFLICT DO NOTHING): fine
        if (!(e instanceof AppError && e.code === 'ALREADY_EXISTS')) throw e;
      }
    }
  });
  return { created };
}

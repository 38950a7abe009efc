import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { administrativeUnit, agency, procedure, procedureField, userAccount } from '../../db/schema/index.js';

export async function isDemoLoaded(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ id: userAccount.id }).from(userAccount).where(eq(userAccount.isDemo, true)).limit(1);
  return rows.length > 0;
}

/** The tables that mark demo rows (`is_demo`), by table name. */
const DEMO_MARKED = {
  user_account: userAccount,
  agency,
  administrative_unit: administrativeUnit,
  procedure,
  procedure_field: procedureField,
} as const;

/** How many demo rows each marked table holds (tables without any are left out). */
export async function countDemoRows(db: DbOrTx): Promise<Array<{ table: string; rows: number }>> {
  const found: Array<{ table: string; rows: number }> = [];
  for (const [table, t] of Object.entries(DEMO_MARKED)) {
    const [r] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(t)
      .where(eq(t.isDemo, true));
    if (Number(r.n) > 0) found.push({ table, rows: Number(r.n) });
  }
  return found;
}

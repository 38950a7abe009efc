import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { userAccount } from '../../db/schema/index.js';

export async function isDemoLoaded(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ id: userAccount.id }).from(userAccount).where(eq(userAccount.isDemo, true)).limit(1);
  return rows.length > 0;
}

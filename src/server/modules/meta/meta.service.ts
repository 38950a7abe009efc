import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { DEMO_ACCOUNTS } from '../../db/seed/demo.js';
import { ROLES } from '../../platform/principal.js';
import * as repo from './meta.repo.js';

/**
 * Demo mode: a development or test server whose database holds the demo dataset. A production
 * server never is (it refuses to start with demo rows, see `server.ts`), so it never names the
 * demo accounts, even if demo rows appeared after it started.
 */
export async function isDemoMode(ctx: AppContext): Promise<boolean> {
  return !ctx.config.isProduction && (await repo.isDemoLoaded(ctx.db));
}

/** What the web app needs to know about this deployment. */
export async function describeDeployment(ctx: AppContext) {
  const demo = await isDemoMode(ctx);
  return {
    name: 'Công Vụ',
    version: '0.1.0',
    demo,
    demoAccounts: demo ? DEMO_ACCOUNTS.map((a) => a.username) : [],
    roles: [...ROLES],
    sso: !!ctx.config.oidc,
  };
}

/** The demo rows a database holds, by table: a production server refuses to start on them. */
export async function findDemoRows(db: DbOrTx): Promise<Array<{ table: string; rows: number }>> {
  return repo.countDemoRows(db);
}

import { eq, sql } from 'drizzle-orm';
import type { Config } from '../../config.js';
import type { Db } from '../client.js';
import { administrativeUnit, agency, orgUnit, roleAssignment, userAccount } from '../schema/index.js';
import { hashPassword } from '../../modules/auth/index.js';
import { appendAudit, SYSTEM_STREAM } from '../../platform/audit.js';
import { DEMO_ACCOUNTS, DEMO_AGENCIES, DEMO_COMMUNES, DEMO_PROVINCE } from './demo.js';
import { NATIONAL_AGENCIES, NATIONAL_UNIT, PROVINCES } from './provinces.js';
import { seedDemoProcedures, seedDemoTemplates } from '../../modules/procedures/index.js';
import { seedDemoAccountOfficials, seedDemoWorkforce } from '../../modules/workforce/index.js';
import { seedDemoConduct } from '../../modules/conduct/index.js';

/** Reference data every deployment needs; idempotent. */
export async function seedReference(db: Db): Promise<void> {
  await db
    .insert(administrativeUnit)
    .values([
      { ...NATIONAL_UNIT, provinceCode: NATIONAL_UNIT.code, validFrom: '2025-07-01' },
      ...PROVINCES.map((p) => ({ code: p.code, level: 'province', type: p.type, name: p.name, provinceCode: p.code, validFrom: '2025-07-01' })),
    ])
    .onConflictDoNothing();
  for (const a of NATIONAL_AGENCIES) {
    const parentId = a.parent ? (await db.select({ id: agency.id }).from(agency).where(eq(agency.code, a.parent)))[0]?.id : null;
    await db
      .insert(agency)
      .values({ code: a.code, name: a.name, parentId, adminUnitCode: NATIONAL_UNIT.code, provinceCode: NATIONAL_UNIT.code })
      .onConflictDoNothing();
  }
}

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(userAccount);
  return Number(row.n) === 0;
}

export class DemoRefusedError extends Error {}

/** Load the demo dataset (refused in production). */
export async function seedDemo(db: Db, config: Config): Promise<void> {
  if (config.isProduction) throw new DemoRefusedError('Dữ liệu mẫu không được nạp khi NODE_ENV=production. / Demo data is refused in production.');
  await seedReference(db);
  const passwordHash = await hashPassword(config.demoPassword);
  await db.transaction(async (tx) => {
    await tx
      .insert(administrativeUnit)
      .values(
        DEMO_COMMUNES.map((c) => ({
          code: c.code,
          level: 'commune',
          type: c.type,
          name: c.name,
          parentCode: DEMO_PROVINCE,
          provinceCode: DEMO_PROVINCE,
          isDemo: true,
          predecessorCodes: c.predecessors,
        })),
      )
      .onConflictDoNothing();
    const ids = new Map<string, string>();
    for (const a of DEMO_AGENCIES) {
      const [row] = await tx
        .insert(agency)
        .values({
          code: a.code,
          name: a.name,
          parentId: a.parent ? ids.get(a.parent) : null,
          adminUnitCode: a.adminUnit,
          provinceCode: DEMO_PROVINCE,
          isDemo: true,
        })
        .onConflictDoUpdate({ target: agency.code, set: { name: a.name } })
        .returning({ id: agency.id });
      ids.set(a.code, row.id);
      for (const unitName of a.units ?? []) {
        const exists = await tx
          .select({ id: orgUnit.id })
          .from(orgUnit)
          .where(sql`${orgUnit.agencyId} = ${row.id} and ${orgUnit.name} = ${unitName}`);
        if (!exists.length) await tx.insert(orgUnit).values({ agencyId: row.id, name: unitName, kind: unitName.startsWith('Phòng') ? 'phong' : 'bo_phan' });
      }
    }
    for (const acc of DEMO_ACCOUNTS) {
      await tx
        .insert(userAccount)
        .values({
          username: acc.username,
          displayName: acc.displayName,
          kind: acc.kind,
          passwordHash,
          phone: acc.phone ?? null,
          idNumber: acc.idNumber ?? null,
          isDemo: true,
        })
        .onConflictDoNothing();
      const [user] = await tx.select().from(userAccount).where(eq(userAccount.username, acc.username));
      const agencyId = ids.get(acc.agency) ?? (await tx.select({ id: agency.id }).from(agency).where(eq(agency.code, acc.agency)))[0].id;
      await tx.insert(roleAssignment).values({ userId: user.id, role: acc.role, agencyId }).onConflictDoNothing();
    }
    await appendAudit(tx, {
      stream: SYSTEM_STREAM,
      actor: { userId: null, label: 'system' },
      action: 'demo.seed',
      entityType: 'dataset',
      entityId: 'demo',
      data: { accounts: DEMO_ACCOUNTS.length },
    });
  });
  await seedDemoProcedures(db);
  await seedDemoTemplates(db, config.dataDir);
  await seedDemoWorkforce(db);
  await seedDemoAccountOfficials(
    db,
    DEMO_ACCOUNTS.flatMap((a) => (a.official ? [{ username: a.username, agencyCode: a.agency, ...a.official }] : [])),
  );
  await seedDemoConduct(db);
}

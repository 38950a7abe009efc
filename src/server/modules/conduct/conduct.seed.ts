/**
 * Demo and reference data of the conduct module; idempotent. The global codes (Decision 129/2007,
 * 1847/2018) are reference data; the service-centre code is a SAMPLE; the 2026 commitment campaign
 * and the 2019–2025 emulation campaign belong to the demo province.
 */
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import {
  agency,
  commitmentCampaign,
  conductRule,
  emulationCampaign,
  emulationScore,
  official,
  roleAssignment,
  ruleSet,
  userAccount,
} from '../../db/schema/index.js';
import { agencyStream, appendAudit } from '../../platform/audit.js';
import { systemActor } from '../../platform/principal.js';
import { vietnameseSortKey } from '../workforce/index.js';
import { BUILT_IN_RULE_SETS, OFFICE_CULTURE_CAMPAIGN, type RuleSetData } from './code.data.js';
import * as repo from './code.repo.js';
import { hashRules } from './code.service.js';

const ROOT = '000.00.00.H57';
const JUSTICE = '000.00.16.H57';
const agencyId = async (db: DbOrTx, code: string) => (await db.select({ id: agency.id }).from(agency).where(eq(agency.code, code)))[0]?.id;

async function seedRuleSet(db: DbOrTx, data: RuleSetData): Promise<void> {
  if (await repo.findRuleSetByCode(db, data.code, data.version)) return;
  const owner = data.agencyCode ? await agencyId(db, data.agencyCode) : null;
  if (data.agencyCode && !owner) return;
  // on conflict: another server or test seeded it at the same moment
  const [row] = await db
    .insert(ruleSet)
    .values({
      code: data.code,
      version: data.version,
      title: data.title,
      legalReference: data.legalReference,
      effectiveFrom: data.effectiveFrom,
      agencyId: owner,
      isSample: data.isSample,
      textHash: hashRules(data.rules),
      note: data.note ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: ruleSet.id });
  if (!row) return;
  await db.insert(conductRule).values(
    data.rules.map((r) => ({
      ruleSetId: row.id,
      chapter: r.chapter,
      chapterTitle: r.chapterTitle,
      number: r.number,
      text: r.text,
      checklistItem: r.checklistItem ?? null,
      isConfirmed: r.isConfirmed ?? true,
    })),
  );
}

/** The codes that apply to everyone (and the sample when its agency exists). */
export async function seedConductReference(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    for (const set of BUILT_IN_RULE_SETS) await seedRuleSet(tx, set);
  });
}

/** The demo official linked to a user account, so "my record" and written answers can be shown. */
async function seedDemoOfficial(tx: DbOrTx, justiceId: string): Promise<void> {
  const [lanhdao] = await tx.select({ passwordHash: userAccount.passwordHash }).from(userAccount).where(eq(userAccount.username, 'lanhdao'));
  if (!lanhdao) return;
  await tx
    .insert(userAccount)
    .values({ username: 'canbo', displayName: 'Ngô Thị Thu', kind: 'official', passwordHash: lanhdao.passwordHash, isDemo: true })
    .onConflictDoNothing();
  const [user] = await tx.select({ id: userAccount.id }).from(userAccount).where(eq(userAccount.username, 'canbo'));
  await tx.insert(roleAssignment).values({ userId: user.id, role: 'processing_officer', agencyId: justiceId }).onConflictDoNothing();
  const [linked] = await tx.select({ id: official.id }).from(official).where(eq(official.userId, user.id));
  if (linked) return;
  const name = { familyName: 'Ngô', middleName: 'Thị', givenName: 'Thu' };
  await tx
    .insert(official)
    .values({
      code: 'DEMOCB0001',
      provinceCode: '08',
      agencyId: justiceId,
      ...name,
      fullName: 'Ngô Thị Thu',
      sortKey: vietnameseSortKey(name),
      dateOfBirth: '1990-05-12',
      gender: 'nu',
      category: 'cong_chuc',
      rank: 'Chuyên viên',
      userId: user.id,
      joinedAt: '2015-09-01',
    })
    .onConflictDoNothing();
}

export async function seedDemoConduct(db: Db): Promise<void> {
  await seedConductReference(db);
  const [rootId, justiceId] = [await agencyId(db, ROOT), await agencyId(db, JUSTICE)];
  if (!rootId || !justiceId) return;
  await db.transaction(async (tx) => {
    // The Provincial Inspectorate inspects public-service discipline across the province.
    const [thanhtra] = await tx.select({ id: userAccount.id }).from(userAccount).where(eq(userAccount.username, 'thanhtra'));
    if (thanhtra) await tx.insert(roleAssignment).values({ userId: thanhtra.id, role: 'inspector', agencyId: rootId }).onConflictDoNothing();
    await seedDemoOfficial(tx, justiceId);
    const [campaign] = await tx
      .select({ id: commitmentCampaign.id })
      .from(commitmentCampaign)
      .where(and(eq(commitmentCampaign.agencyId, rootId), eq(commitmentCampaign.year, 2026)));
    if (!campaign) {
      await tx
        .insert(commitmentCampaign)
        .values({ agencyId: rootId, year: 2026, title: 'Cam kết thực hiện văn hóa công sở năm 2026', opensOn: '2026-01-05', closesOn: '2026-12-31' })
        .onConflictDoNothing();
    }
    const [emu] = await tx.select({ id: emulationCampaign.id }).from(emulationCampaign).where(eq(emulationCampaign.code, OFFICE_CULTURE_CAMPAIGN.code));
    const [row] = emu
      ? []
      : await tx
          .insert(emulationCampaign)
          .values({ ...OFFICE_CULTURE_CAMPAIGN, agencyId: rootId })
          .onConflictDoNothing()
          .returning();
    if (row) {
      const units = await tx.select({ id: agency.id, code: agency.code }).from(agency).where(eq(agency.parentId, rootId));
      const values = units.flatMap((u, i) =>
        OFFICE_CULTURE_CAMPAIGN.criteria.map((c, j) => ({
          campaignId: row.id,
          year: 2025,
          agencyId: u.id,
          criterion: c.code,
          points: String(Math.max(0, c.maxPoints - ((i + j) % 4))),
        })),
      );
      if (values.length) await tx.insert(emulationScore).values(values);
      await appendAudit(tx, {
        stream: agencyStream(ROOT),
        actor: systemActor,
        action: 'conduct.demo.seed',
        entityType: 'emulation_campaign',
        entityId: row.id,
        data: { ruleSets: BUILT_IN_RULE_SETS.map((s) => s.code) },
      });
    }
  });
}

import { and, asc, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { agency, commitment, commitmentCampaign, conductRule, official, ruleSet } from '../../db/schema/index.js';

export type RuleSetRow = typeof ruleSet.$inferSelect;
export type RuleRow = typeof conductRule.$inferSelect;
export type CampaignRow = typeof commitmentCampaign.$inferSelect;

export async function listRuleSets(db: DbOrTx, agencyIds: string[] | 'all'): Promise<(RuleSetRow & { ruleCount: number; agencyCode: string | null })[]> {
  const rows = await db
    .select({ set: ruleSet, agencyCode: agency.code, ruleCount: sql<string>`(select count(*) from ${conductRule} r where r.rule_set_id = ${ruleSet.id})` })
    .from(ruleSet)
    .leftJoin(agency, eq(agency.id, ruleSet.agencyId))
    .where(agencyIds === 'all' ? undefined : or(isNull(ruleSet.agencyId), agencyIds.length ? inArray(ruleSet.agencyId, agencyIds) : sql`false`))
    .orderBy(asc(ruleSet.code), desc(ruleSet.version));
  return rows.map((r) => ({ ...r.set, agencyCode: r.agencyCode, ruleCount: Number(r.ruleCount) }));
}

export const findRuleSet = async (db: DbOrTx, id: string): Promise<RuleSetRow | undefined> => (await db.select().from(ruleSet).where(eq(ruleSet.id, id)))[0];
export const findRuleSetByCode = async (db: DbOrTx, code: string, version: number): Promise<RuleSetRow | undefined> =>
  (
    await db
      .select()
      .from(ruleSet)
      .where(and(eq(ruleSet.code, code), eq(ruleSet.version, version)))
  )[0];
export const latestVersion = async (db: DbOrTx, code: string): Promise<number> =>
  Number(
    (
      await db
        .select({ v: sql<string>`coalesce(max(${ruleSet.version}), 0)` })
        .from(ruleSet)
        .where(eq(ruleSet.code, code))
    )[0].v,
  );

export const rulesOf = (db: DbOrTx, ruleSetId: string): Promise<RuleRow[]> =>
  db.select().from(conductRule).where(eq(conductRule.ruleSetId, ruleSetId)).orderBy(asc(conductRule.chapter), asc(conductRule.number));
export const findRule = async (db: DbOrTx, id: string): Promise<RuleRow | undefined> => (await db.select().from(conductRule).where(eq(conductRule.id, id)))[0];

export async function insertRuleSet(
  db: DbOrTx,
  set: typeof ruleSet.$inferInsert,
  rules: Omit<typeof conductRule.$inferInsert, 'ruleSetId'>[],
): Promise<RuleSetRow> {
  const [row] = await db.insert(ruleSet).values(set).returning();
  if (rules.length) await db.insert(conductRule).values(rules.map((r) => ({ ...r, ruleSetId: row.id })));
  return row;
}

/** The latest version of each code in force on `on` that applies to an agency (global sets and the agency's chain). */
export async function setsInForce(db: DbOrTx, agencyChain: string[], on: string): Promise<RuleSetRow[]> {
  const rows = await db
    .select()
    .from(ruleSet)
    .where(and(lte(ruleSet.effectiveFrom, on), or(isNull(ruleSet.agencyId), agencyChain.length ? inArray(ruleSet.agencyId, agencyChain) : sql`false`)))
    .orderBy(asc(ruleSet.code), desc(ruleSet.version));
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.code) ? false : (seen.add(r.code), true)));
}

export const listCampaigns = (db: DbOrTx, agencyIds: string[]) =>
  agencyIds.length
    ? db
        .select({ c: commitmentCampaign, agencyCode: agency.code })
        .from(commitmentCampaign)
        .innerJoin(agency, eq(agency.id, commitmentCampaign.agencyId))
        .where(inArray(commitmentCampaign.agencyId, agencyIds))
        .orderBy(desc(commitmentCampaign.year), asc(commitmentCampaign.title))
    : Promise.resolve([]);

export const campaignsFor = (db: DbOrTx, agencyChain: string[]) =>
  db
    .select({ c: commitmentCampaign, agencyCode: agency.code })
    .from(commitmentCampaign)
    .innerJoin(agency, eq(agency.id, commitmentCampaign.agencyId))
    .where(inArray(commitmentCampaign.agencyId, agencyChain))
    .orderBy(desc(commitmentCampaign.year));

export const findCampaign = async (db: DbOrTx, id: string) =>
  (
    await db
      .select({ c: commitmentCampaign, agencyCode: agency.code })
      .from(commitmentCampaign)
      .innerJoin(agency, eq(agency.id, commitmentCampaign.agencyId))
      .where(eq(commitmentCampaign.id, id))
  )[0];

export async function insertCampaign(db: DbOrTx, row: typeof commitmentCampaign.$inferInsert): Promise<CampaignRow | undefined> {
  return (await db.insert(commitmentCampaign).values(row).onConflictDoNothing().returning())[0];
}

export const commitmentsOf = (db: DbOrTx, officialId: string) =>
  db.select().from(commitment).where(eq(commitment.officialId, officialId)).orderBy(desc(commitment.acknowledgedAt));

export async function insertCommitment(db: DbOrTx, row: typeof commitment.$inferInsert) {
  return (await db.insert(commitment).values(row).onConflictDoNothing().returning())[0];
}

export const campaignCommitments = (db: DbOrTx, campaignId: string) =>
  db.select({ officialId: commitment.officialId, ruleSetId: commitment.ruleSetId }).from(commitment).where(eq(commitment.campaignId, campaignId));

export const activeOfficialsIn = (db: DbOrTx, agencyIds: string[]) =>
  agencyIds.length
    ? db
        .select({ id: official.id, agencyId: official.agencyId })
        .from(official)
        .where(and(inArray(official.agencyId, agencyIds), eq(official.status, 'active')))
    : Promise.resolve([]);

import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { agency, emulationCampaign, emulationScore, official } from '../../db/schema/index.js';

export type EmulationCampaignRow = typeof emulationCampaign.$inferSelect;

export const listCampaigns = (db: DbOrTx, agencyIds: string[] | 'all') =>
  db
    .select()
    .from(emulationCampaign)
    .where(
      agencyIds === 'all' ? undefined : or(isNull(emulationCampaign.agencyId), agencyIds.length ? inArray(emulationCampaign.agencyId, agencyIds) : sql`false`),
    )
    .orderBy(asc(emulationCampaign.fromYear))
    .limit(500);

export const findCampaign = async (db: DbOrTx, id: string): Promise<EmulationCampaignRow | undefined> =>
  (await db.select().from(emulationCampaign).where(eq(emulationCampaign.id, id)))[0];

export const scoresOf = (db: DbOrTx, campaignId: string, year: number, agencyIds: string[]) =>
  agencyIds.length
    ? db
        .select({
          agencyCode: agency.code,
          agencyName: agency.name,
          officialId: emulationScore.officialId,
          officialName: official.fullName,
          criterion: emulationScore.criterion,
          points: emulationScore.points,
        })
        .from(emulationScore)
        .innerJoin(agency, eq(agency.id, emulationScore.agencyId))
        .leftJoin(official, eq(official.id, emulationScore.officialId))
        .where(and(eq(emulationScore.campaignId, campaignId), eq(emulationScore.year, year), inArray(emulationScore.agencyId, agencyIds)))
    : Promise.resolve([]);

/** One score per campaign, year, unit or official, and criterion: a new score replaces the old one. */
export async function putScore(
  db: DbOrTx,
  v: {
    campaignId: string;
    year: number;
    agencyId: string;
    officialId: string | null;
    criterion: string;
    points: string;
    note: string | null;
    scoredBy: string | null;
  },
) {
  const who = v.officialId ? eq(emulationScore.officialId, v.officialId) : isNull(emulationScore.officialId);
  const [existing] = await db
    .select({ id: emulationScore.id })
    .from(emulationScore)
    .where(
      and(
        eq(emulationScore.campaignId, v.campaignId),
        eq(emulationScore.year, v.year),
        eq(emulationScore.agencyId, v.agencyId),
        who,
        eq(emulationScore.criterion, v.criterion),
      ),
    );
  const set = { points: v.points, note: v.note, scoredBy: v.scoredBy };
  const [row] = existing
    ? await db.update(emulationScore).set(set).where(eq(emulationScore.id, existing.id)).returning()
    : await db.insert(emulationScore).values(v).returning();
  return row;
}

import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { agency, official } from '../../db/schema/index.js';

/** Read-only view of the workforce register: what conduct needs to know about an official. */
const columns = {
  id: official.id,
  code: official.code,
  fullName: official.fullName,
  agencyId: official.agencyId,
  agencyCode: agency.code,
  agencyName: agency.name,
  provinceCode: official.provinceCode,
  orgUnitId: official.orgUnitId,
  category: official.category,
  leadershipTitle: official.leadershipTitle,
  userId: official.userId,
  status: official.status,
};
export type OfficialRef = {
  id: string;
  code: string;
  fullName: string;
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  provinceCode: string;
  orgUnitId: string | null;
  category: string;
  leadershipTitle: string | null;
  userId: string | null;
  status: string;
};

export const findOfficial = async (db: DbOrTx, id: string): Promise<OfficialRef | undefined> =>
  (await db.select(columns).from(official).innerJoin(agency, eq(agency.id, official.agencyId)).where(eq(official.id, id)))[0];

export const findOfficialByUser = async (db: DbOrTx, userId: string): Promise<OfficialRef | undefined> =>
  (
    await db
      .select(columns)
      .from(official)
      .innerJoin(agency, eq(agency.id, official.agencyId))
      .where(and(eq(official.userId, userId), eq(official.status, 'active')))
      .limit(1)
  )[0];

export async function listOfficials(db: DbOrTx, f: { agencyIds: string[]; term?: string; limit: number }): Promise<OfficialRef[]> {
  if (!f.agencyIds.length) return [];
  const where = [
    inArray(official.agencyId, f.agencyIds),
    eq(official.status, 'active'),
    f.term ? sql`f_unaccent(lower(${official.fullName})) like '%' || f_unaccent(${f.term}) || '%'` : undefined,
  ].filter(Boolean) as SQL[];
  return db
    .select(columns)
    .from(official)
    .innerJoin(agency, eq(agency.id, official.agencyId))
    .where(and(...where))
    .orderBy(sql`${official.sortKey} collate "C"`, asc(official.id))
    .limit(f.limit);
}

/** Officials of the category kept by the discipline rules; hợp đồng staff are not disciplined under them. */
export const disciplineCategory = (c: string): 'can_bo' | 'cong_chuc' | 'vien_chuc' | null =>
  c === 'can_bo' || c === 'cong_chuc' || c === 'vien_chuc' ? c : null;

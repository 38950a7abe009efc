/** What the pickers of intake read: the catalog ranked by how often a desk (or a citizen) used it. */
import { and, asc, desc, eq, gte, ne, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { agency, dossier, procedure } from '../../db/schema/index.js';

export interface RankedProcedure {
  code: string;
  name: string;
  agencyName: string;
  uses: number;
}

export interface RankFilter {
  /** Rank by the dossiers this desk received (a counter officer), or those this citizen submitted. */
  by: { deskId: string; provinceCode: string } | { applicantUserId: string };
  term?: string;
  since: Date;
  limit: number;
}

/**
 * Active procedures whose name (accent-insensitive) or code matches, the most used first (dossiers
 * submitted since `since`), then by name. A desk sees its province's catalog; a citizen every
 * procedure open online, one row per national code.
 */
export async function rankIntakeProcedures(db: DbOrTx, f: RankFilter): Promise<RankedProcedure[]> {
  const who = 'deskId' in f.by ? eq(dossier.receivingAgencyId, f.by.deskId) : eq(dossier.applicantUserId, f.by.applicantUserId);
  const counts = db
    .select({ procedureId: dossier.procedureId, n: sql<string>`count(*)`.as('n') })
    .from(dossier)
    .where(and(who, gte(dossier.submittedAt, f.since)))
    .groupBy(dossier.procedureId)
    .as('uses');
  const uses = sql<string>`coalesce(sum(${counts.n}), 0)`;
  const name = sql<string>`min(${procedure.name})`;
  const where = [
    eq(procedure.isActive, true),
    'deskId' in f.by ? eq(procedure.provinceCode, f.by.provinceCode) : ne(procedure.onlineLevel, 'none'),
    f.term ? sql`(f_unaccent(lower(${procedure.name})) like '%' || f_unaccent(${f.term}) || '%' or lower(${procedure.code}) like ${f.term} || '%')` : undefined,
  ].filter(Boolean) as SQL[];
  const rows = await db
    .select({ code: procedure.code, name, agencyName: sql<string>`min(${agency.name})`, uses })
    .from(procedure)
    .innerJoin(agency, eq(agency.id, procedure.agencyId))
    .leftJoin(counts, eq(counts.procedureId, procedure.id))
    .where(and(...where))
    .groupBy(procedure.code)
    .orderBy(desc(uses), asc(name), asc(procedure.code))
    .limit(f.limit);
  return rows.map((r) => ({ ...r, uses: Number(r.uses) }));
}

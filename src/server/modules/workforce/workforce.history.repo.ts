/**
 * SQL keeping the attribute history (`official_history`) and the maintained statistics aggregate
 * (`workforce_stat`) in step with `official`. Called inside the transaction that changes officials.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';

const jsonIds = (ids: string[]) => sql`(select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid)`;
/** Advisory lock class for "recomputing the statistics of one agency". */
const STAT_LOCK_CLASS = 4242100;

/** The rows of `workforce_stat` for an official, in the dimensions stored (SQL over alias `o`). */
export const STAT_DIMENSIONS =
  sql.raw(`(values ('category', o.category), ('theory', o.political_theory), ('gender', o.gender), ('degree', o.professional_degree),
  ('party', o.is_party_member::text), ('birth_year', extract(year from o.date_of_birth)::int::text), ('total', 'all')) as d(dim, val)`);

/**
 * Keep the attribute history in step with the officials' current values, set-based: an open row
 * that no longer matches is closed on `today` (or corrected when it opened today), and every
 * official without an open row gets one (first row: from its earliest assignment or joined_at).
 */
export async function syncHistory(db: DbOrTx, officialIds: string[], today: string): Promise<void> {
  if (!officialIds.length) return;
  const ids = jsonIds(officialIds);
  const differs = sql`(h.category, h.political_theory, h.professional_degree, h.is_party_member, h.rank, h.position_id, h.leadership_title)
    is distinct from (o.category, o.political_theory, o.professional_degree, o.is_party_member, o.rank, o.position_id, o.leadership_title)`;
  await db.execute(sql`update official_history h set category = o.category, political_theory = o.political_theory, professional_degree = o.professional_degree,
      is_party_member = o.is_party_member, rank = o.rank, position_id = o.position_id, leadership_title = o.leadership_title
    from official o where h.official_id = o.id and o.id in ${ids} and h.valid_to is null and h.valid_from >= ${today}::date and ${differs}`);
  await db.execute(sql`update official_history h set valid_to = ${today}::date
    from official o where h.official_id = o.id and o.id in ${ids} and h.valid_to is null and h.valid_from < ${today}::date and ${differs}`);
  await db.execute(sql`insert into official_history (official_id, category, political_theory, professional_degree, is_party_member, rank, position_id, leadership_title, valid_from)
    select o.id, o.category, o.political_theory, o.professional_degree, o.is_party_member, o.rank, o.position_id, o.leadership_title,
      case when exists (select 1 from official_history x where x.official_id = o.id) then ${today}::date
        else least((select min(a.valid_from) from official_assignment a where a.official_id = o.id), o.joined_at, ${today}::date) end
    from official o where o.id in ${ids} and not exists (select 1 from official_history h where h.official_id = o.id and h.valid_to is null)`);
}

/** Agencies where these officials currently hold an open assignment (read before a change: the "from" side). */
export async function openAgenciesOf(db: DbOrTx, officialIds: string[]): Promise<string[]> {
  if (!officialIds.length) return [];
  const r = (await db.execute(
    sql`select distinct agency_id from official_assignment where valid_to is null and official_id in ${jsonIds(officialIds)}`,
  )) as unknown as { rows: { agency_id: string }[] };
  return r.rows.map((x) => x.agency_id);
}

/** Same, for officials named by (province, code): the import's batch before its upsert. */
export async function openAgenciesOfCodes(db: DbOrTx, provinceCodes: { provinceCode: string; code: string }[]): Promise<string[]> {
  if (!provinceCodes.length) return [];
  const payload = JSON.stringify(provinceCodes.map((c) => ({ p: c.provinceCode, c: c.code })));
  const r = (await db.execute(sql`select distinct a.agency_id from official o join official_assignment a on a.official_id = o.id and a.valid_to is null
    where (o.province_code, o.code) in (select p, c from jsonb_to_recordset(${payload}::jsonb) as r(p text, c text))`)) as unknown as {
    rows: { agency_id: string }[];
  };
  return r.rows.map((x) => x.agency_id);
}

/**
 * Recompute the aggregate rows of these agencies from their officials with an open assignment.
 * A transaction-scoped advisory lock per agency (taken in id order) serialises concurrent
 * recomputations of one agency on PostgreSQL, so the last writer's recount sees every commit.
 */
export async function refreshStats(db: DbOrTx, agencyIds: string[]): Promise<void> {
  const ids = [...new Set(agencyIds)].sort();
  if (!ids.length) return;
  await db.execute(
    sql`select count(pg_advisory_xact_lock(${STAT_LOCK_CLASS}, hashtext(id::text))) from (select id from ${jsonIds(ids)} as x(id) order by id) s`,
  );
  // Only rows whose count changed are written (PGlite has no autovacuum: no churn of unchanged rows).
  await db.execute(sql`with fresh as (
      select a.agency_id, d.dim, d.val, count(*)::int as n from official_assignment a join official o on o.id = a.official_id cross join lateral ${STAT_DIMENSIONS}
      where a.valid_to is null and a.agency_id in ${jsonIds(ids)}
      group by a.agency_id, d.dim, d.val
    ), gone as (
      delete from workforce_stat s where s.agency_id in ${jsonIds(ids)}
        and not exists (select 1 from fresh f where f.agency_id = s.agency_id and f.dim = s.dimension and f.val = s.value)
    )
    insert into workforce_stat (agency_id, dimension, value, count) select agency_id, dim, val, n from fresh
    on conflict (agency_id, dimension, value) do update set count = excluded.count where workforce_stat.count <> excluded.count`);
}

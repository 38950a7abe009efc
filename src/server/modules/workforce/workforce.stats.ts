/**
 * Workforce statistics for an agency subtree on a date, two ways that give the same answer:
 *
 * - Today (`computeStatsToday`): sums the maintained aggregate `workforce_stat` over the subtree's
 *   agencies (a few dozen rows per agency, kept in step in the transaction of every change to
 *   officials). Age bands depend on the date, so the aggregate keeps counts by birth year; the
 *   bands are folded at query time, and only for the four boundary birth years (today's year − 30,
 *   40, 50, 60) the officials whose birthday is still to come this year are counted, through
 *   index official_birth_idx. Officials whose assignment was closed on a future date (retirement
 *   recorded ahead) are no longer in the aggregate but still in post today: they are added from
 *   the scan below, through index official_assignment_valid_to_idx (a handful of rows).
 *   Changes are dated the day they are written (vnToday), so the open assignment and history rows
 *   the aggregate counts all started on or before today. The test workforce.aggregate.test.ts and
 *   the bench check that both paths agree.
 * - Any date (`computeStats`): scans the officials whose assignment interval [valid_from, valid_to)
 *   covers the date, with the attributes in force then (official_history, same interval rule;
 *   the current value when no history row reaches back that far). Exact for any date, one grouped
 *   pass over the subtree's covering rows; index official_assignment (agency_id, valid_from).
 */
import ExcelJS from 'exceljs';
import { type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { AGE_BANDS, CATEGORIES, DEGREES, GENDERS, INTERMEDIATE_OR_HIGHER, POLITICAL_THEORY, type PoliticalTheory } from './workforce.rules.js';

export interface WorkforceStats {
  agency: string;
  date: string;
  headcount: number;
  byCategory: Record<string, number>;
  politicalTheory: Record<PoliticalTheory, number>;
  shareIntermediateOrHigher: number;
  byGender: Record<string, number>;
  byAgeBand: Record<string, number>;
  byQualification: Record<string, number>;
  partyMembers: number;
}

type DimRow = { dim: string; key: string; n: number | string };
const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const ageBand = (age: number): string => (age < 30 ? 'duoi_30' : age < 40 ? 'tu_30_39' : age < 50 ? 'tu_40_49' : age < 60 ? 'tu_50_59' : 'tu_60');
const BAND_EDGES = [30, 40, 50, 60];

const subtree = (rootId: string) =>
  sql`sub as (select id from agency where id = ${rootId} union all select a.id from agency a join sub on a.parent_id = sub.id)`;

/** Officials in post in the subtree on `date` (with `extra` conditions on assignment `a`), attributes then in force. */
const covering = (date: string, extra: SQL) => sql`cur as materialized (
      select coalesce(h.category, o.category) as category, coalesce(h.political_theory, o.political_theory) as political_theory, o.gender,
        coalesce(h.professional_degree, o.professional_degree) as professional_degree, coalesce(h.is_party_member, o.is_party_member) as is_party_member,
        case when age < 30 then 'duoi_30' when age < 40 then 'tu_30_39' when age < 50 then 'tu_40_49' when age < 60 then 'tu_50_59' else 'tu_60' end as age_band
      from official_assignment a
      join official o on o.id = a.official_id
      left join official_history h on h.official_id = o.id and h.valid_from <= ${date}::date and (h.valid_to is null or h.valid_to > ${date}::date)
      cross join lateral (select date_part('year', age(${date}::date, o.date_of_birth))::int as age) x
      where a.agency_id in (select id from sub) and a.valid_from <= ${date}::date and (a.valid_to is null or a.valid_to > ${date}::date) ${extra}
    )`;
const GROUPED = sql`
    select 'category' as dim, category as key, count(*)::int as n from cur group by category
    union all select 'theory', political_theory, count(*)::int from cur group by political_theory
    union all select 'gender', gender, count(*)::int from cur group by gender
    union all select 'degree', professional_degree, count(*)::int from cur group by professional_degree
    union all select 'age', age_band, count(*)::int from cur group by age_band
    union all select 'party', 'yes', count(*)::int from cur where is_party_member
    union all select 'total', 'all', count(*)::int from cur`;

async function dimRows(db: DbOrTx, q: SQL): Promise<DimRow[]> {
  return ((await db.execute(q)) as unknown as { rows: DimRow[] }).rows;
}

/** Statistics on any date: the scan over the covering assignments and the history. */
export async function computeStats(db: DbOrTx, root: { id: string; code: string }, date: string): Promise<WorkforceStats> {
  return build(root, date, await dimRows(db, sql`with recursive ${subtree(root.id)}, ${covering(date, sql``)} ${GROUPED}`));
}

/** Statistics for `today` (the current register) from the maintained aggregate; equal to computeStats(today). */
export async function computeStatsToday(db: DbOrTx, root: { id: string; code: string }, today: string): Promise<WorkforceStats> {
  const year = Number(today.slice(0, 4));
  const monthDay = today.slice(5, 10);
  const boundary = sql.join(
    BAND_EDGES.map((k) => sql`o.date_of_birth between ${`${year - k}-01-01`}::date and ${`${year - k}-12-31`}::date`),
    sql` or `,
  );
  const q = sql`with recursive ${subtree(root.id)}, ${covering(today, sql`and a.valid_to > ${today}::date`)}
    ${GROUPED}
    union all select dimension, value, sum(count)::int from workforce_stat where agency_id in (select id from sub) group by dimension, value
    union all select 'late_birth', b.year, count(*)::int from (
      select extract(year from o.date_of_birth)::int::text as year,
        (select a.agency_id from official_assignment a where a.official_id = o.id and a.valid_to is null) as agency_id
      from official o where (${boundary}) and to_char(o.date_of_birth, 'MM-DD') > ${monthDay}
    ) b where b.agency_id in (select id from sub) group by b.year`;
  return build(root, today, await dimRows(db, q));
}

function build(root: { code: string }, date: string, rows: DimRow[]): WorkforceStats {
  const s: WorkforceStats = {
    agency: root.code,
    date,
    headcount: 0,
    byCategory: zeros(CATEGORIES),
    politicalTheory: zeros(POLITICAL_THEORY),
    shareIntermediateOrHigher: 0,
    byGender: zeros(GENDERS),
    byAgeBand: zeros(AGE_BANDS),
    byQualification: zeros(DEGREES),
    partyMembers: 0,
  };
  const year = Number(date.slice(0, 4));
  const bump = (t: Record<string, number>, k: string, n: number) => (t[k] = (t[k] ?? 0) + n);
  const target: Record<string, Record<string, number>> = {
    category: s.byCategory,
    theory: s.politicalTheory,
    gender: s.byGender,
    degree: s.byQualification,
    age: s.byAgeBand,
  };
  for (const r of rows) {
    const n = Number(r.n);
    if (r.dim === 'total') s.headcount += n;
    else if (r.dim === 'party') s.partyMembers += r.key === 'yes' || r.key === 'true' ? n : 0;
    else if (r.dim === 'birth_year') bump(s.byAgeBand, ageBand(year - Number(r.key)), n);
    else if (r.dim === 'late_birth') {
      // Born in a boundary year, birthday still to come: one year younger, one band lower.
      const age = year - Number(r.key);
      bump(s.byAgeBand, ageBand(age), -n);
      bump(s.byAgeBand, ageBand(age - 1), n);
    } else bump(target[r.dim], r.key, n);
  }
  const higher = INTERMEDIATE_OR_HIGHER.reduce((sum, k) => sum + s.politicalTheory[k], 0);
  s.shareIntermediateOrHigher = s.headcount ? Math.round((higher / s.headcount) * 10_000) / 10_000 : 0;
  return s;
}

const LABELS: Record<string, string> = {
  can_bo: 'Cán bộ',
  cong_chuc: 'Công chức',
  vien_chuc: 'Viên chức',
  hop_dong: 'Hợp đồng',
  none: 'Chưa qua đào tạo',
  so_cap: 'Sơ cấp',
  trung_cap: 'Trung cấp',
  cao_cap: 'Cao cấp',
  cu_nhan: 'Cử nhân',
  nam: 'Nam',
  nu: 'Nữ',
  duoi_30: 'Dưới 30',
  tu_30_39: '30–39',
  tu_40_49: '40–49',
  tu_50_59: '50–59',
  tu_60: 'Từ 60',
  tien_si: 'Tiến sĩ',
  thac_si: 'Thạc sĩ',
  dai_hoc: 'Đại học',
  cao_dang: 'Cao đẳng',
  khac: 'Khác',
};

/** The statistics as an .xlsx workbook (one sheet, a block per dimension), for reports. */
export async function statsWorkbook(s: WorkforceStats, agencyName: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Công Vụ';
  const ws = wb.addWorksheet('Thống kê');
  ws.columns = [{ width: 34 }, { width: 14 }, { width: 12 }];
  const [y, m, d] = s.date.split('-');
  ws.addRow([`Thống kê đội ngũ cán bộ, công chức, viên chức — ${agencyName} (${s.agency})`]).font = { bold: true, size: 13 };
  ws.addRow([`Tại ngày ${d}/${m}/${y}`]);
  ws.addRow(['Tổng số', s.headcount]).font = { bold: true };
  ws.addRow(['Tỷ lệ lý luận chính trị trung cấp trở lên', s.shareIntermediateOrHigher]).getCell(2).numFmt = '0.00%';
  ws.addRow(['Đảng viên', s.partyMembers]);
  const block = (title: string, data: Record<string, number>) => {
    ws.addRow([]);
    ws.addRow([title, 'Số lượng', 'Tỷ lệ']).font = { bold: true };
    for (const [k, n] of Object.entries(data)) ws.addRow([LABELS[k] ?? k, n, s.headcount ? n / s.headcount : 0]).getCell(3).numFmt = '0.0%';
  };
  block('Theo loại', s.byCategory);
  block('Lý luận chính trị', s.politicalTheory);
  block('Trình độ chuyên môn', s.byQualification);
  block('Độ tuổi', s.byAgeBand);
  block('Giới tính', s.byGender);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agency } from '../../db/schema/index.js';
import { type Client, type Harness, login, makeAgencyTree, makeUser, startHarness, type TestAgency, uid } from '../../test/harness.js';
import { generateOfficialRows, prng, rowsToCsv, type SheetRow } from './workforce.fixtures.js';
import { vnToday } from '../../../shared/vn-time.js';
import { computeStats } from './workforce.stats.js';
import { upload } from './workforce.test-helpers.js';

let h: Harness;
let hr: Client;
let agencies: TestAgency[];
let tree: { root: TestAgency; child: TestAgency };

const shiftDay = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  h = await startHarness();
  tree = await makeAgencyTree(h);
  const tag = uid(3);
  const more = await h.database.db
    .insert(agency)
    .values([
      { code: `G${tag}.01.31.H99`, name: `Phòng thử ${tag}`, parentId: tree.child.id, adminUnitCode: '08', provinceCode: '08' },
      { code: `G${tag}.02.31.H99`, name: `UBND xã thử ${tag}`, parentId: tree.root.id, adminUnitCode: '08', provinceCode: '08' },
    ])
    .returning({ id: agency.id, code: agency.code });
  agencies = [tree.root, tree.child, ...more];
  hr = await login(h, (await makeUser(h, 'home_affairs', tree.root.id)).username);
});
afterAll(() => h.close());

const get = async (url: string) => {
  const res = await hr.request({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** For every agency of the tree: the API's answer for today (aggregate) equals the scan on today. */
async function expectAggregateEqualsScan(step: string) {
  const today = vnToday();
  for (const a of agencies) {
    const viaAggregate = await get(`/api/v1/workforce/stats?agency=${a.code}`);
    const viaScan = await computeStats(h.database.db, a, today);
    expect(viaAggregate, `${step} @ ${a.code}`).toEqual(viaScan);
  }
}

describe('the maintained statistics aggregate', () => {
  it('equals the scan after a random mix of imports, creations, moves, edits and retirements', async () => {
    const rnd = prng(20261128);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
    const prefix = `A${uid(3)}-`;
    const today = vnToday();
    const year = Number(today.slice(0, 4));
    let rows: SheetRow[] = generateOfficialRows(50, { seed: 7, agencies: agencies.map((a) => ({ code: a.code })), codePrefix: prefix });
    expect((await upload(hr, 'a.csv', Buffer.from(rowsToCsv(rows)), false)).json()).toMatchObject({ imported: 50, rejected: [] });
    await expectAggregateEqualsScan('first import');

    // Birthdays on the age-band boundaries (today's year − 30/40/50/60): still to come, today, passed.
    const boundaryDobs = [`${year - 30}-12-31`, `${year - 40}-${today.slice(5)}`, `${year - 50}-01-01`, `${year - 60}-${shiftDay(today, 1).slice(5)}`];
    for (const [i, dateOfBirth] of boundaryDobs.entries()) {
      const payload = {
        code: `${prefix}B${i}`,
        familyName: 'Lê',
        middleName: 'Văn',
        givenName: 'Biên',
        dateOfBirth,
        gender: 'nam',
        category: 'cong_chuc',
        agencyCode: pick(agencies).code,
      };
      const res = await hr.request({ method: 'POST', url: '/api/v1/workforce/officials', payload });
      expect(res.statusCode, res.body).toBe(201);
    }
    await expectAggregateEqualsScan('boundary birthdays');

    const THEORIES = ['none', 'so_cap', 'trung_cap', 'cao_cap', 'cu_nhan'] as const;
    const CATEGORIES = ['can_bo', 'cong_chuc', 'vien_chuc', 'hop_dong'] as const;
    const SHEET_CATEGORY = ['Cán bộ', 'Công chức', 'Viên chức', 'Hợp đồng'] as const;
    for (let step = 0; step < 30; step++) {
      const op = pick(['move', 'edit', 'retire', 'reactivate', 'import'] as const);
      if (op === 'import') {
        // Re-import a part of the sheet with changes (moves, category, theory), plus a few new rows.
        const extra = generateOfficialRows(3, { seed: 100 + step, agencies: agencies.map((a) => ({ code: a.code })), codePrefix: `${prefix}N${step}-` });
        rows = rows.map((r) =>
          rnd() < 0.3
            ? { ...r, 'Đơn vị': pick(agencies).code, Loại: pick(SHEET_CATEGORY), 'Lý luận chính trị': pick(['', 'Sơ cấp', 'Trung cấp', 'Cao cấp']) }
            : r,
        );
        const res = await upload(hr, 'b.csv', Buffer.from(rowsToCsv([...rows.filter(() => rnd() < 0.5), ...extra])), false);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().rejected).toEqual([]);
        rows.push(...extra);
      } else {
        const list = await get(`/api/v1/workforce/officials?agency=${tree.root.code}&limit=100${op === 'reactivate' ? '&status=retired' : ''}`);
        if (!list.items.length) continue;
        const one = await get(`/api/v1/workforce/officials/${pick(list.items as { id: string }[]).id}`);
        const payload: Record<string, unknown> = { version: one.version };
        if (op === 'move') payload.agencyCode = pick(agencies).code;
        if (op === 'edit')
          Object.assign(payload, {
            politicalTheory: pick(THEORIES),
            category: pick(CATEGORIES),
            isPartyMember: rnd() < 0.5,
            professionalDegree: pick(['dai_hoc', 'thac_si', 'khac']),
          });
        if (op === 'retire') Object.assign(payload, { status: 'retired', leftAt: shiftDay(today, pick([-3, 0, 5])) });
        if (op === 'reactivate') payload.status = 'active';
        const res = await hr.request({ method: 'PATCH', url: `/api/v1/workforce/officials/${one.id}`, payload });
        expect(res.statusCode, res.body).toBe(200);
      }
      await expectAggregateEqualsScan(`step ${step}: ${op}`);
    }
    // The aggregate is exactly a recount: no stale rows survive.
    const ids = agencies.map((a) => a.id);
    const stale = await h.database.rows<{
      n: string;
    }>(sql`select count(*) as n from workforce_stat s where s.agency_id in (select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid)
      and s.count <> (select count(*) from official_assignment a join official o on o.id = a.official_id where a.agency_id = s.agency_id and a.valid_to is null
        and case s.dimension when 'category' then o.category when 'theory' then o.political_theory when 'gender' then o.gender when 'degree' then o.professional_degree
          when 'party' then o.is_party_member::text when 'birth_year' then extract(year from o.date_of_birth)::int::text else 'all' end = s.value)`);
    expect(Number(stale[0].n)).toBe(0);
  });
});

describe('attribute history', () => {
  it('statistics on a past date use the values then in force', async () => {
    const own = await makeAgencyTree(h);
    const client = await login(h, (await makeUser(h, 'home_affairs', own.root.id)).username);
    const payload = {
      code: `H${uid(4)}`,
      familyName: 'Phan',
      middleName: 'Thị',
      givenName: 'Hạnh',
      dateOfBirth: '1980-03-10',
      gender: 'nu',
      category: 'cong_chuc',
      politicalTheory: 'so_cap',
      agencyCode: own.child.code,
      joinedAt: '2010-09-01',
    };
    const created = await client.request({ method: 'POST', url: '/api/v1/workforce/officials', payload });
    expect(created.statusCode, created.body).toBe(201);
    const yesterday = shiftDay(vnToday(), -1);
    const at = async (date?: string) =>
      (await client.request({ method: 'GET', url: `/api/v1/workforce/stats?agency=${own.root.code}${date ? `&date=${date}` : ''}` })).json();
    expect((await at(yesterday)).politicalTheory).toMatchObject({ so_cap: 1, trung_cap: 0 });

    const res = await client.request({
      method: 'PATCH',
      url: `/api/v1/workforce/officials/${created.json().id}`,
      payload: { version: created.json().version, politicalTheory: 'trung_cap', category: 'vien_chuc' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const before = await at(yesterday);
    expect(before.politicalTheory).toMatchObject({ so_cap: 1, trung_cap: 0 });
    expect(before.byCategory).toMatchObject({ cong_chuc: 1, vien_chuc: 0 });
    const now = await at();
    expect(now.politicalTheory).toMatchObject({ so_cap: 0, trung_cap: 1 });
    expect(now.byCategory).toMatchObject({ cong_chuc: 0, vien_chuc: 1 });
    expect(now.shareIntermediateOrHigher).toBe(1);
    expect(await at(vnToday())).toEqual(now);
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, login, makeAgencyTree, makeUser, startHarness, type TestAgency } from '../../test/harness.js';
import { generateOfficialRows, rowsToCsv, type SheetRow } from './workforce.fixtures.js';
import { vnToday } from '../../../shared/vn-time.js';
import { upload } from './workforce.test-helpers.js';

let h: Harness;
let tree: { root: TestAgency; child: TestAgency };
let hr: Client;
let rows: SheetRow[];

beforeAll(async () => {
  h = await startHarness();
  tree = await makeAgencyTree(h);
  hr = await login(h, (await makeUser(h, 'home_affairs', tree.root.id)).username);
  rows = generateOfficialRows(60, { seed: 11, agencies: [{ code: tree.child.code }, { code: tree.root.code }], codePrefix: `S${tree.root.code.slice(1, 7)}-` });
  const res = await upload(hr, 'ds.csv', Buffer.from(rowsToCsv(rows)), false);
  expect(res.json()).toMatchObject({ imported: 60, rejected: [] });
});
afterAll(() => h.close());

const THEORY: Record<string, string> = { 'Sơ cấp': 'so_cap', 'Trung cấp': 'trung_cap', 'Cao cấp': 'cao_cap', 'Cử nhân': 'cu_nhan', '': 'none' };
const CATEGORY: Record<string, string> = { 'Cán bộ': 'can_bo', 'Công chức': 'cong_chuc', 'Viên chức': 'vien_chuc', 'Hợp đồng': 'hop_dong' };

/** The statistics counted by hand from the spreadsheet rows. */
function handCount(subset: SheetRow[], date: string) {
  const count = (f: (r: SheetRow) => string) => subset.reduce<Record<string, number>>((acc, r) => ({ ...acc, [f(r)]: (acc[f(r)] ?? 0) + 1 }), {});
  const age = (r: SheetRow) => {
    const [d, m, y] = r['Ngày sinh'].split('/').map(Number);
    const [ty, tm, td] = date.split('-').map(Number);
    const a = ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
    return a < 30 ? 'duoi_30' : a < 40 ? 'tu_30_39' : a < 50 ? 'tu_40_49' : a < 60 ? 'tu_50_59' : 'tu_60';
  };
  const theory = count((r) => THEORY[r['Lý luận chính trị']]);
  const higher = (theory.trung_cap ?? 0) + (theory.cao_cap ?? 0) + (theory.cu_nhan ?? 0);
  return {
    headcount: subset.length,
    byCategory: count((r) => CATEGORY[r['Loại']]),
    politicalTheory: theory,
    byGender: count((r) => (r['Giới tính'] === 'Nam' ? 'nam' : 'nu')),
    byAgeBand: count(age),
    shareIntermediateOrHigher: Math.round((higher / subset.length) * 10000) / 10000,
  };
}

const nonZero = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, n]) => n > 0));

describe('statistics of an agency subtree on a date', () => {
  it('equal a hand count of the imported rows (subtree and child agency)', async () => {
    const date = vnToday();
    const s = (await hr.request({ method: 'GET', url: `/api/v1/workforce/stats?agency=${tree.root.code}&date=${date}` })).json();
    const expected = handCount(rows, date);
    expect(s.headcount).toBe(60);
    expect(nonZero(s.byCategory)).toEqual(expected.byCategory);
    expect(nonZero(s.politicalTheory)).toEqual(expected.politicalTheory);
    expect(nonZero(s.byGender)).toEqual(expected.byGender);
    expect(nonZero(s.byAgeBand)).toEqual(expected.byAgeBand);
    expect(s.shareIntermediateOrHigher).toBe(expected.shareIntermediateOrHigher);
    expect(Object.keys(s.politicalTheory).sort()).toEqual(['cao_cap', 'cu_nhan', 'none', 'so_cap', 'trung_cap']);

    const child = (await hr.request({ method: 'GET', url: `/api/v1/workforce/stats?agency=${tree.child.code}&date=${date}` })).json();
    const childRows = rows.filter((r) => r['Đơn vị'] === tree.child.code);
    expect(child.headcount).toBe(childRows.length);
    expect(nonZero(child.byCategory)).toEqual(handCount(childRows, date).byCategory);
  });

  it('count only officials whose assignment covers the date; a move changes later dates only', async () => {
    const early = (await hr.request({ method: 'GET', url: `/api/v1/workforce/stats?agency=${tree.root.code}&date=1980-01-01` })).json();
    expect(early.headcount).toBe(0);
    const list = (await hr.request({ method: 'GET', url: `/api/v1/workforce/officials?agency=${tree.child.code}&limit=1` })).json();
    const one = (await hr.request({ method: 'GET', url: `/api/v1/workforce/officials/${list.items[0].id}` })).json();
    const before = (await hr.request({ method: 'GET', url: `/api/v1/workforce/stats?agency=${tree.child.code}` })).json().headcount;
    const moved = await hr.request({
      method: 'PATCH',
      url: `/api/v1/workforce/officials/${one.id}`,
      payload: { version: one.version, agencyCode: tree.root.code, note: 'Điều động' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().assignments.length).toBeGreaterThanOrEqual(1);
    const tomorrow = new Date(Date.parse(`${vnToday()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await hr.request({ method: 'GET', url: `/api/v1/workforce/stats?agency=${tree.child.code}&date=${tomorrow}` })).json().headcount).toBe(before - 1);
    expect((await hr.request({ method: 'GET', url: `/api/v1/workforce/stats?agency=${tree.root.code}&date=${tomorrow}` })).json().headcount).toBe(60);
  });

  it('exports an Excel workbook', async () => {
    const res = await hr.request({ method: 'GET', url: `/api/v1/workforce/stats.xlsx?agency=${tree.root.code}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').text).toContain('Thống kê');
    expect(ws.getCell('B3').value).toBe(60);
  });

  it("another agency's subtree answers 404; a counter officer 403", async () => {
    const other = await makeAgencyTree(h);
    expect((await hr.request({ method: 'GET', url: `/api/v1/workforce/stats?agency=${other.root.code}` })).statusCode).toBe(404);
    const counter = await login(h, (await makeUser(h, 'counter_officer', tree.root.id)).username);
    expect((await counter.request({ method: 'GET', url: `/api/v1/workforce/stats?agency=${tree.root.code}` })).statusCode).toBe(403);
  });
});

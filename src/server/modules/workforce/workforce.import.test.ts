import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, login, makeAgencyTree, makeUser, startHarness, type TestAgency } from '../../test/harness.js';
import { lyingBomb, manyEntriesBomb, zerosBomb } from '../../test/zip-fixtures.js';
import { generateOfficialRows, rowsToCsv, SHEET_HEADERS, type SheetRow } from './workforce.fixtures.js';
import { readCsv, validateRows } from './workforce.import.js';
import { MAX_IMPORT_BYTES } from './workforce.routes.js';
import { upload } from './workforce.test-helpers.js';

let h: Harness;
let tree: { root: TestAgency; child: TestAgency };
let hr: Client;
let rootName: string;

beforeAll(async () => {
  h = await startHarness();
  tree = await makeAgencyTree(h);
  rootName = `Ủy ban thử nghiệm ${tree.root.code.slice(1, 7)}`;
  hr = await login(h, (await makeUser(h, 'home_affairs', tree.root.id)).username);
});
afterAll(() => h.close());

/** 30 realistic rows (Vietnamese headers, a title row above them: data starts on line 3) with 5 bad ones. */
function acceptanceRows(prefix: string): { rows: SheetRow[]; bad: Record<number, RegExp> } {
  const rows = generateOfficialRows(30, { seed: 7, agencies: [{ code: tree.child.code }, { code: tree.root.code }], codePrefix: prefix });
  rows[3]['Đơn vị'] = rootName; // exact name instead of the identifier: accepted
  rows[4]['Ngày sinh'] = '31/02/1980';
  rows[9]['Đơn vị'] = 'Sở Không Tồn Tại';
  rows[14]['Họ và tên'] = '';
  rows[19]['Loại'] = 'Biệt phái';
  rows[24]['Mã cán bộ'] = rows[2]['Mã cán bộ'];
  return { rows, bad: { 7: /Ngày sinh/, 12: /đơn vị/i, 17: /Họ và tên/, 22: /Loại/, 27: /trùng với dòng 5/ } };
}

async function xlsxOf(rows: SheetRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('DS');
  ws.addRow(['DANH SÁCH CÁN BỘ, CÔNG CHỨC SỞ THỬ NGHIỆM']);
  ws.addRow([...SHEET_HEADERS]);
  for (const r of rows) {
    const row = ws.addRow(SHEET_HEADERS.map((k) => r[k]));
    // some HR sheets hold real date cells rather than text
    const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(r['Ngày tuyển dụng']);
    if (m) row.getCell(SHEET_HEADERS.indexOf('Ngày tuyển dụng') + 1).value = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('import from a spreadsheet with Vietnamese headers', () => {
  it('dry run lists each bad row with its line; the real run imports the rest; re-import is idempotent', async () => {
    const { rows, bad } = acceptanceRows(`A${tree.root.code.slice(1, 7)}-`);
    const file = await xlsxOf(rows);

    const dry = await upload(hr, 'danh-sach.xlsx', file, true);
    expect(dry.statusCode, dry.body).toBe(200);
    const d = dry.json();
    expect(d.rejected.map((r: { line: number }) => r.line)).toEqual([7, 12, 17, 22, 27]);
    for (const r of d.rejected as { line: number; reason: string }[]) expect(r.reason).toMatch(bad[r.line]);
    expect(d).toMatchObject({ dryRun: true, imported: 25, updated: 0, total: 30 });
    expect((await hr.request({ method: 'GET', url: `/api/v1/workforce/officials?agency=${tree.root.code}` })).json().items).toHaveLength(0);

    const jobId = randomUUID();
    const real = (await upload(hr, 'danh-sach.xlsx', file, false, jobId)).json();
    expect(real).toMatchObject({ imported: 25, updated: 0, dryRun: false, jobId });
    expect(real.rejected).toHaveLength(5);
    const job = (await hr.request({ method: 'GET', url: `/api/v1/workforce/imports/${jobId}` })).json();
    expect(job).toMatchObject({ status: 'done', total: 30, processed: 30, imported: 25 });

    const again = (await upload(hr, 'danh-sach.xlsx', file, false)).json();
    expect(again).toMatchObject({ imported: 0, updated: 25 });
    const list = (await hr.request({ method: 'GET', url: `/api/v1/workforce/officials?agency=${tree.root.code}&limit=200` })).json();
    expect(list.items).toHaveLength(25);
  });

  it('accepts CSV with unaccented headers (Ma can bo, Ho va ten …) and semicolons', async () => {
    const rows = generateOfficialRows(6, { seed: 9, agencies: [{ code: tree.child.code }], codePrefix: `C${tree.root.code.slice(1, 7)}-` });
    const csv = rowsToCsv(rows, { unaccented: true });
    expect(csv.split('\r\n')[0]).toContain('Ma can bo,Ho va ten,Ngay sinh');
    const res = (await upload(hr, 'ds.csv', Buffer.from(csv), false)).json();
    expect(res).toMatchObject({ imported: 6, updated: 0, rejected: [] });
    const semi = readCsv('Mã cán bộ;Họ và tên;Ngày sinh;Giới tính;Đơn vị;Loại\r\nX1;"Lò Văn; Páo";01/02/1990;Nam;A;Công chức\r\n');
    expect(semi[0]).toMatchObject({ line: 2, values: { code: 'X1', fullName: 'Lò Văn; Páo' } });
  });

  it('validates rows: dates, gender, identifiers', () => {
    const { good, rejected } = validateRows([
      { line: 2, values: { code: 'A', fullName: 'Nguyễn Văn An', dateOfBirth: '29/02/1988', gender: 'Nam', agency: 'X', category: 'Công chức' } },
      { line: 3, values: { code: 'B', fullName: 'Nguyễn Văn An', dateOfBirth: '29/02/1989', gender: 'Nam', agency: 'X', category: 'Cong chuc' } },
      { line: 4, values: { code: 'C', fullName: 'An', dateOfBirth: '01/01/1990', gender: 'Nam', agency: 'X', category: 'Viên chức' } },
      { line: 5, values: { code: 'D', fullName: 'Trần Thị Bình', dateOfBirth: '01/01/1990', gender: 'Không rõ', agency: 'X', category: 'Viên chức' } },
      {
        line: 6,
        values: { code: 'E', fullName: 'Trần Thị Bình', dateOfBirth: '01/01/1990', gender: 'nu', agency: 'X', category: 'vien chuc', idNumber: '12345' },
      },
    ]);
    expect(good.map((g) => g.code)).toEqual(['A']);
    expect(good[0]).toMatchObject({ familyName: 'Nguyễn', middleName: 'Văn', givenName: 'An', dateOfBirth: '1988-02-29', category: 'cong_chuc' });
    expect(rejected.map((r) => r.line)).toEqual([3, 4, 5, 6]);
  });

  it('refuses a file with no header row, and a non-multipart request', async () => {
    const res = await upload(hr, 'x.csv', Buffer.from('a,b\r\n1,2\r\n'), true);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('file');
    const json = await hr.request({ method: 'POST', url: '/api/v1/workforce/officials/import', payload: {} });
    expect(json.statusCode).toBe(415);
  });

  it('a leader may not import (403); another agency cannot see the job (404)', async () => {
    const leader = await login(h, (await makeUser(h, 'leader', tree.root.id)).username);
    expect((await upload(leader, 'x.csv', Buffer.from('Mã cán bộ\r\n'), true)).statusCode).toBe(403);
    const jobId = randomUUID();
    await upload(hr, 'x.csv', Buffer.from(rowsToCsv([])), true, jobId);
    const other = await makeAgencyTree(h);
    const otherHr = await login(h, (await makeUser(h, 'home_affairs', other.root.id)).username);
    expect((await otherHr.request({ method: 'GET', url: `/api/v1/workforce/imports/${jobId}` })).statusCode).toBe(404);
  });
});

describe('uploads that cannot take the server down', () => {
  it('a file over 30 MB answers 413 naming the field and the limit; a leader is refused before the upload is read', async () => {
    const big = Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x41);
    const res = await upload(hr, 'lon.csv', big, true);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', maxBytes: MAX_IMPORT_BYTES, errors: [{ field: 'file' }] });
    const leader = await login(h, (await makeUser(h, 'leader', tree.root.id)).username);
    expect((await upload(leader, 'lon.csv', big, true)).statusCode).toBe(403);
  });

  it('zip bombs are refused before exceljs unpacks them; a normal workbook still imports', async () => {
    for (const [bomb, status, code] of [
      [zerosBomb(8), 413, 'ARCHIVE_TOO_LARGE'],
      [manyEntriesBomb(2000), 413, 'ARCHIVE_TOO_LARGE'],
      [lyingBomb(4), 422, 'ARCHIVE_INVALID'],
    ] as const) {
      const res = await upload(hr, 'danh-sach.xlsx', bomb, true);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json()).toMatchObject({ code, errors: [{ field: 'file' }] });
    }
    const rows = generateOfficialRows(3, { seed: 11, agencies: [{ code: tree.child.code }], codePrefix: `Z${tree.root.code.slice(1, 7)}-` });
    const ok = await upload(hr, 'danh-sach.xlsx', await xlsxOf(rows), true);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ dryRun: true, total: 3, imported: 3, rejected: [] });
  });
});

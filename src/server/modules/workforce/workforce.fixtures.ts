/**
 * Deterministic fictional officials for the demo, the tests and the bench: realistic Vietnamese
 * names and the ethnic mix of Tuyên Quang / Hà Giang, spreadsheet rows with the headers HR offices
 * use. The political-theory mix reproduces the article's 92.73 % at intermediate level or higher.
 */
import ExcelJS from 'exceljs';
import { fold } from './workforce.rules.js';

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Weighted = readonly (readonly [string, number])[];
const pick = (r: () => number, items: readonly string[]) => items[Math.floor(r() * items.length)];
function pickW(r: () => number, items: Weighted): string {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return items[items.length - 1][0];
}

const FAMILY: Weighted = [
  ['Nguyễn', 30],
  ['Trần', 9],
  ['Lê', 8],
  ['Phạm', 6],
  ['Hoàng', 6],
  ['Vũ', 4],
  ['Đặng', 3],
  ['Bùi', 3],
  ['Đỗ', 3],
  ['Hồ', 2],
  ['Ngô', 2],
  ['Dương', 2],
  ['Nông', 4],
  ['Ma', 3],
  ['Hà', 3],
  ['Triệu', 3],
  ['Sùng', 2],
  ['Giàng', 2],
  ['Lý', 2],
  ['Vàng', 1],
  ['Lò', 1],
  ['Mạc', 1],
];
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Xuân', 'Thành', 'Mạnh', 'Văn', 'Tiến', 'Công'];
const MIDDLE_F = ['Thị', 'Thu', 'Thanh', 'Ngọc', 'Hồng', 'Minh', 'Thị', 'Thúy', 'Phương', 'Thị Thu'];
const GIVEN_M = [
  'An',
  'Bình',
  'Cường',
  'Dũng',
  'Đức',
  'Hải',
  'Hùng',
  'Huy',
  'Khoa',
  'Long',
  'Mạnh',
  'Nam',
  'Phong',
  'Quân',
  'Sơn',
  'Thắng',
  'Tuấn',
  'Việt',
  'Vinh',
  'Trọng',
  'Thủy',
  'Chiến',
  'Định',
  'Lâm',
];
const GIVEN_F = [
  'Anh',
  'Ánh',
  'Chi',
  'Dung',
  'Giang',
  'Hà',
  'Hằng',
  'Hoa',
  'Hương',
  'Lan',
  'Linh',
  'Mai',
  'Ngọc',
  'Nhung',
  'Phương',
  'Thảo',
  'Trang',
  'Vân',
  'Yến',
  'Huyền',
  'Oanh',
  'Ly',
];
const ETHNIC: Weighted = [
  ['Kinh', 45],
  ['Tày', 22],
  ['Mông', 12],
  ['Dao', 9],
  ['Nùng', 5],
  ['Sán Chay', 3],
  ['Giáy', 1.5],
  ['Lô Lô', 0.7],
  ['Pà Thẻn', 0.5],
  ['Cao Lan', 1.3],
];
const CATEGORY: Weighted = [
  ['Công chức', 45],
  ['Viên chức', 35],
  ['Cán bộ', 12],
  ['Hợp đồng', 8],
];
const THEORY: Weighted = [
  ['Trung cấp', 60],
  ['Cao cấp', 28],
  ['Cử nhân', 4.73],
  ['Sơ cấp', 4.27],
  ['', 3],
];
const DEGREE: Weighted = [
  ['Đại học', 68],
  ['Thạc sĩ', 19],
  ['Cao đẳng', 5],
  ['Trung cấp', 6],
  ['Tiến sĩ', 2],
];
const FIELD = ['Luật', 'Quản lý nhà nước', 'Kinh tế', 'Kế toán', 'Công nghệ thông tin', 'Nông học', 'Xây dựng', 'Quản lý đất đai', 'Sư phạm', 'Hành chính học'];
const POSITION = [
  'Chuyên viên tổng hợp',
  'Chuyên viên quản lý nhân sự',
  'Chuyên viên một cửa',
  'Kế toán',
  'Văn thư',
  'Chuyên viên pháp chế',
  'Chuyên viên công nghệ thông tin',
];
const RANK: Weighted = [
  ['Chuyên viên (01.003)', 55],
  ['Chuyên viên chính (01.002)', 25],
  ['Cán sự (01.004)', 10],
  ['Chuyên viên cao cấp (01.001)', 3],
  ['Nhân viên (01.005)', 7],
];
const TITLE: Weighted = [
  ['', 80],
  ['Phó Trưởng phòng', 10],
  ['Trưởng phòng', 6],
  ['Phó Giám đốc', 3],
  ['Giám đốc', 1],
];
const STATE_MGMT: Weighted = [
  ['Chuyên viên', 55],
  ['Chuyên viên chính', 25],
  ['', 17],
  ['Chuyên viên cao cấp', 3],
];

export const SHEET_HEADERS = [
  'Mã cán bộ',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Dân tộc',
  'Đơn vị',
  'Phòng, bộ phận',
  'Vị trí việc làm',
  'Ngạch',
  'Loại',
  'Chức vụ',
  'Trình độ chuyên môn',
  'Chuyên ngành',
  'Lý luận chính trị',
  'Quản lý nhà nước',
  'Tin học',
  'Ngoại ngữ',
  'Đảng viên',
  'Số CCCD',
  'Điện thoại',
  'Ngày tuyển dụng',
] as const;
export type SheetRow = Record<(typeof SHEET_HEADERS)[number], string>;

const dmy = (y: number, m: number, d: number) => `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;

/** `n` rows spread over `agencies` (identifier code, optional internal unit names). */
export function generateOfficialRows(
  n: number,
  opts: { seed?: number; agencies: { code: string; units?: readonly string[] }[]; codePrefix?: string; year?: number },
): SheetRow[] {
  const r = prng(opts.seed ?? 2026);
  const year = opts.year ?? 2026;
  const out: SheetRow[] = [];
  for (let i = 0; i < n; i++) {
    const isMale = r() < 0.54;
    const ag = opts.agencies[i % opts.agencies.length];
    const birthYear = year - 23 - Math.floor(r() * 38);
    const theory = pickW(r, THEORY);
    const joined = Math.min(year - 1, birthYear + 22 + Math.floor(r() * 8));
    out.push({
      'Mã cán bộ': `${opts.codePrefix ?? 'CB'}${String(i + 1).padStart(6, '0')}`,
      'Họ và tên': `${pickW(r, FAMILY)} ${pick(r, isMale ? MIDDLE_M : MIDDLE_F)} ${pick(r, isMale ? GIVEN_M : GIVEN_F)}`,
      'Ngày sinh': dmy(birthYear, 1 + Math.floor(r() * 12), 1 + Math.floor(r() * 28)),
      'Giới tính': isMale ? 'Nam' : 'Nữ',
      'Dân tộc': pickW(r, ETHNIC),
      'Đơn vị': ag.code,
      'Phòng, bộ phận': ag.units?.length ? pick(r, ag.units) : '',
      'Vị trí việc làm': pick(r, POSITION),
      Ngạch: pickW(r, RANK),
      Loại: pickW(r, CATEGORY),
      'Chức vụ': pickW(r, TITLE),
      'Trình độ chuyên môn': pickW(r, DEGREE),
      'Chuyên ngành': pick(r, FIELD),
      'Lý luận chính trị': theory,
      'Quản lý nhà nước': pickW(r, STATE_MGMT),
      'Tin học': r() < 0.8 ? 'Ứng dụng CNTT cơ bản' : 'Ứng dụng CNTT nâng cao',
      'Ngoại ngữ': r() < 0.7 ? 'Tiếng Anh B1' : r() < 0.5 ? 'Tiếng Trung B1' : 'Tiếng Anh A2',
      'Đảng viên': theory === 'Trung cấp' || theory === 'Cao cấp' || theory === 'Cử nhân' || r() < 0.3 ? 'x' : '',
      'Số CCCD': `002${isMale ? '0' : '1'}${String(birthYear % 100).padStart(2, '0')}${String(Math.floor(r() * 1e6)).padStart(6, '0')}`,
      'Điện thoại': `09${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
      'Ngày tuyển dụng': dmy(joined, 1 + Math.floor(r() * 12), 1 + Math.floor(r() * 28)),
    });
  }
  return out;
}

const csvCell = (v: string) => (/[",\n\r;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** CSV (UTF-8 with BOM, as Excel saves it); `unaccented` writes "Ma can bo", "Ho va ten"… headers. */
export function rowsToCsv(rows: Record<string, string>[], opts: { unaccented?: boolean; headers?: readonly string[] } = {}): string {
  const headers = opts.headers ?? (SHEET_HEADERS as readonly string[]);
  const head = headers.map((h) => (opts.unaccented ? fold(h).replace(/\b\w/g, (c, i: number) => (i === 0 ? c.toUpperCase() : c)) : h));
  return `\uFEFF${[head, ...rows.map((row) => headers.map((h) => row[h] ?? ''))].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** An .xlsx workbook with a title row above the header, as HR offices keep them. */
export async function rowsToXlsx(rows: Record<string, string>[], opts: { title?: string; headers?: readonly string[] } = {}): Promise<Buffer> {
  const headers = opts.headers ?? (SHEET_HEADERS as readonly string[]);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách CBCCVC');
  ws.addRow([opts.title ?? 'DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC']).font = { bold: true };
  ws.addRow([...headers]).font = { bold: true };
  for (const row of rows) ws.addRow(headers.map((h) => row[h] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

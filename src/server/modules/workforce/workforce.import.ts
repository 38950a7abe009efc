/**
 * Spreadsheets as HR offices keep them: .xlsx or UTF-8 .csv, Vietnamese headers (accented or not),
 * dates dd/mm/yyyy. Parsing and row validation are pure; resolving agencies and writing rows is
 * the service's and the repo's job. Line numbers are the sheet's own row numbers (CSV: record
 * number, header = 1), so an HR officer finds the row in the file.
 */
import ExcelJS from 'exceljs';
import {
  type Category,
  type Degree,
  fold,
  type Gender,
  parseCategory,
  parseDegree,
  parseGender,
  parsePoliticalTheory,
  parseViDate,
  parseYesNo,
  type PoliticalTheory,
  splitFullName,
} from './workforce.rules.js';

export const FIELDS = {
  code: ['Mã cán bộ', 'Mã CBCCVC', 'Mã số', 'Mã nhân sự'],
  fullName: ['Họ và tên', 'Họ tên'],
  familyName: ['Họ'],
  middleName: ['Tên đệm', 'Đệm'],
  givenName: ['Tên'],
  dateOfBirth: ['Ngày sinh', 'Ngày tháng năm sinh'],
  gender: ['Giới tính'],
  ethnicity: ['Dân tộc'],
  agency: ['Đơn vị', 'Cơ quan', 'Cơ quan, đơn vị', 'Mã định danh'],
  orgUnit: ['Phòng', 'Phòng ban', 'Bộ phận', 'Phòng, bộ phận'],
  position: ['Vị trí việc làm'],
  rank: ['Ngạch', 'Ngạch công chức', 'Chức danh nghề nghiệp'],
  category: ['Loại', 'Loại cán bộ', 'Đối tượng'],
  leadershipTitle: ['Chức vụ', 'Chức vụ lãnh đạo'],
  professionalDegree: ['Trình độ chuyên môn', 'Trình độ'],
  professionalField: ['Chuyên ngành', 'Chuyên ngành đào tạo'],
  politicalTheory: ['Lý luận chính trị', 'Trình độ lý luận chính trị', 'LLCT'],
  stateManagement: ['Quản lý nhà nước', 'QLNN'],
  itLevel: ['Tin học'],
  foreignLanguage: ['Ngoại ngữ'],
  isPartyMember: ['Đảng viên'],
  idNumber: ['Số CCCD', 'CCCD', 'Số định danh cá nhân', 'CMND/CCCD'],
  phone: ['Điện thoại', 'Số điện thoại'],
  email: ['Email', 'Thư điện tử'],
  joinedAt: ['Ngày tuyển dụng', 'Ngày vào cơ quan'],
} as const;
export type Field = keyof typeof FIELDS;

/** Folded header (accents stripped) → field. "Ma can bo" and "MÃ CÁN BỘ" both find `code`. */
const HEADER_INDEX = new Map<string, Field>(Object.entries(FIELDS).flatMap(([field, names]) => names.map((n) => [fold(n), field as Field] as const)));
export const headerField = (header: string): Field | undefined => HEADER_INDEX.get(fold(header));

export interface RawRow {
  line: number;
  values: Partial<Record<Field, string>>;
}
export interface Rejection {
  line: number;
  reason: string;
}
export class SheetError extends Error {}

// ── Reading files ───────────────────────────────────────────────────────────────────────────────
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${String(v.getUTCDate()).padStart(2, '0')}/${String(v.getUTCMonth() + 1).padStart(2, '0')}/${v.getUTCFullYear()}`;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}

function toRows(grid: { line: number; cells: string[] }[]): RawRow[] {
  // The header is the first of the first 10 lines that names the code column (title rows above it are common).
  const headerAt = grid.slice(0, 10).findIndex((r) => r.cells.some((c) => headerField(c) === 'code'));
  if (headerAt < 0) throw new SheetError('Không tìm thấy dòng tiêu đề có cột "Mã cán bộ".');
  const columns = grid[headerAt].cells.map((c) => headerField(c));
  const out: RawRow[] = [];
  for (const r of grid.slice(headerAt + 1)) {
    if (r.cells.every((c) => !c.trim())) continue;
    const values: RawRow['values'] = {};
    columns.forEach((f, i) => {
      if (f && values[f] === undefined) values[f] = (r.cells[i] ?? '').normalize('NFC').trim();
    });
    out.push({ line: r.line, values });
  }
  return out;
}

export async function readXlsx(buffer: Buffer | Uint8Array): Promise<RawRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new SheetError('Tệp .xlsx không đọc được.');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new SheetError('Tệp không có trang tính nào.');
  const grid: { line: number; cells: string[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    grid.push({ line, cells: Array.from(cells, (c) => c ?? '') });
  });
  return toRows(grid);
}

/** RFC 4180 CSV (quotes, "" escapes, CRLF), UTF-8 with or without BOM; ';' accepted as separator. */
export function readCsv(text: string): RawRow[] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.indexOf('\n') >>> 0);
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const grid: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let record = 1;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === sep) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      cells.push(cell);
      grid.push({ line: record++, cells });
      cells = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || cells.length) grid.push({ line: record, cells: [...cells, cell] });
  return toRows(grid);
}

export async function readSheet(fileName: string, data: Buffer): Promise<RawRow[]> {
  const isZip = data[0] === 0x50 && data[1] === 0x4b;
  if (isZip || /\.xlsx$/i.test(fileName)) return readXlsx(data);
  if (/\.xls$/i.test(fileName)) throw new SheetError('Định dạng .xls cũ không được hỗ trợ; hãy lưu thành .xlsx hoặc .csv.');
  return readCsv(data.toString('utf8'));
}

// ── Validating rows ─────────────────────────────────────────────────────────────────────────────
export interface ParsedOfficial {
  line: number;
  code: string;
  familyName: string;
  middleName: string;
  givenName: string;
  dateOfBirth: string;
  gender: Gender;
  ethnicity: string;
  agencyRef: string;
  orgUnitName: string | null;
  positionName: string | null;
  rank: string | null;
  category: Category;
  leadershipTitle: string | null;
  professionalDegree: Degree;
  professionalField: string | null;
  politicalTheory: PoliticalTheory;
  stateManagement: string | null;
  itLevel: string | null;
  foreignLanguage: string | null;
  isPartyMember: boolean;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  joinedAt: string | null;
}

const opt = (v: string | undefined): string | null => (v && v.trim() ? v.trim() : null);

/** One row → an official, or the reason it is refused (the first problem found). */
export function validateRow(r: RawRow): ParsedOfficial | Rejection {
  const v = r.values;
  const bad = (reason: string): Rejection => ({ line: r.line, reason });
  const code = (v.code ?? '').trim();
  if (!code) return bad('Thiếu Mã cán bộ.');
  if (!/^[\p{L}\p{N}._/-]{1,40}$/u.test(code)) return bad(`Mã cán bộ "${code}" không hợp lệ.`);
  const name = v.fullName
    ? splitFullName(v.fullName)
    : v.familyName && v.givenName
      ? { familyName: v.familyName, middleName: v.middleName ?? '', givenName: v.givenName }
      : null;
  if (!name) return bad(v.fullName ? `Họ và tên "${v.fullName}" phải có ít nhất họ và tên.` : 'Thiếu Họ và tên.');
  if (!v.dateOfBirth) return bad('Thiếu Ngày sinh.');
  const dateOfBirth = parseViDate(v.dateOfBirth);
  if (!dateOfBirth) return bad(`Ngày sinh "${v.dateOfBirth}" không hợp lệ (dd/mm/yyyy).`);
  const gender = parseGender(v.gender ?? '');
  if (!gender) return bad(`Giới tính "${v.gender ?? ''}" không hợp lệ (Nam/Nữ).`);
  if (!v.agency) return bad('Thiếu Đơn vị.');
  const category = parseCategory(v.category ?? '');
  if (!category) return bad(`Loại "${v.category ?? ''}" không hợp lệ (Cán bộ, Công chức, Viên chức, Hợp đồng).`);
  const politicalTheory = parsePoliticalTheory(v.politicalTheory ?? '');
  if (!politicalTheory) return bad(`Lý luận chính trị "${v.politicalTheory}" không hợp lệ (Sơ cấp, Trung cấp, Cao cấp, Cử nhân).`);
  const idNumber = opt(v.idNumber)?.replace(/\s/g, '') ?? null;
  if (idNumber && !/^\d{9}(\d{3})?$/.test(idNumber)) return bad(`Số CCCD "${idNumber}" phải có 12 chữ số.`);
  const phone = opt(v.phone)?.replace(/[\s.]/g, '') ?? null;
  if (phone && !/^\+?\d{9,15}$/.test(phone)) return bad(`Số điện thoại "${phone}" không hợp lệ.`);
  const joinedAt = v.joinedAt ? parseViDate(v.joinedAt) : null;
  if (v.joinedAt && !joinedAt) return bad(`Ngày tuyển dụng "${v.joinedAt}" không hợp lệ (dd/mm/yyyy).`);
  return {
    line: r.line,
    code,
    ...name,
    dateOfBirth,
    gender,
    ethnicity: opt(v.ethnicity) ?? 'Kinh',
    agencyRef: v.agency.trim(),
    orgUnitName: opt(v.orgUnit),
    positionName: opt(v.position),
    rank: opt(v.rank),
    category,
    leadershipTitle: opt(v.leadershipTitle),
    professionalDegree: parseDegree(v.professionalDegree ?? ''),
    professionalField: opt(v.professionalField),
    politicalTheory,
    stateManagement: opt(v.stateManagement),
    itLevel: opt(v.itLevel),
    foreignLanguage: opt(v.foreignLanguage),
    isPartyMember: parseYesNo(v.isPartyMember ?? ''),
    idNumber,
    phone,
    email: opt(v.email),
    joinedAt,
  };
}

/** Validate every row; a code seen earlier in the same file refuses the later row. */
export function validateRows(rows: RawRow[]): { good: ParsedOfficial[]; rejected: Rejection[] } {
  const good: ParsedOfficial[] = [];
  const rejected: Rejection[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const res = validateRow(r);
    if ('reason' in res) {
      rejected.push(res);
      continue;
    }
    const first = seen.get(res.code.toUpperCase());
    if (first !== undefined) {
      rejected.push({ line: r.line, reason: `Mã cán bộ ${res.code} trùng với dòng ${first}.` });
      continue;
    }
    seen.set(res.code.toUpperCase(), r.line);
    good.push(res);
  }
  return { good, rejected };
}

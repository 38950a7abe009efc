/**
 * Spreadsheet I/O for the catalog: CSV (RFC 4180, UTF-8 with BOM so Excel reads Vietnamese) and
 * XLSX (exceljs), a table of strings either way. Also the "one cell, one line per item" format of
 * the list columns: `Tên — khóa: giá trị; khóa: giá trị; cờ`.
 */
import ExcelJS from 'exceljs';

/** Fold for comparisons: no accents, đ → d, lower case, punctuation as spaces. */
export const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[_\-/,.()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export interface Sheet {
  header: string[];
  /** `line` is the spreadsheet row number (the header is line 1). */
  rows: { line: number; cells: string[] }[];
}

// ── CSV ────────────────────────────────────────────────────────────────────────────────────────
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0][0];
}

export function parseCsv(input: string): string[][] {
  const text = input.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text);
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === delimiter) {
      record.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
    } else cell += c;
  }
  if (cell !== '' || record.length) {
    record.push(cell);
    records.push(record);
  }
  return records;
}

/** A cell Excel would run as a formula gets a leading apostrophe (CSV injection). */
const csvSafe = (v: string): string => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
const unCsvSafe = (v: string): string => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

export function writeCsv(header: string[], rows: string[][]): Buffer {
  const quote = (v: string) => `"${csvSafe(v).replace(/"/g, '""')}"`;
  const lines = [header, ...rows].map((r) => r.map(quote).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

// ── XLSX ───────────────────────────────────────────────────────────────────────────────────────
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
  }
  return '';
}

export async function readXlsx(buffer: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const out: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) cells.push(cellText(row.getCell(c).value));
    out.push(cells);
  }
  return out;
}

export async function writeXlsx(sheetName: string, header: string[], rows: string[][], widths: number[], numericColumns: number[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Công Vụ';
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = header.map((h, i) => ({ header: h, width: widths[i] ?? 20 }));
  for (const r of rows) ws.addRow(r.map((v, i) => (numericColumns.includes(i) && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : v)));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF6' } };
  ws.eachRow((row) => {
    row.alignment = { vertical: 'top', wrapText: true };
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A file's rows as a sheet: header row plus data rows, empty rows dropped. */
export async function readSheet(filename: string, buffer: Buffer): Promise<Sheet> {
  const isXlsx = /\.xlsx$/i.test(filename) || buffer.subarray(0, 2).toString('latin1') === 'PK';
  const table = isXlsx ? await readXlsx(buffer) : parseCsv(buffer.toString('utf8')).map((r) => r.map(unCsvSafe));
  const [header = [], ...rest] = table;
  return {
    header: header.map((h) => h.trim()),
    rows: rest.map((cells, i) => ({ line: i + 2, cells: cells.map((c) => c.normalize('NFC')) })).filter((r) => r.cells.some((c) => c.trim() !== '')),
  };
}

// ── One cell, one item per line ────────────────────────────────────────────────────────────────
export interface LineItem {
  head: string;
  attrs: Map<string, string>;
  flags: Set<string>;
}

/** Parse `Tên — khóa: giá trị; cờ` with keys compared folded; unknown segments join the previous value. */
export function parseItemLine(line: string, keys: string[], flags: string[] = []): LineItem {
  const isKnown = (seg: string) => {
    const f = fold(seg);
    return flags.includes(f) || keys.some((k) => f.startsWith(`${k}:`) || f.startsWith(`${k} :`));
  };
  const item: LineItem = { head: line.trim(), attrs: new Map(), flags: new Set() };
  const sep = /\s+[—–-]\s+/g;
  let m: RegExpExecArray | null;
  while ((m = sep.exec(line))) {
    const rest = line.slice(m.index + m[0].length);
    if (!isKnown(rest.split(';')[0])) continue;
    item.head = line.slice(0, m.index).trim();
    let last: string | null = null;
    for (const raw of rest.split(';')) {
      const seg = raw.trim();
      const f = fold(seg);
      const colon = seg.indexOf(':');
      const key = colon > 0 ? fold(seg.slice(0, colon)) : '';
      if (flags.includes(f)) item.flags.add(f);
      else if (keys.includes(key)) {
        last = key;
        item.attrs.set(key, seg.slice(colon + 1).trim());
      } else if (last) item.attrs.set(last, `${item.attrs.get(last)}; ${seg}`);
    }
    break;
  }
  return item;
}

export const formatItemLine = (head: string, parts: (string | null | false)[]): string => {
  const rest = parts.filter((p): p is string => typeof p === 'string' && p !== '');
  return rest.length ? `${head} — ${rest.join('; ')}` : head;
};

export const cellLines = (cell: string): string[] =>
  cell
    .split(/\r?\n/)
    .map((l) => l.replace(/^\s*(\d+[.)]|[•*])\s+/, '').trim())
    .filter(Boolean);

/**
 * PDF rendering with pdfmake 0.3 and the Be Vietnam Pro TTF (WOFF fonts do not work in PDFs).
 * Fonts are registered once; remote URLs are refused and local reads are limited to the font folder,
 * so a document definition built from user data can never fetch a URL or read a server file.
 * Images must be data URLs (e.g. `qrcode.toDataURL`).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { vnWallClock } from '../../shared/vn-time.js';

const require = createRequire(import.meta.url);

/** A pdfmake content node. pdfmake ships no types; this keeps our builders honest without `any`. */
export type PdfNode = string | PdfNode[] | PdfNodeObject;
export interface PdfNodeObject {
  [key: string]: unknown;
}

export type PdfMargins = [left: number, top: number, right: number, bottom: number];

export interface PdfDocDefinition {
  content: PdfNode;
  pageSize?: 'A4' | 'A5' | { width: number; height: number };
  pageOrientation?: 'portrait' | 'landscape';
  pageMargins?: PdfMargins | number;
  defaultStyle?: PdfNodeObject;
  styles?: Record<string, PdfNodeObject>;
  info?: { title?: string; author?: string; subject?: string; keywords?: string; creator?: string; producer?: string };
  footer?: (currentPage: number, pageCount: number) => PdfNode;
  header?: (currentPage: number, pageCount: number) => PdfNode;
  [key: string]: unknown;
}

interface PdfMakeOutput {
  getBuffer(): Promise<Buffer>;
}
interface PdfMake {
  setFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  setLocalAccessPolicy(policy: (file: string) => boolean): void;
  createPdf(definition: PdfDocDefinition): PdfMakeOutput;
}

export const PDF_FONT_FAMILY = 'BeVietnamPro';

/** Folder of the @expo-google-fonts/be-vietnam-pro package (its TTF files live in weight folders). */
export const PDF_FONT_DIR = path.dirname(require.resolve('@expo-google-fonts/be-vietnam-pro/package.json'));

export const PDF_FONT_FILES = {
  normal: path.join(PDF_FONT_DIR, '400Regular', 'BeVietnamPro_400Regular.ttf'),
  bold: path.join(PDF_FONT_DIR, '700Bold', 'BeVietnamPro_700Bold.ttf'),
  italics: path.join(PDF_FONT_DIR, '400Regular_Italic', 'BeVietnamPro_400Regular_Italic.ttf'),
  bolditalics: path.join(PDF_FONT_DIR, '700Bold_Italic', 'BeVietnamPro_700Bold_Italic.ttf'),
} as const;

let engine: PdfMake | undefined;

function pdfEngine(): PdfMake {
  if (engine) return engine;
  const pdfmake = require('pdfmake') as PdfMake;
  const fontRoot = PDF_FONT_DIR + path.sep;
  pdfmake.setFonts({ [PDF_FONT_FAMILY]: { ...PDF_FONT_FILES } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontRoot));
  engine = pdfmake;
  return engine;
}

/** A5 portrait, the paper of forms 01–05 of Circular 01/2018. Points (1 mm ≈ 2.835 pt). */
export const A5 = { width: 419.53, height: 595.28 } as const;
export const A5_MARGINS: PdfMargins = [36, 28, 28, 30];

export const BASE_STYLES: Record<string, PdfNodeObject> = {
  title: { fontSize: 11, bold: true, alignment: 'center', margin: [0, 8, 0, 2] },
  subtitle: { fontSize: 8.5, italics: true, alignment: 'center', margin: [0, 0, 0, 6] },
  label: { bold: true },
  small: { fontSize: 7 },
  tableHeader: { bold: true, alignment: 'center', fontSize: 8 },
  signTitle: { bold: true, alignment: 'center', fontSize: 8.5 },
  signNote: { italics: true, alignment: 'center', fontSize: 7.5 },
};

/** Renders a document definition to PDF bytes. The font and the default style are filled in. */
export async function renderPdf(definition: PdfDocDefinition): Promise<Buffer> {
  const withDefaults: PdfDocDefinition = {
    ...definition,
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: 9, lineHeight: 1.15, ...definition.defaultStyle },
    styles: { ...BASE_STYLES, ...definition.styles },
  };
  return pdfEngine().createPdf(withDefaults).getBuffer();
}

/** An A5 portrait document with the platform margins and an optional small footer line. */
export function a5Document(content: PdfNode[], opts: { title?: string; footerText?: string } = {}): PdfDocDefinition {
  const footerText = opts.footerText;
  return {
    pageSize: 'A5',
    pageOrientation: 'portrait',
    pageMargins: A5_MARGINS,
    info: { title: opts.title, creator: 'Công Vụ', producer: 'Công Vụ' },
    content,
    footer: footerText
      ? (page: number, count: number) => ({
          columns: [
            { text: footerText, fontSize: 6.5, color: '#555555' },
            { text: count > 1 ? `Trang ${page}/${count}` : '', fontSize: 6.5, color: '#555555', alignment: 'right', width: 50 },
          ],
          margin: [A5_MARGINS[0], 8, A5_MARGINS[2], 0],
        })
      : undefined,
  };
}

// --- Vietnam time (UTC+7, no DST since 1975) without local Date getters ---

export interface VnDateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** Wall-clock parts of an instant in Asia/Ho_Chi_Minh, whatever the process TZ is. */
export function vnDateParts(date: Date): VnDateParts {
  const shifted = vnWallClock(date);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "20/11/2019" */
export function formatVnDate(date: Date): string {
  const p = vnDateParts(date);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** "20/11/2019 08:37" */
export function formatVnDateTimeShort(date: Date): string {
  const p = vnDateParts(date);
  return `${formatVnDate(date)} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** "08 giờ 37 phút, ngày 20/11/2019" — the wording of the forms. */
export function formatVnDateTime(date: Date): string {
  const p = vnDateParts(date);
  return `${pad2(p.hour)} giờ ${pad2(p.minute)} phút, ngày ${formatVnDate(date)}`;
}

/** "Tuyên Quang, ngày 27 tháng 11 năm 2026" (day and month padded below 10 as in admin documents). */
export function placeDateLine(place: string, date: Date): string {
  const p = vnDateParts(date);
  return `${place}, ngày ${pad2(p.day)} tháng ${pad2(p.month)} năm ${p.year}`;
}

// --- Building blocks ---

/** A short centred rule, as drawn under the agency name and the national motto. */
export function centeredRule(width: number, margin: PdfMargins = [0, 1, 0, 2]): PdfNodeObject {
  return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.6 }], alignment: 'center', margin };
}

export interface StandardHeaderInput {
  /** Governing body above the agency, e.g. "UBND TỈNH TUYÊN QUANG" (optional). */
  parentAgencyName?: string;
  /** Issuing agency, e.g. "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG". Printed upper-case, bold. */
  agencyName: string;
  /** "Số: 12/PTN-TTPVHCC"; omitted when undefined. */
  documentNumber?: string;
  /** Place of the date line, e.g. "Tuyên Quang"; with `date` gives the italic place/date line. */
  place?: string;
  date?: Date;
}

const HEADER_LEFT_WIDTH = 150;

/** Agency on the left, national title and motto on the right, then number and place/date line. */
export function standardHeader(input: StandardHeaderInput): PdfNode {
  const left: PdfNode[] = [];
  if (input.parentAgencyName) left.push({ text: input.parentAgencyName.toLocaleUpperCase('vi'), fontSize: 8 });
  left.push({ text: input.agencyName.toLocaleUpperCase('vi'), bold: true, fontSize: 8 });
  left.push(centeredRule(50));
  if (input.documentNumber) left.push({ text: `Số: ${input.documentNumber}`, fontSize: 8, margin: [0, 2, 0, 0] });
  const right: PdfNode[] = [
    { text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold: true, fontSize: 8 },
    { text: 'Độc lập - Tự do - Hạnh phúc', bold: true, fontSize: 8.5 },
    centeredRule(112),
  ];
  if (input.place && input.date) {
    right.push({ text: placeDateLine(input.place, input.date), italics: true, fontSize: 8, margin: [0, 2, 0, 0] });
  }
  return {
    columns: [
      { width: HEADER_LEFT_WIDTH, stack: left, alignment: 'center' },
      { width: '*', stack: right, alignment: 'center' },
    ],
    columnGap: 6,
    margin: [0, 0, 0, 4],
  };
}

export interface SignatureColumn {
  /** "NGƯỜI TIẾP NHẬN HỒ SƠ" */
  title: string;
  /** "(Ký và ghi rõ họ tên)" */
  note?: string;
  /** Printed name under the signing space. */
  name?: string;
  /** Line above the title, e.g. "KT. GIÁM ĐỐC" or a place/date line. */
  above?: string;
}

/**
 * Side-by-side signature blocks with room to sign. A single column goes on the right half, unless
 * `isFullWidth: false` (the block already sits in a narrow column).
 */
export function signatureBlock(columns: SignatureColumn[], opts: { signSpace?: number; isFullWidth?: boolean } = {}): PdfNode {
  const signSpace = opts.signSpace ?? 42;
  const blocks: PdfNode[] = columns.map((column) => ({
    width: '*',
    stack: [
      ...(column.above ? [{ text: column.above, italics: true, alignment: 'center', fontSize: 8 }] : []),
      { text: column.title, style: 'signTitle' },
      ...(column.note ? [{ text: column.note, style: 'signNote' }] : []),
      { text: '', margin: [0, signSpace / 2, 0, signSpace / 2] },
      { text: column.name ?? '', bold: true, alignment: 'center' },
    ],
  }));
  if (blocks.length === 1 && opts.isFullWidth !== false) blocks.unshift({ width: '*', text: '' });
  return { columns: blocks, columnGap: 10, margin: [0, 8, 0, 0], unbreakable: true };
}

/** A QR image with a small caption under it; `dataUrl` comes from `qrcode.toDataURL`. */
export function qrBlock(dataUrl: string, caption: string, size = 66): PdfNodeObject {
  return {
    width: size + 8,
    stack: [
      { image: dataUrl, width: size, height: size, alignment: 'center' },
      { text: caption, fontSize: 6, italics: true, alignment: 'center', margin: [0, 1, 0, 0] },
    ],
  };
}

/** "label: value" on one line with the label in bold; an empty value prints dots to fill by hand. */
export function labelled(label: string, value: string | undefined, opts: PdfNodeObject = {}): PdfNodeObject {
  return { text: [{ text: `${label}: `, bold: true }, value?.trim() ? value : '…………………………'], ...opts };
}

/** pdfmake table layout with thin grey rules, suited to small A5 tables. */
export const THIN_TABLE_LAYOUT: PdfNodeObject = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => '#444444',
  vLineColor: () => '#444444',
  paddingLeft: () => 3,
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

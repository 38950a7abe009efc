/**
 * Mẫu 06 — Sổ theo dõi hồ sơ, exported as .xlsx for a period (A4 landscape when printed).
 * Streaming: rows may come from an async iterator (a keyset-paginated query) and are written and
 * flushed one by one, so a year of dossiers never sits in memory.
 */
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { vnWallClock } from '../../../../shared/vn-time.js';
import { formatVnDate } from '../../../platform/pdf.js';
import { fillText, formTexts } from './form-texts.js';

export interface TrackingBookRow {
  dossierCode: string;
  procedureName: string;
  /** Number of dossier sets (bộ); default 1. */
  setCount?: number;
  applicantName: string;
  applicantAddress?: string;
  applicantPhone?: string;
  /** Cơ quan chủ trì giải quyết. */
  leadAgency: string;
  receivedAt: Date;
  dueAt: Date;
  transferredAt?: Date | null;
  resultAt?: Date | null;
  returnedAt?: Date | null;
  note?: string;
}

export interface TrackingBookInput {
  agencyName: string;
  parentAgencyName?: string;
  /** Period shown in the title; instants, printed as Vietnam dates. */
  from: Date;
  to: Date;
  formVersion?: string;
}

export const TRACKING_BOOK_DATE_FORMAT = 'dd/mm/yyyy hh:mm';
/** Row number of the column headers (title rows above it). */
export const TRACKING_BOOK_HEADER_ROW = 5;

/** Excel dates have no zone: store the Vietnam wall-clock time so the sheet shows local time. */
const excelVnDate = (date: Date | null | undefined): Date | null => (date ? vnWallClock(date) : null);

const COLUMN_WIDTHS = [5, 26, 32, 9, 24, 30, 26, 16, 16, 16, 16, 16, 18];
const DATE_COLUMNS = [8, 9, 10, 11, 12];
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

type RowSource = Iterable<TrackingBookRow> | AsyncIterable<TrackingBookRow>;

/** Writes the workbook to `output` and resolves when it is complete; returns the number of rows. */
export async function writeTrackingBook(input: TrackingBookInput, rows: RowSource, output: Writable): Promise<number> {
  const texts = formTexts(input.formVersion ? { version: input.formVersion } : { on: input.to });
  const form = texts.trackingBook;
  const l = form.labels;
  const headers = [
    l.colNo,
    l.colCode,
    l.colProcedure,
    l.colSets,
    l.colApplicant,
    l.colContact,
    l.colAgency,
    l.colReceived,
    l.colDue,
    l.colTransferred,
    l.colResult,
    l.colReturned,
    l.colNote,
  ];
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: true });
  workbook.creator = 'Công Vụ';
  workbook.title = `${form.title} — ${input.agencyName}`;
  workbook.subject = `${form.formNo}, ${texts.legalReference}`;
  const sheet = workbook.addWorksheet(form.title.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: TRACKING_BOOK_HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));
  const lastCol = String.fromCharCode(64 + headers.length);

  const agencyRow = sheet.getRow(1);
  agencyRow.getCell(1).value = [input.parentAgencyName, input.agencyName].filter(Boolean).join(' — ').toLocaleUpperCase('vi');
  agencyRow.getCell(1).font = { bold: true };
  agencyRow.getCell(headers.length).value = `${form.formNo} (${texts.legalReference})`;
  agencyRow.getCell(headers.length).font = { italic: true, size: 9 };
  agencyRow.getCell(headers.length).alignment = { horizontal: 'right' };
  agencyRow.commit();
  sheet.mergeCells(`A2:${lastCol}2`);
  const titleCell = sheet.getRow(2).getCell(1);
  titleCell.value = form.title;
  titleCell.font = { bold: true, size: 14 };
  titleCell.alignment = { horizontal: 'center' };
  sheet.getRow(2).commit();
  sheet.mergeCells(`A3:${lastCol}3`);
  const periodCell = sheet.getRow(3).getCell(1);
  periodCell.value = fillText(l.period, { from: formatVnDate(input.from), to: formatVnDate(input.to) });
  periodCell.font = { italic: true };
  periodCell.alignment = { horizontal: 'center' };
  sheet.getRow(3).commit();

  const headerRow = sheet.getRow(TRACKING_BOOK_HEADER_ROW);
  headerRow.values = headers;
  headerRow.height = 32;
  headerRow.eachCell((cell) => {
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  });
  headerRow.commit();

  let count = 0;
  for await (const item of rows) {
    count += 1;
    const row = sheet.getRow(TRACKING_BOOK_HEADER_ROW + count);
    row.values = [
      count,
      item.dossierCode,
      item.procedureName,
      item.setCount ?? 1,
      item.applicantName,
      [item.applicantAddress, item.applicantPhone].filter(Boolean).join(' — '),
      item.leadAgency,
      excelVnDate(item.receivedAt),
      excelVnDate(item.dueAt),
      excelVnDate(item.transferredAt),
      excelVnDate(item.resultAt),
      excelVnDate(item.returnedAt),
      item.note ?? '',
    ];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: col === 1 || col === 4 ? 'center' : undefined };
      if (DATE_COLUMNS.includes(col)) cell.numFmt = TRACKING_BOOK_DATE_FORMAT;
    });
    row.commit();
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

/** The whole workbook as a Buffer (small periods; prefer `writeTrackingBook` to a response stream). */
export async function renderTrackingBookXlsx(input: TrackingBookInput, rows: RowSource): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve);
    sink.on('error', reject);
  });
  await writeTrackingBook(input, rows, sink);
  await ended;
  return Buffer.concat(chunks);
}

/** Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (A5). */
import { formatVnDateTime, labelled, signatureBlock, THIN_TABLE_LAYOUT, type PdfNode } from '../../../platform/pdf.js';
import { contactLines, renderForm, sentence, textsFor, type FormBaseInput } from './common.js';

export interface SubmittedDocument {
  name: string;
  /** "Bản chính", "Bản sao chứng thực", "Bản chụp" … */
  form?: string;
  /** Number of copies of this document. */
  count?: number;
}

export type TimeLimitUnit = 'working_day' | 'day' | 'working_hour' | 'same_day';

export interface ReceiptFormInput extends FormBaseInput {
  documents: SubmittedDocument[];
  /** Number of dossier sets (bộ); default 1. */
  setCount?: number;
  /** Statutory handling time, e.g. { amount: 25, unit: 'working_day' }. */
  timeLimit: { amount: number; unit: TimeLimitUnit; sameDay?: { cutoff: string; isAfterCutoff: boolean } };
  receivedAt: Date;
  dueAt: Date;
  /** "Bộ phận Một cửa" / "Tại nhà qua dịch vụ bưu chính công ích" … */
  returnPlace: string;
  officerName: string;
  /** Tracking book volume and serial (Sổ theo dõi hồ sơ). */
  book?: { volume: string; serial: string | number };
  /** "Liên 1: Lưu tại Bộ phận Một cửa" / "Liên 2: Giao người nộp hồ sơ". */
  copyLabel?: string;
  /** The dossier's check code for the public lookup (6 characters), printed under the code. */
  checkCode?: string;
}

const UNIT_TEXT: Record<Exclude<TimeLimitUnit, 'same_day'>, string> = {
  working_day: 'ngày làm việc',
  day: 'ngày',
  working_hour: 'giờ làm việc',
};

/** "25 ngày làm việc"; a same-day limit says whether the receipt came before or after the cut-off (the due line gives the day). */
export function formatTimeLimit(limit: ReceiptFormInput['timeLimit']): string {
  if (limit.unit !== 'same_day') return `${limit.amount} ${UNIT_TEXT[limit.unit]}`;
  if (!limit.sameDay) return 'Trong ngày';
  const [hours, minutes] = limit.sameDay.cutoff.split(':');
  const cutoff = `${Number(hours)} giờ${minutes === '00' ? '' : ` ${minutes}`}`;
  return limit.sameDay.isAfterCutoff ? `Trong ngày (nhận sau ${cutoff})` : `Trong ngày (nhận trước ${cutoff})`;
}

export async function renderReceipt(input: ReceiptFormInput): Promise<Buffer> {
  const texts = textsFor(input);
  const form = texts.receipt;
  const l = form.labels;
  const documentRows: PdfNode[][] = input.documents.map((doc, i) => [
    { text: String(i + 1), alignment: 'center' },
    doc.name,
    { text: doc.form ?? '', alignment: 'center' },
    { text: doc.count === undefined ? '' : String(doc.count), alignment: 'center' },
  ]);
  const book = input.book;
  return renderForm(input, texts, form, {
    subtitle: input.copyLabel ? `(${input.copyLabel})` : undefined,
    beside: [
      {
        text: [
          { text: `${l.dossierCode}: `, bold: true },
          { text: input.dossierCode, bold: true, fontSize: 10.5 },
        ],
      },
      ...(input.checkCode && l.checkCode ? [{ text: [`${l.checkCode}: `, { text: input.checkCode, bold: true, fontSize: 10.5 }] }] : []),
      sentence(`${input.agency.name} ${l.receivedFrom}:`),
      { text: input.applicant.name, bold: true, fontSize: 10 },
      ...contactLines(input.applicant, l),
    ],
    body: [
      labelled(l.procedure, input.procedureName),
      sentence(l.documents, { bold: true, margin: [0, 3, 0, 2] }),
      {
        table: {
          headerRows: 1,
          widths: [18, '*', 62, 38],
          body: [
            [
              { text: 'STT', style: 'tableHeader' },
              { text: l.docName, style: 'tableHeader' },
              { text: l.docForm, style: 'tableHeader' },
              { text: l.docCount, style: 'tableHeader' },
            ],
            ...documentRows,
          ],
        },
        layout: THIN_TABLE_LAYOUT,
        fontSize: 8,
        margin: [0, 0, 0, 3],
      },
      sentence(`${l.setCount}: ${String(input.setCount ?? 1).padStart(2, '0')} ${l.setUnit}`),
      sentence(`${l.timeLimit}: ${formatTimeLimit(input.timeLimit)}`),
      sentence(`${l.receivedAt}: ${formatVnDateTime(input.receivedAt)}`),
      { text: [`${l.dueAt}: `, { text: formatVnDateTime(input.dueAt), bold: true }], margin: [0, 1, 0, 1] },
      sentence(`${l.returnPlace}: ${input.returnPlace}`),
      sentence(`${l.book}: ${book?.volume ?? '……'}    ${l.bookSerial}: ${book ? String(book.serial) : '……'}`, {
        italics: true,
      }),
      signatureBlock([
        { title: l.signApplicant, note: l.signNote, name: input.applicant.name },
        { title: l.signOfficer, note: l.signNote, name: input.officerName },
      ]),
      { text: l.footnote, fontSize: 6.5, italics: true, margin: [0, 8, 0, 0] },
    ],
  });
}

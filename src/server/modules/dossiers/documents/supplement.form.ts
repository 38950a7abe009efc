/** Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (A5). */
import { labelled, signatureBlock, THIN_TABLE_LAYOUT, type PdfNode } from '../../../platform/pdf.js';
import { fillText } from './form-texts.js';
import { contactLines, renderForm, sentence, textsFor, type FormBaseInput } from './common.js';

export interface SupplementItem {
  /** The document to add or complete, e.g. "Giấy chứng sinh". */
  document: string;
  /** Why, and what exactly is needed: "Bản chụp không rõ số định danh; nộp bản chính". */
  reason: string;
}

export interface SupplementFormInput extends FormBaseInput {
  items: SupplementItem[];
  /** Who to call while completing the dossier: "Bộ phận Một cửa, số điện thoại 0207 3822 xxx". */
  contact: string;
  /** The officer who guides the applicant (signs as NGƯỜI HƯỚNG DẪN). */
  officerName: string;
  /** Print the "supplement once; the time limit restarts" reminder (default true). */
  showOnceNote?: boolean;
}

export async function renderSupplementRequest(input: SupplementFormInput): Promise<Buffer> {
  const texts = textsFor(input);
  const form = texts.supplement;
  const l = form.labels;
  const rows: PdfNode[][] = input.items.map((item, i) => [{ text: String(i + 1), alignment: 'center' }, item.document, item.reason]);
  return renderForm(input, texts, form, {
    beside: [
      {
        text: [
          { text: `${l.dossierCode}: `, bold: true },
          { text: input.dossierCode, bold: true, fontSize: 10.5 },
        ],
      },
      {
        text: [
          { text: `${l.dossierOf}: `, bold: true },
          { text: input.applicant.name, bold: true, fontSize: 10 },
        ],
      },
      labelled(l.procedure, input.procedureName),
      ...contactLines(input.applicant, l),
    ],
    body: [
      sentence(l.intro, { bold: true, margin: [0, 3, 0, 2] }),
      {
        table: {
          headerRows: 1,
          widths: [18, 120, '*'],
          body: [
            [
              { text: 'STT', style: 'tableHeader' },
              { text: l.docName, style: 'tableHeader' },
              { text: l.reason, style: 'tableHeader' },
            ],
            ...rows,
          ],
        },
        layout: THIN_TABLE_LAYOUT,
        fontSize: 8,
        margin: [0, 0, 0, 4],
      },
      ...(input.showOnceNote === false ? [] : [sentence(l.onceNote, { italics: true, fontSize: 8 })]),
      sentence(fillText(l.contact, { contact: input.contact })),
      signatureBlock([{ title: l.signOfficer, note: l.signNote, name: input.officerName }]),
    ],
  });
}

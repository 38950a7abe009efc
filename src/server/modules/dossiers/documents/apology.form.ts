/** Mẫu 04 — Phiếu xin lỗi và hẹn lại ngày trả kết quả (A5). */
import { formatVnDate, formatVnDateTime, labelled, signatureBlock } from '../../../platform/pdf.js';
import { fillText } from './form-texts.js';
import { renderForm, sentence, textsFor, type FormBaseInput } from './common.js';

export interface ApologyFormInput extends FormBaseInput {
  receivedAt: Date;
  /** The appointment printed on the receipt. */
  oldDueAt: Date;
  /** The new return date (re-scheduling is allowed once, Decree 61/2018 Art 19.9). */
  newDueAt: Date;
  reason: string;
  /** Replaces the standard apology sentence when the agency wants its own words. */
  apologyText?: string;
  /**
   * Signer: the head of the competent agency, name and title line ("GIÁM ĐỐC", "KT. GIÁM ĐỐC\nPHÓ
   * GIÁM ĐỐC"); default "THỦ TRƯỞNG CƠ QUAN" with the agency's name under it. An empty name leaves
   * the line to sign by hand.
   */
  signerName: string;
  signerTitle?: string;
  /** "Nơi nhận" list; default ["Như trên;", "Lưu: VT."]. */
  recipients?: string[];
}

export async function renderApology(input: ApologyFormInput): Promise<Buffer> {
  const texts = textsFor(input);
  const form = texts.apology;
  const l = form.labels;
  const agency = input.agency.name;
  const customText = input.apologyText?.trim();
  const newDate = { text: formatVnDateTime(input.newDueAt), bold: true };
  const apology = customText
    ? [sentence(customText), { text: ['Ngày hẹn trả kết quả mới: ', newDate], margin: [0, 1, 0, 1] }]
    : [{ text: [`${fillText(l.apology, { agency })} `, newDate, '.'], margin: [0, 1, 0, 1] }];
  const recipients = input.recipients ?? ['Như trên;', 'Lưu: VT.'];
  return renderForm(input, texts, form, {
    beside: [
      {
        text: [
          { text: `${l.to}: `, bold: true },
          { text: `Ông/Bà ${input.applicant.name}`, bold: true, fontSize: 10 },
        ],
      },
      labelled(l.address, input.applicant.address),
      labelled(l.phone, input.applicant.phone),
      {
        text: [
          { text: `${l.dossierCode}: `, bold: true },
          { text: input.dossierCode, bold: true },
        ],
      },
    ],
    body: [
      sentence(fillText(l.received, { receivedDate: formatVnDate(input.receivedAt), agency, procedure: input.procedureName }), {
        margin: [0, 3, 0, 1],
      }),
      sentence(`${l.oldDue}: ${formatVnDateTime(input.oldDueAt)}.`),
      sentence(fillText(l.notYet, { agency })),
      labelled(l.reason, input.reason, { margin: [0, 1, 0, 1] }),
      ...apology,
      sentence(l.understanding),
      {
        columns: [
          {
            width: 130,
            stack: [{ text: l.recipients, bold: true, italics: true, fontSize: 7.5 }, ...recipients.map((r) => ({ text: `- ${r}`, fontSize: 7 }))],
            margin: [0, 10, 0, 0],
          },
          {
            width: '*',
            stack: [
              signatureBlock([{ title: input.signerTitle ?? `${l.signHead}\n${agency}`, note: l.signNote, name: input.signerName }], {
                isFullWidth: false,
              }),
            ],
          },
        ],
      },
    ],
  });
}

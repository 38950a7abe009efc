/** Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ (A5). */
import { labelled, signatureBlock, type PdfNode } from '../../../platform/pdf.js';
import { fillText } from './form-texts.js';
import { contactLines, renderForm, sentence, textsFor, type FormBaseInput } from './common.js';

export interface RefusalFormInput extends FormBaseInput {
  /** Each reason, with its legal ground where there is one. At least one. */
  reasons: string[];
  officerName: string;
}

export async function renderRefusal(input: RefusalFormInput): Promise<Buffer> {
  if (input.reasons.length === 0) throw new RangeError('a refusal needs at least one reason');
  const texts = textsFor(input);
  const form = texts.refusal;
  const l = form.labels;
  const reasons: PdfNode = {
    ol: input.reasons.map((reason) => ({ text: reason, margin: [0, 1, 0, 1] })),
    margin: [6, 2, 0, 4],
  };
  return renderForm(input, texts, form, {
    beside: [
      {
        text: [
          { text: `${l.dossierCode}: `, bold: true },
          { text: input.dossierCode, bold: true, fontSize: 10.5 },
        ],
      },
      sentence(`${input.agency.name} ${l.receivedFrom}:`),
      { text: input.applicant.name, bold: true, fontSize: 10 },
      ...contactLines(input.applicant, l),
    ],
    body: [
      labelled(l.procedure, input.procedureName),
      sentence(fillText(l.intro, { agency: input.agency.name }), { margin: [0, 4, 0, 1] }),
      reasons,
      sentence(l.closing),
      signatureBlock([{ title: l.signOfficer, note: l.signNote, name: input.officerName }]),
    ],
  });
}

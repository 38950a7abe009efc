/** Pieces shared by the A5 forms: inputs common to all forms, QR, header, title and footer. */
import QRCode from 'qrcode';
import { a5Document, labelled, qrBlock, renderPdf, standardHeader, type PdfNode, type PdfNodeObject } from '../../../platform/pdf.js';
import { formTexts, type FormText, type FormTextSet } from './form-texts.js';

export interface AgencyInfo {
  /** Issuing agency, e.g. "Trung tâm Phục vụ hành chính công tỉnh Tuyên Quang". */
  name: string;
  /** Governing body printed above it, e.g. "UBND tỉnh Tuyên Quang". */
  parentName?: string;
  /** Place of the date line, e.g. "Tuyên Quang". */
  place: string;
}

export interface ApplicantInfo {
  name: string;
  address?: string;
  phone?: string;
  email?: string;
}

/** Fields every form carries. Dates are instants; they print in Asia/Ho_Chi_Minh. */
export interface FormBaseInput {
  agency: AgencyInfo;
  dossierCode: string;
  applicant: ApplicantInfo;
  procedureName: string;
  /** Date of the place/date line (the document's issue date). */
  issuedAt: Date;
  /** Link encoded in the QR code: `documentVerifyUrl(...)` from platform/doc-signing. */
  qrUrl: string;
  /** Document number ("Số: …"), when the agency numbers this form. */
  documentNumber?: string;
  /** Form wording version; default: the set in force at `issuedAt`. */
  formVersion?: string;
}

export function textsFor(input: Pick<FormBaseInput, 'formVersion' | 'issuedAt'>): FormTextSet {
  return formTexts(input.formVersion ? { version: input.formVersion } : { on: input.issuedAt });
}

export async function qrDataUrl(url: string): Promise<string> {
  return QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
}

export function sentence(text: string, opts: PdfNodeObject = {}): PdfNodeObject {
  return { text, margin: [0, 1, 0, 1], ...opts };
}

export function contactLines(applicant: ApplicantInfo, labels: Record<string, string>): PdfNode[] {
  return [
    labelled(labels.address, applicant.address),
    {
      text: [
        { text: `${labels.phone}: `, bold: true },
        applicant.phone?.trim() || '…………………',
        '        ',
        { text: `${labels.email}: `, bold: true },
        applicant.email?.trim() || '…………………',
      ],
    },
  ];
}

/**
 * Header, centred title, then the first lines of the form beside the QR code (top-right of the body),
 * then the body. The footer names the form number, the legal reference and the wording version.
 */
export async function renderForm(
  input: FormBaseInput,
  texts: FormTextSet,
  form: FormText,
  parts: { subtitle?: string; beside: PdfNode[]; body: PdfNode[] },
): Promise<Buffer> {
  const qr = await qrDataUrl(input.qrUrl);
  const content: PdfNode[] = [
    standardHeader({
      parentAgencyName: input.agency.parentName,
      agencyName: input.agency.name,
      documentNumber: input.documentNumber,
      place: input.agency.place,
      date: input.issuedAt,
    }),
    { text: form.title, style: 'title' },
    ...(parts.subtitle ? [{ text: parts.subtitle, style: 'subtitle' }] : []),
    {
      columns: [{ width: '*', stack: parts.beside }, qrBlock(qr, texts.qrCaption)],
      columnGap: 8,
      margin: [0, 2, 0, 4],
    },
    ...parts.body,
  ];
  const footerText = `${form.formNo} — ${texts.legalReference} (${texts.version}) · Mã hồ sơ ${input.dossierCode}`;
  const definition = a5Document(content, { title: `${form.title} — ${input.dossierCode}`, footerText });
  return renderPdf(definition);
}

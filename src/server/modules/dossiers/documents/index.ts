/** One-stop forms of Circular 01/2018/TT-VPCP: A5 PDFs (Mẫu 01–05) and the tracking book (Mẫu 06). */
export { FORM_TEXT_SETS, TT01_2018, fillText, formTexts, type FormText, type FormTextSet } from './form-texts.js';
export { qrDataUrl, type AgencyInfo, type ApplicantInfo, type FormBaseInput } from './common.js';
export { formatTimeLimit, renderReceipt, type ReceiptFormInput, type SubmittedDocument, type TimeLimitUnit } from './receipt.form.js';
export { renderSupplementRequest, type SupplementFormInput, type SupplementItem } from './supplement.form.js';
export { renderRefusal, type RefusalFormInput } from './refusal.form.js';
export { renderApology, type ApologyFormInput } from './apology.form.js';
export { classifyStepTiming, handOffTiming, renderControlSheet, type ControlSheetFormInput, type HandOff, type StepTiming } from './control-sheet.form.js';
export {
  renderTrackingBookXlsx,
  TRACKING_BOOK_DATE_FORMAT,
  TRACKING_BOOK_HEADER_ROW,
  writeTrackingBook,
  type TrackingBookInput,
  type TrackingBookRow,
} from './tracking-book.xlsx.js';

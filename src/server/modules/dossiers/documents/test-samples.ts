/** Sample inputs for the form tests and for looking at the forms (not used by production code). */
import type { ApologyFormInput } from './apology.form.js';
import type { FormBaseInput } from './common.js';
import type { ControlSheetFormInput } from './control-sheet.form.js';
import type { ReceiptFormInput } from './receipt.form.js';
import type { RefusalFormInput } from './refusal.form.js';
import type { SupplementFormInput } from './supplement.form.js';
import type { TrackingBookRow } from './tracking-book.xlsx.js';

export const SAMPLE_QR_URL =
  'https://dichvucong.tuyenquang.gov.vn/tra-cuu/000.00.27.H59-261127-0001?v=MXwwMXwwMDAuMDAuMjcuSDU5LTI2MTEyNy0wMDAxfHQ0ZHl6c3x8.Zx9kQw2mV1b0aR3sTt8uYw';

/** 08:37 on 27/11/2026 in Vietnam = 01:37 UTC. */
export const SAMPLE_RECEIVED_AT = new Date('2026-11-27T01:37:00Z');
export const SAMPLE_DUE_AT = new Date('2026-12-02T09:30:00Z');

export const SAMPLE_BASE: FormBaseInput = {
  agency: {
    name: 'Trung tâm Phục vụ hành chính công tỉnh Tuyên Quang',
    parentName: 'UBND tỉnh Tuyên Quang',
    place: 'Tuyên Quang',
  },
  dossierCode: '000.00.27.H59-261127-0001',
  applicant: {
    name: 'Nguyễn Thị Hường',
    address: 'Số 12 đường Tân Trào, phường Minh Xuân, tỉnh Tuyên Quang',
    phone: '0912 345 678',
    email: 'huong.nt@example.vn',
  },
  procedureName: 'Đăng ký khai sinh',
  issuedAt: SAMPLE_RECEIVED_AT,
  qrUrl: SAMPLE_QR_URL,
};

export const SAMPLE_RECEIPT: ReceiptFormInput = {
  ...SAMPLE_BASE,
  documents: [
    { name: 'Tờ khai đăng ký khai sinh', form: 'Bản chính', count: 1 },
    { name: 'Giấy chứng sinh', form: 'Bản chính', count: 1 },
    { name: 'Giấy chứng nhận kết hôn của cha, mẹ', form: 'Bản sao', count: 1 },
  ],
  timeLimit: { amount: 3, unit: 'working_day' },
  receivedAt: SAMPLE_RECEIVED_AT,
  dueAt: SAMPLE_DUE_AT,
  returnPlace: 'Bộ phận Một cửa, Trung tâm Phục vụ hành chính công tỉnh',
  officerName: 'Trần Văn Minh',
  book: { volume: '01/2026', serial: 1234 },
  copyLabel: 'Liên 2: Giao người nộp hồ sơ',
};

export const SAMPLE_SUPPLEMENT: SupplementFormInput = {
  ...SAMPLE_BASE,
  documentNumber: '15/PBS-TTPVHCC',
  items: [
    { document: 'Giấy chứng sinh', reason: 'Bản chụp mờ, không đọc được họ tên người mẹ; đề nghị nộp bản chính.' },
    { document: 'Tờ khai đăng ký khai sinh', reason: 'Thiếu chữ ký của người đi đăng ký khai sinh ở mục cuối tờ khai.' },
  ],
  contact: 'ông Trần Văn Minh, Bộ phận Một cửa, số điện thoại 0207 3822 123',
  officerName: 'Trần Văn Minh',
};

export const SAMPLE_REFUSAL: RefusalFormInput = {
  ...SAMPLE_BASE,
  documentNumber: '03/PTC-TTPVHCC',
  reasons: [
    'Việc khai sinh đã được đăng ký tại UBND xã Yên Sơn ngày 05/10/2026 (khoản 1 Điều 13 Luật Hộ tịch 2014).',
    'Người yêu cầu không thuộc trường hợp được đăng ký lại khai sinh.',
  ],
  officerName: 'Trần Văn Minh',
};

export const SAMPLE_APOLOGY: ApologyFormInput = {
  ...SAMPLE_BASE,
  issuedAt: new Date('2026-12-01T02:00:00Z'),
  documentNumber: '07/PXL-TTPVHCC',
  receivedAt: SAMPLE_RECEIVED_AT,
  oldDueAt: SAMPLE_DUE_AT,
  newDueAt: new Date('2026-12-04T09:30:00Z'),
  reason: 'Cần xác minh thông tin nơi sinh tại UBND xã Yên Sơn; văn bản trả lời chưa được gửi đến.',
  signerName: 'Lê Thị Thu Hà',
  signerTitle: 'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC',
};

export const SAMPLE_CONTROL_SHEET: ControlSheetFormInput = {
  ...SAMPLE_BASE,
  leadAgency: 'Sở Tư pháp tỉnh Tuyên Quang',
  coordinatingAgencies: ['UBND xã Yên Sơn'],
  receivedAt: SAMPLE_RECEIVED_AT,
  dueAt: SAMPLE_DUE_AT,
  handOffs: [
    {
      fromUnit: 'Bộ phận Một cửa',
      fromPerson: 'Trần Văn Minh',
      toUnit: 'Phòng Hành chính tư pháp',
      toPerson: 'Phạm Quốc Dũng',
      handedAt: new Date('2026-11-27T03:10:00Z'),
      stepDueAt: new Date('2026-11-30T09:30:00Z'),
    },
    {
      fromUnit: 'Phòng Hành chính tư pháp',
      fromPerson: 'Phạm Quốc Dũng',
      toUnit: 'Lãnh đạo Sở',
      toPerson: 'Đỗ Minh Đức',
      handedAt: new Date('2026-12-01T02:00:00Z'),
      stepDueAt: new Date('2026-12-01T09:30:00Z'),
    },
    {
      fromUnit: 'Lãnh đạo Sở',
      fromPerson: 'Đỗ Minh Đức',
      toUnit: 'Bộ phận Một cửa',
      toPerson: 'Trần Văn Minh',
      handedAt: new Date('2026-12-02T04:15:00Z'),
      stepDueAt: new Date('2026-12-01T09:30:00Z'),
      note: 'Chờ ý kiến xã',
    },
  ],
};

export const SAMPLE_TRACKING_ROWS: TrackingBookRow[] = [
  {
    dossierCode: '000.00.27.H59-261127-0001',
    procedureName: 'Đăng ký khai sinh',
    applicantName: 'Nguyễn Thị Hường',
    applicantAddress: 'Phường Minh Xuân, tỉnh Tuyên Quang',
    applicantPhone: '0912 345 678',
    leadAgency: 'Sở Tư pháp tỉnh Tuyên Quang',
    receivedAt: SAMPLE_RECEIVED_AT,
    dueAt: SAMPLE_DUE_AT,
    transferredAt: new Date('2026-11-27T03:10:00Z'),
    resultAt: new Date('2026-12-02T04:15:00Z'),
    returnedAt: new Date('2026-12-02T08:00:00Z'),
  },
  {
    dossierCode: '000.00.27.H59-261127-0002',
    procedureName: 'Cấp phiếu lý lịch tư pháp',
    setCount: 2,
    applicantName: 'Công ty TNHH Đồng Xanh',
    applicantAddress: 'Xã Yên Sơn, tỉnh Tuyên Quang',
    leadAgency: 'Sở Tư pháp tỉnh Tuyên Quang',
    receivedAt: new Date('2026-11-27T08:05:00Z'),
    dueAt: new Date('2026-12-09T08:05:00Z'),
    note: 'Đang giải quyết',
  },
];

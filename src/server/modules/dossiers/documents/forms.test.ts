import { describe, expect, it } from 'vitest';
import { classifyStepTiming, formTexts, renderApology, renderControlSheet, renderReceipt, renderRefusal, renderSupplementRequest, TT01_2018 } from './index.js';
import { decodeQrCodes, pdfInfo, pdfText } from '../../../test/pdf-tools.js';
import { SAMPLE_APOLOGY, SAMPLE_CONTROL_SHEET, SAMPLE_QR_URL, SAMPLE_RECEIPT, SAMPLE_REFUSAL, SAMPLE_SUPPLEMENT } from './test-samples.js';

const CAPTION = 'Quét mã để tra cứu và xác thực';
const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

async function expectA5(pdf: Buffer): Promise<void> {
  const info = await pdfInfo(pdf);
  expect(info.pages).toBe(1);
  expect(info.width).toBeCloseTo(419.53, 0);
  expect(info.height).toBeCloseTo(595.28, 0);
}

describe('Mẫu 01 — receipt', () => {
  it('prints the Vietnamese text, the dates in Vietnam time and a decodable QR code', async () => {
    const pdf = await renderReceipt(SAMPLE_RECEIPT);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await expectA5(pdf);
    const text = await pdfText(pdf);
    for (const part of [
      ...MOTTO,
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH',
      'Tuyên Quang, ngày 27 tháng 11 năm 2026',
      '000.00.27.H59-261127-0001',
      'Nguyễn Thị Hường',
      'Đăng ký khai sinh',
      'Giấy chứng nhận kết hôn của cha, mẹ',
      '3 ngày làm việc',
      // received 01:37 UTC = 08:37 in Vietnam; due 09:30 UTC = 16:30
      '08 giờ 37 phút, ngày 27/11/2026',
      '16 giờ 30 phút, ngày 02/12/2026',
      'NGƯỜI NỘP HỒ SƠ',
      'NGƯỜI TIẾP NHẬN HỒ SƠ',
      'Trần Văn Minh',
      CAPTION,
      'Thông tư 01/2018/TT-VPCP',
    ]) {
      expect(text).toContain(part);
    }
    const codes = await decodeQrCodes(pdf);
    expect(codes).toEqual([SAMPLE_QR_URL]);
  });
});

describe('Mẫu 02–05', () => {
  it('supplement request lists each missing document with its reason', async () => {
    const pdf = await renderSupplementRequest(SAMPLE_SUPPLEMENT);
    await expectA5(pdf);
    const text = await pdfText(pdf);
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain('Số: 15/PBS-TTPVHCC');
    expect(text).toContain('Bản chụp mờ, không đọc được họ tên người mẹ');
    expect(text).toContain('Thiếu chữ ký của người đi đăng ký khai sinh');
    expect(text).toContain('NGƯỜI HƯỚNG DẪN');
    expect(text).toContain(CAPTION);
  });

  it('refusal states every reason', async () => {
    const text = await pdfText(await renderRefusal(SAMPLE_REFUSAL));
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('khoản 1 Điều 13 Luật Hộ tịch 2014');
    expect(text).toContain('không thuộc trường hợp được đăng ký lại khai sinh');
    await expect(renderRefusal({ ...SAMPLE_REFUSAL, reasons: [] })).rejects.toThrow(/reason/);
  });

  it('apology gives the reason, the old and the new date', async () => {
    const text = await pdfText(await renderApology(SAMPLE_APOLOGY));
    expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text).toContain('Kính gửi: Ông/Bà Nguyễn Thị Hường');
    expect(text).toContain('Tuyên Quang, ngày 01 tháng 12 năm 2026');
    expect(text).toContain('16 giờ 30 phút, ngày 02/12/2026');
    expect(text).toContain('16 giờ 30 phút, ngày 04/12/2026');
    expect(text).toContain('Cần xác minh thông tin nơi sinh');
    expect(text).toContain('xin lỗi ông/bà');
    const custom = await pdfText(await renderApology({ ...SAMPLE_APOLOGY, apologyText: 'Chúng tôi thành thật xin lỗi.' }));
    expect(custom).toContain('Chúng tôi thành thật xin lỗi.');
    expect(custom).toContain('Ngày hẹn trả kết quả mới: 16 giờ 30 phút, ngày 04/12/2026');
  });

  it('control sheet tabulates hand-offs with early / on time / late', async () => {
    const pdf = await renderControlSheet(SAMPLE_CONTROL_SHEET);
    await expectA5(pdf);
    const text = await pdfText(pdf);
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Phòng Hành chính tư pháp');
    expect(text).toContain('10 giờ 10 phút');
    expect(text).toContain('Trước hạn');
    expect(text).toContain('Đúng hạn');
    expect(text).toContain('Quá hạn');
    const codes = await decodeQrCodes(pdf);
    expect(codes).toEqual([SAMPLE_QR_URL]);
  });
});

describe('step timing and form texts', () => {
  const due = new Date('2026-12-01T09:30:00Z'); // 16:30 on 01/12 in Vietnam
  it('classifies against the step deadline in Vietnam time', () => {
    expect(classifyStepTiming(new Date('2026-11-30T16:59:00Z'), due)).toBe('early'); // 23:59 on 30/11
    expect(classifyStepTiming(new Date('2026-11-30T17:00:00Z'), due)).toBe('on_time'); // 00:00 on 01/12
    expect(classifyStepTiming(due, due)).toBe('on_time');
    expect(classifyStepTiming(new Date(due.getTime() + 60_000), due)).toBe('late');
  });

  it('keeps the wording versioned with its legal reference', () => {
    expect(formTexts()).toBe(TT01_2018);
    expect(formTexts({ version: 'TT01-2018.1' }).legalReference).toBe('Thông tư 01/2018/TT-VPCP');
    expect(() => formTexts({ version: 'nope' })).toThrow(RangeError);
  });
});

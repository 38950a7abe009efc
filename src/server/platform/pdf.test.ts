import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../test/pdf-tools.js';
import {
  a5Document,
  formatVnDate,
  formatVnDateTime,
  formatVnDateTimeShort,
  PDF_FONT_FILES,
  placeDateLine,
  renderPdf,
  signatureBlock,
  standardHeader,
} from './pdf.js';

const PNG_1X1 = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('Vietnam time formatting (process TZ is UTC in tests)', () => {
  const at = new Date('2019-11-20T01:37:00Z');
  it('prints wall-clock time of Asia/Ho_Chi_Minh', () => {
    expect(formatVnDateTime(at)).toBe('08 giờ 37 phút, ngày 20/11/2019');
    expect(formatVnDateTimeShort(at)).toBe('20/11/2019 08:37');
    expect(formatVnDate(new Date('2026-11-26T17:30:00Z'))).toBe('27/11/2026');
    expect(placeDateLine('Tuyên Quang', new Date('2026-11-27T03:00:00Z'))).toBe('Tuyên Quang, ngày 27 tháng 11 năm 2026');
    expect(placeDateLine('Tuyên Quang', new Date('2026-03-04T03:00:00Z'))).toBe('Tuyên Quang, ngày 04 tháng 03 năm 2026');
  });
});

describe('renderPdf', () => {
  it('renders Vietnamese with the embedded font on A5, with header and signature blocks', async () => {
    const pdf = await renderPdf(
      a5Document(
        [
          standardHeader({
            parentAgencyName: 'UBND tỉnh Tuyên Quang',
            agencyName: 'Trung tâm Phục vụ hành chính công',
            documentNumber: '12/TB-TTPVHCC',
            place: 'Tuyên Quang',
            date: new Date('2026-11-27T02:00:00Z'),
          }),
          { text: 'Chữ Việt: ắ ằ ẳ ẵ ặ ố ồ ổ ỗ ộ ỳ ỷ ỹ ỵ Đ đ Ư ư Ơ ơ', margin: [0, 10, 0, 10] },
          signatureBlock([{ title: 'NGƯỜI KÝ', note: '(Ký và ghi rõ họ tên)', name: 'Nguyễn Thị Hường' }]),
        ],
        { footerText: 'Chân trang' },
      ),
    );
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('UBND TỈNH TUYÊN QUANG');
    expect(text).toContain('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG');
    expect(text).toContain('Số: 12/TB-TTPVHCC');
    expect(text).toContain('Tuyên Quang, ngày 27 tháng 11 năm 2026');
    expect(text).toContain('ắ ằ ẳ ẵ ặ ố ồ ổ ỗ ộ ỳ ỷ ỹ ỵ Đ đ Ư ư Ơ ơ');
    expect(text).toContain('Nguyễn Thị Hường');
    expect(text).toContain('Chân trang');
  });

  it('accepts data-URL images but refuses remote URLs and local files', async () => {
    await expect(renderPdf(a5Document([{ image: PNG_1X1, width: 10 }]))).resolves.toBeInstanceOf(Buffer);
    await expect(renderPdf(a5Document([{ image: 'http://169.254.169.254/latest/meta-data', width: 10 }]))).rejects.toThrow(/denied/);
    await expect(renderPdf(a5Document([{ image: '/etc/passwd', width: 10 }]))).rejects.toThrow(/denied/);
    const viaDictionary = { ...a5Document([{ image: 'logo', width: 10 }]), images: { logo: 'https://example.com/logo.png' } };
    await expect(renderPdf(viaDictionary)).rejects.toThrow(/denied/);
  });

  it('finds the Be Vietnam Pro TTF files', () => {
    for (const file of Object.values(PDF_FONT_FILES)) {
      expect(existsSync(file)).toBe(true);
      expect(file.endsWith('.ttf')).toBe(true);
    }
  });
});

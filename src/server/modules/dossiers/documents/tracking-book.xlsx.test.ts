import { createWriteStream, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderTrackingBookXlsx, TRACKING_BOOK_HEADER_ROW, writeTrackingBook, type TrackingBookInput } from './index.js';
import { SAMPLE_TRACKING_ROWS } from './test-samples.js';

const INPUT: TrackingBookInput = {
  agencyName: 'Trung tâm Phục vụ hành chính công tỉnh Tuyên Quang',
  from: new Date('2026-10-31T17:00:00Z'),
  to: new Date('2026-11-30T16:59:59Z'),
};

async function readBack(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

describe('Mẫu 06 — tracking book', () => {
  it('writes the Vietnamese headers, the rows and Vietnam-time dates', async () => {
    const sheet = await readBack(await renderTrackingBookXlsx(INPUT, SAMPLE_TRACKING_ROWS));
    expect(sheet.name).toBe('SỔ THEO DÕI HỒ SƠ');
    expect(sheet.getCell('A2').value).toBe('SỔ THEO DÕI HỒ SƠ');
    expect(sheet.getCell('A3').value).toBe('Từ ngày 01/11/2026 đến ngày 30/11/2026');
    const headers = (sheet.getRow(TRACKING_BOOK_HEADER_ROW).values as unknown[]).slice(1);
    expect(headers).toEqual([
      'STT',
      'Mã hồ sơ',
      'Tên TTHC',
      'Số lượng hồ sơ (bộ)',
      'Tên cá nhân, tổ chức',
      'Địa chỉ, số điện thoại',
      'Cơ quan chủ trì giải quyết',
      'Ngày nhận hồ sơ',
      'Hẹn trả kết quả',
      'Ngày chuyển hồ sơ',
      'Ngày có kết quả',
      'Trả kết quả ngày',
      'Ghi chú',
    ]);
    const first = sheet.getRow(TRACKING_BOOK_HEADER_ROW + 1);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe('000.00.27.H59-261127-0001');
    expect(first.getCell(3).value).toBe('Đăng ký khai sinh');
    expect(first.getCell(5).value).toBe('Nguyễn Thị Hường');
    expect(first.getCell(6).value).toBe('Phường Minh Xuân, tỉnh Tuyên Quang — 0912 345 678');
    // 01:37 UTC is stored as the Vietnam wall-clock 08:37, shown as dd/mm/yyyy hh:mm
    expect((first.getCell(8).value as Date).toISOString()).toBe('2026-11-27T08:37:00.000Z');
    expect(first.getCell(8).numFmt).toBe('dd/mm/yyyy hh:mm');
    const second = sheet.getRow(TRACKING_BOOK_HEADER_ROW + 2);
    expect(second.getCell(4).value).toBe(2);
    expect(second.getCell(10).value ?? null).toBeNull();
    expect(second.getCell(13).value).toBe('Đang giải quyết');
  });

  it('streams rows from an async source into a file', async () => {
    async function* rows() {
      for (let i = 0; i < 500; i += 1) {
        yield { ...SAMPLE_TRACKING_ROWS[0], dossierCode: `000.00.27.H59-261127-${String(i + 1).padStart(4, '0')}` };
      }
    }
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'congvu-xlsx-')), 'so-theo-doi.xlsx');
    const out = createWriteStream(file);
    const finished = new Promise<void>((resolve) => out.on('finish', () => resolve()));
    expect(await writeTrackingBook(INPUT, rows(), out)).toBe(500);
    await finished;
    const sheet = await readBack(await readFile(file));
    expect(sheet.getRow(TRACKING_BOOK_HEADER_ROW + 500).getCell(2).value).toBe('000.00.27.H59-261127-0500');
  });
});

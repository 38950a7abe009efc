import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildZip, lyingBomb, manyEntriesBomb, WORKBOOK_PARTS, zerosBomb } from '../test/zip-fixtures.js';
import { AppError } from './errors.js';
import { checkUpload } from './uploads.js';
import { checkZip, ZIP_LIMITS } from './zip-guard.js';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function workbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['Mã cán bộ', 'Họ và tên', 'Ngày sinh']);
  for (let i = 0; i < rows; i++) ws.addRow([`CB${i}`, `Nguyễn Văn ${i}`, '01/02/1990']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('zip guard (before exceljs unpacks anything)', () => {
  it('lets a normal workbook through, with its entries', async () => {
    const xlsx = await workbook(500);
    const entries = checkZip(xlsx);
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']));
    expect(checkUpload(xlsx, { maxBytes: 5 * 1024 * 1024, accept: ['xlsx', 'csv'] }).kind).toBe('xlsx');
  });

  it('refuses a highly compressible huge entry by its ratio (413), from the directory alone', () => {
    const bomb = zerosBomb(8);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const e = refusal(() => checkZip(bomb));
    expect(e).toMatchObject({ code: 'ARCHIVE_TOO_LARGE', status: 413, extra: { maxRatio: ZIP_LIMITS.maxRatio } });
    expect(e.message).toMatch(/giải nén quá lớn/);
    expect(e.errors).toEqual([{ field: 'file', message: expect.stringMatching(/sheet1\.xml nén \d+ lần/) }]);
  });

  it('refuses an archive whose declared sizes add up past the limit (413)', () => {
    const zip = buildZip([
      ...WORKBOOK_PARTS,
      { name: 'xl/a.xml', data: Buffer.alloc(3000, 1), method: 0 },
      { name: 'xl/b.xml', data: Buffer.alloc(3000, 2), method: 0 },
    ]);
    const e = refusal(() => checkZip(zip, 'file', { ...ZIP_LIMITS, maxUnpackedBytes: 5000 }));
    expect(e).toMatchObject({ code: 'ARCHIVE_TOO_LARGE', status: 413, extra: { maxUnpackedBytes: 5000 } });
  });

  it('refuses too many entries (413) before walking them', () => {
    const e = refusal(() => checkZip(manyEntriesBomb(ZIP_LIMITS.maxEntries)));
    expect(e).toMatchObject({ code: 'ARCHIVE_TOO_LARGE', status: 413, extra: { entries: ZIP_LIMITS.maxEntries + 2, maxEntries: ZIP_LIMITS.maxEntries } });
  });

  it('refuses a header that understates the size: caught at the cap while inflating (422)', () => {
    const e = refusal(() => checkZip(lyingBomb(4)));
    expect(e).toMatchObject({ code: 'ARCHIVE_INVALID', status: 422 });
    expect(e.message).toMatch(/lớn hơn kích thước khai báo/);
  });

  it('refuses ZIP64, an entry count the directory does not hold, and a stored entry whose sizes differ (422)', () => {
    expect(refusal(() => checkZip(buildZip(WORKBOOK_PARTS, { zip64Locator: true })))).toMatchObject({
      code: 'ARCHIVE_INVALID',
      message: expect.stringMatching(/ZIP64/),
    });
    const zip64Sizes = buildZip([...WORKBOOK_PARTS, { name: 'xl/big.xml', data: Buffer.from('x'), method: 0, declaredSize: 0xffffffff }]);
    expect(refusal(() => checkZip(zip64Sizes))).toMatchObject({ code: 'ARCHIVE_INVALID', message: expect.stringMatching(/ZIP64/) });
    expect(refusal(() => checkZip(buildZip(WORKBOOK_PARTS, { declaredCount: 3 })))).toMatchObject({ code: 'ARCHIVE_INVALID', status: 422 });
    const stored = buildZip([...WORKBOOK_PARTS, { name: 'xl/s.xml', data: Buffer.from('abc'), method: 0, declaredSize: 1000 }]);
    expect(refusal(() => checkZip(stored))).toMatchObject({ code: 'ARCHIVE_INVALID' });
    expect(refusal(() => checkZip(Buffer.from('PK\x03\x04 not really a zip')))).toMatchObject({ code: 'ARCHIVE_INVALID' });
  });

  it('a zip that is not a workbook is the wrong kind (415), judged by content', () => {
    const zip = buildZip([{ name: 'readme.txt', data: Buffer.from('hello') }]);
    expect(refusal(() => checkUpload(zip, { maxBytes: 1e6, accept: ['xlsx', 'csv'] }))).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 });
  });
});

describe('upload checks', () => {
  it('names the field and the limit on 413, and the accepted kinds on 415', () => {
    const big = refusal(() => checkUpload(Buffer.alloc(11, 0x41), { field: 'documents[0].attachment', maxBytes: 10, accept: ['pdf'] }));
    expect(big).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      status: 413,
      extra: { maxBytes: 10 },
      errors: [{ field: 'documents[0].attachment', message: 'larger than 10 bytes' }],
    });
    const exe = refusal(() => checkUpload(Buffer.from('MZ\x90\x00 executable'), { maxBytes: 1000, accept: ['xlsx', 'csv'] }));
    expect(exe).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415, errors: [{ field: 'file' }] });
    const oldXls = refusal(() => checkUpload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), { maxBytes: 1000, accept: ['xlsx', 'csv'] }));
    expect(oldXls.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(checkUpload(Buffer.from('\uFEFFMã cán bộ,Họ và tên\r\n'), { maxBytes: 1000, accept: ['xlsx', 'csv'] }).kind).toBe('csv');
    // a PNG named .xlsx is a PNG
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]);
    expect(refusal(() => checkUpload(png, { maxBytes: 1000, accept: ['xlsx', 'csv'] }, 'so-lieu.xlsx')).code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

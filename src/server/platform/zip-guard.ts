/**
 * Checks a zip archive (an .xlsx workbook) before anything unpacks it. exceljs hands the bytes to
 * JSZip, which inflates every entry into memory without a limit: a few kilobytes of deflated zeros
 * become gigabytes. So the end-of-central-directory record and every central-directory header are
 * read here first (entry count, declared sizes, compression ratio), and then each entry is inflated
 * once with an output cap equal to its declared size, so a header that lies about the size is
 * caught at the cap instead of in the heap. Nothing is written anywhere; the work is bounded by
 * ZIP_LIMITS.maxUnpackedBytes.
 */
import { inflateRawSync } from 'node:zlib';
import { AppError } from './errors.js';

export const ZIP_LIMITS = {
  /**
   * An .xlsx holds about a dozen parts, plus two or three per sheet and one per picture: 1,000
   * leaves room for hundreds of sheets. The count bounds the directory walk and the per-entry
   * objects JSZip builds (the "many tiny entries" bomb).
   */
  maxEntries: 1000,
  /**
   * The sum of the declared uncompressed sizes. exceljs keeps the whole workbook in memory at
   * several times its XML size; the register's 21-column sheet takes about 870 bytes a row
   * unpacked (measured: 10,000 rows = 8.7 MB), so 64 MB is about 75,000 rows — more than a
   * province's whole register — and a larger sheet can still come as CSV.
   */
  maxUnpackedBytes: 64 * 1024 * 1024,
  /**
   * Sheet XML deflates about 9:1, shared strings about 5:1 (same measurement); Apache POI refuses
   * entries above 100:1 for the same reason. Small entries may exceed it harmlessly (an empty
   * sheet, a style part), so the ratio is checked only on entries larger than ratioFromBytes.
   */
  maxRatio: 100,
  ratioFromBytes: 1024 * 1024,
} as const;

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Where the entry's compressed bytes start. */
  dataOffset: number;
}

const invalid = (field: string, detail: string) =>
  new AppError('ARCHIVE_INVALID', `Tệp nén (.xlsx) không hợp lệ: ${detail}.`, { status: 422, errors: [{ field, message: detail }] });
const tooBig = (field: string, detail: string, extra: Record<string, number>) =>
  new AppError('ARCHIVE_TOO_LARGE', `Tệp nén (.xlsx) khi giải nén quá lớn: ${detail}. Hãy tách thành nhiều tệp nhỏ hơn hoặc lưu thành .csv.`, {
    status: 413,
    errors: [{ field, message: detail }],
    extra,
  });

/** The offset of the end-of-central-directory record (searched back over a comment of up to 64 KB), or -1. */
function findEnd(buf: Buffer): number {
  const stop = Math.max(0, buf.length - EOCD_SIZE - 0xffff);
  for (let i = buf.length - EOCD_SIZE; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

/**
 * The entries of a zip archive, after every check against ZIP_LIMITS: 413 ARCHIVE_TOO_LARGE when it
 * would unpack too big, 422 ARCHIVE_INVALID when it is malformed, encrypted, ZIP64 or lies.
 */
export function checkZip(buf: Buffer, field = 'file', limits: typeof ZIP_LIMITS = ZIP_LIMITS): ZipEntry[] {
  const end = findEnd(buf);
  if (end < 0) throw invalid(field, 'không tìm thấy thư mục trung tâm (end of central directory)');
  const disk = buf.readUInt16LE(end + 4);
  const cdDisk = buf.readUInt16LE(end + 6);
  const onDisk = buf.readUInt16LE(end + 8);
  const count = buf.readUInt16LE(end + 10);
  const cdSize = buf.readUInt32LE(end + 12);
  const cdOffset = buf.readUInt32LE(end + 16);
  // Excel never writes ZIP64 below 4 GB, far above any upload limit: a ZIP64 record here is a trick.
  const isZip64 = (end >= 20 && buf.readUInt32LE(end - 20) === ZIP64_LOCATOR) || count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff;
  if (isZip64) throw invalid(field, 'định dạng ZIP64 không được hỗ trợ');
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) throw invalid(field, 'tệp nén nhiều phần không được hỗ trợ');
  if (count > limits.maxEntries) throw tooBig(field, `${count} thành phần, tối đa ${limits.maxEntries}`, { entries: count, maxEntries: limits.maxEntries });
  if (cdOffset + cdSize > end) throw invalid(field, 'thư mục trung tâm nằm ngoài tệp');

  const entries: ZipEntry[] = [];
  let total = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_SIZE > cdOffset + cdSize || buf.readUInt32LE(at) !== CENTRAL) throw invalid(field, 'số thành phần khai báo không khớp thư mục trung tâm');
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const next = at + CENTRAL_SIZE + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    if (next > cdOffset + cdSize) throw invalid(field, 'tiêu đề thành phần bị cắt cụt');
    const name = buf.toString('utf8', at + CENTRAL_SIZE, at + CENTRAL_SIZE + nameLength);
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw invalid(field, 'định dạng ZIP64 không được hỗ trợ');
    if (flags & 0x1) throw invalid(field, 'tệp được mã hóa (đặt mật khẩu)');
    if (method !== 0 && method !== 8) throw invalid(field, `phương pháp nén ${method} không được hỗ trợ`);
    if (method === 0 && compressedSize !== size) throw invalid(field, `kích thước của ${name} không khớp`);
    total += size;
    if (total > limits.maxUnpackedBytes)
      throw tooBig(field, `hơn ${limits.maxUnpackedBytes / 1024 / 1024} MB dữ liệu`, { maxUnpackedBytes: limits.maxUnpackedBytes });
    if (size > limits.ratioFromBytes && size / Math.max(compressedSize, 1) > limits.maxRatio) {
      throw tooBig(field, `${name} nén ${Math.round(size / Math.max(compressedSize, 1))} lần, tối đa ${limits.maxRatio} lần`, { maxRatio: limits.maxRatio });
    }
    if (local + LOCAL_SIZE > cdOffset || buf.readUInt32LE(local) !== LOCAL) throw invalid(field, `không tìm thấy dữ liệu của ${name}`);
    const dataOffset = local + LOCAL_SIZE + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (dataOffset + compressedSize > cdOffset) throw invalid(field, `dữ liệu của ${name} vượt ra ngoài tệp`);
    entries.push({ name, method, compressedSize, size, dataOffset });
    at = next;
  }
  for (const e of entries) checkInflatedSize(buf, e, field);
  return entries;
}

/** Inflates an entry with its declared size as the cap: a header that understates the size fails here, at the cap. */
function checkInflatedSize(buf: Buffer, e: ZipEntry, field: string): void {
  if (e.method !== 8) return;
  let actual: number;
  try {
    actual = inflateRawSync(buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize), { maxOutputLength: Math.max(e.size, 1) }).length;
  } catch (error) {
    if (error instanceof RangeError) throw invalid(field, `${e.name} lớn hơn kích thước khai báo`);
    throw invalid(field, `${e.name} bị hỏng`);
  }
  if (actual !== e.size) throw invalid(field, `${e.name} không khớp kích thước khai báo`);
}

/**
 * Uploaded files: the one way every route reads and checks them, so every upload answers alike.
 *
 * - Over the route's limit: 413 PAYLOAD_TOO_LARGE naming the field and the limit (`maxBytes`).
 * - Not the kind the route takes, judged by the bytes (magic numbers), never by the name or the
 *   declared type: 415 UNSUPPORTED_MEDIA_TYPE naming the field and the kinds accepted.
 * - A workbook is a zip: it is checked against its central directory (zip-guard.ts) before exceljs
 *   unpacks it (413 ARCHIVE_TOO_LARGE, 422 ARCHIVE_INVALID).
 *
 * Multipart routes register `multipartPlugin` with `multipartOptions` in their plugin scope and call
 * `readUpload(req, rule)` after their policy check; files that come inside JSON (base64) go
 * through `checkUpload` with the same rule shape.
 */
import { isUtf8 } from 'node:buffer';
import multipart, { type FastifyMultipartOptions } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';
import { checkZip } from './zip-guard.js';

export const multipartPlugin = multipart;

/** One file and a few fields per request; the file size is set per route by `readUpload`. */
export const multipartOptions: FastifyMultipartOptions = { limits: { files: 1, fields: 5, parts: 6 }, throwFileSizeLimit: true };

export type UploadKind = 'xlsx' | 'docx' | 'csv' | 'pdf' | 'jpeg' | 'png';

export const CONTENT_TYPES: Record<UploadKind, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv',
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
};

const KIND_NAMES: Record<UploadKind, string> = { xlsx: 'Excel .xlsx', docx: 'Word .docx', csv: 'CSV (UTF-8)', pdf: 'PDF', jpeg: 'JPEG', png: 'PNG' };

export interface UploadRule {
  /** The field named in errors: the multipart part's name, or a JSON path such as `documents[0].attachment`. */
  field?: string;
  maxBytes: number;
  accept: readonly UploadKind[];
  /** What the file is, for messages: "Tệp" (default), "Ảnh", "Tệp đính kèm". */
  what?: string;
}

export interface Upload {
  fileName: string;
  data: Buffer;
  kind: UploadKind;
  contentType: string;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // "PK\3\4": a local file header
const startsWith = (b: Uint8Array, sig: readonly number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);
/** Text a spreadsheet can be: valid UTF-8 (a BOM allowed) with no NUL byte in it; checked without decoding. */
const isText = (b: Buffer): boolean => !b.includes(0) && isUtf8(b);

/** The kind of the bytes by their content; a zip is reported as 'xlsx' here and told apart from .docx by `checkUpload`. */
export function sniffUpload(b: Buffer, accept: readonly UploadKind[]): UploadKind | null {
  if (startsWith(b, PDF)) return 'pdf';
  if (startsWith(b, PNG)) return 'png';
  if (startsWith(b, JPEG)) return 'jpeg';
  if (startsWith(b, ZIP)) return 'xlsx';
  return accept.includes('csv') && isText(b) ? 'csv' : null;
}

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

export function payloadTooLarge(rule: UploadRule): AppError {
  const field = rule.field ?? 'file';
  const message = `${rule.what ?? 'Tệp'} vượt quá dung lượng cho phép (${mb(rule.maxBytes)}).`;
  return new AppError('PAYLOAD_TOO_LARGE', message, { errors: [{ field, message: `larger than ${rule.maxBytes} bytes` }], extra: { maxBytes: rule.maxBytes } });
}

function wrongKind(rule: UploadRule): AppError {
  const kinds = rule.accept.map((k) => KIND_NAMES[k]).join(', ');
  return new AppError('UNSUPPORTED_MEDIA_TYPE', `${rule.what ?? 'Tệp'} phải là tệp ${kinds} (xét theo nội dung tệp).`, {
    errors: [{ field: rule.field ?? 'file', message: `content is not one of: ${rule.accept.join(', ')}` }],
    extra: { accepted: rule.accept.map((k) => CONTENT_TYPES[k]) },
  });
}

/** Checks bytes already read (a multipart part, or base64 from JSON): size, emptiness, kind by content, and a workbook's zip. */
export function checkUpload(data: Buffer, rule: UploadRule, fileName = 'upload'): Upload {
  const field = rule.field ?? 'file';
  if (data.length > rule.maxBytes) throw payloadTooLarge(rule);
  if (data.length === 0) throw AppError.validation(field, `${rule.what ?? 'Tệp'} rỗng.`);
  let kind = sniffUpload(data, rule.accept);
  // A zip is an Office file only with its content types and the workbook's (xl/) or the document's (word/) parts.
  if (kind === 'xlsx' && (rule.accept.includes('xlsx') || rule.accept.includes('docx'))) {
    const entries = checkZip(data, field);
    const isOffice = entries.some((e) => e.name === '[Content_Types].xml');
    const has = (prefix: string) => isOffice && entries.some((e) => e.name.startsWith(prefix));
    kind = has('xl/') ? 'xlsx' : has('word/') ? 'docx' : null;
  }
  if (!kind || !rule.accept.includes(kind)) throw wrongKind(rule);
  return { fileName: fileName.normalize('NFC').slice(0, 200) || 'upload', data, kind, contentType: CONTENT_TYPES[kind] };
}

const isFileTooLarge = (e: unknown) => typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'FST_REQ_FILE_TOO_LARGE';

/**
 * The one file of a multipart request (part `rule.field`, default "file"), read up to the rule's
 * limit and checked by `checkUpload`. Call it after the policy check: nobody else gets to upload.
 */
export async function readUpload(req: FastifyRequest, rule: UploadRule): Promise<Upload> {
  const field = rule.field ?? 'file';
  if (!req.isMultipart()) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Gửi tệp bằng multipart/form-data (trường "${field}").`, {
      errors: [{ field, message: 'expected multipart/form-data' }],
    });
  }
  const part = await req.file({ limits: { fileSize: rule.maxBytes }, throwFileSizeLimit: true }).catch((e: unknown) => {
    throw isFileTooLarge(e) ? payloadTooLarge(rule) : e;
  });
  if (!part) throw AppError.validation(field, `Chưa chọn ${(rule.what ?? 'tệp').toLowerCase()}.`);
  if (part.fieldname !== field) throw AppError.validation(field, `Tệp phải gửi trong trường "${field}".`);
  const data = await part.toBuffer().catch((e: unknown) => {
    throw isFileTooLarge(e) ? payloadTooLarge(rule) : e;
  });
  return checkUpload(data, rule, part.filename);
}

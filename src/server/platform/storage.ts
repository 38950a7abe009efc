/**
 * File storage for dossier attachments and generated documents.
 *
 * Keys are opaque, flat and validated (no "/", no "..", no absolute paths): they start with at least
 * four lowercase hex characters — a sha256 of the content or a uuid — which shard the local folder
 * (`ab/cd/abcd…`) and would prefix an S3 object key just the same. `FileStorage` is the only thing
 * callers see, so an S3-compatible implementation can be added behind it later.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from './errors.js';

export interface PutOptions {
  /** Stored as object metadata by remote backends; the local folder ignores it. */
  contentType?: string;
}

export interface FileStorage {
  /** Stores the bytes under `key`, replacing any previous content; the write is atomic. */
  put(key: string, bytes: Uint8Array, opts?: PutOptions): Promise<void>;
  /** The bytes, or null when there is no such key. */
  get(key: string): Promise<Buffer | null>;
  /** True when something was deleted. */
  delete(key: string): Promise<boolean>;
  exists(key: string): Promise<boolean>;
}

const KEY_PATTERN = /^[0-9a-f]{4}[0-9A-Za-z_-]{0,124}(\.[0-9a-z]{1,10})?$/;

export function isValidStorageKey(key: unknown): key is string {
  return typeof key === 'string' && KEY_PATTERN.test(key);
}

export function assertStorageKey(key: unknown): asserts key is string {
  if (!isValidStorageKey(key)) {
    throw new AppError('BAD_REQUEST', 'Khóa lưu trữ tệp không hợp lệ.', {
      errors: [{ field: 'key', message: 'must be 4+ lowercase hex chars, then [0-9A-Za-z_-], optional .ext' }],
    });
  }
}

/** Local-folder storage; default root `${dataDir}/files`. */
export class LocalFileStorage implements FileStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The file path of a key (after validation), e.g. `<root>/ab/cd/abcd1234.pdf`. */
  pathOf(key: string): string {
    assertStorageKey(key);
    const file = path.join(this.root, key.slice(0, 2), key.slice(2, 4), key);
    if (!file.startsWith(this.root + path.sep)) throw new AppError('BAD_REQUEST', 'Khóa lưu trữ tệp không hợp lệ.');
    return file;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const file = this.pathOf(key);
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, bytes, { flag: 'wx' });
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    const file = this.pathOf(key);
    try {
      return await readFile(file);
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<boolean> {
    const file = this.pathOf(key);
    try {
      await unlink(file);
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    const file = this.pathOf(key);
    try {
      return (await stat(file)).isFile();
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ENOENT';
}

export function createLocalStorage(opts: { dataDir: string } | { root: string }): LocalFileStorage {
  return new LocalFileStorage('root' in opts ? opts.root : path.join(opts.dataDir, 'files'));
}

// --- Content checks ---

export type SniffedFileType = 'application/pdf' | 'image/jpeg' | 'image/png';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF_SIGNATURE = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

/** The real type of the bytes by their magic number, whatever the file name or declared type says. */
export function sniffFileType(bytes: Uint8Array): SniffedFileType | null {
  if (startsWith(bytes, PDF_SIGNATURE)) return 'application/pdf';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(bytes, JPEG_SIGNATURE)) return 'image/jpeg';
  return null;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export const EXTENSION_BY_TYPE: Record<SniffedFileType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

export const ATTACHMENT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  allowedTypes: ['application/pdf', 'image/jpeg', 'image/png'] as readonly SniffedFileType[],
} as const;

/**
 * Checks an uploaded attachment by size and content; returns its type and content-addressed key
 * (`<sha256>.<ext>`). Throws PAYLOAD_TOO_LARGE (413) or UNSUPPORTED_MEDIA_TYPE (415).
 */
export function inspectAttachment(bytes: Uint8Array): { type: SniffedFileType; sha256: string; key: string; size: number } {
  if (bytes.length > ATTACHMENT_LIMITS.maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'Tệp đính kèm vượt quá dung lượng cho phép (10 MB).');
  }
  const type = sniffFileType(bytes);
  if (!type || !ATTACHMENT_LIMITS.allowedTypes.includes(type)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Chỉ chấp nhận tệp PDF, JPEG hoặc PNG.');
  }
  const sha256 = sha256Hex(bytes);
  return { type, sha256, key: `${sha256}.${EXTENSION_BY_TYPE[type]}`, size: bytes.length };
}

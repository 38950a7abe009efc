/**
 * File storage for dossier attachments and generated documents.
 *
 * Keys are opaque, flat and validated (no "/", no "..", no absolute paths): they start with at least
 * four lowercase hex characters — a sha256 of the content or a uuid — which shard the local folder
 * (`ab/cd/abcd…`) and would prefix an S3 object key just the same. `FileStorage` is the only thing
 * callers see, so an S3-compatible implementation can be added behind it later.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from './errors.js';
import { checkUpload, CONTENT_TYPES, sniffUpload, type UploadKind } from './uploads.js';

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
  /**
   * Writes the bytes aside, not yet under `key`: `commit()` puts them there (atomically), `discard()`
   * forgets them. Used for files that belong to a database write: stage before the transaction,
   * commit after it commits, discard when it fails (see `keepFilesIfCommitted`).
   */
  stage(key: string, bytes: Uint8Array, opts?: PutOptions): Promise<StagedFile>;
}

export interface StagedFile {
  readonly key: string;
  commit(): Promise<void>;
  discard(): Promise<void>;
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

  /** Staged files wait in `<root>/.staging` (no key starts with a dot), one uniquely named file per upload. */
  get stagingDir(): string {
    return path.join(this.root, '.staging');
  }

  async stage(key: string, bytes: Uint8Array): Promise<StagedFile> {
    const file = this.pathOf(key);
    await mkdir(this.stagingDir, { recursive: true });
    const temp = path.join(this.stagingDir, `${randomBytes(8).toString('hex')}-${key}`);
    await writeFile(temp, bytes, { flag: 'wx' });
    return {
      key,
      commit: async () => {
        await mkdir(path.dirname(file), { recursive: true });
        await rename(temp, file);
      },
      discard: () => rm(temp, { force: true }),
    };
  }

  /** Removes staged files older than `olderThanMs` (left by a process that stopped between stage and commit); returns how many. */
  async purgeStaged(olderThanMs: number, now = Date.now()): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.stagingDir);
    } catch (error) {
      if (isNotFound(error)) return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names) {
      const file = path.join(this.stagingDir, name);
      const info = await stat(file).catch(() => null);
      if (info && now - info.mtimeMs > olderThanMs) {
        await rm(file, { force: true });
        removed++;
      }
    }
    return removed;
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

/**
 * Runs `work` (which stages files and writes the rows that name them, in a transaction) and keeps
 * the staged files only when it succeeds: a failed write leaves no file behind, and a file never
 * appears before the row that names it could be committed. Content-addressed keys make a commit of
 * a file that is already there a no-op rewrite of the same bytes.
 */
export async function keepFilesIfCommitted<T>(
  storage: FileStorage,
  work: (stage: (key: string, bytes: Uint8Array, opts?: PutOptions) => Promise<void>) => Promise<T>,
): Promise<T> {
  const staged = new Map<string, StagedFile>();
  const stage = async (key: string, bytes: Uint8Array, opts?: PutOptions) => {
    if (!staged.has(key)) staged.set(key, await storage.stage(key, bytes, opts));
  };
  let result: T;
  try {
    result = await work(stage);
  } catch (error) {
    await Promise.allSettled([...staged.values()].map((f) => f.discard()));
    throw error;
  }
  for (const f of staged.values()) await f.commit();
  return result;
}

export function createLocalStorage(opts: { dataDir: string } | { root: string }): LocalFileStorage {
  return new LocalFileStorage('root' in opts ? opts.root : path.join(opts.dataDir, 'files'));
}

// --- Content checks ---

export type SniffedFileType = 'application/pdf' | 'image/jpeg' | 'image/png';

const ATTACHMENT_KINDS = ['pdf', 'jpeg', 'png'] as const satisfies readonly UploadKind[];

/** The real type of the bytes by their magic number, whatever the file name or declared type says. */
export function sniffFileType(bytes: Uint8Array): SniffedFileType | null {
  const kind = sniffUpload(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), []);
  return kind === 'pdf' || kind === 'jpeg' || kind === 'png' ? (CONTENT_TYPES[kind] as SniffedFileType) : null;
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

/** The content-addressed key of checked bytes: `<sha256>.<ext>`. */
export function contentKey(bytes: Uint8Array, type: SniffedFileType): { sha256: string; key: string } {
  const sha256 = sha256Hex(bytes);
  return { sha256, key: `${sha256}.${EXTENSION_BY_TYPE[type]}` };
}

/**
 * Checks an uploaded attachment by size and content (platform/uploads.ts, errors naming `field`);
 * returns its type and content-addressed key. Throws PAYLOAD_TOO_LARGE (413) or UNSUPPORTED_MEDIA_TYPE (415).
 */
export function inspectAttachment(bytes: Uint8Array, field = 'file'): { type: SniffedFileType; sha256: string; key: string; size: number } {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const checked = checkUpload(data, { field, maxBytes: ATTACHMENT_LIMITS.maxBytes, accept: ATTACHMENT_KINDS, what: 'Tệp đính kèm' });
  const type = checked.contentType as SniffedFileType;
  return { type, ...contentKey(data, type), size: data.length };
}

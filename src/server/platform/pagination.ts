import { Type } from 'typebox';
import { AppError } from './errors.js';

export const PageQuery = {
  q: Type.Optional(Type.String({ maxLength: 200 })),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
};

export const pageOf = <T extends ReturnType<typeof Type.Object>>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });

/** Keyset cursors: the sort key of the last row, opaque to clients. */
export const encodeCursor = (key: unknown[]): string => Buffer.from(JSON.stringify(key)).toString('base64url');

export function decodeCursor(cursor: string | undefined): unknown[] | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v)) return v;
  } catch {
    /* fall through */
  }
  throw AppError.validation('cursor', 'Con trỏ phân trang không hợp lệ.');
}

/** Fetch limit+1 rows, return a page and the next cursor. */
export function toPage<R, I>(rows: R[], limit: number, present: (r: R) => I, key: (r: R) => unknown[]): { items: I[]; nextCursor: string | null } {
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { items: page.map(present), nextCursor: more ? encodeCursor(key(page[page.length - 1])) : null };
}

/** The search term as the database will compare it: NFC, lower case (unaccented in SQL). */
export const searchTerm = (q: string | undefined): string | undefined => {
  const t = q?.normalize('NFC').trim().toLowerCase();
  return t ? t.replace(/[%_\\]/g, (c) => `\\${c}`) : undefined;
};

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type KeyPart = 'text' | 'uuid' | 'timestamp' | 'nullable-timestamp' | 'integer';
const partOk: Record<KeyPart, (v: unknown) => boolean> = {
  text: (v) => typeof v === 'string',
  uuid: (v) => typeof v === 'string' && UUID_PATTERN.test(v),
  timestamp: (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)),
  'nullable-timestamp': (v) => v === null || (typeof v === 'string' && !Number.isNaN(Date.parse(v))),
  integer: (v) => Number.isSafeInteger(v),
};

/**
 * Decode a keyset cursor and check each part's type before it reaches SQL, so a tampered cursor
 * is a 400 naming `cursor`, never a database cast error.
 */
export function decodeKey<T extends unknown[]>(cursor: string | undefined, shape: KeyPart[]): T | undefined {
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  if (key.length !== shape.length || !shape.every((kind, i) => partOk[kind](key[i]))) throw AppError.validation('cursor', 'Con trỏ phân trang không hợp lệ.');
  return key as T;
}

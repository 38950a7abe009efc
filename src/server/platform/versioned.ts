/**
 * Optimistic-version updates, one way for every table with `id` and `version` columns: the update
 * applies only while the row still has the version the caller read (and passes `where`, e.g. the
 * states it may leave), and moves the version by one; the loser of a race gets 409 VERSION_CONFLICT.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client.js';
import { AppError } from './errors.js';

type VersionedTable = PgTable & { id: PgColumn; version: PgColumn };

/**
 * `update table set …set, version = version + 1 where id = $id and version = $version [and where]`.
 * Answers the updated row (every column, or `columns`), or undefined when another writer was first.
 */
export async function updateVersioned<T extends VersionedTable, R = T['$inferSelect']>(
  db: DbOrTx,
  table: T,
  id: string,
  version: number,
  set: { [K in keyof T['$inferInsert']]?: T['$inferInsert'][K] | SQL },
  opts: { where?: SQL; columns?: Record<string, PgColumn | SQL> } = {},
): Promise<R | undefined> {
  const update = db
    .update(table as PgTable)
    .set({ ...set, version: sql`${table.version} + 1` } as Record<string, unknown>)
    .where(and(eq(table.id, id), eq(table.version, version), opts.where));
  const rows = (opts.columns ? await update.returning(opts.columns) : await update.returning()) as R[];
  return rows[0];
}

/** 409 VERSION_CONFLICT: someone changed the record since the caller read it. */
export const versionConflict = (message: string, extra?: ConstructorParameters<typeof AppError>[2]): AppError =>
  new AppError('VERSION_CONFLICT', message, extra);

/** The row an optimistic update wrote, else 409 VERSION_CONFLICT with `message`. */
export function orVersionConflict<T>(row: T | undefined, message: string): T {
  if (row === undefined) throw versionConflict(message);
  return row;
}

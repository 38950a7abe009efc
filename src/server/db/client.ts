import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { PgDialect, type PgDatabase, type PgQueryResultHKT, type PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as schema from './schema/index.js';
import { acquireDataDirLock, type DataDirLock } from './lock.js';

export type Schema = typeof schema;
/** The query interface shared by both back ends (and by a transaction). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema>;
/** A database handle or an open transaction: repos accept either. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Raw rows of one SQL statement, normalised across drivers. */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  /** Run several statements (no parameters). */
  exec(text: string): Promise<void>;
  ping(): Promise<void>;
  poolStats(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
  /** The underlying PGlite, for the in-process job queue adapter. */
  pglite?: PGlite;
  pool?: pg.Pool;
}

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

// int8 as string on both drivers, numeric as string, dates as strings: one normalised shape.
pg.types.setTypeParser(1082, (v) => v);

export interface OpenOptions {
  databaseUrl?: string;
  /** A folder for the embedded database; undefined → in memory (tests). */
  dataDir?: string;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolSize ?? 10) : openPglite(opts.dataDir);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  // Drizzle's type parsing for every query (drizzle passes the same per query); `queryPrepared`'s rely on it.
  const pool = new pg.Pool({ connectionString: url, max, types: DRIZZLE_TYPES });
  pool.on('error', () => {
    /* an idle client died (server restart); the pool replaces it */
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    pool,
    async rows<T>(query: SQL) {
      const res = await db.execute(query);
      return (res as unknown as { rows: T[] }).rows;
    },
    async exec(text) {
      await pool.query(text);
    },
    async ping() {
      await pool.query('select 1');
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  let lock: DataDirLock | undefined;
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir);
  }
  const client = await PGlite.create({
    dataDir: dataDir ? path.join(dataDir, 'pglite') : undefined,
    extensions: { unaccent, pg_trgm },
    parsers: { 20: (v: string) => v, 1082: (v: string) => v },
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    async rows<T>(query: SQL) {
      const res = await db.execute(query);
      return (res as unknown as { rows: T[] }).rows;
    },
    async exec(text) {
      await client.exec(text);
    },
    async ping() {
      await client.query('select 1');
    },
    poolStats: () => ({ total: 1, idle: 1, waiting: 0 }),
    async close() {
      await client.close();
      lock?.release();
    },
  };
}

/**
 * Apply the committed SQL migrations. On PostgreSQL a session advisory lock on a dedicated
 * connection makes concurrent start-ups of several servers (or test workers) wait for each other.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as Parameters<typeof migratePglite>[0], { migrationsFolder });
    return;
  }
  const pool = database.pool!;
  const lockClient = await pool.connect();
  try {
    await lockClient.query('select pg_advisory_lock(4242001)');
    await migratePg(database.db as unknown as Parameters<typeof migratePg>[0], { migrationsFolder });
  } finally {
    await lockClient.query('select pg_advisory_unlock(4242001)').catch(() => undefined);
    lockClient.release();
  }
}

const dialect = new PgDialect();

/** Positional parameters for SQL text written by hand: `p.add(value, 'uuid')` gives `$3::uuid`. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

/**
 * Run SQL text as a NAMED prepared statement on PostgreSQL: each connection parses and plans it
 * once, not on every call (planning a statement of many CTEs costs more than running it). The
 * name comes from the text, so keep the text constant (vary the parameters, not the SQL). On
 * PostgreSQL it goes straight to the session's pg pool or transaction client (drizzle's prepared
 * query object, built per call, is measurable on the hot paths), with drizzle's type parsing:
 * dates, timestamps and intervals stay text. On PGlite it runs through drizzle. Returns the rows.
 */
const statementNames = new Map<string, string>();

const AS_TEXT = new Set<number>([
  pg.types.builtins.TIMESTAMPTZ,
  pg.types.builtins.TIMESTAMP,
  pg.types.builtins.DATE,
  pg.types.builtins.INTERVAL,
  1231,
  1115,
  1185,
  1187,
  1182,
]);
const keepText = (value: string) => value;
const DRIZZLE_TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    AS_TEXT.has(oid) ? keepText : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export async function queryPrepared<T>(db: DbOrTx, text: string, values: unknown[]): Promise<T[]> {
  let name = statementNames.get(text);
  if (!name) {
    name = `cv_${createHash('sha1').update(text).digest('base64url').slice(0, 24)}`;
    if (statementNames.size < 1000) statementNames.set(text, name);
  }
  const client = (db._.session as unknown as { client: unknown }).client;
  if (client instanceof pg.Pool || client instanceof pg.Client) {
    // A Query built from the text (pg copies an object config descriptor by descriptor on every
    // call, ~2 µs) and named afterwards; the pool's clients parse types as drizzle does.
    // (A query object with a callback as its next argument: pg ≥ 8.23 honours it on both the pool,
    // which then releases its client, and a transaction's client.)
    const query = Object.assign(new pg.Query(text, values), { name });
    try {
      return await new Promise<T[]>((resolve, reject) => {
        const done = (err: Error | undefined, res?: pg.QueryResult) => (err ? reject(err) : resolve(res!.rows as T[]));
        (client as unknown as { query(q: pg.Query, cb: typeof done): void }).query(query, done);
      });
    } catch (err) {
      // As pg's promise path does: a stack that leads back to the caller, not to the socket read.
      if (err instanceof Error) Error.captureStackTrace(err);
      throw err;
    }
  }
  const res = await db._.session.prepareQuery({ sql: text, params: values }, undefined, name, false).execute();
  return (res as { rows: T[] }).rows;
}

/** `queryPrepared` for a drizzle `sql` query (built on every call: for statements of few shapes). */
export async function executePrepared<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const q = dialect.sqlToQuery(query);
  return queryPrepared<T>(db, q.sql, q.params);
}

export { sql };

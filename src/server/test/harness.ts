/**
 * Test harness: a real database (in-memory PGlite, or TEST_DATABASE_URL) and the real app driven
 * through inject(). Each test builds its own agencies and users with unique codes, so files run in
 * parallel on one PostgreSQL database without cleanup.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import type { AppContext } from '../context.js';
import { type Database, migrateDatabase, openDatabase } from '../db/client.js';
import { agency, roleAssignment, userAccount } from '../db/schema/index.js';
import { seedReference } from '../db/seed/index.js';
import { hashPassword } from '../modules/auth/index.js';
import { NATIONAL_CODE, type Role } from '../platform/principal.js';

export interface Harness {
  app: FastifyInstance;
  database: Database;
  ctx: AppContext;
  config: Config;
  close(): Promise<void>;
}

export async function startHarness(overrides: Partial<Config> = {}): Promise<Harness> {
  const config: Config = { ...loadConfig({ NODE_ENV: 'test', CONGVU_DATA_DIR: '/nonexistent' }), loadDemo: false, ...overrides };
  const database = await openDatabase({ databaseUrl: process.env.TEST_DATABASE_URL, poolSize: 4 });
  await migrateDatabase(database);
  await seedReference(database.db);
  const app = await buildApp(config, database);
  await app.ready();
  return {
    app,
    database,
    config,
    ctx: { config, database, db: database.db },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export const uid = (n = 4): string => randomBytes(n).toString('hex').toUpperCase();

const passwordHashCache = new Map<string, Promise<string>>();
export const TEST_PASSWORD = 'mat-khau-thu-nghiem-1';

export interface TestAgency {
  id: string;
  code: string;
}

/** A fresh top-level agency with a child agency, both with unique Decision-20-shaped codes. */
export async function makeAgencyTree(h: Harness, provinceCode = '08'): Promise<{ root: TestAgency; child: TestAgency }> {
  const tag = uid(3);
  const [root] = await h.database.db
    .insert(agency)
    .values({ code: `T${tag}.00.00.H99`, name: `Ủy ban thử nghiệm ${tag}`, adminUnitCode: provinceCode, provinceCode })
    .returning({ id: agency.id, code: agency.code });
  const [child] = await h.database.db
    .insert(agency)
    .values({ code: `T${tag}.00.31.H99`, name: `Sở thử nghiệm ${tag}`, parentId: root.id, adminUnitCode: provinceCode, provinceCode })
    .returning({ id: agency.id, code: agency.code });
  return { root, child };
}

/** A fresh agency of the national level (in no province), like a ministry. */
export async function makeNationalAgency(h: Harness): Promise<TestAgency> {
  const tag = uid(3);
  const [row] = await h.database.db
    .insert(agency)
    .values({ code: `T${tag}.00.00.G99`, name: `Bộ thử nghiệm ${tag}`, adminUnitCode: NATIONAL_CODE, provinceCode: NATIONAL_CODE })
    .returning({ id: agency.id, code: agency.code });
  return row;
}

export interface TestUser {
  id: string;
  username: string;
}

export async function makeUser(
  h: Harness,
  role: Role | null,
  agencyId: string | null,
  kind: 'official' | 'citizen' = role === 'citizen' ? 'citizen' : 'official',
): Promise<TestUser> {
  const username = `u${uid(5).toLowerCase()}`;
  if (!passwordHashCache.has(TEST_PASSWORD)) passwordHashCache.set(TEST_PASSWORD, hashPassword(TEST_PASSWORD));
  const passwordHash = await passwordHashCache.get(TEST_PASSWORD)!;
  const [u] = await h.database.db
    .insert(userAccount)
    .values({ username, displayName: `Người thử ${username}`, kind, passwordHash })
    .returning();
  if (role && agencyId) await h.database.db.insert(roleAssignment).values({ userId: u.id, role, agencyId });
  return { id: u.id, username };
}

/** A signed-in browser: carries the session cookie and the CSRF token on writes. */
export interface Client {
  csrfToken: string;
  cookie: string;
  request(opts: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse>;
}

export async function login(h: Harness, username: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'congvu_sid')!;
  const csrfToken = (res.json() as { csrfToken: string }).csrfToken;
  return {
    csrfToken,
    cookie: `congvu_sid=${cookie.value}`,
    request(opts) {
      const headers: Record<string, string> = { ...(opts.headers as Record<string, string>), cookie: `congvu_sid=${cookie.value}` };
      const method = (opts.method ?? 'GET').toUpperCase();
      if (opts.csrf !== false && method !== 'GET') headers['x-csrf-token'] = csrfToken;
      return h.app.inject({ ...opts, headers });
    },
  };
}

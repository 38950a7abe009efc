/**
 * A production start refuses what is only fit for development: the default or a short secret, demo
 * rows in the database, an OIDC issuer without https, /metrics without its token. The server is
 * started for real (`main.ts` in a child process) for the exit code and the message, and through
 * prepare() (the same steps, in process) for each rule. Embedded databases in temporary folders:
 * a production start needs a database without demo rows, which the shared test database is not.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, DEV_SECRET, loadConfig } from './config.js';
import { migrateDatabase, openDatabase } from './db/client.js';
import { userAccount } from './db/schema/index.js';
import { EXIT_REFUSED, StartRefusedError } from './production.js';
import { prepare } from './server.js';
import { type Harness, startHarness, uid } from './test/harness.js';

const run = promisify(execFile);
const main = path.resolve(import.meta.dirname, 'main.ts');
const tsx = createRequire(import.meta.url).resolve('tsx/cli');

const GOOD_SECRET = 'a-production-secret-that-is-long-enough-0123456789';
const PRODUCTION: NodeJS.ProcessEnv = {
  NODE_ENV: 'production',
  CONGVU_SECRET: GOOD_SECRET,
  CONGVU_METRICS_TOKEN: 'metrics-token-0123456789',
  LOG_LEVEL: 'silent',
  PORT: '0',
  HOST: '127.0.0.1',
};

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'congvu-prod-'));

/** `main.ts` as `npm start` runs it, on an embedded database in `dataDir`; stops it if it starts. */
async function start(dataDir: string, env: NodeJS.ProcessEnv): Promise<{ code: number; out: string }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(CONGVU_|OIDC_|DATABASE_URL$|TEST_DATABASE_URL$)/.test(k)));
  try {
    const r = await run(process.execPath, [tsx, main], { env: { ...base, CONGVU_DATA_DIR: dataDir, ...env }, timeout: 240_000 });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

const productionConfig = (env: NodeJS.ProcessEnv, dataDir = '/nonexistent/congvu'): Config => loadConfig({ ...PRODUCTION, CONGVU_DATA_DIR: dataDir, ...env });

async function refusal(config: Config): Promise<StartRefusedError> {
  const err: unknown = await prepare(config).then(
    async (running) => {
      await running.app.close();
      await running.database.close();
      return undefined;
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StartRefusedError);
  return err as StartRefusedError;
}

/** A database folder holding one demo account, as `congvu seed --demo` would leave it. */
async function folderWithDemoRows(): Promise<string> {
  const dir = tempDir();
  const database = await openDatabase({ dataDir: dir });
  try {
    await migrateDatabase(database);
    await database.db.insert(userAccount).values({ username: `demo${uid()}`.toLowerCase(), displayName: 'Người mẫu', kind: 'official', isDemo: true });
  } finally {
    await database.close();
  }
  return dir;
}

let demoFolder: string;
beforeAll(async () => {
  demoFolder = await folderWithDemoRows();
}, 600_000);

describe('NODE_ENV=production start (main.ts)', () => {
  it('exits non-zero naming CONGVU_SECRET when the secret is the development default', { timeout: 300_000 }, async () => {
    const dir = tempDir();
    const unset = await start(dir, { ...PRODUCTION, CONGVU_SECRET: '' });
    expect(unset.code, unset.out).toBe(EXIT_REFUSED);
    expect(unset.out).toContain('CONGVU_SECRET');
    expect(unset.out).toContain('từ chối khởi động');
    expect(unset.out).toContain('refuses to start');
    expect(unset.out).toContain('openssl rand');
    expect(unset.out).not.toMatch(/\bat .*\.ts:\d+/); // a message, not a stack trace
    expect(fs.readdirSync(dir)).toEqual([]); // refused before the database was touched
  });

  it('exits non-zero naming the demo rows (table and count) and what to do', { timeout: 300_000 }, async () => {
    const r = await start(demoFolder, PRODUCTION);
    expect(r.code, r.out).toBe(EXIT_REFUSED);
    expect(r.out).toContain('dữ liệu mẫu');
    expect(r.out).toContain('user_account: 1');
    expect(r.out).toContain('fresh database');
  });
});

describe('prepare() in production', () => {
  it('refuses the development secret set explicitly, and a secret shorter than 32 bytes', async () => {
    expect((await refusal(productionConfig({ CONGVU_SECRET: DEV_SECRET }))).message).toMatch(/CONGVU_SECRET chưa đặt[\s\S]*CONGVU_SECRET is not set/);
    const short = await refusal(productionConfig({ CONGVU_SECRET: 'x'.repeat(31) }));
    expect(short.message).toContain('CONGVU_SECRET quá ngắn (31 byte');
    expect(short.message).toContain('CONGVU_SECRET is too short (31 bytes');
    // Bytes, not characters: 11 Vietnamese letters of 3 bytes each pass.
    expect(productionConfig({ CONGVU_SECRET: 'ệ'.repeat(11) }).secret).toHaveLength(11);
  });

  it('refuses an OIDC issuer (or redirect URI) that is not https', async () => {
    const err = await refusal(
      productionConfig({
        OIDC_ISSUER: 'http://sso.example.gov.vn',
        OIDC_CLIENT_ID: 'congvu',
        OIDC_REDIRECT_URI: 'https://dvc.example.gov.vn/api/v1/auth/oidc/callback',
      }),
    );
    expect(err.problems).toHaveLength(1);
    expect(err.message).toContain('OIDC_ISSUER phải là địa chỉ https://');
    const redirect = await refusal(productionConfig({ OIDC_ISSUER: 'https://sso.example.gov.vn', OIDC_CLIENT_ID: 'congvu' }));
    expect(redirect.message).toContain('OIDC_REDIRECT_URI');
  });

  it('refuses to start without CONGVU_METRICS_TOKEN', async () => {
    const err = await refusal(productionConfig({ CONGVU_METRICS_TOKEN: '' }));
    expect(err.problems).toHaveLength(1);
    expect(err.message).toContain('CONGVU_METRICS_TOKEN');
  });

  it('names every problem at once', async () => {
    const err = await refusal(
      productionConfig({ CONGVU_SECRET: '', CONGVU_METRICS_TOKEN: '', OIDC_ISSUER: 'http://sso.local', OIDC_REDIRECT_URI: 'https://x.vn/cb' }),
    );
    expect(err.problems.map((p) => p.en.split(' ')[0])).toEqual(['CONGVU_SECRET', 'OIDC_ISSUER', 'CONGVU_METRICS_TOKEN']);
  });

  it('refuses a database with demo rows, and starts on a clean one', { timeout: 600_000 }, async () => {
    const err = await refusal(productionConfig({}, demoFolder));
    expect(err.message).toMatch(/user_account: 1/);
    const running = await prepare({ ...productionConfig({}), dataDir: '' }); // a new embedded database, in memory
    try {
      expect(running.demoLoaded).toBe(false);
      const meta = await running.app.inject('/api/v1/meta');
      expect(meta.json()).toMatchObject({ demo: false, demoAccounts: [] });
    } finally {
      await running.app.close();
      await running.database.close();
    }
  });

  it('development starts as before with the default secret and no metrics token', () => {
    const dev = loadConfig({ NODE_ENV: 'development' });
    expect(dev.secret).toBe(DEV_SECRET);
  });
});

describe('a production server that was built anyway', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ isProduction: true, metricsToken: undefined });
    // Demo rows that appeared after the start (or a database the start check did not see).
    await h.database.db.insert(userAccount).values({ username: `demo${uid()}`.toLowerCase(), displayName: 'Người mẫu', kind: 'official', isDemo: true });
  });
  afterAll(() => h.close());

  it('/api/v1/meta never names the demo accounts', async () => {
    const meta = await h.app.inject('/api/v1/meta');
    expect(meta.statusCode).toBe(200);
    expect(meta.json()).toMatchObject({ demo: false, demoAccounts: [] });
  });

  it('/metrics answers 401 without a token configured', async () => {
    const res = await h.app.inject('/metrics');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

/**
 * The command line on a real embedded database folder: seed, then `audit verify` passes; after an
 * audit row is altered or deleted it fails, naming the first bad entry.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db/client.js';

const run = promisify(execFile);
const bin = path.resolve(import.meta.dirname, '../../bin/congvu.js');

async function cli(dataDir: string, ...args: string[]): Promise<{ code: number; out: string }> {
  const env = { ...process.env, CONGVU_DATA_DIR: dataDir, DATABASE_URL: '', NODE_ENV: 'development' };
  try {
    const r = await run(process.execPath, [bin, ...args], { env });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

async function sqlOn(dataDir: string, text: string): Promise<void> {
  const db = await openDatabase({ dataDir });
  try {
    await db.exec(text);
  } finally {
    await db.close();
  }
}

describe('npx congvu audit verify', () => {
  it('passes on an intact log and names the first bad entry after tampering', { timeout: 120_000 }, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'congvu-cli-'));
    expect((await cli(dir, 'seed', '--demo')).code).toBe(0);
    expect(
      (
        await cli(
          dir,
          'user',
          'create',
          '--username',
          'canbo1',
          '--name',
          'Cán bộ Một',
          '--password',
          'mat-khau-dai-1',
          '--role',
          'leader',
          '--agency',
          '000.00.16.H57',
        )
      ).code,
    ).toBe(0);
    expect((await cli(dir, 'token', 'create', '--name', 'Kiosk', '--role', 'counter_officer', '--agency', '000.00.31.H57')).out).toMatch(/cv_[\w-]{30,}/);

    const intact = await cli(dir, 'audit', 'verify');
    expect(intact.code, intact.out).toBe(0);
    expect(intact.out).toContain('intact');

    await sqlOn(dir, `update audit_event set action = 'user.delete' where stream = 'system' and seq = 2`);
    const altered = await cli(dir, 'audit', 'verify');
    expect(altered.code).not.toBe(0);
    expect(altered.out).toContain('stream=system seq=2');

    await sqlOn(dir, `delete from audit_event where stream = 'system' and seq = 2`);
    const deleted = await cli(dir, 'audit', 'verify');
    expect(deleted.code).not.toBe(0);
    expect(deleted.out).toMatch(/stream=system seq=2: entry 2 is missing/);
  });
});

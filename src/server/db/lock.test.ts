import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './lock.js';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'congvu-lock-'));

describe('data folder lock', () => {
  it('refuses a folder held by another live process, naming it', async () => {
    const dir = tmp();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    try {
      fs.writeFileSync(path.join(dir, 'congvu.lock'), String(other.pid));
      let error: unknown;
      try {
        acquireDataDirLock(dir);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(DataDirLockedError);
      expect((error as Error).message).toContain(String(other.pid));
    } finally {
      other.kill();
    }
  });

  it('takes over a stale lock whose process is gone, and releases it', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'congvu.lock'), '999999');
    const lock = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, 'congvu.lock'), 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(path.join(dir, 'congvu.lock'))).toBe(false);
  });
});

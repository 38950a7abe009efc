import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { DEMO_ACCOUNTS } from './demo.js';
import { DemoRefusedError, seedDemo } from './index.js';

let h: Harness;
const password = 'demo-password-for-tests';
beforeAll(async () => {
  h = await startHarness();
  await seedDemo(h.database.db, { ...h.config, demoPassword: password });
});
afterAll(() => h.close());

describe('demo dataset', () => {
  it.each(DEMO_ACCOUNTS.map((a) => [a.username, a.role, a.agency] as const))('%s signs in with the login contract (%s)', async (username, role, agencyCode) => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['csrfToken', 'user']);
    expect(Object.keys(body.user).sort()).toEqual(['displayName', 'id', 'roles', 'username']);
    expect(body.user.username).toBe(username);
    expect(body.user.roles).toContainEqual(expect.objectContaining({ role, agencyCode }));
    expect(typeof body.csrfToken).toBe('string');
  });

  it('is idempotent', async () => {
    await expect(seedDemo(h.database.db, { ...h.config, demoPassword: password })).resolves.toBeUndefined();
  });

  it('is marked as demo in /api/v1/meta', async () => {
    const meta = (await h.app.inject('/api/v1/meta')).json();
    expect(meta.demo).toBe(true);
    expect(meta.demoAccounts).toEqual(expect.arrayContaining(['admin', 'motcua', 'chuyenvien', 'lanhdao', 'thanhtra', 'noivu', 'kiemtoan', 'congdan']));
  });

  it('is refused when NODE_ENV=production', async () => {
    const prod = loadConfig({ NODE_ENV: 'production', CONGVU_SECRET: 'x'.repeat(32) });
    await expect(seedDemo(h.database.db, prod)).rejects.toBeInstanceOf(DemoRefusedError);
  });
});

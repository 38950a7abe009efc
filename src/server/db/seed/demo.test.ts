import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { DEMO_PROCEDURES } from '../../modules/procedures/index.js';
import { DEMO_ACCOUNTS } from './demo.js';
import { DemoRefusedError, seedDemo } from './index.js';

let h: Harness;
const password = 'demo-password-for-tests';
beforeAll(async () => {
  h = await startHarness({ loginRateLimitPerMinute: 100 }); // every demo account signs in once, and a few twice
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

  // The accounts this seed makes (other test files may add demo rows to a shared PostgreSQL database).
  const SEEDED = [...DEMO_ACCOUNTS.map((a) => a.username), 'canbo'];
  it('links every staff account to its own active official record, with the same full name, in the agency of its role', async () => {
    const rows = await h.database.rows<{ username: string; display_name: string; full_name: string | null; agency_code: string | null; records: string }>(sql`
      select u.username, u.display_name, o.full_name, a.code as agency_code,
             (select count(*) from official x where x.user_id = u.id and x.status = 'active') as records
      from user_account u left join official o on o.user_id = u.id and o.status = 'active' left join agency a on a.id = o.agency_id
      where u.is_demo and u.kind = 'official' and u.username in ${SEEDED}`);
    const byName = new Map(rows.map((r) => [r.username, r]));
    const staff = DEMO_ACCOUNTS.filter((a) => a.kind === 'official');
    expect(staff.map((a) => a.username)).toEqual(expect.arrayContaining(['admin', 'motcua', 'chuyenvien', 'lanhdao', 'thanhtra', 'noivu', 'kiemtoan']));
    for (const a of staff)
      expect(byName.get(a.username), a.username).toMatchObject({ display_name: a.displayName, full_name: a.displayName, agency_code: a.agency });
    for (const r of rows) expect([r.username, r.full_name, Number(r.records)]).toEqual([r.username, r.display_name, 1]); // canbo too
  });

  it('gives every agency that owns demo procedures its own processing officer and leader, each with his own official record there', async () => {
    const owners = [...new Set(DEMO_PROCEDURES.map((p) => p.agencyCode))].sort();
    expect(owners).toEqual(expect.arrayContaining(['000.00.16.H57', '000.01.20.H57', '000.02.20.H57'])); // the communes own procedures too
    const rows = await h.database.rows<{ agency_code: string; role: string; username: string }>(sql`
      select a.code as agency_code, r.role, u.username
      from role_assignment r join user_account u on u.id = r.user_id join agency a on a.id = r.agency_id
      join official o on o.user_id = u.id and o.status = 'active' and o.agency_id = a.id and o.full_name = u.display_name
      where u.is_demo and u.username in ${SEEDED} and r.role in ('processing_officer', 'leader')`);
    const held = (agency: string, role: string) => rows.filter((r) => r.agency_code === agency && r.role === role).map((r) => r.username);
    for (const agency of owners) {
      expect(held(agency, 'processing_officer'), `processing officer at ${agency}`).not.toEqual([]);
      expect(held(agency, 'leader'), `leader at ${agency}`).not.toEqual([]);
    }
    // Nobody holds both roles: the leader approves what his officer appraised.
    expect(new Set(rows.map((r) => r.username)).size).toBe(rows.length);
  });

  it('lets the rules be tried: "my record" finds the leader, who may not dismiss a violation reported against himself', async () => {
    const signIn = async (username: string) => {
      const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
      const cookie = `congvu_sid=${res.cookies.find((c) => c.name === 'congvu_sid')!.value}`;
      const csrf = (res.json() as { csrfToken: string }).csrfToken;
      return (method: 'GET' | 'POST', url: string, payload?: object) =>
        h.app.inject({ method, url: `/api/v1/conduct${url}`, payload, headers: { cookie, 'x-csrf-token': csrf } });
    };
    const lanhdao = await signIn('lanhdao');
    const mine = (await lanhdao('GET', '/my/commitments')).json();
    expect(mine.official).toMatchObject({ fullName: 'Lê Quang Dũng', agencyCode: '000.00.16.H57' });
    const thanhtra = await signIn('thanhtra');
    const v = await thanhtra('POST', '/violations', {
      officialId: mine.official.id,
      source: 'complaint',
      occurredOn: '2026-11-02',
      description: 'Phản ánh thử trên dữ liệu mẫu',
    });
    expect(v.statusCode, v.body).toBe(201);
    const refused = await lanhdao('POST', `/violations/${v.json().id}/dismiss`, { version: 1 });
    expect([refused.statusCode, refused.json().code]).toEqual([403, 'SELF_REVIEW']);
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

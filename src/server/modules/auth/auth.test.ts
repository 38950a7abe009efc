import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Harness, login, makeAgencyTree, makeUser, startHarness, TEST_PASSWORD } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ loginMaxFailures: 3, loginLockMinutes: 15 });
});
afterAll(() => h.close());

/** A client address of its own for each test (the lockout counts per username and address). */
const addressOf = (): string => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
const signIn = (username: string, password: string, remoteAddress: string) =>
  h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });
describe('POST /api/v1/auth/login', () => {
  it('signs in, returns the user with roles and a CSRF token, and sets an httpOnly SameSite cookie', async () => {
    const { root } = await makeAgencyTree(h);
    const u = await makeUser(h, 'leader', root.id);
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user).toMatchObject({ id: u.id, username: u.username, roles: [{ role: 'leader', agencyCode: root.code }] });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = res.cookies.find((c) => c.name === 'congvu_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(JSON.stringify(body)).not.toMatch(/password|hash/i);
  });

  it('answers 401 problem+json for a wrong password and for an unknown user alike', async () => {
    const { root } = await makeAgencyTree(h);
    const u = await makeUser(h, 'leader', root.id);
    for (const payload of [
      { username: u.username, password: 'wrong-password' },
      { username: 'nobody-here', password: 'x' },
    ]) {
      const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
      expect(res.json().requestId).toBeTruthy();
    }
  });

  it('locks the account from that address after repeated failures, even for the right password', async () => {
    const { root } = await makeAgencyTree(h);
    const u = await makeUser(h, 'leader', root.id);
    const from = addressOf();
    for (let i = 0; i < 3; i++) {
      const r = await signIn(u.username, 'bad', from);
      expect(r.statusCode).toBe(401);
    }
    const res = await signIn(u.username, TEST_PASSWORD, from);
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect(res.json().retryAfter).toBeGreaterThan(0);
  });

  it('a lock holds for one address only: the owner signs in from elsewhere (nobody locks out someone else)', async () => {
    const { root } = await makeAgencyTree(h);
    const u = await makeUser(h, 'leader', root.id);
    const attacker = addressOf();
    for (let i = 0; i < 3; i++) expect((await signIn(u.username, 'doan-mo', attacker)).statusCode).toBe(401);
    expect((await signIn(u.username, TEST_PASSWORD, attacker)).statusCode).toBe(429);
    // The username as typed in another case is the same account, so the same lock.
    expect((await signIn(u.username.toUpperCase(), TEST_PASSWORD, attacker)).statusCode).toBe(429);
    const owner = await signIn(u.username, TEST_PASSWORD, addressOf());
    expect(owner.statusCode, owner.body).toBe(200);
    // And the owner's success does not lift the attacker's lock.
    expect((await signIn(u.username, TEST_PASSWORD, attacker)).statusCode).toBe(429);
  });

  it('an unknown username answers exactly as a real one: the same 401s, then the same lock', async () => {
    const { root } = await makeAgencyTree(h);
    const real = await makeUser(h, 'leader', root.id);
    const answers = async (username: string) => {
      const from = addressOf();
      const out: Array<{ status: number; body: Record<string, unknown> }> = [];
      for (let i = 0; i < 5; i++) {
        const res = await signIn(username, 'sai-mat-khau', from);
        const { requestId, retryAfter, ...body } = res.json() as Record<string, unknown>;
        expect(requestId).toBeTruthy();
        out.push({ status: res.statusCode, body: { ...body, retryAfter: typeof retryAfter } });
      }
      return out;
    };
    const known = await answers(real.username);
    const unknown = await answers(`khong-co-${real.username}`);
    expect(unknown).toEqual(known);
    expect(known.map((a) => a.status)).toEqual([401, 401, 401, 429, 429]);
    expect(known[3].body).toMatchObject({ code: 'ACCOUNT_LOCKED', retryAfter: 'number' });
  });

  it('after a lock expires, one wrong password starts a fresh count instead of locking again', async () => {
    const { root } = await makeAgencyTree(h);
    const u = await makeUser(h, 'leader', root.id);
    const from = addressOf();
    for (let i = 0; i < 3; i++) await signIn(u.username, 'bad', from);
    expect((await signIn(u.username, TEST_PASSWORD, from)).statusCode).toBe(429);
    await h.database.exec(`update login_failure set locked_until = now() - interval '1 minute' where address = '${from}'`);
    const typo = await signIn(u.username, 'typo', from);
    expect(typo.statusCode).toBe(401);
    const ok = await signIn(u.username, TEST_PASSWORD, from);
    expect(ok.statusCode).toBe(200);
  });

  it('failures older than the window are forgotten; the table never holds the typed username', async () => {
    const { root } = await makeAgencyTree(h);
    const u = await makeUser(h, 'leader', root.id);
    const from = addressOf();
    for (let i = 0; i < 2; i++) await signIn(u.username, 'bad', from);
    await h.database.exec(`update login_failure set last_failed_at = now() - interval '16 minutes' where address = '${from}'`);
    expect((await signIn(u.username, 'bad', from)).statusCode).toBe(401);
    expect((await signIn(u.username, TEST_PASSWORD, from)).statusCode).toBe(200);
    expect((await signIn(u.username, 'bad', from)).statusCode).toBe(401);
    const rows = await h.database.rows<{ username_key: string; failures: number }>(
      sql`select username_key, failures from login_failure where address = ${from}`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].failures).toBe(1);
    expect(rows[0].username_key).not.toContain(u.username);
  });
  it('audits failed sign-ins', async () => {
    const { root } = await makeAgencyTree(h);
    const u = await makeUser(h, 'leader', root.id);
    await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: 'wrong' } });
    const rows = await h.database.rows(sql`select action from audit_event where entity_id = ${u.id}`);
    expect(rows).toContainEqual({ action: 'auth.login_failed' });
  });

  it('names the missing field on a schema violation', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'a' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'password' }] });
  });
});

describe('session, CSRF and logout', () => {
  it('GET /me returns the session; a write without x-csrf-token is 403; with it, it passes', async () => {
    const { root } = await makeAgencyTree(h);
    const u = await makeUser(h, 'admin', root.id);
    const c = await login(h, u.username);
    const me = await c.request({ method: 'GET', url: '/api/v1/auth/me' });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe(u.username);
    expect(me.json().csrfToken).toBe(c.csrfToken);

    const payload = { name: 'Bộ phận thử', kind: 'bo_phan' };
    const noCsrf = await c.request({ method: 'POST', url: `/api/v1/admin/agencies/${root.code}/units`, payload, csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await c.request({
      method: 'POST',
      url: `/api/v1/admin/agencies/${root.code}/units`,
      payload,
      csrf: false,
      headers: { 'x-csrf-token': 'forged' },
    });
    expect(wrong.statusCode).toBe(403);
    const ok = await c.request({ method: 'POST', url: `/api/v1/admin/agencies/${root.code}/units`, payload });
    expect(ok.statusCode).toBe(201);
  });

  it('logout ends the session', async () => {
    const { root } = await makeAgencyTree(h);
    const u = await makeUser(h, 'leader', root.id);
    const c = await login(h, u.username);
    expect((await c.request({ method: 'POST', url: '/api/v1/auth/logout' })).statusCode).toBe(204);
    expect((await c.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });
});

describe('API tokens', () => {
  it('expire after a year by default, or after the days set at creation; the list shows expiry and last use', async () => {
    const { root, child } = await makeAgencyTree(h);
    const admin = await login(h, (await makeUser(h, 'admin', root.id)).username);
    const before = Date.now();
    const yearly = (
      await admin.request({ method: 'POST', url: '/api/v1/admin/tokens', payload: { name: 'Một năm', role: 'counter_officer', agencyCode: child.code } })
    ).json();
    const days = (Date.parse(yearly.expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(364.9);
    expect(days).toBeLessThan(365.1);
    const monthly = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/tokens',
      payload: { name: 'Ba mươi ngày', role: 'counter_officer', agencyCode: child.code, expiresInDays: 30 },
    });
    expect(monthly.statusCode).toBe(201);
    expect(Math.round((Date.parse(monthly.json().expiresAt) - before) / 86_400_000)).toBe(30);
    for (const expiresInDays of [0, 10_000, 1.5]) {
      const bad = await admin.request({
        method: 'POST',
        url: '/api/v1/admin/tokens',
        payload: { name: 'Sai', role: 'counter_officer', agencyCode: child.code, expiresInDays },
      });
      expect(bad.statusCode, String(expiresInDays)).toBe(400);
      expect(bad.json().errors[0].field).toBe('expiresInDays');
    }
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${monthly.json().token}` } })).statusCode).toBe(200);
    const items = (await admin.request({ method: 'GET', url: '/api/v1/admin/tokens' })).json().items as Array<{
      id: string;
      expiresAt: string;
      lastUsedAt: string | null;
    }>;
    expect(items.find((i) => i.id === monthly.json().id)).toMatchObject({ expiresAt: monthly.json().expiresAt, lastUsedAt: expect.any(String) });
    expect(items.find((i) => i.id === yearly.id)).toMatchObject({ expiresAt: yearly.expiresAt, lastUsedAt: null });
  });

  it('an expired token answers 401 TOKEN_EXPIRED, and is not stamped as used', async () => {
    const { root, child } = await makeAgencyTree(h);
    const admin = await login(h, (await makeUser(h, 'admin', root.id)).username);
    const { token, id } = (
      await admin.request({ method: 'POST', url: '/api/v1/admin/tokens', payload: { name: 'Cũ', role: 'counter_officer', agencyCode: child.code } })
    ).json();
    await h.database.exec(`update api_token set expires_at = now() - interval '1 second' where id = '${id}'`);
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 401, code: 'TOKEN_EXPIRED' });
    expect(await h.database.rows(sql`select last_used_at from api_token where id = ${id}`)).toEqual([{ last_used_at: null }]);
  });

  it('a resolved token is not kept past its expiry', async () => {
    const { root, child } = await makeAgencyTree(h);
    const admin = await login(h, (await makeUser(h, 'admin', root.id)).username);
    const { token, id } = (
      await admin.request({ method: 'POST', url: '/api/v1/admin/tokens', payload: { name: 'Sắp hết hạn', role: 'counter_officer', agencyCode: child.code } })
    ).json();
    await h.database.exec(`update api_token set expires_at = now() + interval '2 seconds' where id = '${id}'`);
    const me = () => h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    try {
      expect((await me()).statusCode).toBe(200);
      vi.setSystemTime(Date.now() + 3_000); // within the 5 s the cache would otherwise keep it
      const after = await me();
      expect(after.statusCode).toBe(401);
      expect(after.json().code).toBe('TOKEN_EXPIRED');
    } finally {
      vi.useRealTimers();
    }
  });

  it('an admin creates a token; it authenticates without CSRF; once revoked it is refused', async () => {
    const { root, child } = await makeAgencyTree(h);
    const admin = await login(h, (await makeUser(h, 'admin', root.id)).username);
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/tokens',
      payload: { name: 'Kiosk tầng 1', role: 'counter_officer', agencyCode: child.code },
    });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json();
    expect(token.startsWith(prefix)).toBe(true);

    const me = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.roles).toEqual([{ role: 'counter_officer', agencyCode: child.code, provinceCode: '08', scope: 'agency' }]);
    expect(me.json().csrfToken).toBeNull();

    const list = await admin.request({ method: 'GET', url: '/api/v1/admin/tokens' });
    expect(JSON.stringify(list.json())).not.toContain(token);

    expect((await admin.request({ method: 'POST', url: `/api/v1/admin/tokens/${id}/revoke` })).json().revokedAt).toBeTruthy();
    const after = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(after.statusCode).toBe(401);
  });

  it('a token revoked by another server is refused here within seconds (resolved tokens are kept 5 s)', async () => {
    const { root, child } = await makeAgencyTree(h);
    const admin = await login(h, (await makeUser(h, 'admin', root.id)).username);
    const { token, id } = (
      await admin.request({ method: 'POST', url: '/api/v1/admin/tokens', payload: { name: 'Tích hợp', role: 'counter_officer', agencyCode: child.code } })
    ).json();
    const me = () => h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect((await me()).statusCode).toBe(200);
    await h.database.exec(`update api_token set revoked_at = now() where id = '${id}'`); // as another server would
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    try {
      expect((await me()).statusCode).toBe(200);
      vi.setSystemTime(Date.now() + 6_000);
      expect((await me()).statusCode).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });
});

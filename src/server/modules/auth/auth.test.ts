import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Harness, login, makeAgencyTree, makeUser, startHarness, TEST_PASSWORD } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ loginMaxFailures: 3 });
});
afterAll(() => h.close());

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
    for (const payload of [{ username: u.username, password: 'wrong-password' }, { username: 'nobody-here', password: 'x' }]) {
      const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 401, code: 'INVALID_CREDENTIALS' });
      expect(res.json().requestId).toBeTruthy();
    }
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    const { root } = await makeAgencyTree(h);
    const u = await makeUser(h, 'leader', root.id);
    for (let i = 0; i < 3; i++) {
      const r = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: 'bad' } });
      expect(r.statusCode).toBe(401);
    }
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
  });

  it('after a lock expires, one wrong password starts a fresh count instead of locking again', async () => {
    const { root } = await makeAgencyTree(h);
    const u = await makeUser(h, 'leader', root.id);
    await h.database.exec(`update user_account set failed_logins = 3, locked_until = now() - interval '1 minute' where id = '${u.id}'`);
    const typo = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: 'typo' } });
    expect(typo.statusCode).toBe(401);
    const ok = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: u.username, password: TEST_PASSWORD } });
    expect(ok.statusCode).toBe(200);
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
    const wrong = await c.request({ method: 'POST', url: `/api/v1/admin/agencies/${root.code}/units`, payload, csrf: false, headers: { 'x-csrf-token': 'forged' } });
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
  it('an admin creates a token; it authenticates without CSRF; once revoked it is refused', async () => {
    const { root, child } = await makeAgencyTree(h);
    const admin = await login(h, (await makeUser(h, 'admin', root.id)).username);
    const created = await admin.request({ method: 'POST', url: '/api/v1/admin/tokens', payload: { name: 'Kiosk tầng 1', role: 'counter_officer', agencyCode: child.code } });
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
    const { token, id } = (await admin.request({ method: 'POST', url: '/api/v1/admin/tokens', payload: { name: 'Tích hợp', role: 'counter_officer', agencyCode: child.code } })).json();
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

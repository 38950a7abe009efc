/**
 * Authentication, CSRF and the API header set follow the route a request reaches, not the prefix of
 * its raw URL: the router decodes `/%61pi/…` to `/api/…`, so these must too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, login, makeAgencyTree, makeUser, startHarness } from '../test/harness.js';
import { normalisedPath } from './paths.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const API_HEADERS = { 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'; frame-ancestors 'none'", 'x-frame-options': 'DENY' };

describe('encoded paths reach the API as the API', () => {
  it('a session reaches /%61pi/v1/auth/me and /api/v1/%61uth/me, with the API header set', async () => {
    const { root } = await makeAgencyTree(h);
    const u = await makeUser(h, 'leader', root.id);
    const c = await login(h, u.username);
    for (const url of ['/%61pi/v1/auth/me', '/api/v1/%61uth/me', '/a%70i/v1/auth/%6De']) {
      const res = await c.request({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.json().user.username, url).toBe(u.username);
      expect(res.headers, url).toMatchObject(API_HEADERS);
    }
  });

  it('an API token authenticates on an encoded path too', async () => {
    const { root, child } = await makeAgencyTree(h);
    const admin = await login(h, (await makeUser(h, 'admin', root.id)).username);
    const { token } = (
      await admin.request({ method: 'POST', url: '/api/v1/admin/tokens', payload: { name: 'Kiosk', role: 'counter_officer', agencyCode: child.code } })
    ).json();
    const res = await h.app.inject({ method: 'GET', url: '/%61pi/v1/auth/me', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.roles).toMatchObject([{ role: 'counter_officer', agencyCode: child.code }]);
    const forged = await h.app.inject({ method: 'GET', url: '/%61pi/v1/auth/me', headers: { authorization: 'Bearer cv_forged' } });
    expect(forged.statusCode).toBe(401);
  });

  it('a write on an encoded path still needs the CSRF token', async () => {
    const { root } = await makeAgencyTree(h);
    const c = await login(h, (await makeUser(h, 'admin', root.id)).username);
    const payload = { name: 'Bộ phận thử', kind: 'bo_phan' };
    const noCsrf = await c.request({ method: 'POST', url: `/%61pi/v1/admin/agencies/${root.code}/units`, payload, csrf: false });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('CSRF_TOKEN_INVALID');
    const ok = await c.request({ method: 'POST', url: `/%61pi/v1/admin/agencies/${root.code}/units`, payload });
    expect(ok.statusCode).toBe(201);
  });

  it('anonymous answers on encoded API paths carry the API set (public route, 401, unknown route)', async () => {
    const meta = await h.app.inject('/%61pi/v1/meta');
    expect(meta.statusCode).toBe(200);
    expect(meta.headers).toMatchObject(API_HEADERS);
    const anonymous = await h.app.inject('/%61pi/v1/auth/me');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers).toMatchObject(API_HEADERS);
    const unknown = await h.app.inject('/%61pi/v1/nowhere');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.headers).toMatchObject(API_HEADERS);
  });

  it('the docs pages keep the document set however they are spelt', async () => {
    const docs = await h.app.inject('/%61pi/docs/');
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['x-dns-prefetch-control']).toBe('off');
    expect(docs.headers['cache-control']).not.toBe('no-store');
    expect(docs.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describe('normalisedPath', () => {
  it('decodes the path and drops the query; leaves an undecodable path as it is', () => {
    expect(normalisedPath('/%61pi/v1/x?y=%2F')).toBe('/api/v1/x');
    expect(normalisedPath('/api%2Fv1')).toBe('/api/v1');
    expect(normalisedPath('/%E0%A4%A/x')).toBe('/%E0%A4%A/x');
  });
});

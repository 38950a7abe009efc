import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('HTTP basics', () => {
  it('healthz and readyz', async () => {
    expect((await h.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await h.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
  });

  it('metrics in Prometheus text format with request counts, latencies and the pool', async () => {
    await h.app.inject('/healthz');
    const res = await h.app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('congvu_http_requests_total{method="GET",route="/healthz",status="200"}');
    expect(res.body).toContain('congvu_http_request_duration_seconds_bucket');
    expect(res.body).toContain('congvu_db_pool_connections{state="total"}');
  });

  it('metrics can require a token', async () => {
    const guarded = await startHarness({ metricsToken: 'bi-mat' });
    try {
      expect((await guarded.app.inject('/metrics')).statusCode).toBe(401);
      expect((await guarded.app.inject({ url: '/metrics', headers: { authorization: 'Bearer bi-mat' } })).statusCode).toBe(200);
    } finally {
      await guarded.close();
    }
  });

  it('OpenAPI 3 document generated from the route schemas, and the docs UI', async () => {
    const doc = (await h.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/v1/auth/login'].post.requestBody).toBeTruthy();
    expect(doc.paths['/api/v1/admin/agencies'].get).toBeTruthy();
    expect((await h.app.inject('/api/docs/')).statusCode).toBe(200);
  });

  it('unknown API route → 404 problem+json with code and requestId, no stack', async () => {
    const res = await h.app.inject('/api/v1/khong-co');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body).toMatchObject({ status: 404, code: 'ROUTE_NOT_FOUND' });
    expect(body.requestId).toBe(res.headers['x-request-id']);
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('malformed JSON → 400 MALFORMED_JSON', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username": ' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'MALFORMED_JSON' });
  });

  it('a lone surrogate in a JSON string → 400 MALFORMED_JSON naming the field; an escaped pair is text', async () => {
    const post = (payload: string) => h.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload });
    const bad = await post('{"username":"Nguy\\ud800n","password":"x"}');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'MALFORMED_JSON', errors: [{ field: 'username' }] });
    const key = await post('{"username":"a","password":"x","extra":{"k\\udc00":1}}');
    expect(key.json()).toMatchObject({ code: 'MALFORMED_JSON', errors: [{ field: 'extra.k\udc00' }] });
    const pair = await post('{"username":"\\ud83d\\ude00","password":"x"}');
    expect(pair.statusCode).toBe(401);
  });

  it('schema violation names the field', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'x', password: 'y', extra: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('extra');
  });

  it('security headers and a strict Content-Security-Policy', async () => {
    const res = await h.app.inject('/healthz');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeTruthy();
  });

  it('API answers carry the REST set: nothing runs, loads, is framed or cached', async () => {
    const res = await h.app.inject('/api/v1/public/dossiers/000.00.31.H57-251005-9999?verify=1234');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-dns-prefetch-control']).toBeUndefined();
    // The Swagger UI pages are documents (Swagger UI writes its own CSP, so check the rest of the set).
    const docs = await h.app.inject('/api/docs/');
    expect(docs.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(docs.headers['x-dns-prefetch-control']).toBe('off');
    expect(docs.headers['cache-control']).not.toBe('no-store');
  });

  it('a forged X-Forwarded-For does not escape the per-address sign-in limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-for': `10.0.0.${i}` },
        payload: { username: 'khong-ai', password: 'x' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses).toContain(429);
  });

  it('an unauthenticated call to a protected route → 401 problem', async () => {
    const res = await h.app.inject('/api/v1/admin/users');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });
});

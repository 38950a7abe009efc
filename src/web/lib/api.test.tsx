// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ADMIN_SESSION, mockFetch } from '../test/fetch-mock';
import { ApiError, api, fetchMe, getCsrfToken, login, logout, normalizeField, setCsrfToken } from './api';

describe('api client', () => {
  beforeEach(() => setCsrfToken(null));
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the CSRF token from login in memory and sends x-csrf-token on POST and DELETE, not on GET', async () => {
    const { calls } = mockFetch((c) => {
      if (c.url === '/api/v1/auth/login') return { status: 200, body: ADMIN_SESSION };
      if (c.url.startsWith('/api/v1/admin/agencies')) return { status: c.method === 'GET' ? 200 : 201, body: { items: [], nextCursor: null } };
      if (c.method === 'DELETE') return { status: 204 };
      return undefined;
    });

    await login('admin', 'secret-password');
    expect(getCsrfToken()).toBe('csrf-123');
    expect(window.localStorage.length).toBe(0); // never persisted

    await api.get('/admin/agencies', { q: 'sở nội vụ', cursor: null, limit: 50 });
    await api.post('/admin/agencies', { code: 'H13.01', name: 'Sở Nội vụ', adminUnitCode: '02' });
    await api.del('/admin/users/u9/roles/r1');

    const [loginCall, getCall, postCall, delCall] = calls;
    expect(loginCall.method).toBe('POST');
    expect(getCall.headers['x-csrf-token']).toBeUndefined();
    expect(getCall.url).toBe('/api/v1/admin/agencies?q=s%E1%BB%9F+n%E1%BB%99i+v%E1%BB%A5&limit=50');
    expect(postCall.headers['x-csrf-token']).toBe('csrf-123');
    expect(postCall.headers['content-type']).toBe('application/json');
    expect(postCall.body).toEqual({ code: 'H13.01', name: 'Sở Nội vụ', adminUnitCode: '02' });
    expect(delCall.headers['x-csrf-token']).toBe('csrf-123');
    for (const c of calls) expect(c.credentials).toBe('same-origin');
  });

  it('takes the token from /auth/me and forgets it on logout', async () => {
    const { calls } = mockFetch((c) => {
      if (c.url === '/api/v1/auth/me') return { status: 200, body: { ...ADMIN_SESSION, csrfToken: 'from-me' } };
      if (c.url === '/api/v1/auth/logout') return { status: 204 };
      return undefined;
    });
    await fetchMe();
    expect(getCsrfToken()).toBe('from-me');
    await logout();
    expect(calls[1].headers['x-csrf-token']).toBe('from-me');
    expect(getCsrfToken()).toBeNull();
  });

  it('parses RFC 9457 problem details into ApiError with field errors', async () => {
    mockFetch(() => ({
      status: 422,
      body: {
        type: 'https://congvu.gov.vn/problems/validation',
        title: 'Dữ liệu không hợp lệ',
        status: 422,
        code: 'validation_failed',
        detail: 'Mã định danh không hợp lệ',
        requestId: 'req-7',
        errors: [{ field: '/code', message: 'Chỉ gồm 0–9, A–Z và dấu chấm' }],
      },
    }));
    const err = await api.post('/admin/agencies', { code: 'h13' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.status).toBe(422);
    expect(e.code).toBe('validation_failed');
    expect(e.requestId).toBe('req-7');
    expect(e.fieldErrors).toEqual({ code: 'Chỉ gồm 0–9, A–Z và dấu chấm' });
  });

  it('reports a network failure as status 0', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const err = (await api.get('/meta').catch((e: unknown) => e)) as ApiError;
    expect(err.status).toBe(0);
    expect(err.code).toBe('network_error');
  });

  it('normalizes field paths', () => {
    expect(normalizeField('/body/username')).toBe('username');
    expect(normalizeField('body.displayName')).toBe('displayName');
    expect(normalizeField('code')).toBe('code');
  });
});

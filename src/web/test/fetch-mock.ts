import { vi } from 'vitest';

export interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

type Handler = (call: Call) => { status: number; body?: unknown } | undefined;

/** Stub global fetch with a router of handlers; records every call. */
export function mockFetch(handler: Handler) {
  const calls: Call[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries((init.headers ?? {}) as Record<string, string>)) headers[k.toLowerCase()] = v;
    const call: Call = {
      url: typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      method: (init.method ?? 'GET').toUpperCase(),
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      credentials: init.credentials,
    };
    calls.push(call);
    const res = handler(call) ?? { status: 404, body: { title: 'Not Found', status: 404, code: 'not_found' } };
    if (res.status === 204) return new Response(null, { status: 204 });
    const isProblem = res.status >= 400;
    return new Response(JSON.stringify(res.body ?? {}), {
      status: res.status,
      headers: { 'content-type': isProblem ? 'application/problem+json' : 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fn);
  return { calls, fn };
}

export const ADMIN_SESSION = {
  user: { id: 'u1', username: 'admin', displayName: 'Nguyễn Văn An', roles: [{ role: 'admin', agencyCode: 'H13' }] },
  csrfToken: 'csrf-123',
};

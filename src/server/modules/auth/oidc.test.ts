/**
 * OIDC sign-in end to end against a REAL OpenID Provider (oidc-provider, started in-process on an
 * ephemeral port): our /start redirects to its /auth, the test walks its dev login and consent
 * forms over real HTTP like a browser would (cookies carried by hand), and the code it returns is
 * redeemed by our /callback through openid-client (discovery, PKCE, state, nonce, ID token, UserInfo).
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from '../../db/client.js';
import { type Harness, startHarness, uid } from '../../test/harness.js';
import { browserBindingOf } from './oidc.service.js';

const REDIRECT_URI = 'http://localhost:8080/api/v1/auth/oidc/callback';
const CLIENT_ID = 'congvu';
const CLIENT_SECRET = 'bi-mat-cua-ung-dung-congvu-thu-nghiem';
const DISPLAY_NAME = 'Nguyễn Văn Định';

/** The small part of oidc-provider's API this test uses (the package ships no type declarations). */
interface OidcProvider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
}
type OidcProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => OidcProvider;

async function loadProvider(): Promise<OidcProviderConstructor> {
  // A non-literal specifier: the untyped package is loaded as `unknown` and narrowed here.
  const specifier: string = 'oidc-provider';
  const mod: unknown = await import(/* @vite-ignore */ specifier);
  if (typeof mod !== 'object' || mod === null || !('default' in mod) || typeof mod.default !== 'function') {
    throw new Error('oidc-provider has no default export');
  }
  return mod.default as OidcProviderConstructor;
}

/** Accounts known to the provider: `sub` is whatever was typed in the dev login form. */
const claimsFor = (sub: string) => ({
  sub,
  name: DISPLAY_NAME,
  email: `${sub}@example.vn`,
  email_verified: true,
  preferred_username: `nvdinh-${sub}`,
});

let h: Harness;
let server: Server;
let issuer: string;
const restoreConsole: Array<() => void> = [];

beforeAll(async () => {
  // oidc-provider announces its development-only defaults (memory adapter, devInteractions) on the console.
  for (const method of ['warn', 'info'] as const) {
    const original = console[method].bind(console);
    const spy = vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('oidc-provider')) return;
      original(...args);
    });
    restoreConsole.push(() => spy.mockRestore());
  }

  const Provider = await loadProvider();
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT_URI],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        id_token_signed_response_alg: 'ES256',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-es256', use: 'sig', alg: 'ES256' }] },
    cookies: { keys: ['khoa-cookie-thu-nghiem-1', 'khoa-cookie-thu-nghiem-0'] },
    claims: {
      openid: ['sub'],
      profile: ['name', 'preferred_username'],
      email: ['email', 'email_verified'],
    },
    features: { devInteractions: { enabled: true } },
    // Defaults worth stating: PKCE is required for every authorization code request.
    pkce: { required: () => true },
    async findAccount(_ctx: unknown, sub: string) {
      return { accountId: sub, claims: async () => claimsFor(sub) };
    },
  });
  server.on('request', provider.callback());

  h = await startHarness({ oidc: { issuer, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: REDIRECT_URI } });
});

afterAll(async () => {
  await h?.close();
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  }
  for (const restore of restoreConsole) restore();
});

/** A minimal browser cookie jar for the provider's origin (name + path; expired cookies removed). */
class CookieJar {
  private readonly cookies = new Map<string, { name: string; value: string; path: string }>();

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      let path = '/';
      let expired = value === '';
      for (const attr of attrs) {
        const [k, v = ''] = attr.split('=');
        if (k.toLowerCase() === 'path') path = v;
        if (k.toLowerCase() === 'expires' && Date.parse(v) <= Date.now()) expired = true;
        if (k.toLowerCase() === 'max-age' && Number(v) <= 0) expired = true;
      }
      const key = `${name}\u0000${path}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { name, value, path });
    }
  }

  header(url: URL): string {
    return [...this.cookies.values()]
      .filter((c) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
}

const decodeEntities = (s: string): string =>
  s.replace(/&(amp|lt|gt|quot|#39|#x27|#x2F);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", '#x2F': '/' })[e] ?? '');

/** The first `<form>` of an HTML page: its action and its inputs (name → value). */
function parseForm(html: string): { action: string; method: string; inputs: Map<string, string> } | undefined {
  const form = /<form\b([^>]*)>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return undefined;
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`, 'i').exec(tag)?.[1];
  const inputs = new Map<string, string>();
  for (const [tag] of form[2].matchAll(/<input\b[^>]*>/gi)) {
    const name = attr(tag, 'name');
    if (name) inputs.set(decodeEntities(name), decodeEntities(attr(tag, 'value') ?? ''));
  }
  return { action: decodeEntities(attr(form[1], 'action') ?? ''), method: (attr(form[1], 'method') ?? 'get').toUpperCase(), inputs };
}

/**
 * Plays the browser at the provider: starts at its authorization URL, follows redirects, fills the
 * dev login form (login = the subject) and submits the consent form, until the provider redirects
 * to our redirect_uri. Returns that redirect (code, state, iss …) and the pages visited.
 */
async function authorizeAtProvider(authorizationUrl: string, login: string): Promise<{ callback: URL; pages: string[] }> {
  const jar = new CookieJar();
  const pages: string[] = [];
  let url = new URL(authorizationUrl);
  let init: RequestInit = { method: 'GET' };
  for (let step = 0; step < 20; step++) {
    const headers = new Headers(init.headers);
    const cookie = jar.header(url);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    jar.store(res);
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      const next = new URL(location, url);
      if (next.href.startsWith(REDIRECT_URI)) return { callback: next, pages };
      url = next;
      init = { method: 'GET' };
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`provider answered ${res.status} at ${url.pathname}: ${html.slice(0, 500)}`);
    const form = parseForm(html);
    if (!form) throw new Error(`no form at ${url.pathname}: ${html.slice(0, 500)}`);
    pages.push(form.inputs.get('prompt') ?? url.pathname);
    const fields = new URLSearchParams();
    for (const [name, value] of form.inputs) fields.set(name, value);
    if (form.inputs.has('login')) fields.set('login', login);
    if (form.inputs.has('password')) fields.set('password', 'bat-ky-mat-khau-nao');
    url = new URL(form.action, url);
    expect(form.method).toBe('POST');
    init = { method: 'POST', body: fields.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
  }
  throw new Error('the provider never redirected back to the redirect_uri');
}

/** /start on our app → the provider, as a browser would: the provider's redirect back, and our state cookie. */
async function startAtProvider(login: string) {
  const start = await h.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
  expect(start.statusCode).toBe(303);
  const stateCookie = start.cookies.find((c) => c.name === 'congvu_oidc');
  expect(stateCookie).toBeDefined();
  const authorizationUrl = new URL(String(start.headers.location));
  const { callback, pages } = await authorizeAtProvider(authorizationUrl.href, login);
  return { start, stateCookie: `congvu_oidc=${stateCookie!.value}`, authorizationUrl, callback, pages };
}

const callbackWith = (search: string, cookie?: string) =>
  h.app.inject({ method: 'GET', url: `/api/v1/auth/oidc/callback${search}`, headers: cookie ? { cookie } : {} });

/** /start on our app → the provider → back to our /callback (in the same browser) with what the provider sent. */
async function signInThroughProvider(login: string) {
  const started = await startAtProvider(login);
  const res = await callbackWith(started.callback.search, started.stateCookie);
  return { ...started, res };
}
const sessionCookieOf = (res: { cookies: Array<{ name: string; value: string }> }) => res.cookies.find((c) => c.name === 'congvu_sid');

async function me(cookieValue: string) {
  const res = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `congvu_sid=${cookieValue}` } });
  expect(res.statusCode).toBe(200);
  return res.json() as { user: { id: string; username: string; displayName: string; roles: Array<{ role: string; agencyCode: string | null }> } };
}

describe('OIDC sign-in against a real OpenID Provider', () => {
  it('start → provider login + consent → callback opens a citizen session with the Vietnamese name', async () => {
    const login = `cd-${uid(5).toLowerCase()}`;
    const { start, authorizationUrl, callback, pages, res } = await signInThroughProvider(login);

    // /start: a 303 to the provider's authorization endpoint, with PKCE (S256), state and nonce.
    expect(`${authorizationUrl.origin}${authorizationUrl.pathname}`).toBe(`${issuer}/auth`);
    const q = authorizationUrl.searchParams;
    expect(q.get('client_id')).toBe(CLIENT_ID);
    expect(q.get('response_type')).toBe('code');
    expect(q.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(q.get('scope')?.split(' ')).toEqual(expect.arrayContaining(['openid', 'profile', 'email']));
    expect(q.get('code_challenge_method')).toBe('S256');
    expect(q.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(q.get('state')).toBeTruthy();
    expect(q.get('nonce')).toBeTruthy();
    expect(start.cookies.find((c) => c.name === 'congvu_sid')).toBeUndefined();

    // The provider really ran its interactions and came back with a code for our state.
    expect(pages).toEqual(['login', 'consent']);
    expect(callback.searchParams.get('code')).toBeTruthy();
    expect(callback.searchParams.get('state')).toBe(q.get('state'));
    expect(callback.searchParams.get('iss')).toBe(issuer);

    // /callback: a session cookie and a 303 home.
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe('/');
    const cookie = sessionCookieOf(res);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    const session = await me(cookie!.value);
    expect(session.user.displayName).toBe(DISPLAY_NAME);
    expect(session.user.displayName).toBe(DISPLAY_NAME.normalize('NFC'));
    expect(session.user.username).toBe(`sso:nvdinh-${login}`);
    expect(session.user.roles).toEqual([{ role: 'citizen', agencyCode: null, provinceCode: null, scope: 'agency' }]);
  });

  it('refuses a forged state and a replayed state with 400 problem+json and no cookie', async () => {
    const forgedState = 'forged-state';
    const forgedBinding = `congvu_oidc=${browserBindingOf(forgedState)}`;
    for (const [search, cookie] of [
      [`?code=forged-code&state=${forgedState}`, forgedBinding],
      ['?code=forged-code', undefined],
    ] as const) {
      const forged = await callbackWith(search, cookie);
      expect(forged.statusCode).toBe(400);
      expect(forged.headers['content-type']).toContain('application/problem+json');
      expect(forged.json()).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
      expect(sessionCookieOf(forged)).toBeUndefined();
    }

    const { callback, res, stateCookie } = await signInThroughProvider(`cd-${uid(5).toLowerCase()}`);
    expect(res.statusCode, res.body).toBe(303);
    expect(sessionCookieOf(res)).toBeDefined();

    const replay = await callbackWith(callback.search, stateCookie);
    expect(replay.statusCode).toBe(400);
    expect(replay.headers['content-type']).toContain('application/problem+json');
    expect(replay.json()).toMatchObject({ code: 'BAD_REQUEST' });
    expect(sessionCookieOf(replay)).toBeUndefined();
  });

  it('binds the state to the browser: a callback without its /start cookie is refused, and does not use up the flow', async () => {
    // The attacker starts a flow and signs in at the provider as himself…
    const attacker = await startAtProvider(`cd-${uid(5).toLowerCase()}`);
    // …then has a victim open the callback link: the victim's browser never started that flow
    // (no cookie, or the cookie of a flow of its own).
    const victimStart = await h.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' });
    const victimOwn = victimStart.cookies.find((c) => c.name === 'congvu_oidc')!;
    for (const cookie of [undefined, `congvu_oidc=${victimOwn.value}`]) {
      const res = await callbackWith(attacker.callback.search, cookie);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 400, code: 'OIDC_STATE_MISMATCH' });
      expect(sessionCookieOf(res)).toBeUndefined();
    }
    // The browser that started it still can finish (and its state cookie is cleared).
    const res = await callbackWith(attacker.callback.search, attacker.stateCookie);
    expect(res.statusCode, res.body).toBe(303);
    expect(sessionCookieOf(res)).toBeDefined();
    expect(res.cookies.find((c) => c.name === 'congvu_oidc')).toMatchObject({ value: '' });
  });

  it('the state cookie is httpOnly, Lax, short-lived, scoped to the OIDC routes, and holds a hash of the state', async () => {
    const { start, authorizationUrl } = await startAtProvider(`cd-${uid(5).toLowerCase()}`);
    const cookie = start.cookies.find((c) => c.name === 'congvu_oidc')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/auth/oidc', maxAge: 900 });
    const state = authorizationUrl.searchParams.get('state')!;
    expect(cookie.value).not.toContain(state);
    expect(cookie.value).toBe(browserBindingOf(state));
  });

  it('signing in twice with the same subject finds the same account; another subject gets its own', async () => {
    const login = `cd-${uid(5).toLowerCase()}`;
    const first = await signInThroughProvider(login);
    const second = await signInThroughProvider(login);
    const other = await signInThroughProvider(`cd-${uid(5).toLowerCase()}`);
    for (const r of [first, second, other]) expect(r.res.statusCode, r.res.body).toBe(303);

    const a = await me(sessionCookieOf(first.res)!.value);
    const b = await me(sessionCookieOf(second.res)!.value);
    const c = await me(sessionCookieOf(other.res)!.value);
    expect(sessionCookieOf(second.res)!.value).not.toBe(sessionCookieOf(first.res)!.value);
    expect(b.user.id).toBe(a.user.id);
    expect(c.user.id).not.toBe(a.user.id);

    const rows = await h.database.rows<{ n: number }>(
      sql`select count(*)::int as n from user_account where oidc_issuer = ${issuer} and oidc_subject = ${login}`,
    );
    expect(rows).toEqual([{ n: 1 }]);
  });
});

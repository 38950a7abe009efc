/**
 * The policy matrix, generated from the app's route table: every registered route has a row in
 * policy-matrix.routes.ts or is listed public, and each row is called as every role of my agency
 * tree, anonymously, with an API token, and as members of a foreign agency (same province) and of a
 * foreign province holding the allowed roles. Records of "mine" answer 404 to foreign members.
 */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from './platform/principal.js';
import { registeredRoutes, trackRoutes } from './platform/route-table.js';
import { type Call, type Expect, isPublic, MATRIX, type Row } from './policy-matrix.routes.js';
import { makeWorld, removeOverrides, TOKEN_ROLE, type Who, type World } from './policy-matrix.test-support.js';
import { type Harness, login, makeUser, startHarness, uid } from './test/harness.js';

let h: Harness;
let w: World;

beforeAll(async () => {
  // the matrix signs in a few hundred fresh sessions
  h = await startHarness({ loginRateLimitPerMinute: 100_000 });
}, 600_000);
afterAll(async () => {
  if (!h) return;
  await removeOverrides(h);
  await h.close();
});
/** The people and shared records: made once, for the suites that call routes. */
const withWorld = () => beforeAll(async () => void (w ??= await makeWorld(h)), 600_000);

/** Registered routes with neither a matrix row nor a public entry. */
export const missingRows = (routes: string[]): string[] => routes.filter((k) => !(k in MATRIX) && !isPublic(k));

const hasRecordParam = (key: string): boolean => /\/:(code|id)\b/.test(key);

/** What the row expects from one caller. */
function expected(key: string, row: Row, who: Who): Expect {
  const asRole = (role: Role): Expect => row.as?.[role] ?? (row.allow.includes(role) ? (row.ok?.(w) ?? '2xx') : (row.deny ?? 403));
  switch (who.side) {
    case 'anonymous':
      return 401;
    case 'token':
      return row.token ?? asRole(TOKEN_ROLE);
    case 'mine':
      return asRole(who.role!);
    default: {
      const foreign = row.foreign ?? (hasRecordParam(key) ? 404 : '2xx');
      const e = typeof foreign === 'object' ? foreign[who.side === 'foreign agency' ? 'agency' : 'province'] : foreign;
      return e === '2xx' ? (row.ok?.(w) ?? '2xx') : e;
    }
  }
}

const matches = (e: Expect, status: number): boolean => (e === '2xx' ? status >= 200 && status < 300 : status === e);

/** `/api/v1/x/:id/y` → a pattern that the request's path must match (so a row calls its own route). */
const pathPattern = (path: string): RegExp => new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+')}$`);

function callers(row: Row): Who[] {
  const foreign = (side: 'agency' | 'province') => row.allow.map((r) => w.foreign[side][r]);
  return [...ROLES.map((r) => w.as[r]), w.anonymous, w.token, ...foreign('agency'), ...foreign('province')];
}

describe('the matrix is generated from the route table', () => {
  it('every registered route has a matrix row or is listed public, and every row is a registered route', () => {
    const routes = registeredRoutes(h.app);
    expect(routes.length).toBeGreaterThan(100);
    expect(missingRows(routes), 'routes without a row: add them to MATRIX (or PUBLIC_ROUTES) in policy-matrix.routes.ts').toEqual([]);
    expect(
      Object.keys(MATRIX).filter((k) => !routes.includes(k)),
      'rows of routes that do not exist',
    ).toEqual([]);
  });

  it('the public routes answer an anonymous caller without asking to sign in', async () => {
    const publicRoutes = registeredRoutes(h.app).filter((k) => isPublic(k) && !k.startsWith('HEAD '));
    const results = await Promise.all(
      publicRoutes.map(async (key) => {
        const [method, path] = key.split(' ');
        const res = await h.app.inject({ method: method as 'GET', url: path.replace(/:\w+/g, '1').replace('*', 'x') });
        return `${key} → ${res.statusCode}`;
      }),
    );
    expect(results.length).toBeGreaterThan(20);
    expect(results.filter((r) => / → 40[13]$/.test(r))).toEqual([]);
  });

  it('a route added without a row is reported (the check the suite runs on the real app)', async () => {
    const app = Fastify();
    trackRoutes(app);
    app.get('/api/v1/auth/me', async () => ({}));
    await app.register(async (child) => {
      child.post('/api/v1/new-module/things/:id/approve', async () => ({}));
    });
    app.get('/healthz', async () => ({}));
    await app.ready();
    expect(registeredRoutes(app)).toEqual(['GET /api/v1/auth/me', 'GET /healthz', 'POST /api/v1/new-module/things/:id/approve']);
    expect(missingRows(registeredRoutes(app))).toEqual(['POST /api/v1/new-module/things/:id/approve']);
    await app.close();
  });
});

describe('who reaches what: every route, every role, anonymous, an API token, foreign agency and province', () => {
  withWorld();
  for (const [key, row] of Object.entries(MATRIX)) {
    it(
      key,
      async () => {
        const [method, path] = key.split(' ');
        // Callers expected to succeed get a request (and a fresh record) each; the others share one.
        let shared: Promise<Call> | undefined;
        const build = (who: Who): Promise<Call> => Promise.resolve(row.req ? row.req(w, who) : { url: path });
        const results = await Promise.all(
          callers(row).map(async (who) => {
            const want = expected(key, row, who);
            const call = want === '2xx' || row.perCaller ? await build(who) : await (shared ??= build(who));
            expect(call.url.split('?')[0], `${key}: the row calls another route`).toMatch(pathPattern(path));
            const by = call.by ?? who;
            const res = await by.request({ method: method as 'GET', url: call.url, payload: call.payload as Record<string, unknown>, headers: call.headers });
            return { who: who.label, want, got: res.statusCode, body: res.body.slice(0, 200) };
          }),
        );
        const wrong = results.filter((r) => !matches(r.want, r.got)).map((r) => `${r.who}: expected ${r.want}, got ${r.got} ${r.body}`);
        expect(wrong.join('\n')).toBe('');
      },
      300_000,
    );
  }
});

describe("another agency's rows never appear in lists", () => {
  withWorld();
  it("users and agencies of a foreign agency, role-less accounts it created and another agency's citizens are neither listed nor manageable", async () => {
    const theirAdmin = w.foreign.agency.admin;
    const created = (
      await theirAdmin.request({
        method: 'POST',
        url: '/api/v1/admin/users',
        payload: { username: `rl${uid().toLowerCase()}`, displayName: 'Chưa phân quyền', password: 'mot-mat-khau-dai', kind: 'official' },
      })
    ).json();
    const users = (await w.as.admin.request({ method: 'GET', url: '/api/v1/admin/users?limit=200' })).json();
    const ids = users.items.map((u: { id: string }) => u.id);
    // Citizens of my agencies are found too (issue 12 point 16); a foreign administrator finds none of them.
    expect(ids).toEqual(expect.arrayContaining([w.as.leader.userId, w.as.citizen.userId]));
    for (const id of [created.id, w.foreign.agency.leader.userId, w.foreign.province.leader.userId]) expect(ids).not.toContain(id);
    const theirs = (await theirAdmin.request({ method: 'GET', url: '/api/v1/admin/users?limit=200' })).json().items.map((u: { id: string }) => u.id);
    for (const id of [w.as.citizen.userId, w.as.leader.userId]) expect(theirs).not.toContain(id);
    const res = await w.as.admin.request({
      method: 'POST',
      url: `/api/v1/admin/users/${created.id}/roles`,
      payload: { role: 'leader', agencyCode: w.mine.child.code },
    });
    expect(res.statusCode).toBe(404);
    const agencies = (await w.as.admin.request({ method: 'GET', url: '/api/v1/admin/agencies?limit=200' })).json();
    const codes = agencies.items.map((a: { code: string }) => a.code);
    expect(codes).toEqual(expect.arrayContaining([w.mine.root.code, w.mine.child.code]));
    for (const code of [w.foreignAgency.root.code, w.foreignAgency.child.code, w.foreignProvince.root.code]) expect(codes).not.toContain(code);
  });

  it('an admin of a child agency does not reach its parent', async () => {
    const childAdmin = await login(h, (await makeUser(h, 'admin', w.mine.child.id)).username);
    expect((await childAdmin.request({ method: 'GET', url: `/api/v1/admin/agencies/${w.mine.root.code}/units` })).statusCode).toBe(404);
    expect((await childAdmin.request({ method: 'GET', url: `/api/v1/admin/agencies/${w.mine.child.code}/units` })).statusCode).toBe(200);
  });
});

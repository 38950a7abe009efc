/**
 * The cross-agency policy matrix: each role reaches only its own routes, and nobody sees another
 * agency's records (404, so their existence is not revealed). Modules add their routes here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from './platform/principal.js';
import { type Client, type Harness, login, makeAgencyTree, makeUser, startHarness, type TestAgency, uid } from './test/harness.js';

let h: Harness;
let mine: { root: TestAgency; child: TestAgency };
let theirs: { root: TestAgency; child: TestAgency };
const clients = {} as Record<Role, Client>;
let theirTokenId: string;
let theirUserId: string;

beforeAll(async () => {
  h = await startHarness();
  mine = await makeAgencyTree(h);
  theirs = await makeAgencyTree(h);
  for (const role of ROLES) clients[role] = await login(h, (await makeUser(h, role, mine.root.id)).username);
  const theirAdmin = await login(h, (await makeUser(h, 'admin', theirs.root.id)).username);
  theirTokenId = (await theirAdmin.request({ method: 'POST', url: '/api/v1/admin/tokens', payload: { name: 'Kiosk', role: 'counter_officer', agencyCode: theirs.child.code } })).json().id;
  theirUserId = (await makeUser(h, 'leader', theirs.child.id)).id;
});
afterAll(() => h.close());

type Call = { method: 'GET' | 'POST' | 'DELETE'; url: () => string; payload?: () => Record<string, unknown>; allowed: Role[] };
const staff: Role[] = ['counter_officer', 'processing_officer', 'leader', 'inspector', 'home_affairs', 'admin', 'auditor'];

const ROUTES: Record<string, Call> = {
  'list administrative units': { method: 'GET', url: () => '/api/v1/admin/administrative-units', allowed: staff },
  'list agencies': { method: 'GET', url: () => '/api/v1/admin/agencies', allowed: ['admin'] },
  'list internal units': { method: 'GET', url: () => `/api/v1/admin/agencies/${mine.child.code}/units`, allowed: ['admin'] },
  'create internal unit': { method: 'POST', url: () => `/api/v1/admin/agencies/${mine.child.code}/units`, payload: () => ({ name: `Phòng ${uid()}`, kind: 'phong' }), allowed: ['admin'] },
  'list users': { method: 'GET', url: () => '/api/v1/admin/users', allowed: ['admin'] },
  'create user': { method: 'POST', url: () => '/api/v1/admin/users', payload: () => ({ username: `m${uid().toLowerCase()}`, displayName: 'Cán bộ mới', password: 'mot-mat-khau-dai', kind: 'official' }), allowed: ['admin'] },
  'list API tokens': { method: 'GET', url: () => '/api/v1/admin/tokens', allowed: ['admin'] },
  'verify audit': { method: 'GET', url: () => '/api/v1/audit/verify', allowed: ['auditor', 'admin'] },
  'list audit events': { method: 'GET', url: () => '/api/v1/audit/events', allowed: ['auditor', 'admin'] },
};

describe('each role reaches only its own routes', () => {
  for (const [name, call] of Object.entries(ROUTES)) {
    for (const role of ROLES) {
      const allowed = call.allowed.includes(role);
      it(`${name}: ${role} → ${allowed ? 'allowed' : '403'}`, async () => {
        const res = await clients[role].request({ method: call.method, url: call.url(), payload: call.payload?.() });
        if (allowed) expect(res.statusCode, res.body).toBeLessThan(300);
        else expect(res.statusCode, res.body).toBe(403);
      });
    }
  }
});

describe("another agency's records answer 404", () => {
  it("internal units of another agency's subtree", async () => {
    const res = await clients.admin.request({ method: 'GET', url: `/api/v1/admin/agencies/${theirs.child.code}/units` });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });
  it('creating a unit under another agency', async () => {
    const res = await clients.admin.request({ method: 'POST', url: `/api/v1/admin/agencies/${theirs.root.code}/units`, payload: { name: 'Phòng lạ', kind: 'phong' } });
    expect(res.statusCode).toBe(404);
  });
  it("revoking another agency's API token", async () => {
    expect((await clients.admin.request({ method: 'POST', url: `/api/v1/admin/tokens/${theirTokenId}/revoke` })).statusCode).toBe(404);
  });
  it("assigning a role to another agency's official", async () => {
    const res = await clients.admin.request({ method: 'POST', url: `/api/v1/admin/users/${theirUserId}/roles`, payload: { role: 'leader', agencyCode: mine.child.code } });
    expect(res.statusCode).toBe(404);
  });
  it("another agency's users and agencies never appear in lists", async () => {
    const users = (await clients.admin.request({ method: 'GET', url: '/api/v1/admin/users?limit=200' })).json();
    expect(users.items.map((u: { id: string }) => u.id)).not.toContain(theirUserId);
    const agencies = (await clients.admin.request({ method: 'GET', url: '/api/v1/admin/agencies?limit=200' })).json();
    const codes = agencies.items.map((a: { code: string }) => a.code);
    expect(codes).toEqual(expect.arrayContaining([mine.root.code, mine.child.code]));
    expect(codes).not.toContain(theirs.root.code);
    expect(codes).not.toContain(theirs.child.code);
  });
  it('an admin of a child agency does not reach its parent', async () => {
    const childAdmin = await login(h, (await makeUser(h, 'admin', mine.child.id)).username);
    expect((await childAdmin.request({ method: 'GET', url: `/api/v1/admin/agencies/${mine.root.code}/units` })).statusCode).toBe(404);
    expect((await childAdmin.request({ method: 'GET', url: `/api/v1/admin/agencies/${mine.child.code}/units` })).statusCode).toBe(200);
  });
});

/**
 * The cross-agency policy matrix: each role reaches only its own routes, and nobody sees another
 * agency's records (404, so their existence is not revealed). Modules add their routes here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from './platform/principal.js';
import { type Client, type Harness, login, makeAgencyTree, makeNationalAgency, makeUser, startHarness, type TestAgency, uid } from './test/harness.js';

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
  const ministry = await makeNationalAgency(h); // national roles are held at a national agency
  for (const role of ROLES) clients[role] = await login(h, (await makeUser(h, role, role === 'calendar_admin' ? ministry.id : mine.root.id)).username);
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
  'list managed procedures': { method: 'GET', url: () => '/api/v1/admin/procedures', allowed: ['admin'] },
  'export procedures (xlsx)': { method: 'GET', url: () => '/api/v1/procedures/export.xlsx', allowed: ['admin'] },
  'export procedures (csv)': { method: 'GET', url: () => '/api/v1/procedures/export.csv', allowed: ['admin'] },
  'create procedure': {
    method: 'POST',
    url: () => '/api/v1/procedures',
    payload: () => ({
      code: `1.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}.M${uid(3)}`,
      name: 'Thủ tục thử', fieldCode: 'HO_TICH', agencyCode: mine.child.code, onlineLevel: 'none', timeLimit: { amount: 1, unit: 'working_days' }, fees: [],
      resultType: 'paper', legalBasis: '', ruleVersion: '1', effectiveFrom: '2025-07-01', documents: [{ name: 'Tờ khai', originals: 1, copies: 0 }],
      steps: [{ code: 'appraise', name: 'Thẩm định', handlingAgency: 'competent', budget: 1 }],
    }),
    allowed: ['admin'],
  },
  'add a calendar override': {
    method: 'POST',
    url: () => '/api/v1/calendar/overrides',
    payload: () => {
      const d = new Date(Date.UTC(2031 + Math.floor(Math.random() * 69), [5, 6, 9, 10][Math.floor(Math.random() * 4)], 3 + Math.floor(Math.random() * 20)));
      while (d.getUTCDay() === 0 || d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() + 1);
      return { date: d.toISOString().slice(0, 10), kind: 'day_off', name: `Nghỉ ${uid()}`, source: 'Thử nghiệm ma trận quyền' };
    },
    allowed: ['calendar_admin'],
  },
  'confirm a calendar year': { method: 'POST', url: () => `/api/v1/calendar/years/${2031 + Math.floor(Math.random() * 69)}/confirm`, payload: () => ({ legalReference: `Thông báo ${uid()}/TB-VPCP` }), allowed: ['calendar_admin'] },
  'list officials': { method: 'GET', url: () => '/api/v1/workforce/officials', allowed: ['leader', 'home_affairs', 'admin'] },
  'workforce statistics': { method: 'GET', url: () => `/api/v1/workforce/stats?agency=${mine.root.code}`, allowed: ['leader', 'home_affairs', 'admin'] },
  'job positions and headcount': { method: 'GET', url: () => `/api/v1/workforce/positions?agency=${mine.child.code}`, allowed: ['leader', 'home_affairs', 'admin'] },
  'create job position': { method: 'POST', url: () => '/api/v1/workforce/positions', payload: () => ({ agencyCode: mine.child.code, name: `Vị trí ${uid()}`, quota: 2 }), allowed: ['home_affairs', 'admin'] },
  'streamlining candidates': { method: 'GET', url: () => '/api/v1/workforce/streamlining', allowed: ['home_affairs', 'admin'] },
  'dossier work queues': { method: 'GET', url: () => '/api/v1/dossiers?queue=unit', allowed: ['citizen', 'counter_officer', 'processing_officer', 'leader', 'inspector'] },
  'dossier late queue': { method: 'GET', url: () => '/api/v1/dossiers?queue=late', allowed: ['citizen', 'counter_officer', 'processing_officer', 'leader', 'inspector'] },
  'dossier tracking book': { method: 'GET', url: () => '/api/v1/dossiers/tracking-book.xlsx?from=2026-01-01&to=2026-01-31', allowed: ['counter_officer', 'leader'] },
  'dossier satisfaction stats': { method: 'GET', url: () => '/api/v1/dossiers/ratings/stats?by=agency', allowed: ['counter_officer', 'processing_officer', 'leader', 'inspector'] },
  'my notifications': { method: 'GET', url: () => '/api/v1/me/notifications', allowed: [...ROLES] },
  'notification outbox viewer (development)': { method: 'GET', url: () => '/api/v1/dev/outbox', allowed: ['admin'] },
  'conduct: rule sets': { method: 'GET', url: () => '/api/v1/conduct/rule-sets', allowed: staff },
  'conduct: my commitments': { method: 'GET', url: () => '/api/v1/conduct/my/commitments', allowed: staff },
  'conduct: commitment campaigns': { method: 'GET', url: () => '/api/v1/conduct/commitment-campaigns', allowed: ['home_affairs', 'inspector', 'leader'] },
  'conduct: open a commitment campaign': { method: 'POST', url: () => '/api/v1/conduct/commitment-campaigns', payload: () => ({ agencyCode: mine.child.code, year: 2026, title: `Cam kết ${uid()}`, opensOn: '2026-01-01', closesOn: '2026-12-31' }), allowed: ['home_affairs'] },
  'conduct: officials in scope': { method: 'GET', url: () => '/api/v1/conduct/officials', allowed: ['home_affairs', 'inspector', 'leader'] },
  'conduct: inspection checklist': { method: 'GET', url: () => `/api/v1/conduct/checklist?agencyCode=${mine.child.code}`, allowed: ['home_affairs', 'inspector', 'leader'] },
  'conduct: inspections': { method: 'GET', url: () => '/api/v1/conduct/inspections', allowed: ['home_affairs', 'inspector', 'leader'] },
  'conduct: record an inspection': { method: 'POST', url: () => '/api/v1/conduct/inspections', payload: () => ({ agencyCode: mine.child.code, kind: 'planned', inspectedAt: new Date().toISOString() }), allowed: ['inspector'] },
  'conduct: import attendance': { method: 'POST', url: () => '/api/v1/conduct/attendance/import', payload: () => ({ agencyCode: mine.child.code, csv: 'ma_can_bo,ngay,gio_vao,gio_ra\n' }), allowed: ['home_affairs'] },
  'conduct: attendance': { method: 'GET', url: () => `/api/v1/conduct/attendance?agencyCode=${mine.child.code}`, allowed: ['home_affairs', 'inspector', 'leader'] },
  'conduct: violations': { method: 'GET', url: () => '/api/v1/conduct/violations', allowed: ['home_affairs', 'inspector', 'leader'] },
  'conduct: my violations': { method: 'GET', url: () => '/api/v1/conduct/violations?mine=true', allowed: staff },
  'conduct: discipline cases': { method: 'GET', url: () => '/api/v1/conduct/discipline-cases', allowed: ['home_affairs', 'inspector', 'leader'] },
  'conduct: annual ratings': { method: 'GET', url: () => '/api/v1/conduct/ratings?year=2026', allowed: ['home_affairs', 'inspector', 'leader'] },
  'conduct: my ratings': { method: 'GET', url: () => '/api/v1/conduct/ratings?mine=true', allowed: staff },
  'conduct: emulation campaigns': { method: 'GET', url: () => '/api/v1/conduct/emulation-campaigns', allowed: ['home_affairs', 'inspector', 'leader'] },
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
  it('role-less accounts created by another agency and citizens are neither listed nor manageable', async () => {
    const theirAdmin = await login(h, (await makeUser(h, 'admin', theirs.root.id)).username);
    const created = (await theirAdmin.request({ method: 'POST', url: '/api/v1/admin/users', payload: { username: `rl${uid().toLowerCase()}`, displayName: 'Chưa phân quyền', password: 'mot-mat-khau-dai', kind: 'official' } })).json();
    const citizen = await makeUser(h, null, null, 'citizen');
    const users = (await clients.admin.request({ method: 'GET', url: '/api/v1/admin/users?limit=200' })).json();
    const ids = users.items.map((u: { id: string }) => u.id);
    expect(ids).not.toContain(created.id);
    expect(ids).not.toContain(citizen.id);
    const res = await clients.admin.request({ method: 'POST', url: `/api/v1/admin/users/${created.id}/roles`, payload: { role: 'leader', agencyCode: mine.child.code } });
    expect(res.statusCode).toBe(404);
  });

  it('an admin of a child agency does not reach its parent', async () => {
    const childAdmin = await login(h, (await makeUser(h, 'admin', mine.child.id)).username);
    expect((await childAdmin.request({ method: 'GET', url: `/api/v1/admin/agencies/${mine.root.code}/units` })).statusCode).toBe(404);
    expect((await childAdmin.request({ method: 'GET', url: `/api/v1/admin/agencies/${mine.child.code}/units` })).statusCode).toBe(200);
  });
});

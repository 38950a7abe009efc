/**
 * The policy matrix: one row per authenticated route of the app, keyed `METHOD /path` exactly as
 * Fastify registers it, and the list of public routes. policy-matrix.test.ts takes the app's route
 * table and fails on a route that is in neither, then calls every row as every role of "my" agency
 * tree, anonymously, with an API token, and as members of a foreign agency and a foreign province.
 *
 * A row says which roles of my tree get a 2xx (`allow`); the others get `deny` (403 by default,
 * 404 where the route hides the record). A member of a foreign agency or province holding an allowed
 * role gets `foreign` (by default 404 when the route names a record, :code or :id, else 2xx).
 * Anonymous callers get 401; the token (TOKEN_ROLE) gets what that role gets unless `token` says.
 * `req` builds the request for one caller, with a fresh record of mine where a write cannot be
 * repeated; records the caller acts on as "the official concerned" are about the caller himself.
 */
import { ROLES, type Role } from './platform/principal.js';
import { uid } from './test/harness.js';
import * as f from './policy-matrix.test-support.js';
import type { Who, World } from './policy-matrix.test-support.js';

export type Expect = '2xx' | 400 | 401 | 403 | 404 | 409 | 422;
export interface Call {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** Make the call as this caller instead (a fresh session of the same role and side). */
  by?: Who;
}
export interface Row {
  allow: readonly Role[];
  req?: (w: World, who: Who) => Call | Promise<Call>;
  /** What an allowed caller gets (default 2xx), for the rare success that depends on the day. */
  ok?: (w: World) => Expect;
  deny?: Expect;
  as?: Partial<Record<Role, Expect>>;
  foreign?: Expect | { agency: Expect; province: Expect };
  token?: Expect;
  /** Build the request for every caller (default: only for those expected to succeed; the others share one). */
  perCaller?: boolean;
}

// Role groups: adding a role to the platform means adding it to the groups (and rows) it belongs to.
const ALL = ROLES;
const STAFF: Role[] = ['counter_officer', 'processing_officer', 'leader', 'inspector', 'home_affairs', 'admin', 'auditor'];
const ADMIN: Role[] = ['admin'];
const AUDIT: Role[] = ['auditor', 'admin'];
const HR: Role[] = ['home_affairs', 'admin'];
const HR_READ: Role[] = ['leader', 'home_affairs', 'admin'];
const DOSSIER_READ: Role[] = ['counter_officer', 'processing_officer', 'leader', 'inspector'];
const CONDUCT_READ: Role[] = ['home_affairs', 'inspector', 'leader'];
const REVIEW: Role[] = ['leader', 'home_affairs'];
const MANAGE: Role[] = ['home_affairs'];

const url = (u: string, payload?: unknown): Call => ({ url: u, payload });
const C = '/api/v1/conduct';
const W = '/api/v1/workforce';
const year = Number(f.today().slice(0, 4));
/** Calls that refer to my agency in their query or body: a foreign member gets 404. */
const MINE = 404;

/** Routes anyone may call without signing in (documentation, health, the public catalog and lookup). */
export const PUBLIC_ROUTES: Record<string, string> = {
  'GET /api/docs': 'API documentation (Swagger UI)',
  'GET /api/docs/': 'API documentation',
  'HEAD /api/docs/': 'API documentation',
  'GET /api/docs/*': 'API documentation assets',
  'HEAD /api/docs/*': 'API documentation assets',
  'GET /api/docs/json': 'OpenAPI document',
  'GET /api/docs/yaml': 'OpenAPI document',
  'GET /api/docs/static/index.html': 'API documentation',
  'GET /api/docs/static/swagger-initializer.js': 'API documentation',
  'GET /api/docs/static/*': 'API documentation assets',
  'HEAD /api/docs/static/*': 'API documentation assets',
  'GET /api/openapi.json': 'OpenAPI document',
  'GET /api/v1/meta': 'about this deployment',
  'POST /api/v1/auth/login': 'sign-in',
  'GET /api/v1/auth/oidc/start': 'SSO sign-in (registered when OIDC is configured)',
  'GET /api/v1/auth/oidc/callback': 'SSO sign-in (registered when OIDC is configured)',
  'GET /api/v1/calendar/lunar': 'calendar (national reference data)',
  'GET /api/v1/calendar/solar': 'calendar',
  'GET /api/v1/calendar/holidays': 'calendar',
  'GET /api/v1/calendar/holidays.ics': 'calendar',
  'GET /api/v1/calendar/month': 'calendar',
  'GET /api/v1/calendar/deadline': 'calendar',
  'GET /api/v1/calendar/years/:year': 'calendar',
  'GET /api/v1/procedures': 'public procedure catalog',
  'GET /api/v1/procedures/:code': 'public procedure catalog',
  'GET /api/v1/procedure-fields': 'public procedure catalog',
  'GET /api/v1/procedure-agencies': 'public procedure catalog',
  'GET /api/v1/public/dossiers/:code': 'public lookup (code + verification)',
  'GET /api/v1/public/lookup-check': "which verification the code's province asks for (from the desk code only)",
  'POST /api/v1/public/dossiers/:code/rating': 'citizen satisfaction rating (code + verification)',
  'GET /api/v1/public/documents/verify': 'QR document verification',
  'GET /api/v1/public/desks': 'online desks of a procedure',
  'GET /metrics': 'Prometheus (CONGVU_METRICS_TOKEN when set)',
  'GET /healthz': 'liveness',
  'GET /readyz': 'readiness',
};
/** The built web app (@fastify/static registers one route per file of dist/web when it exists). */
export const isPublic = (key: string): boolean => key in PUBLIC_ROUTES || /^(GET|HEAD) \/(|[\w.@-]+\.\w+|assets\/.*|fonts\/.*)$/.test(key);

export const MATRIX: Record<string, Row> = {
  // ── Session ───────────────────────────────────────────────────────────────────────────────────
  'GET /api/v1/auth/me': { allow: ALL, foreign: '2xx' },
  'POST /api/v1/auth/logout': {
    allow: ALL,
    foreign: '2xx',
    perCaller: true,
    req: async (w, who) => ({ url: '/api/v1/auth/logout', by: await f.freshSession(w, who) }),
  },
  'GET /api/v1/me/notifications': { allow: ALL, foreign: '2xx' },

  // ── Audit ─────────────────────────────────────────────────────────────────────────────────────
  'GET /api/v1/audit/verify': { allow: AUDIT }, // a top-level grant verifies every chain (issue 11 point 2: its province's only)
  // Today a grant on any top-level agency reads every stream; issue 11 point 2 stops it at its province.
  'GET /api/v1/audit/events': { allow: AUDIT, req: (w) => url(`/api/v1/audit/events?stream=agency:${w.mine.child.code}`), foreign: '2xx' },

  // ── Organisation ──────────────────────────────────────────────────────────────────────────────
  'GET /api/v1/admin/administrative-units': { allow: STAFF },
  // A province's administrator adds communes to its own province only (another province's: 403).
  'POST /api/v1/admin/administrative-units': {
    allow: ADMIN,
    req: () =>
      url('/api/v1/admin/administrative-units', {
        code: String(10000 + Math.floor(Math.random() * 90000)),
        level: 'commune',
        type: 'xa',
        name: `Xã ${uid()}`,
        parentCode: '08',
      }),
    foreign: { agency: '2xx', province: 403 },
  },
  'GET /api/v1/admin/agencies': { allow: ADMIN },
  'POST /api/v1/admin/agencies': {
    allow: ADMIN,
    req: (w) => url('/api/v1/admin/agencies', { code: `T${uid(3)}.00.32.H99`, name: `Phòng ${uid()}`, parentCode: w.mine.root.code, adminUnitCode: '08' }),
    foreign: MINE,
  },
  'GET /api/v1/admin/agencies/:code/units': { allow: ADMIN, req: (w) => url(`/api/v1/admin/agencies/${w.mine.child.code}/units`) },
  'POST /api/v1/admin/agencies/:code/units': {
    allow: ADMIN,
    req: (w) => url(`/api/v1/admin/agencies/${w.mine.child.code}/units`, { name: `Phòng ${uid()}`, kind: 'phong' }),
  },
  'GET /api/v1/admin/users': { allow: ADMIN },
  'POST /api/v1/admin/users': {
    allow: ADMIN,
    req: () => url('/api/v1/admin/users', { username: `m${uid().toLowerCase()}`, displayName: 'Cán bộ mới', password: 'mot-mat-khau-dai', kind: 'official' }),
  },
  'POST /api/v1/admin/users/:id/roles': {
    allow: ADMIN,
    req: async (w) => url(`/api/v1/admin/users/${(await f.userWithRole(w)).userId}/roles`, { role: 'inspector', agencyCode: w.mine.child.code }),
  },
  'DELETE /api/v1/admin/users/:id/roles/:assignmentId': {
    allow: ADMIN,
    req: async (w) => {
      const u = await f.userWithRole(w);
      return url(`/api/v1/admin/users/${u.userId}/roles/${u.assignmentId}`);
    },
  },
  'GET /api/v1/admin/tokens': { allow: ADMIN },
  // A province's lookup verification: the administrator of that province's top-level agency.
  'GET /api/v1/admin/provinces/:provinceCode/lookup-check': {
    allow: ADMIN,
    req: () => url('/api/v1/admin/provinces/08/lookup-check'),
    foreign: { agency: '2xx', province: 403 },
  },
  'PUT /api/v1/admin/provinces/:provinceCode/lookup-check': {
    allow: ADMIN,
    req: () => url('/api/v1/admin/provinces/08/lookup-check', { check: 'phone_tail' }),
    foreign: { agency: '2xx', province: 403 },
  },
  'POST /api/v1/admin/tokens': {
    allow: ADMIN,
    req: (w) => url('/api/v1/admin/tokens', { name: `Máy ${uid()}`, role: 'counter_officer', agencyCode: w.mine.child.code }),
    foreign: MINE,
  },
  'POST /api/v1/admin/tokens/:id/revoke': { allow: ADMIN, req: async (w) => url(`/api/v1/admin/tokens/${(await f.apiToken(w)).id}/revoke`) },

  // ── Procedures ────────────────────────────────────────────────────────────────────────────────
  'GET /api/v1/admin/procedures': { allow: ADMIN },
  'GET /api/v1/procedures/export.xlsx': { allow: ADMIN },
  'GET /api/v1/procedures/export.csv': { allow: ADMIN },
  'POST /api/v1/procedures/import': {
    allow: ADMIN,
    req: async (w) => ({ url: '/api/v1/procedures/import?dryRun=true', ...f.multipart('thu-tuc.csv', await f.procedureCsv(w), 'text/csv') }),
  },
  'POST /api/v1/procedures': { allow: ADMIN, req: (w) => url('/api/v1/procedures', f.procedurePayload(w.mine.child.code)), foreign: MINE },
  'PUT /api/v1/procedures/:code': {
    allow: ADMIN,
    req: async (w) => {
      const { code, ...body } = f.procedurePayload(w.mine.child.code);
      const created = await f.call(w.as.admin, 'POST', '/api/v1/procedures', { ...body, code });
      return url(`/api/v1/procedures/${code}`, { ...body, name: 'Thủ tục đã sửa', version: created.version });
    },
  },
  'POST /api/v1/procedures/:code/deactivate': {
    allow: ADMIN,
    req: async (w) =>
      url(`/api/v1/procedures/${(await f.call(w.as.admin, 'POST', '/api/v1/procedures', f.procedurePayload(w.mine.child.code))).code as string}/deactivate`),
  },
  'GET /api/v1/procedures/:code/versions': { allow: ADMIN, req: (w) => url(`/api/v1/procedures/${w.procedureCode}/versions`) },

  // ── Calendar: national data edited by calendar_admin (held at a national agency, so any holder
  // may); a province's local days off by the administrator of that province's top-level agency.
  'POST /api/v1/calendar/overrides': { allow: ['calendar_admin'], req: () => url('/api/v1/calendar/overrides', f.overridePayload()), foreign: '2xx' },
  'DELETE /api/v1/calendar/overrides/:id': {
    allow: ['calendar_admin'],
    req: async (w) => url(`/api/v1/calendar/overrides/${(await f.override(w)).id}`),
    foreign: '2xx',
  },
  'POST /api/v1/calendar/years/:year/confirm': {
    allow: ['calendar_admin'],
    req: () => url(`/api/v1/calendar/years/${f.farYear()}/confirm`, { legalReference: `Thông báo ${uid()}/TB-VPCP` }),
    foreign: '2xx',
  },
  'POST /api/v1/calendar/provinces/:province/days-off': {
    allow: ADMIN,
    req: () => url('/api/v1/calendar/provinces/08/days-off', f.localDayPayload()),
    foreign: { agency: '2xx', province: 403 },
  },
  'DELETE /api/v1/calendar/provinces/:province/days-off/:id': {
    allow: ADMIN,
    req: async (w) => url(`/api/v1/calendar/provinces/08/days-off/${(await f.localDayOff(w)).id}`),
    foreign: { agency: '2xx', province: 403 },
  },

  // ── Workforce ─────────────────────────────────────────────────────────────────────────────────
  'GET /api/v1/workforce/officials': { allow: HR_READ },
  'POST /api/v1/workforce/officials': { allow: HR, req: (w) => url(`${W}/officials`, f.officialPayload(w)), foreign: MINE },
  'GET /api/v1/workforce/officials/:id': { allow: HR_READ, req: (w) => url(`${W}/officials/${w.neutral.officialId}`) },
  // Linking a sign-in account to a record (here: unlinking a fresh person's account).
  'POST /api/v1/workforce/officials/:id/account': {
    allow: HR,
    req: async (w) => url(`${W}/officials/${(await f.newPerson(w)).officialId}/account`, { username: null, version: 1 }),
  },
  'PATCH /api/v1/workforce/officials/:id': {
    allow: HR,
    req: async (w) => {
      const o = await f.registerOfficial(w);
      return url(`${W}/officials/${o.id}`, { version: o.version, rank: 'Chuyên viên' });
    },
  },
  'POST /api/v1/workforce/officials/:id/training': {
    allow: HR,
    req: (w) => url(`${W}/officials/${w.neutral.officialId}/training`, { kind: 'tin_hoc', title: `Tin học ${uid()}` }),
  },
  // A foreign HR's dry run answers 200 with the rows naming my agency rejected (outside its scope).
  'POST /api/v1/workforce/officials/import': {
    allow: HR,
    req: (w) => ({ url: `${W}/officials/import?dryRun=true`, ...f.multipart('ds.csv', f.officialsCsv(w), 'text/csv') }),
    foreign: '2xx',
  },
  'GET /api/v1/workforce/imports/:id': { allow: HR, req: async (w) => url(`${W}/imports/${await f.importJob(w)}`) },
  'GET /api/v1/workforce/stats': { allow: HR_READ, req: (w) => url(`${W}/stats?agency=${w.mine.root.code}`), foreign: MINE },
  'GET /api/v1/workforce/stats.xlsx': { allow: HR_READ, req: (w) => url(`${W}/stats.xlsx?agency=${w.mine.root.code}`), foreign: MINE },
  'GET /api/v1/workforce/positions': { allow: HR_READ, req: (w) => url(`${W}/positions?agency=${w.mine.child.code}`), foreign: MINE },
  'POST /api/v1/workforce/positions': {
    allow: HR,
    req: (w) => url(`${W}/positions`, { agencyCode: w.mine.child.code, name: `Vị trí ${uid()}`, quota: 2 }),
    foreign: MINE,
  },
  'PATCH /api/v1/workforce/positions/:id': {
    allow: HR,
    req: async (w) => {
      const p = await f.position(w);
      return url(`${W}/positions/${p.id}`, { version: p.version, quota: 3 });
    },
  },
  'GET /api/v1/workforce/streamlining': { allow: HR },
  'POST /api/v1/workforce/streamlining': {
    allow: HR,
    req: async (w) => url(`${W}/streamlining`, { officialId: (await f.registerOfficial(w)).id, groupCode: 'G1', reason: 'Dôi dư sau sắp xếp' }),
    foreign: MINE,
  },
  'POST /api/v1/workforce/streamlining/:id/review': {
    allow: HR,
    req: async (w) => {
      const c = await f.candidate(w);
      return url(`${W}/streamlining/${c.id}/review`, { version: c.version, decision: 'approved', note: 'Đồng ý' });
    },
  },

  // ── Dossiers ──────────────────────────────────────────────────────────────────────────────────
  // Any desk of the province receives any procedure of the province (Decree 118/2025); another province's desk has no such procedure.
  'POST /api/v1/dossiers': {
    allow: ['citizen', 'counter_officer'],
    req: (w, who) => url('/api/v1/dossiers', f.intakePayload(w, who.role === 'citizen' ? 'online' : 'counter')),
    foreign: { agency: '2xx', province: 400 },
  },
  'GET /api/v1/dossiers': { allow: ['citizen', ...DOSSIER_READ] },
  'GET /api/v1/dossiers/tracking-book.xlsx': {
    allow: ['counter_officer', 'leader'],
    req: () => url('/api/v1/dossiers/tracking-book.xlsx?from=2026-01-01&to=2026-01-31'),
  },
  'GET /api/v1/dossiers/ratings/stats': { allow: DOSSIER_READ, req: () => url('/api/v1/dossiers/ratings/stats?by=agency') },
  'GET /api/v1/dossiers/:code': { allow: ['citizen', ...DOSSIER_READ], deny: 404, req: (w) => url(`/api/v1/dossiers/${w.onlineDossierCode}`) },
  'GET /api/v1/dossiers/:code/access-log': {
    allow: ['citizen', ...DOSSIER_READ],
    deny: 404,
    req: (w) => url(`/api/v1/dossiers/${w.onlineDossierCode}/access-log`),
  },
  'GET /api/v1/dossiers/:code/:form.pdf': {
    allow: ['citizen', ...DOSSIER_READ],
    deny: 404,
    req: (w) => url(`/api/v1/dossiers/${w.onlineDossierCode}/receipt.pdf`),
  },
  'POST /api/v1/dossiers/:code/actions/:action': {
    // The applicant and the desk withdraw a submitted dossier; the competent agency's officer and
    // leader refuse one in processing; an inspector reads it but acts on nothing.
    allow: ['citizen', 'counter_officer', 'processing_officer', 'leader'],
    deny: 404,
    as: { inspector: 403 },
    req: async (w, who) => {
      if (who.role === 'citizen' || who.role === 'counter_officer')
        return url(`/api/v1/dossiers/${await f.dossier(w, 'online')}/actions/withdraw`, { reason: 'Người nộp rút hồ sơ' });
      return url(`/api/v1/dossiers/${await f.dossierInProcessing(w)}/actions/refuse`, { reason: 'Không đủ điều kiện' });
    },
  },
  'GET /api/v1/dev/outbox': { allow: ADMIN }, // every top-level admin reads the whole outbox (issue 11 point 2: province-scoped)

  // ── Conduct: code, commitments, attendance ────────────────────────────────────────────────────
  'GET /api/v1/conduct/rule-sets': { allow: STAFF },
  'GET /api/v1/conduct/rule-sets/:id': { allow: STAFF, req: (w) => url(`${C}/rule-sets/${w.ruleSetId}`) },
  'POST /api/v1/conduct/rule-sets': { allow: MANAGE, req: (w) => url(`${C}/rule-sets`, f.ruleSetPayload(w)), foreign: MINE },
  'GET /api/v1/conduct/commitment-campaigns': { allow: CONDUCT_READ },
  'POST /api/v1/conduct/commitment-campaigns': {
    allow: MANAGE,
    req: (w) =>
      url(`${C}/commitment-campaigns`, { agencyCode: w.mine.child.code, year, title: `Cam kết ${uid()}`, opensOn: `${year}-01-01`, closesOn: `${year}-12-31` }),
    foreign: MINE,
  },
  'GET /api/v1/conduct/commitment-campaigns/:id/completion': {
    allow: CONDUCT_READ,
    req: (w) => url(`${C}/commitment-campaigns/${w.commitmentCampaignId}/completion`),
  },
  'GET /api/v1/conduct/my/commitments': { allow: STAFF },
  'POST /api/v1/conduct/my/commitments': {
    allow: STAFF,
    req: async (w, who) => url(`${C}/my/commitments`, await f.acknowledgement(w, who)),
    foreign: MINE,
    token: 422,
  },
  'GET /api/v1/conduct/officials': { allow: CONDUCT_READ },
  'POST /api/v1/conduct/attendance/import': {
    allow: MANAGE,
    req: (w) => url(`${C}/attendance/import`, { agencyCode: w.mine.child.code, csv: 'ma_can_bo,ngay,gio_vao,gio_ra\n' }),
    foreign: MINE,
  },
  // a check-in is refused (422) on a day off; a token is nobody's official (422)
  'POST /api/v1/conduct/my/attendance': { allow: STAFF, ok: (w) => (w.todayIsWorkingDay ? '2xx' : 422), foreign: '2xx', token: 422 },
  'GET /api/v1/conduct/attendance': { allow: CONDUCT_READ, req: (w) => url(`${C}/attendance?agencyCode=${w.mine.child.code}`), foreign: MINE },
  'GET /api/v1/conduct/attendance/report': {
    allow: CONDUCT_READ,
    req: (w) => url(`${C}/attendance/report?agencyCode=${w.mine.child.code}&month=2026-01`),
    foreign: MINE,
  },
  'GET /api/v1/conduct/my/attendance': { allow: STAFF },
  'GET /api/v1/conduct/checklist': { allow: CONDUCT_READ, req: (w) => url(`${C}/checklist?agencyCode=${w.mine.child.code}`), foreign: MINE },

  // ── Conduct: inspections ──────────────────────────────────────────────────────────────────────
  'GET /api/v1/conduct/inspections': { allow: CONDUCT_READ },
  'POST /api/v1/conduct/inspections': {
    allow: ['inspector'],
    req: (w) => url(`${C}/inspections`, { agencyCode: w.mine.child.code, kind: 'planned', inspectedAt: new Date().toISOString() }),
    foreign: MINE,
  },
  'GET /api/v1/conduct/inspections/:id': { allow: CONDUCT_READ, req: (w) => url(`${C}/inspections/${w.findingInspectionId}`) },
  'POST /api/v1/conduct/inspections/:id/findings': {
    allow: ['inspector'],
    req: (w) => url(`${C}/inspections/${w.findingInspectionId}/findings`, { officialId: w.neutral.officialId, checklistItem: 'attire', isCompliant: true }),
  },
  'POST /api/v1/conduct/findings/:id/photos': {
    allow: ['inspector', 'home_affairs'],
    req: async (w) => ({ url: `${C}/findings/${(await f.finding(w)).id}/photos`, ...f.multipart('anh.jpg', f.jpeg(), 'image/jpeg') }),
  },
  'GET /api/v1/conduct/findings/:id/photos/:n': { allow: CONDUCT_READ, deny: 404, req: (w) => url(`${C}/findings/${w.photoFindingId}/photos/1`) },

  // ── Conduct: violations and discipline ────────────────────────────────────────────────────────
  'GET /api/v1/conduct/violations': { allow: CONDUCT_READ },
  'POST /api/v1/conduct/violations': {
    allow: ['inspector', 'home_affairs', 'leader'],
    req: (w) => url(`${C}/violations`, { officialId: w.neutral.officialId, source: 'complaint', occurredOn: f.today(), description: `Phản ánh ${uid()}` }),
    foreign: MINE,
  },
  'GET /api/v1/conduct/violations/:id': { allow: CONDUCT_READ, deny: 404, req: (w) => url(`${C}/violations/${w.violationId}`) },
  'POST /api/v1/conduct/violations/:id/answer': {
    // the official concerned only: each member of staff answers a violation reported against himself
    allow: STAFF,
    deny: 404,
    token: 404,
    req: async (w, who) => {
      const v = await f.violation(w, f.selfOr(w, who));
      return url(`${C}/violations/${v.id}/answer`, { text: 'Tôi xin giải trình.', version: v.version });
    },
  },
  'POST /api/v1/conduct/violations/:id/confirm': {
    allow: REVIEW,
    req: async (w) => {
      const v = await f.answeredViolation(w, w.neutral);
      return url(`${C}/violations/${v.id}/confirm`, { version: v.version });
    },
  },
  'POST /api/v1/conduct/violations/:id/dismiss': {
    allow: REVIEW,
    req: async (w) => {
      const v = await f.violation(w, w.neutral);
      return url(`${C}/violations/${v.id}/dismiss`, { version: v.version, note: 'Không có căn cứ' });
    },
  },
  'GET /api/v1/conduct/discipline-cases': { allow: CONDUCT_READ },
  'POST /api/v1/conduct/discipline-cases': {
    allow: MANAGE,
    req: async (w) => url(`${C}/discipline-cases`, { violationIds: [(await f.confirmedViolation(w)).id], severity: 'it_nghiem_trong' }),
    foreign: MINE,
  },
  'GET /api/v1/conduct/discipline-cases/:id': { allow: CONDUCT_READ, deny: 404, req: (w) => url(`${C}/discipline-cases/${w.caseId}`) },
  'POST /api/v1/conduct/discipline-cases/:id/documents': {
    allow: MANAGE,
    req: async (w) => {
      const c = await f.disciplineCase(w);
      return url(`${C}/discipline-cases/${c.id}/documents`, { kind: 'bien_ban_kiem_diem', title: 'Biên bản họp kiểm điểm', version: c.version });
    },
  },
  'POST /api/v1/conduct/discipline-cases/:id/wait': {
    allow: MANAGE,
    req: async (w) => {
      const c = await f.disciplineCase(w);
      return url(`${C}/discipline-cases/${c.id}/wait`, { reason: 'pregnancy_or_child_under_12_months', version: c.version });
    },
  },
  'POST /api/v1/conduct/discipline-cases/:id/resume': {
    allow: MANAGE,
    req: async (w) => {
      const c = await f.waitingCase(w);
      return url(`${C}/discipline-cases/${c.id}/resume`, { version: c.version });
    },
  },
  'POST /api/v1/conduct/discipline-cases/:id/decide': {
    allow: REVIEW,
    req: async (w) => {
      const c = await f.disciplineCase(w);
      return url(`${C}/discipline-cases/${c.id}/decide`, { form: 'khien_trach', decisionNumber: `${uid(2)}/QĐ`, version: c.version });
    },
  },
  'POST /api/v1/conduct/discipline-cases/:id/complaint': {
    // the official concerned only: each member of staff complains against his own decided case
    allow: STAFF,
    deny: 404,
    token: 404,
    req: async (w, who) => {
      const c = await f.decidedCase(w, f.selfOr(w, who));
      return url(`${C}/discipline-cases/${c.id}/complaint`, { text: 'Tôi khiếu nại.', version: c.version });
    },
  },
  'POST /api/v1/conduct/discipline-cases/:id/complaint/resolve': {
    allow: REVIEW,
    req: async (w) => {
      const c = await f.complainedCase(w);
      return url(`${C}/discipline-cases/${c.id}/complaint/resolve`, { outcome: 'rejected', version: c.version });
    },
  },

  // ── Conduct: annual rating and emulation ──────────────────────────────────────────────────────
  'GET /api/v1/conduct/ratings': { allow: CONDUCT_READ, req: () => url(`${C}/ratings?year=${year}`) },
  'POST /api/v1/conduct/ratings': {
    allow: REVIEW,
    req: (w) => url(`${C}/ratings`, { officialId: w.neutral.officialId, year: f.nextRatingYear() }),
    foreign: MINE,
  },
  'GET /api/v1/conduct/ratings/:id': { allow: CONDUCT_READ, deny: 404, req: (w) => url(`${C}/ratings/${w.ratingId}`) },
  'POST /api/v1/conduct/ratings/:id/self': {
    // the official concerned only: each member of staff assesses his own rating
    allow: STAFF,
    deny: 404,
    token: 404,
    req: async (w, who) => {
      const r = await f.rating(w, f.selfOr(w, who));
      return url(`${C}/ratings/${r.id}/self`, { ...f.SCORES, version: r.version });
    },
  },
  'POST /api/v1/conduct/ratings/:id/assess': {
    allow: ['leader'],
    req: async (w) => {
      const r = await f.selfAssessedRating(w);
      return url(`${C}/ratings/${r.id}/assess`, { ...f.SCORES, version: r.version });
    },
  },
  'POST /api/v1/conduct/ratings/:id/decide': {
    allow: REVIEW,
    req: async (w) => {
      const r = await f.assessedRating(w);
      return url(`${C}/ratings/${r.id}/decide`, { version: r.version });
    },
  },
  'GET /api/v1/conduct/emulation-campaigns': { allow: CONDUCT_READ },
  'GET /api/v1/conduct/emulation-campaigns/:id/scores': {
    allow: CONDUCT_READ,
    req: (w) => url(`${C}/emulation-campaigns/${w.emulationCampaignId}/scores?year=2025`),
  },
  'POST /api/v1/conduct/emulation-campaigns/:id/scores': {
    allow: MANAGE,
    req: (w) =>
      url(`${C}/emulation-campaigns/${w.emulationCampaignId}/scores`, { agencyCode: w.mine.child.code, year: 2025, criterion: 'communication', points: 10 }),
  },
};

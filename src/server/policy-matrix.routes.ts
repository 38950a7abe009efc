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
import { uid } from './test/harness.js';
import * as f from './policy-matrix.test-support.js';
import { CONDUCT_ROWS } from './policy-matrix.conduct.js';
import { ALL, STAFF, ADMIN, AUDIT, HR, HR_READ, DOSSIER_READ, url, W, MINE, type Row } from './policy-matrix.kit.js';

export type { Call, Expect, Row } from './policy-matrix.kit.js';

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
  'GET /api/v1/auth/password-reset/:token': 'one-time password-reset link (the token is the credential)',
  'POST /api/v1/auth/password-reset': 'one-time password-reset link (the token is the credential)',
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
  'GET /api/v1/procedure-templates/:documentId': "a procedure document's form template (public download)",
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
  'GET /api/v1/me/notifications/unread-count': { allow: ALL, foreign: '2xx' },
  // Each caller marks a message of his own; an API token is nobody's bell (404).
  'POST /api/v1/me/notifications/:id/read': {
    allow: ALL,
    foreign: '2xx',
    token: 404,
    perCaller: true,
    req: async (w, who) => url(`/api/v1/me/notifications/${await f.ownNotificationId(w, who)}/read`),
  },
  'POST /api/v1/me/notifications/read-all': { allow: ALL, foreign: '2xx' },
  'GET /api/v1/me/profile': { allow: ALL, foreign: '2xx' },

  // ── Audit ─────────────────────────────────────────────────────────────────────────────────────
  'GET /api/v1/audit/verify': { allow: AUDIT }, // a top-level grant verifies every chain (issue 11 point 2: its province's only)
  // Today a grant on any top-level agency reads every stream; issue 11 point 2 stops it at its province.
  'GET /api/v1/audit/events': { allow: AUDIT, req: (w) => url(`/api/v1/audit/events?stream=agency:${w.mine.child.code}`), foreign: '2xx' },
  'GET /api/v1/audit/streams': { allow: AUDIT, foreign: '2xx' },
  // An entry of my child agency's chain (an internal unit added there writes one): foreign readers get 404.
  'GET /api/v1/audit/events/:stream/:seq': {
    allow: AUDIT,
    req: async (w) => {
      await f.call(w.as.admin, 'POST', `/api/v1/admin/agencies/${w.mine.child.code}/units`, { name: `Phòng ${uid()}`, kind: 'phong' });
      return url(`/api/v1/audit/events/${encodeURIComponent(`agency:${w.mine.child.code}`)}/1`);
    },
    foreign: 404,
  },

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
  // The agency picker: every staff role, each its own agencies (a foreign member sees his own).
  'GET /api/v1/agencies': { allow: ALL.filter((r) => r !== 'citizen') },
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
  'PATCH /api/v1/admin/users/:id': {
    allow: ADMIN,
    req: async (w) => ({ url: `/api/v1/admin/users/${(await f.userWithRole(w)).userId}`, payload: { displayName: `Tên mới ${uid()}` } }),
  },
  'POST /api/v1/admin/users/:id/lock': { allow: ADMIN, req: async (w) => url(`/api/v1/admin/users/${(await f.userWithRole(w)).userId}/lock`, {}) },
  'POST /api/v1/admin/users/:id/unlock': { allow: ADMIN, req: async (w) => url(`/api/v1/admin/users/${(await f.userWithRole(w)).userId}/unlock`) },
  'POST /api/v1/admin/users/:id/password-reset': {
    allow: ADMIN,
    req: async (w) => url(`/api/v1/admin/users/${(await f.userWithRole(w)).userId}/password-reset`),
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
  'POST /api/v1/procedures/:code/documents/:documentId/template': {
    allow: ADMIN,
    req: (w) => ({
      url: `/api/v1/procedures/${w.procedureCode}/documents/${w.procedureDocumentIds[0]}/template`,
      ...f.multipart('to-khai.pdf', Buffer.from('%PDF-1.4 mau'), 'application/pdf'),
    }),
  },
  'DELETE /api/v1/procedures/:code/documents/:documentId/template': {
    allow: ADMIN,
    req: async (w) => {
      const t = await f.procedureTemplate(w);
      return url(`/api/v1/procedures/${t.code}/documents/${t.documentId}/template`);
    },
  },

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
  // Pickers: intake's procedures (the desk's or the citizen's own ranking), a dossier's assignable staff (its staff readers).
  'GET /api/v1/dossiers/intake-procedures': { allow: ['citizen', 'counter_officer'] },
  'GET /api/v1/dossiers/:code/assignees': {
    allow: DOSSIER_READ,
    deny: 404,
    as: { citizen: 403 },
    req: (w) => url(`/api/v1/dossiers/${w.onlineDossierCode}/assignees`),
  },
  'GET /api/v1/dossiers/:code/access-log': {
    allow: ['citizen', ...DOSSIER_READ],
    deny: 404,
    req: (w) => url(`/api/v1/dossiers/${w.onlineDossierCode}/access-log`),
  },
  'GET /api/v1/dossiers/:code/documents/:documentId/file': {
    allow: ['citizen', ...DOSSIER_READ],
    deny: 404,
    req: async (w) => url(await f.attachmentUrl(w)),
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

  ...CONDUCT_ROWS,
};

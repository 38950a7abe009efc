/** The conduct module's rows of the policy matrix (see policy-matrix.routes.ts for what a row says). */
import { uid } from './test/harness.js';
import * as f from './policy-matrix.test-support.js';
import { STAFF, CONDUCT_READ, REVIEW, MANAGE, url, C, year, MINE, type Row } from './policy-matrix.kit.js';

export const CONDUCT_ROWS: Record<string, Row> = {
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

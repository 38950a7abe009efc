import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, login, makeAgencyTree, makeUser, startHarness, type TestAgency } from '../../test/harness.js';
import { computeDue } from '../calendar/index.js';
import { makeOfficial } from './conduct.test-helpers.js';
import { vnToday } from '../../../shared/vn-time.js';
import { addYears } from './discipline.rules.js';
import { recordSignal, seedConductReference } from './index.js';

let h: Harness;
let mine: { root: TestAgency; child: TestAgency };
let theirs: { root: TestAgency; child: TestAgency };
let noivu: Client, thanhtra: Client, lanhdao: Client, canbo: Client, theirNoivu: Client, theirInspector: Client;
let canboOfficial: string;
const year = Number(vnToday().slice(0, 4));

beforeAll(async () => {
  h = await startHarness();
  await seedConductReference(h.database.db);
  mine = await makeAgencyTree(h);
  theirs = await makeAgencyTree(h);
  noivu = await login(h, (await makeUser(h, 'home_affairs', mine.root.id)).username);
  thanhtra = await login(h, (await makeUser(h, 'inspector', mine.root.id)).username);
  lanhdao = await login(h, (await makeUser(h, 'leader', mine.child.id)).username);
  const u = await makeUser(h, 'processing_officer', mine.child.id);
  canbo = await login(h, u.username);
  canboOfficial = (await makeOfficial(h, mine.child.id, { userId: u.id })).id;
  theirNoivu = await login(h, (await makeUser(h, 'home_affairs', theirs.root.id)).username);
  theirInspector = await login(h, (await makeUser(h, 'inspector', theirs.root.id)).username);
});
afterAll(() => h.close());

const post = (c: Client, url: string, payload: object) => c.request({ method: 'POST', url: `/api/v1/conduct${url}`, payload });
const get = (c: Client, url: string) => c.request({ method: 'GET', url: `/api/v1/conduct${url}` });

/** A violation reported through a complaint, answered by its official and confirmed by the leader. */
async function confirmedViolation(officialId: string, answerer: Client, occurredOn: string, isDutyRelated = false): Promise<string> {
  // the inspector files it; Home Affairs, who opens and decides the case, must not be its filer (SELF_REVIEW)
  const v = await post(thanhtra, '/violations', {
    officialId,
    source: 'complaint',
    occurredOn,
    description: 'Phản ánh của công dân về thái độ',
    isDutyRelated,
  });
  expect(v.statusCode, v.body).toBe(201);
  const a = await post(answerer, `/violations/${v.json().id}/answer`, { text: 'Tôi xin giải trình…', version: 1 });
  expect(a.statusCode, a.body).toBe(200);
  const c = await post(lanhdao, `/violations/${v.json().id}/confirm`, { version: 2 });
  expect(c.statusCode, c.body).toBe(200);
  return v.json().id;
}

describe('acceptance: inspection finding → violation → written answer → discipline → annual rating', () => {
  it('runs the whole flow with the right regime, forms, deadlines and audit', async () => {
    // the inspection and its checklist drawn from the rule sets in force
    const checklist = (await get(thanhtra, `/checklist?agencyCode=${mine.child.code}`)).json();
    const cardRule = checklist.items.find((i: { item: string }) => i.item === 'name_card').rules[0];
    expect(cardRule.ruleSetCode).toBe('QD129_2007');
    const ins = await post(thanhtra, '/inspections', {
      agencyCode: mine.child.code,
      kind: 'unannounced',
      inspectedAt: new Date().toISOString(),
      note: 'Kiểm tra đột xuất',
    });
    expect(ins.statusCode, ins.body).toBe(201);
    const finding = await post(thanhtra, `/inspections/${ins.json().id}/findings`, {
      officialId: canboOfficial,
      checklistItem: 'name_card',
      isCompliant: false,
      ruleId: cardRule.id,
      note: 'Không đeo thẻ',
      photoKeys: ['abcd1234ef.jpg'],
    });
    expect(finding.statusCode, finding.body).toBe(201);
    const violationId = finding.json().violationId as string;
    expect(violationId).toBeTruthy();

    // the official sees it in his record; the reviewer cannot confirm before the written answer
    const mineList = (await get(canbo, '/violations?mine=true')).json();
    expect(mineList.items.map((v: { id: string }) => v.id)).toContain(violationId);
    const early = await post(lanhdao, `/violations/${violationId}/confirm`, { version: 1 });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('VIOLATION_NOT_ANSWERED');
    expect((await post(lanhdao, `/violations/${violationId}/answer`, { text: 'Không phải tôi', version: 1 })).statusCode).toBe(404);
    const answered = await post(canbo, `/violations/${violationId}/answer`, { text: 'Tôi để quên thẻ ở nhà, xin rút kinh nghiệm.', version: 1 });
    expect(answered.json()).toMatchObject({ status: 'answered', answerText: 'Tôi để quên thẻ ở nhà, xin rút kinh nghiệm.' });
    const stale = await post(lanhdao, `/violations/${violationId}/confirm`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    const confirmed = await post(lanhdao, `/violations/${violationId}/confirm`, {
      version: 2,
      isDutyRelated: true,
      note: 'Vi phạm quy định đeo thẻ khi thi hành công vụ',
    });
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', isDutyRelated: true });

    // the discipline case: Decree 172/2025 for an act of today; handling due from the calendar
    const opened = await post(noivu, '/discipline-cases', { violationIds: [violationId], severity: 'it_nghiem_trong' });
    expect(opened.statusCode, opened.body).toBe(201);
    const kase = opened.json();
    expect(kase.regime).toBe('ND172_2025');
    expect(kase.allowedForms.map((f: { code: string }) => f.code)).toEqual(['khien_trach', 'canh_cao', 'buoc_thoi_viec']);
    const due = await computeDue({ db: h.ctx.db, database: h.database }, { from: new Date(kase.openedAt), amount: 90, unit: 'calendar_days', province: '08' });
    expect(kase.handlingDue).toBe(due.due.toISOString());
    expect(kase.limitationUntil).toBe(addYears(vnToday(), 5));
    const again = await post(noivu, '/discipline-cases', { violationIds: [violationId], severity: 'it_nghiem_trong' });
    expect(again.json().code).toBe('VIOLATION_ALREADY_IN_CASE');

    const abolished = await post(noivu, `/discipline-cases/${kase.id}/decide`, { form: 'ha_bac_luong', decisionNumber: '12/QĐ-STP', version: kase.version });
    expect(abolished.statusCode).toBe(422);
    expect(abolished.json().code).toBe('DISCIPLINE_FORM_ABOLISHED');
    const decided = await post(noivu, `/discipline-cases/${kase.id}/decide`, { form: 'khien_trach', decisionNumber: '12/QĐ-STP', version: kase.version });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ status: 'decided', decisionForm: 'khien_trach' });
    const complaint = await post(canbo, `/discipline-cases/${kase.id}/complaint`, {
      text: 'Tôi khiếu nại quyết định kỷ luật.',
      version: decided.json().version,
    });
    expect(complaint.json().complaintStatus).toBe('filed');

    // the annual rating of the year: 95 points, but disciplined for a duty-related violation
    const rating = await post(lanhdao, '/ratings', { officialId: canboOfficial, year });
    expect(rating.statusCode, rating.body).toBe(201);
    const r = rating.json();
    expect(r.regime).toBe(year >= 2026 ? 'ND335_2025' : 'ND90_2020');
    const self = await post(canbo, `/ratings/${r.id}/self`, { general: 29, task: 66, comment: 'Hoàn thành tốt', version: r.version });
    expect(self.json()).toMatchObject({ status: 'manager', self: { total: 95, grade: 'xuat_sac' } });
    expect((await post(canbo, `/ratings/${r.id}/assess`, { general: 30, task: 65, version: self.json().version })).statusCode).toBe(403);
    const assessed = await post(lanhdao, `/ratings/${r.id}/assess`, { general: 30, task: 65, version: self.json().version });
    expect(assessed.json()).toMatchObject({ status: 'decision', manager: { total: 95 } });
    const final = await post(noivu, `/ratings/${r.id}/decide`, { version: assessed.json().version });
    expect(final.json()).toMatchObject({ status: 'decided', finalGrade: 'khong_hoan_thanh', finalGradeLabel: 'Không hoàn thành nhiệm vụ' });

    const panel = (await get(canbo, `/ratings/${r.id}`)).json();
    expect(panel.evidence.disciplines).toHaveLength(1);
    expect(panel.evidence.inspections).toEqual({ total: 1, failed: 1 });
    expect(panel.evidence.titles.find((t: { code: string }) => t.code === 'lao_dong_tien_tien').isEligible).toBe(false);
    // the response schema (RatingEvidence, the web's type) keeps every field the panel is built with
    expect(Object.keys(panel.evidence).sort()).toEqual([
      'attendance',
      'commitments',
      'disciplines',
      'emulation',
      'inspections',
      'serviceSignals',
      'titles',
      'violations',
    ]);
    expect(panel.evidence.disciplines[0]).toEqual({
      id: kase.id,
      form: 'khien_trach',
      formLabel: 'Khiển trách',
      isDutyRelated: true,
      decidedAt: expect.any(String),
      decisionNumber: '12/QĐ-STP',
    });
    expect(Object.keys(panel.evidence.violations[0]).sort()).toEqual(['description', 'id', 'isDutyRelated', 'occurredOn', 'source', 'status']);
    expect(Object.keys(panel.evidence.titles[0]).sort()).toEqual(['bonus', 'code', 'isConfirmed', 'isEligible', 'label', 'unmet']);

    const actions = (
      await h.database.rows<{ action: string }>(sql`select action from audit_event where stream = ${`agency:${mine.child.code}`} order by seq`)
    ).map((a) => a.action);
    for (const a of [
      'conduct.inspection.finding',
      'conduct.violation.report',
      'conduct.violation.answer',
      'conduct.violation.confirm',
      'conduct.discipline.open',
      'conduct.discipline.decide',
      'conduct.discipline.complaint',
      'conduct.rating.self',
      'conduct.rating.manager',
      'conduct.rating.decide',
    ]) {
      expect(actions).toContain(a);
    }
  });
});

describe('discipline regimes and periods through the API', () => {
  it('hạ bậc lương: allowed for an act on 2025-06-30 (Decree 112/2020), refused for an act on 2025-07-01 (172/2025)', async () => {
    const u = await makeUser(h, 'processing_officer', mine.child.id);
    const who = await login(h, u.username);
    const o = (await makeOfficial(h, mine.child.id, { userId: u.id })).id;
    const before = await post(noivu, '/discipline-cases', { violationIds: [await confirmedViolation(o, who, '2025-06-30')], severity: 'nghiem_trong' });
    expect(before.json().regime).toBe('ND112_2020');
    const ok = await post(noivu, `/discipline-cases/${before.json().id}/decide`, { form: 'ha_bac_luong', decisionNumber: '1/QĐ', version: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = await post(noivu, '/discipline-cases', { violationIds: [await confirmedViolation(o, who, '2025-07-01')], severity: 'nghiem_trong' });
    expect(after.json().regime).toBe('ND172_2025');
    const refused = await post(noivu, `/discipline-cases/${after.json().id}/decide`, { form: 'ha_bac_luong', decisionNumber: '2/QĐ', version: 1 });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('DISCIPLINE_FORM_ABOLISHED');
    const notForNonLeader = await post(noivu, `/discipline-cases/${after.json().id}/decide`, { form: 'cach_chuc', decisionNumber: '2/QĐ', version: 1 });
    expect(notForNonLeader.json().code).toBe('DISCIPLINE_FORM_NOT_ALLOWED');
  });

  it('limitation: the last day is accepted, the day after refused with 422; complex cases get 150 days', async () => {
    const u = await makeUser(h, 'processing_officer', mine.child.id);
    const who = await login(h, u.username);
    const o = (await makeOfficial(h, mine.child.id, { userId: u.id })).id;
    const lastDay = addYears(vnToday(), -5); // reprimand level: 5 years (new rule) ends today
    const dayBefore = new Date(Date.parse(`${lastDay}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const expired = await post(noivu, '/discipline-cases', { violationIds: [await confirmedViolation(o, who, dayBefore)], severity: 'it_nghiem_trong' });
    expect(expired.statusCode).toBe(422);
    expect(expired.json().code).toBe('DISCIPLINE_LIMITATION_EXPIRED');
    const inTime = await post(noivu, '/discipline-cases', {
      violationIds: [await confirmedViolation(o, who, lastDay)],
      severity: 'it_nghiem_trong',
      isComplex: true,
    });
    expect(inTime.statusCode, inTime.body).toBe(201);
    expect(inTime.json().limitationUntil).toBe(vnToday());
    const due = await computeDue(
      { db: h.ctx.db, database: h.database },
      { from: new Date(inTime.json().openedAt), amount: 150, unit: 'calendar_days', province: '08' },
    );
    expect(inTime.json().handlingDue).toBe(due.due.toISOString());
  });

  it('waiting: "on leave" is not a waiting case under 172/2025; maternity is, and resuming extends the due date', async () => {
    const u = await makeUser(h, 'processing_officer', mine.child.id);
    const who = await login(h, u.username);
    const o = (await makeOfficial(h, mine.child.id, { userId: u.id })).id;
    const kase = (await post(noivu, '/discipline-cases', { violationIds: [await confirmedViolation(o, who, vnToday())], severity: 'it_nghiem_trong' })).json();
    const leave = await post(noivu, `/discipline-cases/${kase.id}/wait`, { reason: 'on_leave', version: 1 });
    expect(leave.json().code).toBe('WAITING_REASON_NOT_RECOGNISED');
    const waiting = await post(noivu, `/discipline-cases/${kase.id}/wait`, { reason: 'pregnancy_or_child_under_12_months', version: 1 });
    expect(waiting.json().status).toBe('waiting');
    expect((await post(noivu, `/discipline-cases/${kase.id}/decide`, { form: 'khien_trach', decisionNumber: '3/QĐ', version: 2 })).json().code).toBe(
      'DISCIPLINE_CASE_STATE',
    );
    const resumed = await post(noivu, `/discipline-cases/${kase.id}/resume`, { version: 2 });
    expect(resumed.json().status).toBe('open');
    expect(resumed.json().handlingDue >= kase.handlingDue).toBe(true);
  });
});

describe('signals and cross-agency access', () => {
  it('a signal from service data creates a violation in "reported" state and nothing more', async () => {
    const u = await makeUser(h, 'processing_officer', mine.child.id);
    const o = (await makeOfficial(h, mine.child.id, { userId: u.id })).id;
    const res = await recordSignal(h.database.db, { userId: u.id, kind: 'late_without_apology', source: 'dossiers', evidenceRef: 'H57.16-261128-0001' });
    expect(res).not.toBeNull();
    const v = (await get(noivu, `/violations/${res!.violationId}`)).json();
    expect(v).toMatchObject({
      status: 'reported',
      source: 'signal',
      officialId: o,
      evidence: { signal: { kind: 'late_without_apology', source: 'dossiers', ref: 'H57.16-261128-0001' } },
    });
    const [counts] = await h.database.rows<{ cases: string; ratings: string }>(
      sql`select (select count(*) from discipline_case where official_id = ${o}) as cases, (select count(*) from annual_rating where official_id = ${o}) as ratings`,
    );
    expect([Number(counts.cases), Number(counts.ratings)]).toEqual([0, 0]);
    const twice = await recordSignal(h.database.db, { officialId: o, kind: 'late_without_apology', source: 'dossiers', evidenceRef: 'H57.16-261128-0001' });
    expect(twice).toEqual(res);
    expect(
      await recordSignal(h.database.db, { officialId: '00000000-0000-0000-0000-000000000000', kind: 'x', source: 'dossiers', evidenceRef: 'y' }),
    ).toBeNull();
  });

  it("another agency's records answer 404", async () => {
    const vid = (
      await post(noivu, '/violations', { officialId: canboOfficial, source: 'citizen_rating', occurredOn: vnToday(), description: 'Không hài lòng' })
    ).json().id;
    expect((await get(theirNoivu, `/violations/${vid}`)).statusCode).toBe(404);
    expect((await post(theirNoivu, `/violations/${vid}/dismiss`, { version: 1 })).statusCode).toBe(404);
    expect(
      (await post(theirNoivu, '/violations', { officialId: canboOfficial, source: 'complaint', occurredOn: vnToday(), description: 'x' })).statusCode,
    ).toBe(404);
    expect((await post(theirNoivu, '/ratings', { officialId: canboOfficial, year })).statusCode).toBe(404);
    const cases = (await get(noivu, '/discipline-cases')).json().items;
    expect((await get(theirNoivu, `/discipline-cases/${cases[0].id}`)).statusCode).toBe(404);
    const ins = (await post(thanhtra, '/inspections', { agencyCode: mine.child.code, kind: 'planned', inspectedAt: new Date().toISOString() })).json();
    expect((await get(theirInspector, `/inspections/${ins.id}`)).statusCode).toBe(404);
    expect(
      (await post(theirInspector, `/inspections/${ins.id}/findings`, { officialId: canboOfficial, checklistItem: 'attire', isCompliant: true })).statusCode,
    ).toBe(404);
    expect(
      (await post(theirInspector, '/inspections', { agencyCode: mine.child.code, kind: 'planned', inspectedAt: new Date().toISOString() })).statusCode,
    ).toBe(404);
    expect((await get(theirNoivu, '/violations')).json().items.map((v: { id: string }) => v.id)).not.toContain(vid);
    // another official of the same agency does not see someone else's violation
    const other = await login(h, (await makeUser(h, 'processing_officer', mine.child.id)).username);
    expect((await get(other, `/violations/${vid}`)).statusCode).toBe(404);
  });
});

describe('code of conduct, commitments and attendance', () => {
  it('lists the rule sets with the sample marked; a new version of an agency code is added, never edited', async () => {
    const sets = (await get(canbo, '/rule-sets')).json().items;
    expect(sets.map((s: { code: string }) => s.code)).toEqual(expect.arrayContaining(['QD129_2007', 'QD1847_2018']));
    const payload = {
      code: `QT_${mine.child.code.slice(1, 7)}`,
      agencyCode: mine.child.code,
      title: 'Quy tắc ứng xử',
      legalReference: 'Quyết định 1/QĐ',
      effectiveFrom: '2026-01-01',
      rules: [{ chapter: 1, chapterTitle: 'Chung', number: 1, text: 'Đeo thẻ', checklistItem: 'name_card' }],
    };
    const v1 = await post(noivu, '/rule-sets', payload);
    expect(v1.statusCode, v1.body).toBe(201);
    const v2 = await post(noivu, '/rule-sets', { ...payload, rules: [...payload.rules, { chapter: 1, chapterTitle: 'Chung', number: 2, text: 'Đúng giờ' }] });
    expect(v2.json()).toMatchObject({ version: 2, ruleCount: 2 });
    expect(v2.json().textHash).not.toBe(v1.json().textHash);
    expect((await post(lanhdao, '/rule-sets', payload)).statusCode).toBe(403);
  });

  it('an official acknowledges the version in force (time, hash); completion is counted by unit', async () => {
    const campaign = await post(noivu, '/commitment-campaigns', {
      agencyCode: mine.root.code,
      year,
      title: `Cam kết ${year}`,
      opensOn: `${year}-01-01`,
      closesOn: `${year}-12-31`,
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const my = (await get(canbo, '/my/commitments')).json();
    const items = my.items.filter((i: { campaign: { id: string } }) => i.campaign.id === campaign.json().id);
    expect(items.length).toBeGreaterThanOrEqual(2);
    const wrongHash = await post(canbo, '/my/commitments', { campaignId: campaign.json().id, ruleSetId: items[0].ruleSetId, textHash: '0'.repeat(64) });
    expect(wrongHash.statusCode).toBe(409);
    for (const i of items)
      expect((await post(canbo, '/my/commitments', { campaignId: campaign.json().id, ruleSetId: i.ruleSetId, textHash: i.textHash })).statusCode).toBe(201);
    const completion = (await get(noivu, `/commitment-campaigns/${campaign.json().id}/completion`)).json();
    const unit = completion.units.find((x: { agencyCode: string }) => x.agencyCode === mine.child.code);
    expect(unit.completed).toBe(1);
    expect(unit.officials).toBeGreaterThanOrEqual(1);
    // the department's leader sees the province's campaign and only his own units' completion
    expect((await get(lanhdao, '/commitment-campaigns')).json().items.map((c: { id: string }) => c.id)).toContain(campaign.json().id);
    expect(
      (await get(lanhdao, `/commitment-campaigns/${campaign.json().id}/completion`)).json().units.map((x: { agencyCode: string }) => x.agencyCode),
    ).toEqual([mine.child.code]);
    expect((await get(theirNoivu, `/commitment-campaigns/${campaign.json().id}/completion`)).statusCode).toBe(404);
  });

  it('imports device attendance: late, early and absent on working days; weekends skipped', async () => {
    const code = (await h.database.rows<{ code: string }>(sql`select code from official where id = ${canboOfficial}`))[0].code;
    const csv = `ma_can_bo,ngay,gio_vao,gio_ra\n${code},2026-11-02,08:15,17:05\n${code},03/11/2026,07:55,16:30\n${code},2026-11-04,,\n${code},2026-11-01,08:00,17:00\nKHONGCO,2026-11-02,08:00,17:00\n${code},2026-11-05,8h,17:00`;
    const res = await post(noivu, '/attendance/import', { agencyCode: mine.child.code, csv });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ imported: 3, skippedNonWorkingDays: 1 });
    expect(res.json().rejected.map((r: { line: number }) => r.line)).toEqual([6, 7]);
    const list = (await get(noivu, `/attendance?agencyCode=${mine.child.code}&from=2026-11-01&to=2026-11-30`)).json().items;
    const byDate = Object.fromEntries(
      list.filter((x: { officialId: string }) => x.officialId === canboOfficial).map((x: { workDate: string }) => [x.workDate, x]),
    );
    expect(byDate['2026-11-02']).toMatchObject({ status: 'late', lateMinutes: 15 });
    expect(byDate['2026-11-03']).toMatchObject({ status: 'early', earlyMinutes: 30 });
    expect(byDate['2026-11-04']).toMatchObject({ status: 'absent' });
  });
});

describe('annual rating quota through the API', () => {
  it('"Xuất sắc" is capped at 20% of those rated at least "tốt" in the agency (decided in turn)', async () => {
    const tree = await makeAgencyTree(h);
    const ha = await login(h, (await makeUser(h, 'home_affairs', tree.root.id)).username);
    const boss = await login(h, (await makeUser(h, 'leader', tree.child.id)).username);
    const rate = async (general: number, task: number) => {
      const u = await makeUser(h, 'processing_officer', tree.child.id);
      const me = await login(h, u.username);
      const o = (await makeOfficial(h, tree.child.id, { userId: u.id })).id;
      const r = (await post(boss, '/ratings', { officialId: o, year })).json();
      const s1 = (await post(me, `/ratings/${r.id}/self`, { general, task, version: r.version })).json();
      const s2 = (await post(boss, `/ratings/${r.id}/assess`, { general, task, version: s1.version })).json();
      const res = await post(ha, `/ratings/${r.id}/decide`, { version: s2.version });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    for (let i = 0; i < 4; i++) expect((await rate(25, 55)).finalGrade).toBe('tot'); // 80 points
    expect((await rate(28, 62)).finalGrade).toBe('xuat_sac'); // 5 at least "tốt" → 1 allowed
    const capped = await rate(30, 65); // 6 at least "tốt" → still 1 allowed
    expect(capped.finalGrade).toBe('tot');
    expect(capped.finalReason).toMatch(/20%/);
    expect((await rate(20, 29.99)).finalGrade).toBe('khong_hoan_thanh'); // 49.99
  });
});

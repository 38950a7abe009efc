/**
 * Nobody judges their own case: every judging step of the conduct module refuses the official
 * concerned and the person who filed the record, with 403 SELF_REVIEW (platform/self-review.ts).
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulationCampaign } from '../../db/schema/index.js';
import { type Client, type Harness, login, makeAgencyTree, makeUser, startHarness, type TestAgency, uid } from '../../test/harness.js';
import { makeOfficial } from './conduct.test-helpers.js';
import { vnToday } from '../../../shared/vn-time.js';
import { seedConductReference } from './index.js';

let h: Harness;
let tree: { root: TestAgency; child: TestAgency };
/** Clean actors: they judge nothing of their own here. */
let noivu: Client, lanhdao: Client, thanhtra: Client;
const year = Number(vnToday().slice(0, 4));

beforeAll(async () => {
  h = await startHarness();
  await seedConductReference(h.database.db);
  tree = await makeAgencyTree(h);
  noivu = await login(h, (await makeUser(h, 'home_affairs', tree.root.id)).username);
  lanhdao = await login(h, (await makeUser(h, 'leader', tree.root.id)).username);
  thanhtra = await login(h, (await makeUser(h, 'inspector', tree.root.id)).username);
});
afterAll(() => h.close());

const post = (c: Client, url: string, payload: object) => c.request({ method: 'POST', url: `/api/v1/conduct${url}`, payload });
const get = (c: Client, url: string) => c.request({ method: 'GET', url: `/api/v1/conduct${url}` });

/** A signed-in member of staff with the role, linked to his own official record in the child agency. */
async function person(role: 'leader' | 'home_affairs' | 'inspector' | 'processing_officer', extra: { leadershipTitle?: string } = {}) {
  const u = await makeUser(h, role, role === 'processing_officer' ? tree.child.id : tree.root.id);
  const officialId = (await makeOfficial(h, tree.child.id, { userId: u.id, ...extra })).id;
  return { client: await login(h, u.username), officialId, userId: u.id };
}

function expectSelfReview(res: LightMyRequestResponse, reason: 'official_concerned' | 'filer') {
  expect(res.statusCode, res.body).toBe(403);
  expect(res.json()).toMatchObject({ code: 'SELF_REVIEW', reason });
}

const report = async (by: Client, officialId: string) => {
  const res = await post(by, '/violations', { officialId, source: 'complaint', occurredOn: vnToday(), description: 'Phản ánh về thái độ khi tiếp công dân' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
};

describe('violations: review (confirm / dismiss)', () => {
  it('a leader cannot dismiss a violation reported against himself, so a discipline case can still open', async () => {
    const leader = await person('leader', { leadershipTitle: 'Phó Giám đốc' });
    const v = await report(thanhtra, leader.officialId);
    // today this answers 200 and the violation is gone for good: no case can open on a dismissed one
    expectSelfReview(await post(leader.client, `/violations/${v.id}/dismiss`, { version: v.version }), 'official_concerned');
    const answered = await post(leader.client, `/violations/${v.id}/answer`, { text: 'Tôi xin giải trình.', version: v.version });
    expect(answered.statusCode, answered.body).toBe(200); // his own written answer is still his to give
    expectSelfReview(await post(leader.client, `/violations/${v.id}/confirm`, { version: answered.json().version }), 'official_concerned');
    expectSelfReview(await post(leader.client, `/violations/${v.id}/dismiss`, { version: answered.json().version }), 'official_concerned');
    expect((await get(lanhdao, `/violations/${v.id}`)).json().status).toBe('answered');
    const confirmed = await post(lanhdao, `/violations/${v.id}/confirm`, { version: answered.json().version });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const opened = await post(noivu, '/discipline-cases', { violationIds: [v.id], severity: 'it_nghiem_trong' });
    expect(opened.statusCode, opened.body).toBe(201);
  });

  it('the person who reported a violation neither confirms nor dismisses it', async () => {
    const reporter = await person('leader');
    const subject = await person('processing_officer');
    const v = await report(reporter.client, subject.officialId);
    expectSelfReview(await post(reporter.client, `/violations/${v.id}/dismiss`, { version: v.version }), 'filer');
    const answered = await post(subject.client, `/violations/${v.id}/answer`, { text: 'Tôi xin giải trình.', version: v.version });
    expectSelfReview(await post(reporter.client, `/violations/${v.id}/confirm`, { version: answered.json().version }), 'filer');
    const detail = (await get(reporter.client, `/violations/${v.id}`)).json();
    expect(detail.selfReview).toBe('filer'); // the page hides the buttons with this
    expect((await get(lanhdao, `/violations/${v.id}`)).json().selfReview).toBeNull();
    expect((await post(lanhdao, `/violations/${v.id}/dismiss`, { version: answered.json().version })).statusCode).toBe(200);
  });
});

describe('discipline: every step of the case and the complaint against its decision', () => {
  it('refuses the official concerned and the reporter of its violations at open, documents, wait, resume, decide and resolve', async () => {
    const subject = await person('home_affairs'); // Home Affairs staff can reach every step of a case
    const filer = await person('home_affairs');
    const v = await report(filer.client, subject.officialId);
    const answered = await post(subject.client, `/violations/${v.id}/answer`, { text: 'Tôi xin giải trình.', version: v.version });
    expect((await post(lanhdao, `/violations/${v.id}/confirm`, { version: answered.json().version })).statusCode).toBe(200);

    const open = { violationIds: [v.id], severity: 'it_nghiem_trong' };
    expectSelfReview(await post(subject.client, '/discipline-cases', open), 'official_concerned');
    expectSelfReview(await post(filer.client, '/discipline-cases', open), 'filer');
    let k = (await post(noivu, '/discipline-cases', open)).json() as { id: string; version: number };
    const step = async (path: string, body: object) => {
      for (const [who, reason] of [
        [subject, 'official_concerned'],
        [filer, 'filer'],
      ] as const)
        expectSelfReview(await post(who.client, `/discipline-cases/${k.id}${path}`, { ...body, version: k.version }), reason);
      const ok = await post(noivu, `/discipline-cases/${k.id}${path}`, { ...body, version: k.version });
      expect(ok.statusCode, ok.body).toBe(200);
      k = ok.json();
    };
    await step('/documents', { kind: 'bien_ban_kiem_diem', title: 'Biên bản họp kiểm điểm' });
    await step('/wait', { reason: 'grave_illness' });
    await step('/resume', {});
    await step('/decide', { form: 'khien_trach', decisionNumber: `${uid(2)}/QĐ-SNV` });
    const complaint = await post(subject.client, `/discipline-cases/${k.id}/complaint`, { text: 'Tôi khiếu nại quyết định kỷ luật.', version: k.version });
    expect(complaint.statusCode, complaint.body).toBe(200); // his own complaint is his to file
    k = complaint.json();
    expect((await get(subject.client, `/discipline-cases/${k.id}`)).json().selfReview).toBe('official_concerned');
    await step('/complaint/resolve', { outcome: 'rejected' });
    expect(k).toMatchObject({ status: 'decided', complaintStatus: 'rejected' });
  });
});

describe('annual rating, inspection findings and emulation scores', () => {
  it('the self-assessment rule and the later steps share the helper: a leader or Home Affairs officer does not rate himself', async () => {
    const leader = await person('leader');
    const hr = await person('home_affairs');
    for (const who of [leader, hr]) {
      const r = (await post(lanhdao, '/ratings', { officialId: who.officialId, year })).json();
      const self = await post(who.client, `/ratings/${r.id}/self`, { general: 25, task: 55, grade: 'tot', version: r.version });
      expect(self.statusCode, self.body).toBe(200);
      if (who === leader) {
        expectSelfReview(
          await post(leader.client, `/ratings/${r.id}/assess`, { general: 30, task: 70, grade: 'xuat_sac', version: self.json().version }),
          'official_concerned',
        );
        continue;
      }
      const assessed = await post(lanhdao, `/ratings/${r.id}/assess`, { general: 25, task: 55, grade: 'tot', version: self.json().version });
      expect(assessed.statusCode, assessed.body).toBe(200);
      expectSelfReview(await post(hr.client, `/ratings/${r.id}/decide`, { version: assessed.json().version }), 'official_concerned');
      expect((await post(noivu, `/ratings/${r.id}/decide`, { version: assessed.json().version })).statusCode).toBe(200);
    }
  });

  it('an inspector records no finding on himself; Home Affairs scores no emulation points for himself', async () => {
    const inspector = await person('inspector');
    const ins = (await post(inspector.client, '/inspections', { agencyCode: tree.child.code, kind: 'planned', inspectedAt: new Date().toISOString() })).json();
    expectSelfReview(
      await post(inspector.client, `/inspections/${ins.id}/findings`, { officialId: inspector.officialId, checklistItem: 'attire', isCompliant: true }),
      'official_concerned',
    );
    expect(
      (await post(thanhtra, `/inspections/${ins.id}/findings`, { officialId: inspector.officialId, checklistItem: 'attire', isCompliant: true })).statusCode,
    ).toBe(201);

    const hr = await person('home_affairs');
    const [c] = await h.database.db
      .insert(emulationCampaign)
      .values({
        code: `TD_${uid(4)}`,
        agencyId: tree.root.id,
        title: 'Thi đua thử',
        fromYear: year,
        toYear: year,
        legalReference: 'Luật Thi đua, khen thưởng 2022',
        criteria: [{ code: 'c1', label: 'Tiêu chí 1', maxPoints: 10 }],
      })
      .returning();
    const score = { agencyCode: tree.child.code, officialId: hr.officialId, year, criterion: 'c1', points: 10 };
    expectSelfReview(await post(hr.client, `/emulation-campaigns/${c.id}/scores`, score), 'official_concerned');
    expect((await post(noivu, `/emulation-campaigns/${c.id}/scores`, score)).statusCode).toBe(201);
  });
});

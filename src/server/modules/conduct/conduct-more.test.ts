import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulationCampaign } from '../../db/schema/index.js';
import { type Client, type Harness, login, makeAgencyTree, makeUser, startHarness, type TestAgency, uid } from '../../test/harness.js';
import { OFFICE_CULTURE_CAMPAIGN } from './code.data.js';
import { makeOfficial } from './conduct.test-helpers.js';
import { vnToday } from '../../../shared/vn-time.js';

let h: Harness;
let tree: { root: TestAgency; child: TestAgency };
/** thanhtra reports, noivu handles the case: nobody judges a record he filed (SELF_REVIEW). */
let noivu: Client, thanhtra: Client, lanhdao: Client, canbo: Client;
let officialId: string;
let campaignId: string;

beforeAll(async () => {
  h = await startHarness();
  tree = await makeAgencyTree(h);
  noivu = await login(h, (await makeUser(h, 'home_affairs', tree.root.id)).username);
  thanhtra = await login(h, (await makeUser(h, 'inspector', tree.root.id)).username);
  lanhdao = await login(h, (await makeUser(h, 'leader', tree.child.id)).username);
  const u = await makeUser(h, 'processing_officer', tree.child.id);
  canbo = await login(h, u.username);
  officialId = (await makeOfficial(h, tree.child.id, { userId: u.id })).id;
  const [c] = await h.database.db
    .insert(emulationCampaign)
    .values({ ...OFFICE_CULTURE_CAMPAIGN, code: `TD_${uid()}`, agencyId: tree.root.id })
    .returning();
  campaignId = c.id;
});
afterAll(() => h.close());

const post = (c: Client, url: string, payload: object) => c.request({ method: 'POST', url: `/api/v1/conduct${url}`, payload });
const get = (c: Client, url: string) => c.request({ method: 'GET', url: `/api/v1/conduct${url}` });

describe('violations: dismissal and documents', () => {
  it('a reviewer may dismiss before or after the answer; a dismissed violation cannot be answered or taken into a case', async () => {
    const v = (
      await post(thanhtra, '/violations', { officialId, source: 'citizen_rating', occurredOn: vnToday(), description: 'Người dân không hài lòng' })
    ).json();
    const dismissed = await post(lanhdao, `/violations/${v.id}/dismiss`, { version: 1, note: 'Không có căn cứ' });
    expect(dismissed.json()).toMatchObject({ status: 'dismissed', reviewNote: 'Không có căn cứ' });
    expect((await post(canbo, `/violations/${v.id}/answer`, { text: 'Giải trình', version: 2 })).json().code).toBe('VIOLATION_STATE');
    expect((await post(noivu, '/discipline-cases', { violationIds: [v.id], severity: 'it_nghiem_trong' })).json().code).toBe('VIOLATION_NOT_CONFIRMED');
    const future = await post(noivu, '/violations', { officialId, source: 'complaint', occurredOn: '2099-01-01', description: 'x' });
    expect(future.statusCode).toBe(400);
  });

  it('documents are added to an open case, each audited', async () => {
    const v = (await post(thanhtra, '/violations', { officialId, source: 'complaint', occurredOn: vnToday(), description: 'Đi muộn nhiều lần' })).json();
    await post(canbo, `/violations/${v.id}/answer`, { text: 'Do tắc đường', version: 1 });
    await post(lanhdao, `/violations/${v.id}/confirm`, { version: 2 });
    const kase = (await post(noivu, '/discipline-cases', { violationIds: [v.id], severity: 'it_nghiem_trong' })).json();
    const withDoc = await post(noivu, `/discipline-cases/${kase.id}/documents`, {
      kind: 'bien_ban_kiem_diem',
      title: 'Biên bản họp kiểm điểm',
      version: kase.version,
    });
    expect(withDoc.statusCode, withDoc.body).toBe(200);
    expect(withDoc.json().documents).toEqual([expect.objectContaining({ kind: 'bien_ban_kiem_diem', title: 'Biên bản họp kiểm điểm' })]);
    expect((await post(lanhdao, `/discipline-cases/${kase.id}/documents`, { kind: 'khac', title: 'x', version: 2 })).statusCode).toBe(403);
    const [row] = await h.database.rows<{ n: string }>(
      sql`select count(*) as n from audit_event where entity_id = ${kase.id} and action = 'conduct.discipline.document'`,
    );
    expect(Number(row.n)).toBe(1);
  });
});

describe('emulation scores', () => {
  it('scores units and officials per criterion within the maximum; totals are ranked', async () => {
    const unit = await post(noivu, `/emulation-campaigns/${campaignId}/scores`, {
      agencyCode: tree.child.code,
      year: 2025,
      criterion: 'communication',
      points: 28.5,
    });
    expect(unit.statusCode, unit.body).toBe(201);
    await post(noivu, `/emulation-campaigns/${campaignId}/scores`, { agencyCode: tree.child.code, year: 2025, criterion: 'attire_card', points: 20 });
    await post(noivu, `/emulation-campaigns/${campaignId}/scores`, { agencyCode: tree.child.code, year: 2025, criterion: 'attire_card', points: 19 }); // replaces
    const person = await post(noivu, `/emulation-campaigns/${campaignId}/scores`, {
      agencyCode: tree.child.code,
      officialId,
      year: 2025,
      criterion: 'working_time',
      points: 18,
    });
    expect(person.statusCode).toBe(201);
    expect(
      (await post(noivu, `/emulation-campaigns/${campaignId}/scores`, { agencyCode: tree.child.code, year: 2025, criterion: 'attire_card', points: 21 })).json()
        .errors[0].field,
    ).toBe('points');
    expect(
      (await post(noivu, `/emulation-campaigns/${campaignId}/scores`, { agencyCode: tree.child.code, year: 2026, criterion: 'attire_card', points: 1 })).json()
        .errors[0].field,
    ).toBe('year');
    const scores = (await get(lanhdao, `/emulation-campaigns/${campaignId}/scores?year=2025`)).json();
    expect(scores.units).toEqual([expect.objectContaining({ agencyCode: tree.child.code, total: 47.5 })]);
    expect(scores.officials).toEqual([expect.objectContaining({ key: officialId, total: 18 })]);
    const list = (await get(lanhdao, '/emulation-campaigns')).json();
    expect(list.titles.find((t: { code: string }) => t.code === 'lao_dong_tien_tien')).toMatchObject({ multiple: 0.3, bonus: 702_000 });
  });
});

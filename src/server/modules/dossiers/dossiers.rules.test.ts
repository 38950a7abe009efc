/** The integrity rules of issue §4: each refusal is a 422 with its stable code, on both databases. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, login, makeAgencyTree, makeUser, startHarness } from '../../test/harness.js';
import { sweepLateDossiers } from './lateness.js';
import { deliverOutbox } from './outbox.worker.js';
import { act, intakeBody, makeWorld, receive, setDossierTimes, type World } from './dossiers.test-support.js';

let h: Harness;
let w: World;
beforeAll(async () => {
  h = await startHarness();
  w = await makeWorld(h);
}, 180_000);
afterAll(() => h.close());

const item = (w: World, i = 1) => ({ procedureDocumentId: w.docs[i].id, reason: 'Bản chụp mờ, không đọc được số định danh' });
const detail = async (code: string) => (await w.leader.request({ method: 'GET', url: `/api/v1/dossiers/${code}` })).json();

async function processing(): Promise<string> {
  const code = await receive(h, w);
  const res = await act(w.leader, code, 'assign', { assignee: w.officerId });
  expect(res.statusCode, res.body).toBe(200);
  return code;
}

describe('supplements', () => {
  it('SUPPLEMENT_ALREADY_REQUESTED: at most once at intake', async () => {
    const created = (await w.counter.request({ method: 'POST', url: '/api/v1/dossiers', payload: intakeBody(w, { docs: [w.docs[0].id] }) })).json();
    expect(created.status).toBe('supplement_requested');
    const back = await act(w.counter, created.code, 'submit-supplement', { documents: [{ procedureDocumentId: w.docs[1].id }] });
    expect(back.json()).toMatchObject({ status: 'received', dueAt: expect.any(String) });
    const again = await act(w.counter, created.code, 'request-supplement', { items: [item(w)] });
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('SUPPLEMENT_ALREADY_REQUESTED');
  });

  it('SUPPLEMENT_ALREADY_REQUESTED: at most once at appraisal; the clock pauses and restarts from zero (Decree 61/2018 Art. 19.4)', async () => {
    const code = await processing();
    const before = await detail(code);
    const first = await act(w.officer, code, 'request-supplement', { items: [item(w)] });
    expect(first.json()).toMatchObject({ status: 'supplement_requested' });
    expect((await detail(code)).supplement.items).toEqual([expect.objectContaining({ name: w.docs[1].name, reason: item(w).reason })]);
    await setDossierTimes(h, code, { receivedAt: new Date(Date.now() - 86_400_000) });
    const back = await act(w.citizen, code, 'submit-supplement', {});
    expect(back.statusCode).toBe(404); // not the citizen's dossier
    const done = await act(w.counter, code, 'submit-supplement', { documents: [{ procedureDocumentId: w.docs[1].id }] });
    expect(done.json()).toMatchObject({ status: 'processing' });
    const after = await detail(code);
    expect(new Date(after.dueRule.from).getTime()).toBeGreaterThan(new Date(before.dueRule.from).getTime());
    expect(new Date(after.dueAt).getTime()).toBeGreaterThanOrEqual(new Date(before.dueAt).getTime());
    const again = await act(w.officer, code, 'request-supplement', { items: [item(w)] });
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('SUPPLEMENT_ALREADY_REQUESTED');
  });

  it('SUPPLEMENT_WINDOW_CLOSED: an appraisal supplement only within 3 working days of receipt', async () => {
    const code = await processing();
    await setDossierTimes(h, code, { receivedAt: new Date(Date.now() - 10 * 86_400_000) });
    const res = await act(w.officer, code, 'request-supplement', { items: [item(w)] });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('SUPPLEMENT_WINDOW_CLOSED');
  });

  it('DOCUMENT_NOT_ON_LIST: no document may be demanded that is not on the procedure list', async () => {
    const code = await processing();
    const res = await act(w.officer, code, 'request-supplement', { items: [{ procedureDocumentId: w.foreignDocId, reason: 'Cần thêm' }] });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('DOCUMENT_NOT_ON_LIST');
  });
});

describe('apology and lateness', () => {
  it('apology slip (Mẫu 04) with reason and new date; rescheduled only once → APOLOGY_ALREADY_ISSUED', async () => {
    const code = await processing();
    const due = new Date((await detail(code)).dueAt);
    const newDueAt = new Date(due.getTime() + 5 * 86_400_000).toISOString();
    const ok = await act(w.leader, code, 'apologize', { reason: 'Cần xác minh tại cơ quan khác', newDueAt });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().dueAt).toBe(newDueAt);
    const d = await detail(code);
    expect(d.apology).toMatchObject({ reason: 'Cần xác minh tại cơ quan khác' });
    expect(d.originalDueAt).toBe(due.toISOString());
    const again = await act(w.leader, code, 'apologize', { reason: 'Lần nữa', newDueAt: new Date(due.getTime() + 9 * 86_400_000).toISOString() });
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('APOLOGY_ALREADY_ISSUED');
  });

  it('APOLOGY_TOO_LATE: the slip must be issued at least 1 working day before the deadline', async () => {
    const code = await processing();
    await setDossierTimes(h, code, { dueAt: new Date(Date.now() + 3600_000) });
    const res = await act(w.officer, code, 'apologize', { reason: 'Quá tải', newDueAt: new Date(Date.now() + 5 * 86_400_000).toISOString() });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('APOLOGY_TOO_LATE');
  });

  it('a dossier that becomes late without an apology is flagged to the leader and the responsible officer, once', async () => {
    const code = await processing();
    await setDossierTimes(h, code, { dueAt: new Date(Date.now() - 60_000) });
    expect(await sweepLateDossiers(h.ctx)).toBeGreaterThanOrEqual(1);
    await sweepLateDossiers(h.ctx);
    const d = await detail(code);
    expect(d.isLate).toBe(true);
    expect(d.timeline.filter((e: { action: string }) => e.action === 'flag-late')).toHaveLength(1);
    const to = await h.database.rows<{ recipient_user_id: string }>(
      sql`select o.recipient_user_id from notification_outbox o join dossier d on d.id = o.dossier_id where d.code = ${code} and o.channel = 'in_app' and o.subject like 'Hồ sơ quá hạn%'`,
    );
    expect(to.map((r) => r.recipient_user_id).sort()).toEqual([w.leaderId, w.officerId].sort());
    const late = (await w.leader.request({ method: 'GET', url: '/api/v1/dossiers?queue=late&limit=200' })).json();
    expect(late.items.find((x: { code: string }) => x.code === code)).toMatchObject({ isOverdue: true, isLate: true });
  });
});

describe('personal data reads', () => {
  it('every staff read is logged, and the applicant sees who opened the dossier and when', async () => {
    const created = (
      await w.citizen.request({
        method: 'POST',
        url: '/api/v1/dossiers',
        payload: intakeBody(w, { channel: 'online', extra: { receivingAgencyCode: w.desk.code } }),
      })
    ).json();
    await w.counter.request({ method: 'GET', url: `/api/v1/dossiers/${created.code}` });
    await w.citizen.request({ method: 'GET', url: `/api/v1/dossiers/${created.code}` });
    const log = await w.citizen.request({ method: 'GET', url: `/api/v1/dossiers/${created.code}/access-log` });
    expect(log.statusCode).toBe(200);
    expect(log.json().items).toHaveLength(1);
    expect(log.json().items[0]).toMatchObject({ who: expect.any(String), at: expect.any(String), purpose: 'Xem hồ sơ' });
  });
});

describe('work queues', () => {
  it('the officer queue is ordered by due time with due-soon and overdue flags', async () => {
    const a = await processing();
    const b = await processing();
    await setDossierTimes(h, b, { dueAt: new Date(Date.now() + 3600_000) });
    const page = (await w.officer.request({ method: 'GET', url: '/api/v1/dossiers?queue=mine&limit=200' })).json();
    const codes = page.items.map((x: { code: string }) => x.code);
    expect(codes.indexOf(b)).toBeLessThan(codes.indexOf(a));
    expect(page.items.find((x: { code: string }) => x.code === b)).toMatchObject({ isDueSoon: true, isOverdue: false });
    const dues = page.items.map((x: { dueAt: string }) => x.dueAt);
    expect([...dues].sort((x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0))).toEqual(dues);
  });
});

describe('notifications and hand-offs between agencies', () => {
  it('notifications are written with the step and delivered by the outbox poller; in-app ones reach the recipient', async () => {
    const code = await processing();
    const pending = await h.database.rows<{ n: string }>(
      sql`select count(*) as n from notification_outbox o join dossier d on d.id = o.dossier_id where d.code = ${code} and o.status = 'pending'`,
    );
    expect(Number(pending[0].n)).toBeGreaterThan(0);
    const [{ id }] = await h.database.rows<{ id: string }>(sql`select id from dossier where code = ${code}`);
    while ((await deliverOutbox(h.ctx.db, {}, { dossierIds: [id] })) > 0) {
      /* drain */
    }
    // no SMTP / SMS gateway configured (development): e-mail and SMS stay in the outbox viewer
    const left = await h.database.rows<{ channel: string; status: string }>(
      sql`select distinct o.channel, o.status from notification_outbox o where o.dossier_id = ${id} order by 1`,
    );
    expect(left).toEqual([
      { channel: 'email', status: 'pending_dev' },
      { channel: 'in_app', status: 'sent' },
      { channel: 'sms', status: 'pending_dev' },
    ]);
    const mine = (await w.officer.request({ method: 'GET', url: '/api/v1/me/notifications' })).json();
    expect(mine.items.some((n: { subject: string }) => n.subject.includes(code))).toBe(true);
  });

  it('a hand-off to another agency of the province is logged with from, to and time, and that agency can work on it', async () => {
    const code = await processing();
    const out = await act(w.officer, code, 'forward', { toAgencyCode: w.other.code, note: 'Xin ý kiến phối hợp' });
    expect(out.json()).toMatchObject({ currentStep: 'interagency' });
    expect((await w.outsider.request({ method: 'GET', url: `/api/v1/dossiers/${code}` })).statusCode).toBe(200);
    const back = await act(w.outsider, code, 'forward', { toAgencyCode: w.competent.code });
    expect(back.json()).toMatchObject({ currentStep: 'appraise' });
    const d = await detail(code);
    const last = d.handoffs.slice(-2);
    expect(last[0]).toMatchObject({ step: 'appraise', fromAgency: expect.any(String), toAgency: expect.any(String), at: expect.any(String) });
    expect(last[1]).toMatchObject({ step: 'interagency' });
    expect(['early', 'on_time', 'late']).toContain(last[1].result ?? 'on_time');
  });
});

describe('forwarding follows the procedure', () => {
  it("AGENCY_NOT_IN_PROCEDURE: only the agencies the procedure's steps name (and the competent one) receive the dossier; the detail lists them for the picker", async () => {
    const code = await processing();
    const stranger = await makeAgencyTree(h);
    const refused = await act(w.officer, code, 'forward', { toAgencyCode: stranger.child.code });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'AGENCY_NOT_IN_PROCEDURE', agencyCode: stranger.child.code });
    expect(refused.json().detail).toContain(stranger.child.code);
    // Nothing moved.
    expect((await detail(code)).currentAgency.code).toBe(w.competent.code);
    // The picker offers the coordinating agency the procedure names, with its step.
    const offered = (await detail(code)).forwardAgencies;
    expect(offered).toEqual([{ code: w.other.code, name: expect.any(String), role: 'coordinating', stepName: 'interagency' }]);
    const out = await act(w.officer, code, 'forward', { toAgencyCode: w.other.code });
    expect(out.statusCode, out.body).toBe(200);
    // At the coordinating agency the way back is the competent agency; a stranger is still refused.
    const there = (await w.outsider.request({ method: 'GET', url: `/api/v1/dossiers/${code}` })).json();
    expect(there.forwardAgencies).toEqual([{ code: w.competent.code, name: expect.any(String), role: 'competent', stepName: null }]);
    expect((await act(w.outsider, code, 'forward', { toAgencyCode: stranger.child.code })).json().code).toBe('AGENCY_NOT_IN_PROCEDURE');
    expect((await act(w.outsider, code, 'forward', { toAgencyCode: w.competent.code })).statusCode).toBe(200);
  });

  it('NOT_DOSSIER_OWNER: a coordinating agency cannot approve, refuse or stop a dossier it does not own; the competent agency can', async () => {
    const code = await processing();
    await act(w.leader, code, 'forward', { to: w.leaderId });
    expect((await act(w.officer, code, 'forward', { toAgencyCode: w.other.code })).statusCode).toBe(200);
    const coordinator = await login(h, (await makeUser(h, 'leader', w.other.id)).username);
    const d = (await coordinator.request({ method: 'GET', url: `/api/v1/dossiers/${code}` })).json();
    for (const a of ['approve', 'refuse', 'stop', 'complete']) expect(d.availableActions).not.toContain(a);
    expect(d.availableActions).toContain('forward');
    for (const [action, body] of [
      ['approve', {}],
      ['refuse', { reasons: ['Không đủ điều kiện'] }],
      ['stop', { reason: 'Dừng thử' }],
    ] as const) {
      const res = await act(coordinator, code, action, body);
      expect(res.statusCode, `${action} ${res.body}`).toBe(403);
      expect(res.json().code).toBe('NOT_DOSSIER_OWNER');
    }
    expect((await detail(code)).status).toBe('processing');
    // The owner decides, even while the dossier is with the coordinating agency.
    const approved = await act(w.leader, code, 'approve');
    expect(approved.statusCode, approved.body).toBe(200);
  });
});

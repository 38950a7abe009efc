import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyStream, verifyAudit } from '../../platform/audit.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { PENDING_SEQ } from './dossiers.repo.js';
import { act, intakeBody, makeWorld, receive, type World } from './dossiers.test-support.js';

let h: Harness;
let w: World;
beforeAll(async () => {
  h = await startHarness();
  w = await makeWorld(h);
}, 60_000);
afterAll(() => h.close());

const CODE = (agencyCode: string) => new RegExp(`^${agencyCode.replaceAll('.', '\\.')}-\\d{6}-\\d{4}$`);

describe('intake', () => {
  it('receives a complete dossier at the counter: code per Circular 01/2018 Art. 19, due date from the calendar', async () => {
    const res = await w.counter.request({ method: 'POST', url: '/api/v1/dossiers', payload: intakeBody(w) });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.code).toMatch(CODE(w.desk.code));
    expect(body.status).toBe('received');
    expect(new Date(body.dueAt).getTime()).toBeGreaterThan(new Date(body.receivedAt).getTime() + 10 * 86_400_000);
    const detail = (await w.counter.request({ method: 'GET', url: `/api/v1/dossiers/${body.code}` })).json();
    expect(detail.receivingAgency.code).toBe(w.desk.code);
    expect(detail.competentAgency.code).toBe(w.competent.code);
    expect(detail.dueCalendarVersion).toBeTruthy();
    expect(detail.dueRule).toMatchObject({ amount: 10, unit: 'working_days' });
    expect(detail.handoffs[0]).toMatchObject({ step: 'receive', toAgency: expect.any(String) });
    const outbox = await h.database.rows<{ channel: string }>(
      sql`select o.channel from notification_outbox o join dossier d on d.id = o.dossier_id where d.code = ${body.code}`,
    );
    expect(outbox.map((o) => o.channel).sort()).toEqual(['email', 'sms']);
  });

  it('an incomplete dossier gets a supplement request (Mẫu 02) listing each missing document and why', async () => {
    const res = await w.counter.request({ method: 'POST', url: '/api/v1/dossiers', payload: intakeBody(w, { docs: [w.docs[0].id] }) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'supplement_requested', dueAt: null, missingDocuments: [{ name: w.docs[1].name, reason: expect.any(String) }] });
    const forced = await w.counter.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: intakeBody(w, { docs: [w.docs[0].id], extra: { decision: 'receive' } }),
    });
    expect(forced.statusCode).toBe(422);
    expect(forced.json().code).toBe('DOSSIER_INCOMPLETE');
    // The refusal names each missing document, with a field the form marks (issue 12 §6).
    expect(forced.json().detail).toContain(w.docs[1].name);
    expect(forced.json().errors).toEqual([{ field: `documents.${w.docs[1].id}`, message: expect.stringContaining(w.docs[1].name) }]);
    expect(forced.json().missing).toEqual([{ procedureDocumentId: w.docs[1].id, name: w.docs[1].name }]);
    const online = await w.citizen.request({ method: 'POST', url: '/api/v1/dossiers', payload: intakeBody(w, { channel: 'online', docs: [] }) });
    expect(online.statusCode, online.body).toBe(422);
    expect(online.json().errors.map((e: { field: string }) => e.field)).toEqual([`documents.${w.docs[0].id}`, `documents.${w.docs[1].id}`]);
  });

  it('a refusal (Mẫu 03) needs reasons', async () => {
    const none = await w.counter.request({ method: 'POST', url: '/api/v1/dossiers', payload: intakeBody(w, { extra: { decision: 'refuse' } }) });
    expect(none.statusCode).toBe(400);
    const res = await w.counter.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: intakeBody(w, { extra: { decision: 'refuse', refusalReasons: ['Không thuộc thẩm quyền giải quyết'] } }),
    });
    expect(res.json()).toMatchObject({ status: 'refused' });
  });

  it('a citizen submits online and the desk receives it; citizens cannot submit at the counter', async () => {
    const res = await w.citizen.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: intakeBody(w, { channel: 'online', extra: { receivingAgencyCode: w.desk.code } }),
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'submitted', receivedAt: null });
    const received = await act(w.counter, res.json().code, 'receive');
    expect(received.statusCode, received.body).toBe(200);
    expect(received.json()).toMatchObject({ status: 'received', dueAt: expect.any(String) });
    const atCounter = await w.citizen.request({ method: 'POST', url: '/api/v1/dossiers', payload: intakeBody(w, { channel: 'counter' }) });
    expect(atCounter.statusCode).toBe(400);
  });

  it('a citizen may name only a one-stop desk (an agency where counter officers work) → NOT_A_ONE_STOP_DESK', async () => {
    const res = await w.citizen.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: intakeBody(w, { channel: 'online', extra: { receivingAgencyCode: w.competent.code } }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'NOT_A_ONE_STOP_DESK', field: 'receivingAgencyCode' });
  });

  it('lists the one-stop desks where a procedure can be submitted online, with the default one when there is one', async () => {
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/public/desks?procedureCode=${w.procedureCode}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { items: { code: string; name: string; provinceCode: string }[]; suggestedCode: string | null };
    expect(body.items).toContainEqual(expect.objectContaining({ code: w.desk.code, provinceCode: '08' }));
    // Only desks: the competent agency has no counter officers.
    expect(body.items.map((d) => d.code)).not.toContain(w.competent.code);
    if (body.suggestedCode !== null) expect(body.items.map((d) => d.code)).toContain(body.suggestedCode);
    const named = await w.citizen.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: intakeBody(w, { channel: 'online', extra: { receivingAgencyCode: body.items[0].code } }),
    });
    expect(named.statusCode, named.body).toBe(201);
    const unknown = await h.app.inject({ method: 'GET', url: '/api/v1/public/desks?procedureCode=0.000000' });
    expect(unknown.statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/public/desks' })).statusCode).toBe(400);
  });

  it('a national code found in several provinces needs the desk → RECEIVING_AGENCY_REQUIRED; naming it works', async () => {
    const [copy] = await h.database.rows<{ id: string }>(sql`
      insert into procedure (code, province_code, name, field_code, agency_id, online_level, limit_amount, limit_unit, fees, result_type, rule_version, effective_from)
      select code, '01', name, field_code, agency_id, online_level, limit_amount, limit_unit, fees, result_type, rule_version, effective_from
      from procedure where code = ${w.procedureCode} returning id`);
    try {
      const vague = await w.citizen.request({ method: 'POST', url: '/api/v1/dossiers', payload: intakeBody(w, { channel: 'online' }) });
      expect(vague.statusCode).toBe(422);
      expect(vague.json()).toMatchObject({ code: 'RECEIVING_AGENCY_REQUIRED', field: 'receivingAgencyCode' });
      const named = await w.citizen.request({
        method: 'POST',
        url: '/api/v1/dossiers',
        payload: intakeBody(w, { channel: 'online', extra: { receivingAgencyCode: w.desk.code } }),
      });
      expect(named.statusCode, named.body).toBe(201);
      // The form's desk list then suggests none: the citizen chooses.
      const desks = await h.app.inject({ method: 'GET', url: `/api/v1/public/desks?procedureCode=${w.procedureCode}` });
      expect(desks.json().suggestedCode).toBeNull();
    } finally {
      await h.database.rows(sql`delete from procedure where id = ${copy.id}`);
    }
  });

  it('intake sees a catalog change at once (its cached procedure is checked against the version)', async () => {
    await receive(h, w); // the procedure is now cached
    await h.database.rows(sql`update procedure set is_active = false, version = version + 1 where code = ${w.procedureCode}`);
    try {
      const res = await w.counter.request({ method: 'POST', url: '/api/v1/dossiers', payload: intakeBody(w) });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('procedureCode');
    } finally {
      await h.database.rows(sql`update procedure set is_active = true, version = version + 1 where code = ${w.procedureCode}`);
    }
    expect(await receive(h, w)).toMatch(/-\d{4,}$/);
  });

  it('intake sees a calendar change at once (its cached calendar is checked against the stamp)', async () => {
    const versionOf = async (code: string) =>
      (await h.database.rows<{ v: string }>(sql`select due_calendar_version as v from dossier where code = ${code}`))[0].v;
    const before = await versionOf(await receive(h, w)); // the calendar is now cached
    const [o] = await h.database.rows<{ id: string }>(
      sql`insert into calendar_override (date, kind, name, source) values ('2099-06-01', 'day_off', 'Thử', 'test') returning id`,
    );
    try {
      const after = await versionOf(await receive(h, w));
      expect(after).not.toBe(before);
      expect(after).toContain(`.${o.id}`);
    } finally {
      await h.database.rows(sql`delete from calendar_override where id = ${o.id}`);
    }
  });

  it('the intake and its audit entry are one statement: the chain verifies and names the committed code', async () => {
    const code = await receive(h, w);
    const [entry] = await h.database.rows<{ entity_id: string; action: string }>(sql`select entity_id, action from audit_event where entity_id = ${code}`);
    expect(entry).toEqual({ entity_id: code, action: 'dossier.intake' });
    const [outbox] = await h.database.rows<{ body: string }>(
      sql`select o.body from notification_outbox o join dossier d on d.id = o.dossier_id where d.code = ${code} limit 1`,
    );
    expect(outbox.body).toContain(code);
    expect(outbox.body).not.toContain('\uE000');
    const problems = (await verifyAudit(h.database.db)).problems.filter((p) => p.stream === `agency:${w.desk.code}`);
    expect(problems).toEqual([]);
  });

  it('DOCUMENT_NOT_ON_LIST: a document of another procedure is refused at intake', async () => {
    const res = await w.counter.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: intakeBody(w, { docs: [...w.docs.slice(0, 2).map((x) => x.id), w.foreignDocId] }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('DOCUMENT_NOT_ON_LIST');
  });

  it('200 concurrent intakes at one agency produce 200 distinct, consecutive codes', async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, () => w.counter.request({ method: 'POST', url: '/api/v1/dossiers', payload: intakeBody(w) })),
    );
    expect(results.map((r) => r.statusCode).filter((s) => s !== 201)).toEqual([]);
    const codes = results.map((r) => (r.json() as { code: string }).code);
    expect(new Set(codes).size).toBe(200);
    const byDay = new Map<string, number[]>();
    for (const c of codes) {
      const [, day, seq] = /-(\d{6})-(\d{4,})$/.exec(c)!;
      byDay.set(day, [...(byDay.get(day) ?? []), Number(seq)]);
    }
    for (const seqs of byDay.values()) {
      seqs.sort((a, b) => a - b);
      for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBe(seqs[i - 1] + 1);
    }
    // Written in batches (group commit): still one event, one audit entry and the notifications per
    // dossier, each naming its own code, and the desk's chain verifies.
    const written = await h.database.rows<{ code: string; events: number; audits: number; mails: number }>(sql`
      select d.code, (select count(*)::int from dossier_event e where e.dossier_id = d.id) as events,
        (select count(*)::int from audit_event a where a.entity_type = 'dossier' and a.entity_id = d.code) as audits,
        (select count(*)::int from notification_outbox o where o.dossier_id = d.id and o.body like '%' || d.code || '%' and o.body not like ${'%' + PENDING_SEQ + '%'}) as mails
      from dossier d where d.code in (select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))`);
    expect(written.length).toBe(200);
    expect(written.filter((r) => r.events !== 1 || r.audits !== 1 || r.mails < 1)).toEqual([]);
    expect((await verifyAudit(h.database.db)).problems.filter((p) => p.stream === agencyStream(w.desk.code))).toEqual([]);
  }, 180_000);

  it('a batch that cannot be written is written one by one: the others get their codes, gapless', async () => {
    const v = await makeWorld(h);
    // The fee procedure is in the intake cache, then withdrawn behind the cache's back: an intake
    // of it fails its guard inside whatever batch it joins.
    await receive(h, v, v.feeProcedureCode);
    await h.database.rows(sql`update procedure set is_active = false where code = ${v.feeProcedureCode}`);
    const bodies = Array.from({ length: 12 }, (_, i) => intakeBody(v, { procedureCode: i === 6 ? v.feeProcedureCode : undefined }));
    const results = await Promise.all(bodies.map((payload) => v.counter.request({ method: 'POST', url: '/api/v1/dossiers', payload })));
    expect(results.map((r) => r.statusCode)).toEqual(bodies.map((_, i) => (i === 6 ? 400 : 201)));
    expect(results[6].json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'procedureCode' }] });
    const seqs = results.filter((r) => r.statusCode === 201).map((r) => Number(/-(\d{4,})$/.exec((r.json() as { code: string }).code)![1]));
    expect(seqs.sort((a, b) => a - b)).toEqual(Array.from({ length: 11 }, (_, i) => i + 2));
    const [counter] = await h.database.rows<{ last: number }>(sql`select max(last_value)::int as last from dossier_sequence where agency_id = ${v.desk.id}`);
    expect(counter.last).toBe(12);
    expect((await verifyAudit(h.database.db)).problems.filter((p) => p.stream === agencyStream(v.desk.code))).toEqual([]);
  }, 60_000);
});

describe('workflow', () => {
  it('received → assigned → appraised → approved → result ready → returned, each step audited and on the control sheet', async () => {
    const code = await receive(h, w);
    expect((await act(w.leader, code, 'assign', { assignee: w.officerId })).json()).toMatchObject({ status: 'processing', currentStep: 'appraise' });
    expect((await act(w.officer, code, 'approve')).statusCode).toBe(403);
    const leaderName = (await h.database.rows<{ username: string }>(sql`select username from user_account where id = ${w.leaderId}`))[0].username;
    expect((await act(w.officer, code, 'forward', { to: leaderName })).json()).toMatchObject({ currentStep: 'approve' });
    expect((await act(w.leader, code, 'approve')).json()).toMatchObject({ status: 'processing', currentStep: 'approved' });
    expect((await act(w.officer, code, 'complete')).json()).toMatchObject({ status: 'result_ready' });
    expect((await act(w.officer, code, 'return')).statusCode).toBe(403);
    expect((await act(w.counter, code, 'return')).json()).toMatchObject({ status: 'returned' });
    const detail = (await w.leader.request({ method: 'GET', url: `/api/v1/dossiers/${code}` })).json();
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual(['intake', 'assign', 'forward', 'approve', 'complete', 'return']);
    expect(detail.handoffs.map((x: { step: string }) => x.step)).toEqual(['receive', 'assign', 'appraise', 'approve', 'approve', 'return']);
    for (const x of detail.handoffs) expect(['early', 'on_time', 'late']).toContain(x.result);
    const audit = await h.database.rows<{ action: string }>(
      sql`select action from audit_event where entity_type = 'dossier' and entity_id = ${code} order by occurred_at, seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'dossier.intake',
      'dossier.assign',
      'dossier.forward',
      'dossier.approve',
      'dossier.complete',
      'dossier.return',
    ]);
    const again = await act(w.counter, code, 'return');
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('INVALID_TRANSITION');
  });

  it('a procedure with fees passes through the financial-obligation step', async () => {
    const code = await receive(h, w, w.feeProcedureCode);
    await act(w.leader, code, 'assign', { assignee: w.officerId });
    expect((await act(w.leader, code, 'approve')).json()).toMatchObject({ status: 'awaiting_payment' });
    expect((await act(w.officer, code, 'complete')).json().code).toBe('INVALID_TRANSITION');
    expect((await act(w.counter, code, 'confirm-payment')).json()).toMatchObject({ status: 'processing', currentStep: 'approved' });
    expect((await act(w.officer, code, 'complete')).json()).toMatchObject({ status: 'result_ready' });
  });

  it('withdrawn by the applicant; stopped by the leader', async () => {
    const mine = await w.citizen.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: intakeBody(w, { channel: 'online', extra: { receivingAgencyCode: w.desk.code } }),
    });
    expect((await act(w.citizen, mine.json().code, 'withdraw', { reason: 'Không còn nhu cầu' })).json()).toMatchObject({ status: 'withdrawn' });
    const code = await receive(h, w);
    expect((await act(w.leader, code, 'stop')).statusCode).toBe(400);
    expect((await act(w.leader, code, 'stop', { reason: 'Theo đề nghị của cơ quan điều tra' })).json()).toMatchObject({ status: 'stopped' });
  });

  it('concurrent actions on one dossier: one wins, the other gets 409', async () => {
    const code = await receive(h, w);
    const [a, b] = await Promise.all([
      act(w.leader, code, 'assign', { assignee: w.officerId, expectedVersion: 1 }),
      act(w.officer, code, 'assign', { expectedVersion: 1 }),
    ]);
    expect([a.statusCode, b.statusCode].sort((x, y) => x - y)).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().code).toBe('VERSION_CONFLICT');
  });
});

describe('policy', () => {
  it("another agency's officer gets 404 on the dossier and its actions", async () => {
    const code = await receive(h, w);
    expect((await w.outsider.request({ method: 'GET', url: `/api/v1/dossiers/${code}` })).statusCode).toBe(404);
    expect((await act(w.outsider, code, 'assign')).statusCode).toBe(404);
  });

  it('citizens see only their own dossiers', async () => {
    const mine = (
      await w.citizen.request({
        method: 'POST',
        url: '/api/v1/dossiers',
        payload: intakeBody(w, { channel: 'online', extra: { receivingAgencyCode: w.desk.code } }),
      })
    ).json().code;
    const theirs = await receive(h, w);
    expect((await w.citizen.request({ method: 'GET', url: `/api/v1/dossiers/${mine}` })).statusCode).toBe(200);
    expect((await w.citizen.request({ method: 'GET', url: `/api/v1/dossiers/${theirs}` })).statusCode).toBe(404);
    const list = (await w.citizen.request({ method: 'GET', url: '/api/v1/dossiers?limit=200' })).json();
    const codes = list.items.map((x: { code: string }) => x.code);
    expect(codes).toContain(mine);
    expect(codes).not.toContain(theirs);
  });
});

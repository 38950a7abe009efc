/** Public lookup, rating, satisfaction statistics, printed forms with their QR codes, the tracking book. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signDocument } from '../../platform/doc-signing.js';
import { PublicDossier } from './dossiers.schemas.js';
import { type Harness, login, makeAgencyTree, makeUser, startHarness } from '../../test/harness.js';
import { decodeQrCodes, pdfInfo, pdfText } from '../../test/pdf-tools.js';
import { act, APPLICANT, intakeBody, makeWorld, receive, type World } from './dossiers.test-support.js';

let h: Harness;
let w: World;
beforeAll(async () => {
  h = await startHarness({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'congvu-dossier-')), publicBaseUrl: 'https://dichvucong.example.vn' });
  w = await makeWorld(h);
}, 180_000);
afterAll(() => h.close());

const tail = APPLICANT.phone.slice(-4);

async function returnedIn(x: World): Promise<string> {
  const code = await receive(h, x);
  await act(x.leader, code, 'assign', { assignee: x.officerId });
  await act(x.leader, code, 'forward', { to: x.leaderId });
  await act(x.leader, code, 'approve');
  await act(x.officer, code, 'complete');
  const res = await act(x.counter, code, 'return');
  expect(res.json().status).toBe('returned');
  return code;
}
const returned = (): Promise<string> => returnedIn(w);

/** An administrator granted on a new top-level agency of the province. */
async function makeAgencyAdmin(provinceCode: string) {
  const tree = await makeAgencyTree(h, provinceCode);
  return login(h, (await makeUser(h, 'admin', tree.root.id)).username);
}

describe('public lookup', () => {
  it('answers status, timeline and due date with no personal data', async () => {
    const code = await receive(h, w);
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}?verify=${tail}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ code, status: 'received', dueAt: expect.any(String), timeline: [{ action: 'intake', toStatus: 'received' }] });
    for (const secret of [APPLICANT.fullName, APPLICANT.idNumber, APPLICANT.phone, APPLICANT.email, APPLICANT.address]) expect(res.body).not.toContain(secret);
    expect(body.timeline[0].actor).toBeUndefined();
    // The answer is JSON text partly written by the database: it must still be exactly the documented shape.
    expect(res.headers['content-type']).toContain('application/json');
    expect(Value.Check(PublicDossier, body)).toBe(true);
    expect(Object.keys(body).sort()).toEqual(Object.keys(PublicDossier.properties).sort());
    expect(body.procedureName).toBeTruthy();
    expect(body.receivingAgencyName).toBeTruthy();
    expect(new Date(body.submittedAt).toISOString()).toBe(body.submittedAt);
    expect(body.canRate).toBe(false);
  });

  it('a wrong verify gives the same 404 as an unknown code', async () => {
    const code = await receive(h, w);
    const wrong = await h.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}?verify=0000` });
    const unknown = await h.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${w.desk.code}-990101-9999?verify=${tail}` });
    const none = await h.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}` });
    for (const r of [wrong, unknown, none]) {
      expect(r.statusCode).toBe(404);
      expect(r.json().code).toBe('NOT_FOUND');
      expect(r.json().detail).toBe(wrong.json().detail);
    }
  });

  it('ten wrong checks on one code, from any addresses, close that code (even to the right check) and no other', async () => {
    const code = await receive(h, w);
    const other = await receive(h, w);
    for (let i = 0; i < 10; i++) {
      const r = await h.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}?verify=${String(1000 + i)}`, remoteAddress: `10.1.2.${i + 1}` });
      expect(r.statusCode).toBe(404);
    }
    const right = await h.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}?verify=${tail}`, remoteAddress: '10.1.3.1' });
    expect(right.statusCode).toBe(404);
    expect(right.json().code).toBe('NOT_FOUND');
    const rating = await h.app.inject({
      method: 'POST',
      url: `/api/v1/public/dossiers/${code}/rating`,
      remoteAddress: '10.1.3.2',
      payload: { verify: tail, satisfaction: 'satisfied', timesReturned: 0, bodiesContacted: 1, attitude: 'good' },
    });
    expect(rating.statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${other}?verify=${tail}`, remoteAddress: '10.1.3.3' })).statusCode).toBe(200);
  });

  it('is rate limited', async () => {
    const code = await receive(h, w);
    const answers = [];
    for (let i = 0; i < 35; i++)
      answers.push(await h.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}?verify=1111`, remoteAddress: '10.9.9.9' }));
    const limited = answers.find((r) => r.statusCode === 429);
    expect(limited?.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    // Quota headers go out with the refusal only.
    expect(answers[0].headers['x-ratelimit-remaining']).toBeUndefined();
  });
});

describe('rating', () => {
  it('the applicant rates a returned dossier once; a second rating → 409; stats per officer, counter, agency and procedure', async () => {
    const open = await receive(h, w);
    const early = await h.app.inject({
      method: 'POST',
      url: `/api/v1/public/dossiers/${open}/rating`,
      payload: { verify: tail, satisfaction: 'satisfied', timesReturned: 0, bodiesContacted: 1, attitude: 'good' },
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().code).toBe('RATING_NOT_OPEN');
    const code = await returned();
    const payload = { verify: tail, satisfaction: 'very_satisfied', timesReturned: 0, bodiesContacted: 1, attitude: 'good', comment: 'Cán bộ nhiệt tình' };
    const wrong = await h.app.inject({ method: 'POST', url: `/api/v1/public/dossiers/${code}/rating`, payload: { ...payload, verify: '0000' } });
    expect(wrong.statusCode).toBe(404);
    const res = await h.app.inject({ method: 'POST', url: `/api/v1/public/dossiers/${code}/rating`, payload });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().scores).toMatchObject({ timesReturned: 2, bodiesContacted: 1, attitude: 2 });
    const again = await h.app.inject({ method: 'POST', url: `/api/v1/public/dossiers/${code}/rating`, payload });
    expect(again.statusCode).toBe(409);
    const second = await returned();
    await h.app.inject({
      method: 'POST',
      url: `/api/v1/public/dossiers/${second}/rating`,
      payload: { ...payload, satisfaction: 'unsatisfied', attitude: 'poor' },
    });
    for (const by of ['officer', 'counter', 'agency', 'procedure']) {
      const stats = await w.leader.request({ method: 'GET', url: `/api/v1/dossiers/ratings/stats?by=${by}` });
      expect(stats.statusCode, stats.body).toBe(200);
      expect(stats.json().items.length, by).toBeGreaterThan(0);
    }
    const perProcedure = (await w.leader.request({ method: 'GET', url: '/api/v1/dossiers/ratings/stats?by=procedure' })).json();
    expect(perProcedure.items.find((x: { key: string }) => x.key === w.procedureCode)).toMatchObject({ total: 2, satisfied: 1, rate: 50 });
    const perOfficer = (await w.leader.request({ method: 'GET', url: '/api/v1/dossiers/ratings/stats?by=officer' })).json();
    expect(perOfficer.items.find((x: { key: string }) => x.key === w.officerId)).toMatchObject({ total: 2, satisfied: 1 });
  });

  it('the timeline kept on the dossier row is the event record: every step, the rating, in order', async () => {
    const code = await returned();
    await h.app.inject({
      method: 'POST',
      url: `/api/v1/public/dossiers/${code}/rating`,
      payload: { verify: tail, satisfaction: 'satisfied', timesReturned: 0, bodiesContacted: 1, attitude: 'good' },
    });
    const body = (await h.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}?verify=${tail}` })).json();
    const events = await h.database.rows<{ action: string; from_status: string | null; to_status: string; occurred_at: string }>(sql`
      select e.action, e.from_status, e.to_status, e.occurred_at::text from dossier_event e join dossier d on d.id = e.dossier_id where d.code = ${code} order by e.occurred_at, e.id`);
    expect(body.timeline).toEqual(
      events.map((e) => ({ action: e.action, fromStatus: e.from_status, toStatus: e.to_status, at: new Date(e.occurred_at).toISOString() })),
    );
    expect(body.timeline.map((e: { action: string }) => e.action)).toEqual(['intake', 'assign', 'forward', 'approve', 'complete', 'return', 'rate']);
    expect(body.canRate).toBe(false);
    expect(Value.Check(PublicDossier, body)).toBe(true);
    const [row] = await h.database.rows<{ submitted_at: string; received_at: string; due_at: string; is_late: boolean }>(
      sql`select submitted_at::text, received_at::text, due_at::text, is_late from dossier where code = ${code}`,
    );
    expect(body).toMatchObject({
      submittedAt: new Date(row.submitted_at).toISOString(),
      receivedAt: new Date(row.received_at).toISOString(),
      dueAt: new Date(row.due_at).toISOString(),
      isLate: row.is_late,
      status: 'returned',
    });
  });

  it('intake writes the first entry with the row (once), and an event recorded late still lands in time order', async () => {
    const code = await receive(h, w);
    const timeline = async () =>
      (await h.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}?verify=${tail}` })).json().timeline as { action: string; at: string }[];
    const first = await timeline();
    expect(first.map((e) => e.action)).toEqual(['intake']);
    await act(w.leader, code, 'assign', { assignee: w.officerId });
    // An event committed after the assignment but stamped between intake and assignment (a sweep started earlier).
    const between = new Date((Date.parse(first[0].at) + Date.parse((await timeline())[1].at)) / 2).toISOString();
    await h.database.exec(`insert into dossier_event (dossier_id, province_code, action, from_status, to_status, actor_label, occurred_at)
      select id, province_code, 'mark_late', status, status, 'system', '${between}' from dossier where code = '${code}'`);
    const after = await timeline();
    expect(after.map((e) => e.action)).toEqual(['intake', 'mark_late', 'assign']);
    expect(after[1].at).toBe(between);
  });
});

describe('printed forms', () => {
  it('the receipt (Mẫu 01) is an A5 PDF in correct Vietnamese whose QR code opens the lookup and verifies', async () => {
    const code = await receive(h, w);
    const res = await w.counter.request({ method: 'GET', url: `/api/v1/dossiers/${code}/receipt.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    // Chrome's PDF viewer must not be blocked by the API's `default-src 'none'` (crbug.com/271452).
    expect(res.headers['content-security-policy']).toBe("frame-ancestors 'self'");
    expect(res.headers['content-disposition']).toBe(`inline; filename="receipt-${code}.pdf"`);
    const pdf = res.rawPayload;
    fs.writeFileSync(path.join(os.tmpdir(), 'congvu-receipt-test.pdf'), pdf);
    const info = await pdfInfo(pdf);
    expect(Math.round(info.width)).toBe(420);
    const text = await pdfText(pdf);
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(APPLICANT.fullName);
    expect(text).toContain('Cấp Phiếu lý lịch tư pháp thử nghiệm');
    expect(text).toContain(code);
    const qr = await decodeQrCodes(pdf);
    expect(qr).toHaveLength(1);
    const url = new URL(qr[0]);
    expect(url.pathname).toBe(`/tra-cuu/${code}`);
    const token = url.searchParams.get('v')!;
    const verified = await h.app.inject({ method: 'GET', url: `/api/v1/public/documents/verify?token=${encodeURIComponent(token)}` });
    expect(verified.json()).toMatchObject({ valid: true, kind: 'receipt', formNo: '01', dossierCode: code });
    const lookup = await h.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}?token=${encodeURIComponent(token)}` });
    expect(lookup.statusCode).toBe(200);
    const [payload, mac] = token.split('.');
    const forgedPayload = Buffer.from(
      Buffer.from(payload, 'base64url')
        .toString('utf8')
        .replace(/-(\d{4})\|/, '-9999|'),
    ).toString('base64url');
    const forged = await h.app.inject({ method: 'GET', url: `/api/v1/public/documents/verify?token=${forgedPayload}.${mac}` });
    expect(forged.json()).toEqual({ valid: false });
  });

  it('the other forms render: supplement (02), refusal (03), apology (04), control sheet (05)', async () => {
    const supp = (await w.counter.request({ method: 'POST', url: '/api/v1/dossiers', payload: intakeBody(w, { docs: [w.docs[0].id] }) })).json().code;
    expect(await pdfText((await w.counter.request({ method: 'GET', url: `/api/v1/dossiers/${supp}/supplement.pdf` })).rawPayload)).toContain(w.docs[1].name);
    const refused = (
      await w.counter.request({
        method: 'POST',
        url: '/api/v1/dossiers',
        payload: intakeBody(w, { extra: { decision: 'refuse', refusalReasons: ['Hồ sơ không thuộc thẩm quyền'] } }),
      })
    ).json().code;
    expect(await pdfText((await w.counter.request({ method: 'GET', url: `/api/v1/dossiers/${refused}/refusal.pdf` })).rawPayload)).toContain(
      'Hồ sơ không thuộc thẩm quyền',
    );
    const code = await receive(h, w);
    expect((await w.counter.request({ method: 'GET', url: `/api/v1/dossiers/${code}/apology.pdf` })).statusCode).toBe(422);
    await act(w.leader, code, 'assign', { assignee: w.officerId });
    const due = new Date((await w.leader.request({ method: 'GET', url: `/api/v1/dossiers/${code}` })).json().dueAt);
    await act(w.leader, code, 'apologize', { reason: 'Chờ kết quả xác minh', newDueAt: new Date(due.getTime() + 3 * 86_400_000).toISOString() });
    expect(await pdfText((await w.leader.request({ method: 'GET', url: `/api/v1/dossiers/${code}/apology.pdf` })).rawPayload)).toContain(
      'Chờ kết quả xác minh',
    );
    const sheet = await w.leader.request({ method: 'GET', url: `/api/v1/dossiers/${code}/control-sheet.pdf` });
    expect(sheet.statusCode).toBe(200);
    expect(await pdfText(sheet.rawPayload)).toContain(code);
  });

  it('the tracking book (Mẫu 06) exports a period as .xlsx', async () => {
    const code = await receive(h, w);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    const res = await w.counter.request({ method: 'GET', url: `/api/v1/dossiers/tracking-book.xlsx?from=${today}&to=${today}` });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const values: string[] = [];
    book.worksheets[0].eachRow((row) => values.push(JSON.stringify(row.values)));
    expect(values.join('\n')).toContain(code);
  });
});

/** Ten wrong checks from ten addresses: the code is locked for an hour. */
async function lock(code: string): Promise<void> {
  for (let i = 0; i < 10; i++)
    await h.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}?verify=${String(2000 + i)}`, remoteAddress: `10.7.${i}.1` });
}

/** Statements sent to the database while `run` runs (the driver's `query`, both drivers). */
async function statementsOf(run: () => Promise<unknown>): Promise<number> {
  const target = (h.database.pool ?? h.database.pglite) as unknown as { query: (...args: unknown[]) => unknown };
  const spy = vi.spyOn(target, 'query');
  try {
    await run();
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
}

const guardOf = async (code: string) =>
  (await h.database.rows<{ failures: number }>(sql`select failures from dossier_lookup_guard where code = ${code}`))[0]?.failures ?? 0;

describe('public lookup: the lock, enumeration and the check code', () => {
  it('a locked code still opens to the QR token of its printed document (lookup and rating); the phone digits stay locked out', async () => {
    const code = await returned();
    const [row] = await h.database.rows<{ received_at: string }>(sql`select received_at::text from dossier where code = ${code}`);
    const token = signDocument(h.config.secret, { kind: 'receipt', dossierCode: code, issuedAt: new Date(row.received_at) });
    await lock(code);
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}?verify=${tail}`, remoteAddress: '10.7.20.1' })).statusCode).toBe(404);
    const res = await h.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}?token=${encodeURIComponent(token)}`, remoteAddress: '10.7.20.2' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ code, status: 'returned' });
    // Another dossier's token does not open this one.
    const other = await receive(h, w);
    const foreign = signDocument(h.config.secret, { kind: 'receipt', dossierCode: other, issuedAt: new Date() });
    expect(
      (await h.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}?token=${encodeURIComponent(foreign)}`, remoteAddress: '10.7.20.3' }))
        .statusCode,
    ).toBe(404);
    const rating = await h.app.inject({
      method: 'POST',
      url: `/api/v1/public/dossiers/${code}/rating`,
      remoteAddress: '10.7.20.4',
      payload: { token, satisfaction: 'satisfied', timesReturned: 0, bodiesContacted: 1, attitude: 'good' },
    });
    expect(rating.statusCode, rating.body).toBe(201);
  });

  it('an unknown code, a wrong check and the right check on a locked code take the same path: same answer, same statements, each counted', async () => {
    const known = await receive(h, w);
    const locked = await receive(h, w);
    await lock(locked);
    const unknown = `${w.desk.code}-990101-${String(Date.now() % 10000).padStart(4, '0')}`;
    const cases = [
      { url: `/api/v1/public/dossiers/${known}?verify=0000`, code: known },
      { url: `/api/v1/public/dossiers/${unknown}?verify=${tail}`, code: unknown },
      { url: `/api/v1/public/dossiers/${locked}?verify=${tail}`, code: locked },
    ];
    const answers = [];
    const counts = [];
    for (const [i, c] of cases.entries()) {
      const before = await guardOf(c.code);
      let res: Awaited<ReturnType<typeof h.app.inject>> | undefined;
      counts.push(await statementsOf(async () => (res = await h.app.inject({ method: 'GET', url: c.url, remoteAddress: `10.8.0.${i + 1}` }))));
      answers.push(res!);
      expect(await guardOf(c.code), c.code).toBe(before + 1);
    }
    for (const r of answers) {
      expect(r.statusCode).toBe(404);
      const { requestId: _r, instance: _i, ...problem } = r.json();
      const { requestId: _r0, instance: _i0, ...first } = answers[0].json();
      expect(problem).toEqual(first);
    }
    expect(counts[1]).toBe(counts[0]);
    expect(counts[2]).toBe(counts[0]);
    // The common case stays one statement: the right check on an open code (names and the province's check are cached).
    await h.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${known}?verify=${tail}`, remoteAddress: '10.8.0.9' });
    expect(await statementsOf(() => h.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${known}?verify=${tail}`, remoteAddress: '10.8.0.10' }))).toBe(
      1,
    );
  });
});

describe("public lookup: a province that asks for the receipt's check code", () => {
  let v: World;
  beforeAll(async () => {
    v = await makeWorld(h, '96');
  }, 60_000);

  it('each dossier has a stable 6-character check code, printed on the receipt (Mẫu 01)', async () => {
    const a = await receive(h, v);
    const b = await receive(h, v);
    const codes = await h.database.rows<{ code: string; check_code: string }>(
      sql`select code, check_code from dossier where code in (${a}, ${b}) order by code`,
    );
    for (const r of codes) expect(r.check_code).toMatch(/^[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(codes[0].check_code).not.toBe(codes[1].check_code);
    await act(v.leader, a, 'assign', { assignee: v.officerId });
    const [again] = await h.database.rows<{ check_code: string }>(sql`select check_code from dossier where code = ${a}`);
    expect(again.check_code).toBe(codes[0].check_code);
    const receipt = await v.counter.request({ method: 'GET', url: `/api/v1/dossiers/${a}/receipt.pdf` });
    expect(receipt.statusCode).toBe(200);
    const text = await pdfText(receipt.rawPayload);
    expect(text).toContain('Mã kiểm tra');
    expect(text).toContain(codes[0].check_code);
  });

  it("only the province's administrator chooses it; then the phone digits no longer open its dossiers, the check code does (typed loosely), other provinces are unchanged", async () => {
    const code = await receive(h, v);
    const [{ check_code: check }] = await h.database.rows<{ check_code: string }>(sql`select check_code from dossier where code = ${code}`);
    const asked = async (c: string) => (await h.app.inject({ method: 'GET', url: `/api/v1/public/lookup-check?code=${c}` })).json();
    const admin = await makeAgencyAdmin('96');
    // The database may be a shared PostgreSQL that kept an earlier run's choice: start from the default.
    expect((await admin.request({ method: 'PUT', url: '/api/v1/admin/provinces/96/lookup-check', payload: { check: 'phone_tail' } })).statusCode).toBe(200);
    expect(await asked(code)).toEqual({ check: 'phone_tail' });
    // The check code is accepted everywhere (it is the stronger check); the phone digits too, until the province chooses.
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}?verify=${check}`, remoteAddress: '10.6.0.1' })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}?verify=${tail}`, remoteAddress: '10.6.0.2' })).statusCode).toBe(200);

    const elsewhere = await makeAgencyAdmin('08');
    const [{ id: childId }] = await h.database.rows<{ id: string }>(sql`select id from agency where code = ${v.competent.code}`);
    const notTop = await login(h, (await makeUser(h, 'admin', childId)).username);
    const body = { check: 'check_code' };
    expect((await elsewhere.request({ method: 'PUT', url: '/api/v1/admin/provinces/96/lookup-check', payload: body })).statusCode).toBe(403);
    expect((await notTop.request({ method: 'PUT', url: '/api/v1/admin/provinces/96/lookup-check', payload: body })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'PUT', url: '/api/v1/admin/provinces/96/lookup-check', payload: body })).statusCode).toBe(401);
    const set = await admin.request({ method: 'PUT', url: '/api/v1/admin/provinces/96/lookup-check', payload: body });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ provinceCode: '96', check: 'check_code' });
    const read = await admin.request({ method: 'GET', url: '/api/v1/admin/provinces/96/lookup-check' });
    expect(read.json()).toEqual({ provinceCode: '96', check: 'check_code' });
    expect((await elsewhere.request({ method: 'GET', url: '/api/v1/admin/provinces/96/lookup-check' })).statusCode).toBe(403);
    const [audit] = await h.database.rows<{ action: string }>(
      sql`select action from audit_event where entity_type = 'province' and entity_id = '96' order by occurred_at desc limit 1`,
    );
    expect(audit?.action).toBe('province.lookup_check');

    expect(await asked(code)).toEqual({ check: 'check_code' });
    expect(await asked(`${v.desk.code}-990101-0001`)).toEqual({ check: 'check_code' });
    expect(await asked(`${w.desk.code}-990101-0001`)).toEqual({ check: 'phone_tail' });
    const byTail = await h.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}?verify=${tail}`, remoteAddress: '10.6.0.3' });
    expect(byTail.statusCode).toBe(404);
    const loose = `${check.slice(0, 3).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l')}-${check.slice(3)}`;
    const byCode = await h.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${code}?verify=${encodeURIComponent(loose)}`, remoteAddress: '10.6.0.4' });
    expect(byCode.statusCode, byCode.body).toBe(200);
    // The rating asks for the same check.
    const done = await returnedIn(v);
    const [{ check_code: doneCheck }] = await h.database.rows<{ check_code: string }>(sql`select check_code from dossier where code = ${done}`);
    const rate = (verify: string) =>
      h.app.inject({
        method: 'POST',
        url: `/api/v1/public/dossiers/${done}/rating`,
        remoteAddress: '10.6.0.5',
        payload: { verify, satisfaction: 'satisfied', timesReturned: 0, bodiesContacted: 1, attitude: 'good' },
      });
    expect((await rate(tail)).statusCode).toBe(404);
    expect((await rate(doneCheck)).statusCode).toBe(201);
    // Province 08 still takes the phone's last four digits.
    expect(
      (await h.app.inject({ method: 'GET', url: `/api/v1/public/dossiers/${await receive(h, w)}?verify=${tail}`, remoteAddress: '10.6.0.6' })).statusCode,
    ).toBe(200);
  });
});

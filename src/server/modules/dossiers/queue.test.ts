import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, startHarness, uid } from '../../test/harness.js';
import { act, APPLICANT, intakeBody, makeWorld, receive, type World } from './dossiers.test-support.js';

let h: Harness;
let w: World;
let other: World;
beforeAll(async () => {
  h = await startHarness();
  w = await makeWorld(h);
  other = await makeWorld(h);
}, 60_000);
afterAll(() => h.close());

interface Item {
  code: string;
  status: string;
  applicantName: string;
}
async function list(c: Client, query: Record<string, string | number>): Promise<{ items: Item[]; nextCursor: string | null }> {
  const res = await c.request({ method: 'GET', url: `/api/v1/dossiers?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const codes = async (c: Client, query: Record<string, string | number>) => (await list(c, query)).items.map((d) => d.code);

/** Receive at w's desk with an applicant of our own. */
async function receiveFor(world: World, applicant: Partial<typeof APPLICANT>): Promise<string> {
  const res = await world.counter.request({
    method: 'POST',
    url: '/api/v1/dossiers',
    payload: intakeBody(world, { extra: { applicant: { ...APPLICANT, ...applicant } } }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().code;
}

/** Through every step to "Đã trả kết quả". */
async function returned(world: World): Promise<string> {
  const code = await receive(h, world);
  for (const [c, action, body] of [
    [world.leader, 'assign', { assignee: world.officerId }],
    [world.officer, 'forward', { to: world.leaderId }],
    [world.leader, 'approve', {}],
    [world.leader, 'complete', {}],
    [world.counter, 'return', {}],
  ] as const) {
    const res = await act(c, code, action, body);
    expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  }
  return code;
}

describe("the leader's queue (Hồ sơ cần xử lý)", () => {
  it('holds the dossiers of his agency waiting for him to assign or approve, not another agency’s', async () => {
    const waiting = await receive(h, w);
    const elsewhere = await receive(h, other);
    const mine = await codes(w.leader, { queue: 'mine', limit: 200 });
    expect(mine).toContain(waiting);
    expect(mine).not.toContain(elsewhere);
    expect(await codes(other.leader, { queue: 'mine', limit: 200 })).toContain(elsewhere);
    // The officer does not see it until it is his.
    expect(await codes(w.officer, { queue: 'mine', limit: 200 })).not.toContain(waiting);

    expect((await act(w.leader, waiting, 'assign', { assignee: w.officerId })).statusCode).toBe(200);
    expect(await codes(w.leader, { queue: 'mine', limit: 200 })).not.toContain(waiting);
    expect(await codes(w.officer, { queue: 'mine', limit: 200 })).toContain(waiting);

    // Sent to him for approval: back in his queue.
    expect((await act(w.officer, waiting, 'forward', { to: w.leaderId })).statusCode).toBe(200);
    expect(await codes(w.leader, { queue: 'mine', limit: 200 })).toContain(waiting);
  });
});

describe('Đã trả kết quả', () => {
  it('lists returned dossiers by return day (Vietnam dates, both ends included), newest first', async () => {
    const [early, late, nextDay] = [await returned(w), await returned(w), await returned(w)];
    const setClosed = (code: string, at: string) => h.database.rows(sql`update dossier set closed_at = ${at}::timestamptz where code = ${code}`);
    await setClosed(early, '2026-03-10T02:00:00Z'); // 09:00 on 10/03 in Việt Nam
    await setClosed(late, '2026-03-15T16:30:00Z'); // 23:30 on 15/03
    await setClosed(nextDay, '2026-03-15T17:30:00Z'); // 00:30 on 16/03
    expect(await codes(w.counter, { queue: 'returned', from: '2026-03-10', to: '2026-03-15' })).toEqual([late, early]);
    expect(await codes(w.counter, { queue: 'returned', from: '2026-03-16', to: '2026-03-16' })).toEqual([nextDay]);
    expect(await codes(w.leader, { queue: 'returned', from: '2026-03-01', to: '2026-03-31' })).toEqual([nextDay, late, early]);
    // Another agency's staff do not see them; the unit queue no longer holds them.
    expect(await codes(other.counter, { queue: 'returned', from: '2026-03-01', to: '2026-03-31' })).toEqual([]);
    expect(await codes(w.counter, { queue: 'unit', limit: 200 })).not.toContain(early);

    const backwards = await w.counter.request({ method: 'GET', url: '/api/v1/dossiers?queue=returned&from=2026-03-15&to=2026-03-10' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].field).toBe('to');
  });
});

describe('staff search', () => {
  it('finds by the name without diacritics, by ID number and by code, only in the caller’s agencies', async () => {
    const tag = uid(4);
    const idNumber = `0${String(Date.now()).slice(-11)}`;
    const applicant = { fullName: `Trần Đức Hưởng ${tag}`, idNumber };
    const ours = await receiveFor(w, applicant);
    const theirs = await receiveFor(other, applicant);

    expect(await codes(w.counter, { queue: 'all', q: `tran duc huong ${tag.toLowerCase()}` })).toEqual([ours]);
    expect(await codes(w.leader, { queue: 'all', q: `TRAN DUC HƯỞNG ${tag}` })).toEqual([ours]);
    expect(await codes(w.officer, { queue: 'all', q: idNumber })).toEqual([ours]);
    expect(await codes(other.counter, { queue: 'all', q: idNumber })).toEqual([theirs]);
    expect(await codes(w.counter, { queue: 'all', q: ours.toLowerCase() })).toEqual([ours]);
    expect(await codes(w.outsider, { queue: 'all', q: idNumber })).toEqual([]);
    // A closed dossier is found too (the search is not a work queue).
    expect((await act(w.counter, ours, 'withdraw', { reason: 'Người nộp rút hồ sơ' })).statusCode).toBe(200);
    expect(await codes(w.counter, { queue: 'all', q: idNumber })).toEqual([ours]);
  });
});

describe('pagination', () => {
  it('pages past 200 dossiers with the cursor, each dossier once', async () => {
    const world = await makeWorld(h);
    const base = await receive(h, world);
    // 205 more dossiers of the same desk, written in one statement from the first one.
    await h.database.rows(sql`
      insert into dossier (code, province_code, procedure_id, procedure_version, receiving_agency_id, competent_agency_id, current_agency_id,
        channel, status, applicant, phone_tail, received_by, submitted_at, received_at, due_at, current_step, step_started_at)
      select regexp_replace(d.code, '-[0-9]+$', '') || '-' || (10000 + g)::text, d.province_code, d.procedure_id, d.procedure_version,
        d.receiving_agency_id, d.competent_agency_id, d.current_agency_id, d.channel, d.status, d.applicant, d.phone_tail, d.received_by,
        d.submitted_at, d.received_at, d.due_at + (g % 7) * interval '1 hour', d.current_step, d.step_started_at
      from dossier d, generate_series(1, 205) g where d.code = ${base}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(world.counter, { queue: 'unit', limit: 200, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((d) => d.code));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 5);
    expect(pages).toBe(2);
    expect(seen).toHaveLength(206);
    expect(new Set(seen).size).toBe(206);
    expect(seen).toContain(base);
  });
});

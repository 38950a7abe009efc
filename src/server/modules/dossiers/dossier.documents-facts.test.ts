/**
 * Documents with wrong facts (issue 12 §8), on both databases: the apology slip (Mẫu 04) is signed
 * by the head of the competent agency, the tracking book (Mẫu 06) names the last day of its period,
 * and one opening of a dossier is one access-log entry.
 */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, makeUser, startHarness } from '../../test/harness.js';
import { pdfText } from '../../test/pdf-tools.js';
import { act, makeWorld, receive, type World } from './dossiers.test-support.js';

let h: Harness;
let w: World;
beforeAll(async () => {
  h = await startHarness();
  w = await makeWorld(h);
}, 180_000);
afterAll(() => h.close());

const displayName = async (id: string) =>
  ((await h.database.db.execute(sql`select display_name from user_account where id = ${id}`)) as unknown as { rows: { display_name: string }[] }).rows[0]
    .display_name;
const agencyName = async (id: string) =>
  ((await h.database.db.execute(sql`select name from agency where id = ${id}`)) as unknown as { rows: { name: string }[] }).rows[0].name;

async function apologized(): Promise<string> {
  const code = await receive(h, w);
  expect((await act(w.leader, code, 'assign', { assignee: w.officerId })).statusCode).toBe(200);
  const due = new Date((await w.leader.request({ method: 'GET', url: `/api/v1/dossiers/${code}` })).json().dueAt);
  const res = await act(w.officer, code, 'apologize', { reason: 'Chờ kết quả xác minh', newDueAt: new Date(due.getTime() + 3 * 86_400_000).toISOString() });
  expect(res.statusCode, res.body).toBe(200);
  return code;
}
const apologyText = async (code: string) =>
  (await pdfText((await w.leader.request({ method: 'GET', url: `/api/v1/dossiers/${code}/apology.pdf` })).rawPayload)).replace(/\s+/g, ' ');

describe('the apology slip (Mẫu 04)', () => {
  it('is signed by the head of the competent agency, not by the officer who wrote it', async () => {
    const code = await apologized();
    const text = await apologyText(code);
    expect(text).toContain(`THỦ TRƯỞNG CƠ QUAN ${await agencyName(w.competent.id)}`);
    expect(text).toContain(await displayName(w.leaderId));
    expect(text).not.toContain(await displayName(w.officerId));
  });

  it('leaves the head’s line to sign by hand when the agency has no single leader', async () => {
    const code = await apologized();
    const second = await makeUser(h, 'leader', w.competent.id);
    const text = await apologyText(code);
    expect(text).toContain(`THỦ TRƯỞNG CƠ QUAN ${await agencyName(w.competent.id)}`);
    for (const id of [w.leaderId, second.id, w.officerId]) expect(text).not.toContain(await displayName(id));
    await h.database.db.execute(sql`delete from role_assignment where user_id = ${second.id}`);
  });
});

describe('the tracking book (Mẫu 06)', () => {
  it('names the last day of the period asked for (to is inclusive)', async () => {
    const res = await w.counter.request({ method: 'GET', url: '/api/v1/dossiers/tracking-book.xlsx?from=2026-12-01&to=2026-12-03' });
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0].getCell('A3').value).toBe('Từ ngày 01/12/2026 đến ngày 03/12/2026');
  });
});

describe('the access log', () => {
  const views = async (code: string) =>
    (
      (await w.leader.request({ method: 'GET', url: `/api/v1/dossiers/${code}/access-log` })).json() as { items: { who: string; purpose: string }[] }
    ).items.filter((i) => i.purpose === 'Xem hồ sơ');

  it('records one entry per opening of the dossier, however many reads the page makes', async () => {
    const code = await receive(h, w);
    const open = (visit: string) => w.leader.request({ method: 'GET', url: `/api/v1/dossiers/${code}?visit=${visit}` });
    // the detail page loads, then reloads after an action: one visit
    expect((await open('visit-0001-aaaa')).statusCode).toBe(200);
    expect((await open('visit-0001-aaaa')).statusCode).toBe(200);
    expect((await act(w.leader, code, 'assign', { assignee: w.officerId })).statusCode).toBe(200);
    expect((await open('visit-0001-aaaa')).statusCode).toBe(200);
    expect(await views(code)).toHaveLength(1);
    // opening it again is a new entry; another person's opening with the same id is theirs
    expect((await open('visit-0002-bbbb')).statusCode).toBe(200);
    expect((await w.officer.request({ method: 'GET', url: `/api/v1/dossiers/${code}?visit=visit-0002-bbbb` })).statusCode).toBe(200);
    expect(await views(code)).toHaveLength(3);
    // a read without a visit (an API client) is logged each time
    await w.leader.request({ method: 'GET', url: `/api/v1/dossiers/${code}` });
    await w.leader.request({ method: 'GET', url: `/api/v1/dossiers/${code}` });
    expect(await views(code)).toHaveLength(5);
    expect((await w.leader.request({ method: 'GET', url: `/api/v1/dossiers/${code}?visit=a%20b` })).statusCode).toBe(400);
  });
});

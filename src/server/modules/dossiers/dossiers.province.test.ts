/**
 * A grant stops at its province: a province's local day off reaches the next intake in that
 * province (its calendar stamp changes) and no other province's dossiers; a province's
 * administrator sees its own province's outbox only.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, login, makeAgencyTree, makeNationalAgency, makeUser, startHarness, uid } from '../../test/harness.js';
import { makeWorld, receive, type World } from './dossiers.test-support.js';

let h: Harness;
let w: World;
let elsewhere: World;
beforeAll(async () => {
  h = await startHarness();
  w = await makeWorld(h, '86');
  elsewhere = await makeWorld(h, '82');
});
afterAll(() => h.close());

const dueOf = async (code: string) => {
  const [row] = await h.database.rows<{ due: string; v: string }>(
    sql`select extract(epoch from due_at)::text as due, due_calendar_version as v from dossier where code = ${code}`,
  );
  return { due: Number(row.due), v: row.v };
};
const HOURS = 3600;

describe("a province's local day off and intake", () => {
  it('the next intake in the province counts it; an intake in another province does not', async () => {
    const before = await dueOf(await receive(h, w)); // the province's calendar is now cached
    const beforeElsewhere = await dueOf(await receive(h, elsewhere));
    // the next working day in the province: inside the 10 working days of the procedure
    const next = (
      await h.app.inject({
        method: 'GET',
        url: `/api/v1/calendar/deadline?from=${encodeURIComponent(new Date().toISOString())}&amount=1&unit=working_days&province=86`,
      })
    ).json();
    const date = (next.due as string).slice(0, 10);
    const admin = await login(
      h,
      (await makeUser(h, 'admin', (await h.database.rows<{ id: string }>(sql`select parent_id as id from agency where id = ${w.desk.id}`))[0].id)).username,
    );
    const added = await admin.request({
      method: 'POST',
      url: '/api/v1/calendar/provinces/86/days-off',
      payload: { date, name: 'Nghỉ lễ hội địa phương', source: 'Thử nghiệm' },
    });
    expect(added.statusCode, added.body).toBe(201);
    try {
      const after = await dueOf(await receive(h, w));
      expect(after.v).not.toBe(before.v);
      expect(after.v).toContain('.p86');
      expect(after.due - before.due).toBeGreaterThan(12 * HOURS); // one working day later, not just the seconds between the intakes
      const afterElsewhere = await dueOf(await receive(h, elsewhere));
      expect(afterElsewhere.due - beforeElsewhere.due).toBeLessThan(HOURS);
    } finally {
      await admin.request({ method: 'DELETE', url: `/api/v1/calendar/provinces/86/days-off/${added.json().id}` });
    }
  });
});

describe('the outbox viewer', () => {
  it("shows a province's administrator its own province's messages only; a national administrator all", async () => {
    const tag = uid();
    await h.database.rows(sql`insert into notification_outbox (province_code, channel, recipient, subject, body, status)
      values ('01', 'email', 'a@example.vn', ${`Thư tỉnh A ${tag}`}, 'x', 'pending_dev'), ('04', 'email', 'b@example.vn', ${`Thư tỉnh B ${tag}`}, 'x', 'pending_dev')`);
    const subjects = async (client: Awaited<ReturnType<typeof login>>) => {
      const res = await client.request({ method: 'GET', url: '/api/v1/dev/outbox' });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().items as { subject: string }[]).map((m) => m.subject).filter((s) => s.endsWith(tag));
    };
    const a = await makeAgencyTree(h, '01');
    expect(await subjects(await login(h, (await makeUser(h, 'admin', a.root.id)).username))).toEqual([`Thư tỉnh A ${tag}`]);
    const national = await login(h, (await makeUser(h, 'admin', (await makeNationalAgency(h)).id)).username);
    expect((await subjects(national)).sort()).toEqual([`Thư tỉnh A ${tag}`, `Thư tỉnh B ${tag}`]);
    const childAdmin = await login(h, (await makeUser(h, 'admin', a.child.id)).username);
    expect((await childAdmin.request({ method: 'GET', url: '/api/v1/dev/outbox' })).statusCode).toBe(403);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, login, makeAgencyTree, makeUser, startHarness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(() => h.close());

describe('agency picker (GET /api/v1/agencies)', () => {
  it('offers the agencies of the roles asked for, searched without diacritics; nobody else’s', async () => {
    const a = await makeAgencyTree(h);
    const b = await makeAgencyTree(h);
    const hr = await makeUser(h, 'home_affairs', a.root.id);
    await h.database.rows(sql`insert into role_assignment (user_id, role, agency_id) values (${hr.id}::uuid, 'inspector', ${a.child.id}::uuid)`);
    const c = await login(h, hr.username);
    const tag = a.child.code.slice(1).split('.')[0];
    const all = await c.request({ method: 'GET', url: `/api/v1/agencies?q=thu nghiem ${tag}` });
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json().items.map((x: { code: string }) => x.code)).toEqual([a.root.code, a.child.code]);
    expect(all.json().items[1]).toMatchObject({ name: `Sở thử nghiệm ${tag}`, provinceCode: '08' });
    // As inspector he reaches the child only; another tree never.
    const asInspector = await c.request({ method: 'GET', url: `/api/v1/agencies?roles=inspector&q=${tag}` });
    expect(asInspector.json().items.map((x: { code: string }) => x.code)).toEqual([a.child.code]);
    const theirs = await c.request({ method: 'GET', url: `/api/v1/agencies?q=${b.child.code.slice(1).split('.')[0]}` });
    expect(theirs.json().items).toEqual([]);
    // A role he does not hold adds nothing; a citizen picks no agency.
    expect((await c.request({ method: 'GET', url: `/api/v1/agencies?roles=admin` })).json().items).toEqual([]);
    expect((await (await login(h, (await makeUser(h, 'citizen', a.root.id)).username)).request({ method: 'GET', url: '/api/v1/agencies' })).statusCode).toBe(
      403,
    );
  });
});

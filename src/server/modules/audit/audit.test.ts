import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { type Harness, login, makeAgencyTree, makeNationalAgency, makeUser, startHarness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('audit reads are scoped', () => {
  it("an agency auditor reads its agency's chain only; the system stream and full verification are province-wide", async () => {
    const mine = await makeAgencyTree(h);
    const other = await makeAgencyTree(h);
    const provinceAdmin = await login(h, (await makeUser(h, 'admin', mine.root.id)).username);
    await provinceAdmin.request({ method: 'POST', url: `/api/v1/admin/agencies/${mine.child.code}/units`, payload: { name: 'Phòng A', kind: 'phong' } });
    const otherAdmin = await login(h, (await makeUser(h, 'admin', other.root.id)).username);
    await otherAdmin.request({ method: 'POST', url: `/api/v1/admin/agencies/${other.child.code}/units`, payload: { name: 'Phòng B', kind: 'phong' } });

    const auditor = await login(h, (await makeUser(h, 'auditor', mine.child.id)).username);
    const events = (await auditor.request({ method: 'GET', url: '/api/v1/audit/events?limit=500' })).json().items as { stream: string }[];
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events.map((e) => e.stream))).toEqual(new Set([`agency:${mine.child.code}`]));
    expect((await auditor.request({ method: 'GET', url: '/api/v1/audit/events?stream=system' })).json().items).toEqual([]);
    expect((await auditor.request({ method: 'GET', url: `/api/v1/audit/events?stream=agency:${other.child.code}` })).json().items).toEqual([]);
    expect((await auditor.request({ method: 'GET', url: '/api/v1/audit/verify' })).statusCode).toBe(403);

    const provinceAuditor = await login(h, (await makeUser(h, 'auditor', mine.root.id)).username);
    expect((await provinceAuditor.request({ method: 'GET', url: '/api/v1/audit/verify' })).statusCode).toBe(200);
  });
});

describe('a grant stops at its province', () => {
  it("a province auditor lists and verifies its province's streams only: never another province's nor `system`; a national auditor reaches all", async () => {
    const a = await makeAgencyTree(h, '01');
    const b = await makeAgencyTree(h, '04');
    for (const tree of [a, b]) {
      const admin = await login(h, (await makeUser(h, 'admin', tree.root.id)).username); // signing in writes `system`
      expect(
        (await admin.request({ method: 'POST', url: `/api/v1/admin/agencies/${tree.child.code}/units`, payload: { name: 'Phòng thử', kind: 'phong' } }))
          .statusCode,
      ).toBe(201);
    }
    const auditorA = await login(h, (await makeUser(h, 'auditor', a.root.id)).username);
    const adminA = await login(h, (await makeUser(h, 'admin', a.root.id)).username);
    for (const client of [auditorA, adminA]) {
      const streams = new Set(
        ((await client.request({ method: 'GET', url: '/api/v1/audit/events?limit=500' })).json().items as { stream: string }[]).map((e) => e.stream),
      );
      expect(streams.has(`agency:${a.child.code}`)).toBe(true);
      expect([...streams].every((s) => s.startsWith('agency:'))).toBe(true);
      expect(streams.has(`agency:${b.child.code}`)).toBe(false);
      expect((await client.request({ method: 'GET', url: '/api/v1/audit/events?stream=system' })).json().items).toEqual([]);
      expect((await client.request({ method: 'GET', url: `/api/v1/audit/events?stream=agency:${b.child.code}` })).json().items).toEqual([]);

      const mine = await client.request({ method: 'GET', url: '/api/v1/audit/verify' });
      expect(mine.statusCode).toBe(200);
      const own = await h.database.rows<{ n: string }>(
        sql`select count(*) as n from audit_stream_head where stream in (${`agency:${a.root.code}`}, ${`agency:${a.child.code}`})`,
      );
      expect(mine.json().streams).toBe(Number(own[0].n));
      expect((await client.request({ method: 'GET', url: `/api/v1/audit/verify?stream=agency:${a.child.code}` })).json()).toMatchObject({
        ok: true,
        streams: 1,
      });
      expect((await client.request({ method: 'GET', url: `/api/v1/audit/verify?stream=agency:${b.child.code}` })).statusCode).toBe(404);
      expect((await client.request({ method: 'GET', url: '/api/v1/audit/verify?stream=system' })).statusCode).toBe(404);
    }

    const nationalAuditor = await login(h, (await makeUser(h, 'auditor', (await makeNationalAgency(h)).id)).username);
    expect((await nationalAuditor.request({ method: 'GET', url: `/api/v1/audit/events?stream=agency:${b.child.code}` })).json().items.length).toBeGreaterThan(
      0,
    );
    expect((await nationalAuditor.request({ method: 'GET', url: '/api/v1/audit/events?stream=system' })).json().items.length).toBeGreaterThan(0);
    expect((await nationalAuditor.request({ method: 'GET', url: '/api/v1/audit/verify?stream=system' })).json()).toMatchObject({ streams: 1 });
  });
});

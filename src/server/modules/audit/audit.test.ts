import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, login, makeAgencyTree, makeUser, startHarness } from '../../test/harness.js';

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

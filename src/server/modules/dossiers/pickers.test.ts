import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, makeUser, startHarness } from '../../test/harness.js';
import { act, intakeBody, makeWorld, receive, type World } from './dossiers.test-support.js';

let h: Harness;
let w: World;
let other: World;
beforeAll(async () => {
  h = await startHarness();
  w = await makeWorld(h);
  other = await makeWorld(h);
}, 60_000);
afterAll(() => h.close());

describe('intake procedures (procedure picker)', () => {
  it("ranks the desk's most used procedures first, searched without diacritics, in the desk's province", async () => {
    await receive(h, w, w.feeProcedureCode);
    await receive(h, w, w.feeProcedureCode);
    await receive(h, w, w.procedureCode);
    // Another desk's use does not count for ours.
    for (let i = 0; i < 3; i++) await receive(h, other, other.procedureCode);
    const res = await w.counter.request({ method: 'GET', url: '/api/v1/dossiers/intake-procedures?q=phieu ly lich tu phap thu nghiem&limit=50' });
    expect(res.statusCode, res.body).toBe(200);
    const { items, windowDays } = res.json() as { items: { code: string; name: string; uses: number }[]; windowDays: number };
    expect(windowDays).toBe(90);
    expect(items.slice(0, 2)).toEqual([
      expect.objectContaining({ code: w.feeProcedureCode, name: 'Cấp Phiếu lý lịch tư pháp thử nghiệm', uses: 2 }),
      expect.objectContaining({ code: w.procedureCode, uses: 1 }),
    ]);
    expect(items.find((p) => p.code === other.procedureCode)?.uses ?? 0).toBe(0);
    // Unused ones follow by name; a name that does not match is left out.
    expect(items.every((p) => p.name.includes('lý lịch tư pháp'))).toBe(true);
  });

  it("a citizen's ranking is his own submissions; a desk outside one's reach is 404; other staff 403", async () => {
    const sent = await w.citizen.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: intakeBody(w, { channel: 'online', procedureCode: w.feeProcedureCode, extra: { receivingAgencyCode: w.desk.code } }),
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const mine = (await w.citizen.request({ method: 'GET', url: '/api/v1/dossiers/intake-procedures?q=ly lich tu phap' })).json();
    expect(mine.items[0]).toMatchObject({ code: w.feeProcedureCode, uses: 1 });

    const foreignDesk = await w.counter.request({ method: 'GET', url: `/api/v1/dossiers/intake-procedures?desk=${other.desk.code}` });
    expect(foreignDesk.statusCode).toBe(404);
    expect((await w.officer.request({ method: 'GET', url: '/api/v1/dossiers/intake-procedures' })).statusCode).toBe(403);
  });
});

describe("a dossier's assignees (assignee picker)", () => {
  it('lists the processing officers and leaders of the competent agency with their names, only to staff who may read the dossier', async () => {
    const code = await receive(h, w);
    const extra = await makeUser(h, 'processing_officer', w.competent.id);
    const res = await w.leader.request({ method: 'GET', url: `/api/v1/dossiers/${code}/assignees` });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { id: string; name: string; role: string; agencyCode: string }[];
    expect(items.map((u) => u.id).sort()).toEqual([w.officerId, w.leaderId, extra.id].sort());
    expect(items.find((u) => u.id === extra.id)).toMatchObject({
      role: 'processing_officer',
      name: expect.stringContaining(extra.username),
      agencyCode: w.competent.code,
    });

    // Another agency's officer: 404; the applicant is not staff: 403.
    expect((await w.outsider.request({ method: 'GET', url: `/api/v1/dossiers/${code}/assignees` })).statusCode).toBe(404);
    const online = await w.citizen.request({
      method: 'POST',
      url: '/api/v1/dossiers',
      payload: intakeBody(w, { channel: 'online', extra: { receivingAgencyCode: w.desk.code } }),
    });
    expect((await w.citizen.request({ method: 'GET', url: `/api/v1/dossiers/${online.json().code}/assignees` })).statusCode).toBe(403);

    // The one picked is accepted by the assign action.
    const assigned = await act(w.leader, code, 'assign', { assignee: extra.id });
    expect(assigned.statusCode, assigned.body).toBe(200);
  });
});

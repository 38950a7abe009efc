import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessLog, auditEvent, official, userAccount } from '../../db/schema/index.js';
import { type Client, type Harness, login, makeAgencyTree, makeUser, startHarness, type TestAgency, uid } from '../../test/harness.js';
import { vietnameseSortKey } from './workforce.rules.js';

let h: Harness;
let tree: { root: TestAgency; child: TestAgency };
let hr: Client;
let leader: Client;
let hrUserId: string;

const person = (code: string, familyName: string, middleName: string, givenName: string, extra: Record<string, unknown> = {}) => ({
  code,
  familyName,
  middleName,
  givenName,
  dateOfBirth: '1985-06-15',
  gender: 'nam',
  category: 'cong_chuc',
  agencyCode: tree.child.code,
  idNumber: '002085123456',
  phone: '0912345678',
  politicalTheory: 'trung_cap',
  ...extra,
});

beforeAll(async () => {
  h = await startHarness();
  tree = await makeAgencyTree(h);
  const u = await makeUser(h, 'home_affairs', tree.root.id);
  hrUserId = u.id;
  hr = await login(h, u.username);
  leader = await login(h, (await makeUser(h, 'leader', tree.child.id)).username);
});
afterAll(() => h.close());

describe('the register of officials', () => {
  it('sorts the Vietnamese way: given name, then middle, then family; Đ after D', async () => {
    const t = uid(3);
    const people = [
      person(`${t}1`, 'Đỗ', 'Văn', 'Đức'),
      person(`${t}2`, 'Lê', 'Thị', 'Dũng'),
      person(`${t}3`, 'Trần', 'Văn', 'Bình'),
      person(`${t}4`, 'Phạm', 'Thị', 'Ánh'),
      person(`${t}5`, 'Nguyễn', 'Văn', 'An'),
      person(`${t}6`, 'Bùi', 'Văn', 'An'),
      person(`${t}7`, 'Vũ', 'Thị', 'An'),
      person(`${t}8`, 'Hoàng', 'Văn', 'An'),
    ];
    for (const p of people) expect((await hr.request({ method: 'POST', url: '/api/v1/workforce/officials', payload: p })).statusCode).toBe(201);
    const list = (await hr.request({ method: 'GET', url: `/api/v1/workforce/officials?agency=${tree.child.code}&q=${t}&limit=3` })).json();
    const next = (
      await hr.request({ method: 'GET', url: `/api/v1/workforce/officials?agency=${tree.child.code}&q=${t}&limit=50&cursor=${list.nextCursor}` })
    ).json();
    expect([...list.items, ...next.items].map((o: { fullName: string }) => o.fullName)).toEqual([
      'Vũ Thị An',
      'Bùi Văn An',
      'Hoàng Văn An',
      'Nguyễn Văn An',
      'Phạm Thị Ánh',
      'Trần Văn Bình',
      'Lê Thị Dũng',
      'Đỗ Văn Đức',
    ]);
    const collator = new Intl.Collator('vi');
    const names = ['Đức', 'Dũng', 'Bình', 'Ánh', 'An', 'Anh', 'Ăn', 'Ân', 'Ơn', 'Ôn', 'On', 'Ưng', 'Uy'];
    const byKey = [...names].sort((a, b) =>
      vietnameseSortKey({ givenName: a, middleName: '', familyName: '' }) < vietnameseSortKey({ givenName: b, middleName: '', familyName: '' }) ? -1 : 1,
    );
    expect(byKey).toEqual([...names].sort(collator.compare));
  });

  it('searches accent-insensitively by name and by code', async () => {
    const t = uid(3);
    await hr.request({ method: 'POST', url: '/api/v1/workforce/officials', payload: person(`Q${t}`, 'Đặng', 'Thị', 'Hương') });
    const byName = (await hr.request({ method: 'GET', url: `/api/v1/workforce/officials?agency=${tree.root.code}&q=dang%20thi%20huong` })).json();
    expect(byName.items.map((o: { code: string }) => o.code)).toContain(`Q${t}`);
    const byCode = (await hr.request({ method: 'GET', url: `/api/v1/workforce/officials?q=q${t.toLowerCase()}` })).json();
    expect(byCode.items).toHaveLength(1);
  });

  it('masks identifiers for a leader; HR sees them and the read is access-logged', async () => {
    const t = uid(3);
    const created = (
      await hr.request({ method: 'POST', url: '/api/v1/workforce/officials', payload: person(`M${t}`, 'Sùng', 'Mí', 'Páo', { ethnicity: 'Mông' }) })
    ).json();
    const seen = (await hr.request({ method: 'GET', url: `/api/v1/workforce/officials/${created.id}` })).json();
    expect(seen).toMatchObject({ identifiersMasked: false, idNumber: '002085123456', phone: '0912345678', dateOfBirth: '1985-06-15', ethnicity: 'Mông' });
    const logged = await h.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.entityId, created.id), eq(accessLog.actorId, hrUserId)));
    expect(logged.length).toBeGreaterThanOrEqual(1);
    const masked = (await leader.request({ method: 'GET', url: `/api/v1/workforce/officials/${created.id}` })).json();
    expect(masked).toMatchObject({ identifiersMasked: true, idNumber: '*********456', phone: '*******678', dateOfBirth: null, birthYear: 1985 });
    expect((await leader.request({ method: 'PATCH', url: `/api/v1/workforce/officials/${created.id}`, payload: { version: 1, rank: 'x' } })).statusCode).toBe(
      403,
    );
  });

  it("another agency's official answers 404 (read, update); others get 403", async () => {
    const theirs = await makeAgencyTree(h);
    const theirHr = await login(h, (await makeUser(h, 'home_affairs', theirs.root.id)).username);
    const t = uid(3);
    const created = (await hr.request({ method: 'POST', url: '/api/v1/workforce/officials', payload: person(`X${t}`, 'Hà', 'Văn', 'Lâm') })).json();
    expect((await theirHr.request({ method: 'GET', url: `/api/v1/workforce/officials/${created.id}` })).statusCode).toBe(404);
    expect((await theirHr.request({ method: 'PATCH', url: `/api/v1/workforce/officials/${created.id}`, payload: { version: 1, rank: 'x' } })).statusCode).toBe(
      404,
    );
    expect(
      (await hr.request({ method: 'PATCH', url: `/api/v1/workforce/officials/${created.id}`, payload: { version: 1, agencyCode: theirs.child.code } }))
        .statusCode,
    ).toBe(404);
    const inspector = await login(h, (await makeUser(h, 'inspector', tree.root.id)).username);
    expect((await inspector.request({ method: 'GET', url: `/api/v1/workforce/officials/${created.id}` })).statusCode).toBe(403);
  });

  it('moves keep the history; a stale version answers 409; retirement closes the assignment; changes are audited', async () => {
    const t = uid(3);
    const created = (
      await hr.request({ method: 'POST', url: '/api/v1/workforce/officials', payload: person(`V${t}`, 'Ma', 'Thị', 'Hoa', { joinedAt: '2010-09-01' }) })
    ).json();
    expect(created.assignments).toMatchObject([{ agencyCode: tree.child.code, validFrom: '2010-09-01', validTo: null }]);
    const moved = (
      await hr.request({ method: 'PATCH', url: `/api/v1/workforce/officials/${created.id}`, payload: { version: created.version, agencyCode: tree.root.code } })
    ).json();
    expect(moved.assignments).toHaveLength(2);
    expect(moved.assignments[0].validTo).not.toBeNull();
    expect(moved.assignments[1]).toMatchObject({ agencyCode: tree.root.code, validTo: null });
    expect(
      (await hr.request({ method: 'PATCH', url: `/api/v1/workforce/officials/${created.id}`, payload: { version: created.version, rank: 'x' } })).statusCode,
    ).toBe(409);
    const retired = (
      await hr.request({
        method: 'PATCH',
        url: `/api/v1/workforce/officials/${created.id}`,
        payload: { version: moved.version, status: 'retired', leftAt: '2030-01-01' },
      })
    ).json();
    expect(retired.assignments[1].validTo).toBe('2030-01-01');
    const audit = await h.database.db.select().from(auditEvent).where(eq(auditEvent.entityId, created.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['official.create', 'official.move', 'official.update']));
    expect(audit.every((a) => a.stream.startsWith('agency:'))).toBe(true);
  });
});

describe('job positions and streamlining', () => {
  it('quota, filled and vacant per position', async () => {
    const pos = (
      await hr.request({
        method: 'POST',
        url: '/api/v1/workforce/positions',
        payload: { agencyCode: tree.child.code, name: `Chuyên viên ${uid(2)}`, quota: 3 },
      })
    ).json();
    await hr.request({ method: 'POST', url: '/api/v1/workforce/officials', payload: person(`P${uid(3)}`, 'Lý', 'Văn', 'Chiến', { positionId: pos.id }) });
    const list = (await leader.request({ method: 'GET', url: `/api/v1/workforce/positions?agency=${tree.child.code}` })).json();
    expect(list.items.find((p: { id: string }) => p.id === pos.id)).toMatchObject({ quota: 3, filled: 1, vacant: 2, over: 0 });
    const upd = (await hr.request({ method: 'PATCH', url: `/api/v1/workforce/positions/${pos.id}`, payload: { version: pos.version, quota: 0 } })).json();
    expect(upd).toMatchObject({ quota: 0, vacant: 0, over: 1 });
  });

  it('Home Affairs flags a candidate (Decree 154 group) and another officer records an audited review (the flagger may not: SELF_REVIEW)', async () => {
    const reviewer = await login(h, (await makeUser(h, 'home_affairs', tree.root.id)).username);
    const o = (await hr.request({ method: 'POST', url: '/api/v1/workforce/officials', payload: person(`T${uid(3)}`, 'Triệu', 'Văn', 'Định') })).json();
    const bad = await hr.request({ method: 'POST', url: '/api/v1/workforce/streamlining', payload: { officialId: o.id, groupCode: 'G9', reason: 'x' } });
    expect(bad.statusCode).toBe(400);
    const c = (
      await hr.request({ method: 'POST', url: '/api/v1/workforce/streamlining', payload: { officialId: o.id, groupCode: 'G1', reason: 'Dôi dư sau sắp xếp' } })
    ).json();
    expect(c).toMatchObject({ status: 'pending', groupCode: 'G1' });
    const own = await hr.request({
      method: 'POST',
      url: `/api/v1/workforce/streamlining/${c.id}/review`,
      payload: { version: c.version, decision: 'rejected', note: 'Tự xem xét' },
    });
    expect([own.statusCode, own.json().code, own.json().reason]).toEqual([403, 'SELF_REVIEW', 'filer']);
    const noCase = await reviewer.request({
      method: 'POST',
      url: `/api/v1/workforce/streamlining/${c.id}/review`,
      payload: { version: c.version, decision: 'deferred', note: 'Nuôi con nhỏ' },
    });
    expect(noCase.statusCode).toBe(400);
    const r = (
      await reviewer.request({
        method: 'POST',
        url: `/api/v1/workforce/streamlining/${c.id}/review`,
        payload: { version: c.version, decision: 'deferred', note: 'Nuôi con dưới 36 tháng', deferralCode: 'D1' },
      })
    ).json();
    expect(r).toMatchObject({ status: 'deferred', deferralCode: 'D1' });
    const list = (await hr.request({ method: 'GET', url: `/api/v1/workforce/streamlining?agency=${tree.root.code}` })).json();
    expect(list.rules.legalReference).toContain('154/2025');
    expect(list.items.map((x: { id: string }) => x.id)).toContain(c.id);
    expect((await leader.request({ method: 'GET', url: '/api/v1/workforce/streamlining' })).statusCode).toBe(403);
    const audit = await h.database.db.select().from(auditEvent).where(eq(auditEvent.entityId, c.id));
    expect(audit.map((a) => a.action)).toEqual(['streamlining.flag', 'streamlining.review']);
  });
});

describe('the user account of an official', () => {
  const link = (c: Client, id: string, username: string | null, version: number) =>
    c.request({ method: 'POST', url: `/api/v1/workforce/officials/${id}/account`, payload: { username, version } });
  const create = async () =>
    (await hr.request({ method: 'POST', url: '/api/v1/workforce/officials', payload: person(`A${uid(3)}`, 'Đặng', 'Thị', 'Hoa') })).json() as {
      id: string;
      version: number;
    };

  it('Home Affairs links an account to one active record, audited; nobody changes the link of his own record', async () => {
    const o = await create();
    const u = await makeUser(h, 'processing_officer', tree.child.id);
    const linked = await link(hr, o.id, u.username, o.version);
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().account).toMatchObject({ username: u.username });
    const [row] = await h.database.db.select({ userId: official.userId }).from(official).where(eq(official.id, o.id));
    expect(row.userId).toBe(u.id);
    // one active record per account: through the API (409) and in the database (unique index)
    const second = await create();
    const twice = await link(hr, second.id, u.username, second.version);
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'ALREADY_EXISTS']);
    await expect(h.database.db.update(official).set({ userId: u.id }).where(eq(official.id, second.id))).rejects.toThrow();
    expect((await link(hr, second.id, 'khong-co-ai', second.version)).statusCode).toBe(400);
    const citizen = await makeUser(h, 'citizen', null);
    expect((await link(hr, second.id, citizen.username, second.version)).statusCode).toBe(400);
    // Home Affairs neither links his own account nor unlinks the record it is linked to
    const hrUsername = (await h.database.db.select({ username: userAccount.username }).from(userAccount).where(eq(userAccount.id, hrUserId)))[0].username;
    const own = await link(hr, second.id, hrUsername, second.version);
    expect([own.statusCode, own.json().code]).toEqual([403, 'SELF_REVIEW']);
    const other = await login(h, (await makeUser(h, 'home_affairs', tree.root.id)).username);
    const mine = await link(other, second.id, hrUsername, second.version);
    expect(mine.statusCode, mine.body).toBe(200);
    const unlink = await link(hr, second.id, null, mine.json().version);
    expect([unlink.statusCode, unlink.json().code, unlink.json().reason]).toEqual([403, 'SELF_REVIEW', 'official_concerned']);
    const unlinked = await link(other, o.id, null, linked.json().version);
    expect(unlinked.json().account).toBeNull();
    const audit = await h.database.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.entityId, o.id), eq(auditEvent.action, 'official.account')));
    expect(audit).toHaveLength(2);
    expect(
      (await leader.request({ method: 'POST', url: `/api/v1/workforce/officials/${o.id}/account`, payload: { username: null, version: 1 } })).statusCode,
    ).toBe(403);
  });
});

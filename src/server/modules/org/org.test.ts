import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, login, makeAgencyTree, makeNationalAgency, makeUser, startHarness, type TestAgency, uid } from '../../test/harness.js';

let h: Harness;
let tree: { root: TestAgency; child: TestAgency };
let admin: Client;
beforeAll(async () => {
  h = await startHarness();
  tree = await makeAgencyTree(h);
  admin = await login(h, (await makeUser(h, 'admin', tree.root.id)).username);
});
afterAll(() => h.close());

describe('administrative units', () => {
  it('lists the 34 provinces and finds one accent-insensitively', async () => {
    const all = (await admin.request({ method: 'GET', url: '/api/v1/admin/administrative-units?level=province&limit=200' })).json();
    expect(all.items.filter((u: { code: string }) => /^\d{2}$/.test(u.code))).toHaveLength(34);
    const found = (await admin.request({ method: 'GET', url: '/api/v1/admin/administrative-units?q=dak%20lak' })).json();
    expect(found.items.map((u: { name: string }) => u.name)).toContain('Tỉnh Đắk Lắk');
  });

  it('paginates with a cursor, without overlap', async () => {
    const first = (await admin.request({ method: 'GET', url: '/api/v1/admin/administrative-units?level=province&limit=10' })).json();
    expect(first.items).toHaveLength(10);
    const second = (
      await admin.request({ method: 'GET', url: `/api/v1/admin/administrative-units?level=province&limit=10&cursor=${first.nextCursor}` })
    ).json();
    expect(second.items[0].code > first.items[9].code).toBe(true);
    const bad = await admin.request({ method: 'GET', url: '/api/v1/admin/administrative-units?cursor=%%%' });
    expect(bad.statusCode).toBe(400);
  });

  it('creates a commune with a predecessor link; the code length must match the level', async () => {
    const code = String(10000 + Math.floor(Math.random() * 80000));
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/administrative-units',
      payload: { code, level: 'commune', type: 'xa', name: 'Xã Thử Nghiệm', parentCode: '08', predecessorCodes: ['02734'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code, provinceCode: '08', predecessorCodes: ['02734'] });
    const dup = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/administrative-units',
      payload: { code, level: 'commune', type: 'xa', name: 'Trùng', parentCode: '08' },
    });
    expect(dup.statusCode).toBe(409);
    const wrongLen = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/administrative-units',
      payload: { code: '123', level: 'commune', type: 'xa', name: 'Sai', parentCode: '08' },
    });
    expect(wrongLen.statusCode).toBe(400);
    expect(wrongLen.json().errors[0].field).toBe('code');
  });

  it('only an administrator of a top-level agency may add units', async () => {
    const childAdmin = await login(h, (await makeUser(h, 'admin', tree.child.id)).username);
    const res = await childAdmin.request({
      method: 'POST',
      url: '/api/v1/admin/administrative-units',
      payload: { code: '98765', level: 'commune', type: 'xa', name: 'Xã X', parentCode: '08' },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('agencies', () => {
  it('validates the Decision 20/2020 identifier: at most 35 characters of [0-9A-Z.]', async () => {
    for (const code of ['000.00.00.h57', '000-00-00', 'A'.repeat(36), '']) {
      const res = await admin.request({
        method: 'POST',
        url: '/api/v1/admin/agencies',
        payload: { code, name: 'Cơ quan', parentCode: tree.root.code, adminUnitCode: '08' },
      });
      expect(res.statusCode, code).toBe(400);
      expect(res.json().errors[0].field).toBe('code');
    }
    const ok = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/agencies',
      payload: { code: `${'9'.repeat(25)}.${uid(2)}`.slice(0, 35), name: 'Phòng Tư pháp', parentCode: tree.root.code, adminUnitCode: '08' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('creates a child agency, audited in its stream, and finds it without accents', async () => {
    const code = `A${uid(3)}.00.16.H99`;
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/agencies',
      payload: { code, name: 'Sở Tư pháp thử nghiệm', parentCode: tree.root.code, adminUnitCode: '08' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code, parentCode: tree.root.code, provinceCode: '08' });
    const found = (await admin.request({ method: 'GET', url: '/api/v1/admin/agencies?q=so%20tu%20phap%20thu' })).json();
    expect(found.items.map((a: { code: string }) => a.code)).toContain(code);
    const audit = await h.database.rows(sql`select action from audit_event where stream = ${`agency:${code}`}`);
    expect(audit).toEqual([{ action: 'agency.create' }]);
    const dup = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/agencies',
      payload: { code, name: 'Trùng', parentCode: tree.root.code, adminUnitCode: '08' },
    });
    expect(dup.statusCode).toBe(409);
  });

  it('internal units form a tree inside one agency', async () => {
    const parent = (
      await admin.request({ method: 'POST', url: `/api/v1/admin/agencies/${tree.child.code}/units`, payload: { name: 'Phòng Hành chính', kind: 'phong' } })
    ).json();
    const sub = await admin.request({
      method: 'POST',
      url: `/api/v1/admin/agencies/${tree.child.code}/units`,
      payload: { name: 'Tổ một cửa', kind: 'to', parentId: parent.id },
    });
    expect(sub.statusCode).toBe(201);
    expect(sub.json().parentId).toBe(parent.id);
    const foreign = await admin.request({
      method: 'POST',
      url: `/api/v1/admin/agencies/${tree.root.code}/units`,
      payload: { name: 'Sai cây', kind: 'to', parentId: parent.id },
    });
    expect(foreign.statusCode).toBe(400);
  });
});

describe('users and roles', () => {
  it('creates a user, assigns and removes a role; the new user can sign in with it', async () => {
    const username = `cb${uid().toLowerCase()}`;
    const created = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/users',
      payload: { username, displayName: 'Nguyễn Văn Thử', password: 'mat-khau-rat-dai', kind: 'official' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const assigned = await admin.request({
      method: 'POST',
      url: `/api/v1/admin/users/${id}/roles`,
      payload: { role: 'processing_officer', agencyCode: tree.child.code },
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
    expect(assigned.json().roles).toEqual([expect.objectContaining({ role: 'processing_officer', agencyCode: tree.child.code })]);
    const again = await admin.request({
      method: 'POST',
      url: `/api/v1/admin/users/${id}/roles`,
      payload: { role: 'processing_officer', agencyCode: tree.child.code },
    });
    expect(again.statusCode).toBe(409);

    const me = await login(h, username, 'mat-khau-rat-dai');
    expect((await me.request({ method: 'GET', url: '/api/v1/auth/me' })).json().user.roles).toEqual([
      { role: 'processing_officer', agencyCode: tree.child.code, provinceCode: '08', scope: 'agency' },
    ]);

    const assignmentId = assigned.json().roles[0].id;
    expect((await admin.request({ method: 'DELETE', url: `/api/v1/admin/users/${id}/roles/${assignmentId}` })).statusCode).toBe(204);
    const list = (await admin.request({ method: 'GET', url: `/api/v1/admin/users?q=${username}` })).json();
    expect(list.items[0].roles).toEqual([]);
  });

  it('refuses a duplicate username (case-insensitive), a short password and a bad e-mail', async () => {
    const username = `dup${uid().toLowerCase()}`;
    const base = { username, displayName: 'A', password: 'mat-khau-rat-dai', kind: 'official' };
    expect((await admin.request({ method: 'POST', url: '/api/v1/admin/users', payload: base })).statusCode).toBe(201);
    const dup = await admin.request({ method: 'POST', url: '/api/v1/admin/users', payload: { ...base } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe('username');
    const short = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/users',
      payload: { ...base, username: `x${uid().toLowerCase()}`, password: 'short' },
    });
    expect(short.json().errors[0].field).toBe('password');
    const mail = await admin.request({
      method: 'POST',
      url: '/api/v1/admin/users',
      payload: { ...base, username: `y${uid().toLowerCase()}`, email: 'not-an-email' },
    });
    expect(mail.json().errors[0].field).toBe('email');
  });

  it('searches users by display name without accents', async () => {
    const username = `tim${uid().toLowerCase()}`;
    await admin.request({
      method: 'POST',
      url: '/api/v1/admin/users',
      payload: { username, displayName: 'Đặng Thị Hường', password: 'mat-khau-rat-dai', kind: 'official' },
    });
    const found = (await admin.request({ method: 'GET', url: '/api/v1/admin/users?q=dang%20thi%20huong&limit=200' })).json();
    expect(found.items.map((u: { username: string }) => u.username)).toContain(username);
  });
});

describe('a grant stops at its province; national administrators', () => {
  const commune = () => String(10000 + Math.floor(Math.random() * 89999));

  it("a province's administrator adds units in its own province only; provinces are added nationally", async () => {
    const a = await makeAgencyTree(h, '01');
    const adminA = await login(h, (await makeUser(h, 'admin', a.root.id)).username);
    const elsewhere = await adminA.request({
      method: 'POST',
      url: '/api/v1/admin/administrative-units',
      payload: { code: commune(), level: 'commune', type: 'xa', name: 'Xã Ngoài Tỉnh', parentCode: '04' },
    });
    expect(elsewhere.statusCode).toBe(403);
    const own = await adminA.request({
      method: 'POST',
      url: '/api/v1/admin/administrative-units',
      payload: { code: commune(), level: 'commune', type: 'xa', name: 'Xã Trong Tỉnh', parentCode: '01' },
    });
    expect(own.statusCode, own.body).toBe(201);
    const [entry] = await h.database.rows<{ stream: string }>(
      sql`select stream from audit_event where action = 'admin_unit.create' and entity_id = ${own.json().code}`,
    );
    expect(entry.stream).toBe(`agency:${a.root.code}`);

    // an existing code: the national administrator gets as far as the insert (409), the province's is refused before it
    const province = { code: '01', level: 'province', type: 'thanh_pho_tw', name: 'Thành phố Hà Nội' };
    expect((await adminA.request({ method: 'POST', url: '/api/v1/admin/administrative-units', payload: province })).statusCode).toBe(403);
    const national = await login(h, (await makeUser(h, 'admin', (await makeNationalAgency(h)).id)).username);
    expect((await national.request({ method: 'POST', url: '/api/v1/admin/administrative-units', payload: province })).json().code).toBe('ALREADY_EXISTS');
    expect(
      (
        await national.request({
          method: 'POST',
          url: '/api/v1/admin/administrative-units',
          payload: { code: commune(), level: 'commune', type: 'xa', name: 'Xã Bất Kỳ', parentCode: '04' },
        })
      ).statusCode,
    ).toBe(201);
  });

  it("lists the provinces and its own province's units, not another province's", async () => {
    const b = await makeAgencyTree(h, '04');
    const national = await login(h, (await makeUser(h, 'admin', (await makeNationalAgency(h)).id)).username);
    const code = commune();
    expect(
      (
        await national.request({
          method: 'POST',
          url: '/api/v1/admin/administrative-units',
          payload: { code, level: 'commune', type: 'xa', name: 'Xã Của Tỉnh B', parentCode: '04' },
        })
      ).statusCode,
    ).toBe(201);
    const adminA = await login(h, (await makeUser(h, 'admin', (await makeAgencyTree(h, '01')).root.id)).username);
    expect((await adminA.request({ method: 'GET', url: `/api/v1/admin/administrative-units?q=${code}` })).json().items).toEqual([]);
    expect(
      (await adminA.request({ method: 'GET', url: '/api/v1/admin/administrative-units?level=province&limit=200' })).json().items.length,
    ).toBeGreaterThanOrEqual(34);
    const adminB = await login(h, (await makeUser(h, 'admin', b.root.id)).username);
    expect((await adminB.request({ method: 'GET', url: `/api/v1/admin/administrative-units?q=${code}` })).json().items).toEqual([
      expect.objectContaining({ code }),
    ]);
  });

  it("an agency stays in its parent's province; a top-level agency is added nationally", async () => {
    const a = await makeAgencyTree(h, '01');
    const adminA = await login(h, (await makeUser(h, 'admin', a.root.id)).username);
    const across = await adminA.request({
      method: 'POST',
      url: '/api/v1/admin/agencies',
      payload: { code: `X${uid(3)}.00.00.H01`, name: 'Sở ngoài tỉnh', parentCode: a.root.code, adminUnitCode: '04' },
    });
    expect(across.statusCode).toBe(400);
    expect(across.json().errors[0].field).toBe('adminUnitCode');
    const root = { code: `X${uid(3)}.00.00.H04`, name: 'Ủy ban mới', adminUnitCode: '04' };
    expect((await adminA.request({ method: 'POST', url: '/api/v1/admin/agencies', payload: root })).statusCode).toBe(403);
    const national = await login(h, (await makeUser(h, 'admin', (await makeNationalAgency(h)).id)).username);
    expect((await national.request({ method: 'POST', url: '/api/v1/admin/agencies', payload: root })).statusCode).toBe(201);
  });

  it('calendar_admin is granted only by a national administrator, at a national agency', async () => {
    const a = await makeAgencyTree(h, '01');
    const adminA = await login(h, (await makeUser(h, 'admin', a.root.id)).username);
    const staffA = await makeUser(h, 'leader', a.child.id);
    const refused = await adminA.request({
      method: 'POST',
      url: `/api/v1/admin/users/${staffA.id}/roles`,
      payload: { role: 'calendar_admin', agencyCode: a.root.code },
    });
    expect(refused.statusCode).toBe(403);
    const ministry = await makeNationalAgency(h);
    const national = await login(h, (await makeUser(h, 'admin', ministry.id)).username);
    const staffN = await makeUser(h, 'leader', ministry.id);
    const granted = await national.request({
      method: 'POST',
      url: `/api/v1/admin/users/${staffN.id}/roles`,
      payload: { role: 'calendar_admin', agencyCode: ministry.code },
    });
    expect(granted.statusCode, granted.body).toBe(201);
    expect(
      (await national.request({ method: 'POST', url: '/api/v1/admin/tokens', payload: { name: 'Lịch', role: 'calendar_admin', agencyCode: ministry.code } }))
        .statusCode,
    ).toBe(400);
    // the national administrator does not reach into a province
    expect(
      (await national.request({ method: 'POST', url: `/api/v1/admin/users/${staffA.id}/roles`, payload: { role: 'leader', agencyCode: a.child.code } }))
        .statusCode,
    ).toBe(404);
  });
});

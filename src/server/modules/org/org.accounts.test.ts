import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../platform/crypto.js';
import { type Client, type Harness, login, makeAgencyTree, makeNationalAgency, makeUser, startHarness, TEST_PASSWORD, uid } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** A province with its administrator and a citizen of its People's Committee, named with accents. */
async function province(code = '08') {
  const tree = await makeAgencyTree(h, code);
  const adminUser = await makeUser(h, 'admin', tree.root.id);
  const admin = await login(h, adminUser.username);
  const citizen = await makeUser(h, 'citizen', tree.root.id);
  const tag = uid(3);
  const name = `Nguyễn Thị Đào ${tag}`;
  await h.database.exec(`update user_account set display_name = '${name}' where id = '${citizen.id}'`);
  return { tree, admin, adminUser, citizen, name, tag };
}

const signIn = (username: string, password = TEST_PASSWORD) => h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
const lastEvent = async (entityId: string) =>
  (
    await h.database.rows<{ stream: string; action: string; data: Record<string, unknown> }>(
      sql`select stream, action, data from audit_event where entity_type = 'user' and entity_id = ${entityId} order by occurred_at desc, seq desc limit 1`,
    )
  )[0];

describe('finding accounts', () => {
  it('finds citizens by name without accents, by username and by e-mail, pages them, and never across provinces', async () => {
    const a = await province('01');
    const b = await province('04');
    await h.database.exec(`update user_account set email = 'dao.${a.tag.toLowerCase()}@example.vn' where id = '${a.citizen.id}'`);
    const find = async (c: Client, q: string, extra = '') =>
      (await c.request({ method: 'GET', url: `/api/v1/admin/users?q=${encodeURIComponent(q)}${extra}` })).json();
    const byName = await find(a.admin, `nguyen thi dao ${a.tag}`);
    expect(byName.items).toEqual([
      expect.objectContaining({ id: a.citizen.id, kind: 'citizen', displayName: a.name, isActive: true, email: `dao.${a.tag.toLowerCase()}@example.vn` }),
    ]);
    expect(byName.items[0].roles).toEqual([
      expect.objectContaining({ role: 'citizen', agencyCode: a.tree.root.code, agencyName: `Ủy ban thử nghiệm ${a.tree.root.code.slice(1, 7)}` }),
    ]);
    expect((await find(a.admin, a.citizen.username)).items.map((u: { id: string }) => u.id)).toEqual([a.citizen.id]);
    expect((await find(a.admin, `DAO.${a.tag}@EXAMPLE`)).items.map((u: { id: string }) => u.id)).toEqual([a.citizen.id]);
    expect((await find(a.admin, a.tag, '&kind=official')).items).toEqual([]);

    const all = await find(a.admin, '', '&limit=1');
    expect(all.items).toHaveLength(1);
    const next = await find(a.admin, '', `&limit=1&cursor=${all.nextCursor}`);
    expect(next.items).toHaveLength(1);
    expect(next.items[0].id).not.toBe(all.items[0].id);

    expect((await find(b.admin, a.tag)).items).toEqual([]);
    expect((await find(b.admin, a.citizen.username)).items).toEqual([]);
  });

  it('a citizen of no agency (signed up through SSO) is for a national administrator only', async () => {
    const a = await province();
    const loner = await makeUser(h, null, null, 'citizen');
    const national = await login(h, (await makeUser(h, 'admin', (await makeNationalAgency(h)).id)).username);
    const q = `/api/v1/admin/users?q=${loner.username}`;
    expect((await a.admin.request({ method: 'GET', url: q })).json().items).toEqual([]);
    expect((await national.request({ method: 'GET', url: q })).json().items.map((u: { id: string }) => u.id)).toEqual([loner.id]);
    expect((await national.request({ method: 'GET', url: `/api/v1/admin/users?q=${a.citizen.username}` })).json().items).toEqual([]);
  });
});

describe('editing an account', () => {
  it("changes the name, e-mail and phone, audits what changed, explains a bad field, and another province's admin gets 404", async () => {
    const a = await province('01');
    const b = await province('04');
    const url = `/api/v1/admin/users/${a.citizen.id}`;
    const res = await a.admin.request({ method: 'PATCH', url, payload: { displayName: '  Trần Văn Bình ', email: 'Binh@Example.vn', phone: '0912345678' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: 'Trần Văn Bình', email: 'binh@example.vn', phone: '0912345678' });
    expect(await lastEvent(a.citizen.id)).toEqual({
      stream: `agency:${a.tree.root.code}`,
      action: 'user.update',
      data: { changed: ['displayName', 'email', 'phone'], displayName: { from: a.name, to: 'Trần Văn Bình' } },
    });
    expect((await a.admin.request({ method: 'PATCH', url, payload: { email: null } })).json().email).toBeNull();
    const bad = await a.admin.request({ method: 'PATCH', url, payload: { email: 'khong-phai-email' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('email');
    expect((await a.admin.request({ method: 'PATCH', url, payload: { phone: '12ab' } })).json().errors[0].field).toBe('phone');
    expect((await b.admin.request({ method: 'PATCH', url, payload: { displayName: 'Kẻ lạ' } })).statusCode).toBe(404);
  });
});

describe('locking an account', () => {
  it('ends its sessions and refuses its sign-in until unlocked; audited; never across provinces, never oneself', async () => {
    const a = await province('01');
    const b = await province('04');
    const session = await login(h, a.citizen.username);
    expect((await session.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);

    expect((await b.admin.request({ method: 'POST', url: `/api/v1/admin/users/${a.citizen.id}/lock`, payload: {} })).statusCode).toBe(404);
    const locked = await a.admin.request({ method: 'POST', url: `/api/v1/admin/users/${a.citizen.id}/lock`, payload: { reason: 'Mạo danh' } });
    expect(locked.statusCode).toBe(200);
    expect(locked.json().isActive).toBe(false);
    expect(await lastEvent(a.citizen.id)).toMatchObject({ action: 'user.lock', data: { reason: 'Mạo danh', sessionsEnded: 1 } });
    expect((await session.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);

    const refused = await signIn(a.citizen.username);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('ACCOUNT_DISABLED');
    expect((await signIn(a.citizen.username, 'sai-mat-khau-roi')).json().code).toBe('INVALID_CREDENTIALS');

    expect((await b.admin.request({ method: 'POST', url: `/api/v1/admin/users/${a.citizen.id}/unlock` })).statusCode).toBe(404);
    const unlocked = await a.admin.request({ method: 'POST', url: `/api/v1/admin/users/${a.citizen.id}/unlock` });
    expect(unlocked.json().isActive).toBe(true);
    expect((await lastEvent(a.citizen.id)).action).toBe('user.unlock');
    expect((await signIn(a.citizen.username)).statusCode).toBe(200);

    const self = await a.admin.request({ method: 'POST', url: `/api/v1/admin/users/${a.adminUser.id}/lock`, payload: {} });
    expect(self.statusCode).toBe(422);
    expect(self.json().code).toBe('CANNOT_LOCK_SELF');
  });
});

describe('a one-time password-reset link', () => {
  it('is shown once when the account has no e-mail, kept hashed, sets a new password once, ends the sessions and expires', async () => {
    const a = await province('01');
    const b = await province('04');
    expect((await b.admin.request({ method: 'POST', url: `/api/v1/admin/users/${a.citizen.id}/password-reset` })).statusCode).toBe(404);
    const session = await login(h, a.citizen.username);
    const issued = (await a.admin.request({ method: 'POST', url: `/api/v1/admin/users/${a.citizen.id}/password-reset` })).json();
    expect(issued).toMatchObject({ delivery: 'link', sentTo: null, token: expect.any(String) });
    expect(issued.link).toMatch(new RegExp(`/dat-lai-mat-khau/${issued.token}$`));
    expect(await lastEvent(a.citizen.id)).toMatchObject({
      stream: `agency:${a.tree.root.code}`,
      action: 'user.password_reset_link',
      data: { delivery: 'link' },
    });
    const stored = await h.database.rows<{ token_hash: string }>(sql`select token_hash from password_reset where user_id = ${a.citizen.id}`);
    expect(stored).toEqual([{ token_hash: sha256(issued.token) }]);

    const check = await h.app.inject({ method: 'GET', url: `/api/v1/auth/password-reset/${issued.token}` });
    expect(check.json()).toMatchObject({ username: a.citizen.username, displayName: a.name });
    const short = await h.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { token: issued.token, password: 'ngan' } });
    expect(short.json().errors[0].field).toBe('password');

    const set = await h.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { token: issued.token, password: 'mat-khau-moi-rat-dai' } });
    expect(set.statusCode).toBe(204);
    expect((await session.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    expect((await signIn(a.citizen.username)).statusCode).toBe(401);
    expect((await signIn(a.citizen.username, 'mat-khau-moi-rat-dai')).statusCode).toBe(200);
    const again = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { token: issued.token, password: 'lan-thu-hai-khong-duoc' },
    });
    expect(again.statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/auth/password-reset/${issued.token}` })).statusCode).toBe(404);

    const older = (await a.admin.request({ method: 'POST', url: `/api/v1/admin/users/${a.citizen.id}/password-reset` })).json();
    const newer = (await a.admin.request({ method: 'POST', url: `/api/v1/admin/users/${a.citizen.id}/password-reset` })).json();
    expect((await h.app.inject({ method: 'GET', url: `/api/v1/auth/password-reset/${older.token}` })).statusCode).toBe(404);
    await h.database.exec(`update password_reset set expires_at = now() - interval '1 minute' where token_hash = '${sha256(newer.token)}'`);
    const expired = await h.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      payload: { token: newer.token, password: 'het-han-roi-nhe-ban' },
    });
    expect(expired.statusCode).toBe(404);
  });

  it("goes to the account's e-mail through the outbox when it has one, and the token is not shown", async () => {
    const a = await province();
    const email = `u${uid().toLowerCase()}@example.vn`;
    await h.database.exec(`update user_account set email = '${email}' where id = '${a.citizen.id}'`);
    const issued = (await a.admin.request({ method: 'POST', url: `/api/v1/admin/users/${a.citizen.id}/password-reset` })).json();
    expect(issued).toMatchObject({ delivery: 'email', sentTo: expect.stringMatching(/^u\*\*\*@example\.vn$/), token: null, link: null });
    const mail = await h.database.rows<{ channel: string; recipient: string; body: string }>(
      sql`select channel, recipient, body from notification_outbox where recipient_user_id = ${a.citizen.id}`,
    );
    expect(mail).toEqual([{ channel: 'email', recipient: email, body: expect.stringMatching(/\/dat-lai-mat-khau\/[A-Za-z0-9_-]{20,}/) }]);
    const token = /\/dat-lai-mat-khau\/([A-Za-z0-9_-]+)/.exec(mail[0].body)![1];
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { token, password: 'tu-thu-dien-tu-den' } })).statusCode).toBe(
      204,
    );
  });
});

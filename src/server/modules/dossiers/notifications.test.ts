/** The citizen's bell: in-app messages of the outbox, unread count, mark read, each scoped to the signed-in user (both databases). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, login, makeUser, startHarness } from '../../test/harness.js';
import { act, intakeBody, makeWorld, type World } from './dossiers.test-support.js';

let h: Harness;
let w: World;
let other: Client;
beforeAll(async () => {
  h = await startHarness();
  w = await makeWorld(h);
  other = await login(h, (await makeUser(h, 'citizen', (await makeWorld(h)).desk.id)).username);
}, 180_000);
afterAll(() => h.close());

interface Bell {
  items: { id: string; subject: string; body: string; dossierCode: string | null; readAt: string | null; channel: string }[];
  nextCursor: string | null;
  unread: number;
}
const bell = async (c: Client, query = ''): Promise<Bell> => {
  const res = await c.request({ method: 'GET', url: `/api/v1/me/notifications${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const unread = async (c: Client): Promise<number> => (await c.request({ method: 'GET', url: '/api/v1/me/notifications/unread-count' })).json().unread;

/** An online dossier of w.citizen, received at the desk, then sent back for a supplement by the counter. */
async function supplementRequested(): Promise<string> {
  const res = await w.citizen.request({
    method: 'POST',
    url: '/api/v1/dossiers',
    payload: intakeBody(w, { channel: 'online', extra: { receivingAgencyCode: w.desk.code } }),
  });
  expect(res.statusCode, res.body).toBe(201);
  const code = res.json().code as string;
  const asked = await act(w.counter, code, 'request-supplement', { items: [{ procedureDocumentId: w.docs[1].id, reason: 'Bản chụp mờ' }] });
  expect(asked.statusCode, asked.body).toBe(200);
  return code;
}

describe('the bell', () => {
  it('lists the citizen’s in-app messages with the dossier code, counts the unread, and marks one and all read', async () => {
    const before = await unread(w.citizen);
    const code = await supplementRequested();
    const list = await bell(w.citizen);
    const mine = list.items.filter((n) => n.dossierCode === code);
    expect(mine.length).toBeGreaterThanOrEqual(1);
    expect(mine.every((n) => n.channel === 'in_app' && n.readAt === null)).toBe(true);
    const supplement = mine.find((n) => /bổ sung/i.test(n.body));
    expect(supplement, JSON.stringify(mine)).toBeDefined();
    expect(list.unread).toBe(before + mine.length);
    expect(await unread(w.citizen)).toBe(list.unread);

    const marked = await w.citizen.request({ method: 'POST', url: `/api/v1/me/notifications/${supplement!.id}/read` });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toEqual({ marked: 1, unread: list.unread - 1 });
    const after = await bell(w.citizen);
    const readAt = after.items.find((n) => n.id === supplement!.id)?.readAt;
    expect(readAt).toEqual(expect.any(String));
    expect((await bell(w.citizen, '?unread=true')).items.some((n) => n.id === supplement!.id)).toBe(false);
    // marking again keeps the first time
    await w.citizen.request({ method: 'POST', url: `/api/v1/me/notifications/${supplement!.id}/read` });
    expect((await bell(w.citizen)).items.find((n) => n.id === supplement!.id)?.readAt).toBe(readAt);

    const all = await w.citizen.request({ method: 'POST', url: '/api/v1/me/notifications/read-all' });
    expect(all.json()).toEqual({ marked: list.unread - 1, unread: 0 });
    expect(await unread(w.citizen)).toBe(0);
  });

  it('another citizen neither sees nor marks them (404), and staff get their own messages only', async () => {
    const code = await supplementRequested();
    const target = (await bell(w.citizen)).items.find((n) => n.dossierCode === code)!;
    expect((await bell(other)).items.some((n) => n.dossierCode === code)).toBe(false);
    const theirs = await other.request({ method: 'POST', url: `/api/v1/me/notifications/${target.id}/read` });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().code).toBe('NOT_FOUND');
    await other.request({ method: 'POST', url: '/api/v1/me/notifications/read-all' });
    expect((await bell(w.citizen)).items.find((n) => n.id === target.id)?.readAt).toBeNull();
    expect((await bell(w.counter)).items.some((n) => n.id === target.id)).toBe(false);
    const bad = await w.citizen.request({ method: 'POST', url: '/api/v1/me/notifications/not-a-uuid/read' });
    expect(bad.statusCode).toBe(400);
  });

  it('pages newest first with a cursor that keeps every message once', async () => {
    for (let i = 0; i < 2; i++) await supplementRequested();
    const all = await bell(w.citizen, '?limit=100');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Bell = await bell(w.citizen, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((n) => n.id));
    expect((await w.citizen.request({ method: 'GET', url: '/api/v1/me/notifications?cursor=xyz' })).statusCode).toBe(400);
  });
});

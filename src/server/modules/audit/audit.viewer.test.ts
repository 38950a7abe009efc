import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, login, makeAgencyTree, makeUser, startHarness, uid } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

type Tree = Awaited<ReturnType<typeof makeAgencyTree>>;

/** A province tree whose child agency's chain holds three internal units (three entries), and its auditor. */
async function auditedTree(province = '08'): Promise<{ tree: Tree; admin: Client; auditor: Client; stream: string; names: string[] }> {
  const tree = await makeAgencyTree(h, province);
  const admin = await login(h, (await makeUser(h, 'admin', tree.root.id)).username);
  const names = [`Phòng Tư pháp ${uid()}`, `Phòng Nội vụ ${uid()}`, `Bộ phận Một cửa ${uid()}`];
  for (const name of names) {
    const res = await admin.request({ method: 'POST', url: `/api/v1/admin/agencies/${tree.child.code}/units`, payload: { name, kind: 'phong' } });
    expect(res.statusCode).toBe(201);
  }
  const auditor = await login(h, (await makeUser(h, 'auditor', tree.root.id)).username);
  return { tree, admin, auditor, stream: `agency:${tree.child.code}`, names };
}

const get = async (c: Client, url: string) => c.request({ method: 'GET', url });
const enc = encodeURIComponent;

describe('audit streams', () => {
  it("lists the province's streams only, found by the agency's name without accents", async () => {
    const a = await auditedTree('01');
    const b = await auditedTree('04');
    const all = (await get(a.auditor, '/api/v1/audit/streams?limit=200')).json();
    const names = all.items.map((s: { stream: string }) => s.stream);
    expect(names).toContain(a.stream);
    expect(names).not.toContain(b.stream);
    expect(names).not.toContain('system');
    const tag = a.tree.child.code.slice(1, 7);
    const found = (await get(a.auditor, `/api/v1/audit/streams?q=${enc(`so thu nghiem ${tag}`)}`)).json();
    expect(found.items).toEqual([
      { stream: a.stream, agencyCode: a.tree.child.code, agencyName: `Sở thử nghiệm ${tag}`, events: 3, headHash: expect.any(String) },
    ]);
    expect((await get(b.auditor, `/api/v1/audit/streams?q=${enc(tag)}`)).json().items).toEqual([]);
  });
});

describe('audit events: filters and pages', () => {
  it('filters by action, actor, entity, text in the data (accent-insensitive) and Vietnam days, and pages without overlap', async () => {
    const { auditor, stream, names } = await auditedTree();
    const base = `/api/v1/audit/events?stream=${enc(stream)}`;
    const all = (await get(auditor, base)).json();
    expect(all.items.map((e: { seq: number }) => e.seq)).toEqual([3, 2, 1]);

    const first = (await get(auditor, `${base}&limit=2`)).json();
    expect(first.items.map((e: { seq: number }) => e.seq)).toEqual([3, 2]);
    const second = (await get(auditor, `${base}&limit=2&cursor=${first.nextCursor}`)).json();
    expect(second).toEqual({ items: [expect.objectContaining({ seq: 1 })], nextCursor: null });
    expect((await get(auditor, `${base}&cursor=bad`)).json().errors[0].field).toBe('cursor');

    expect((await get(auditor, `${base}&action=org_unit.create`)).json().items).toHaveLength(3);
    expect((await get(auditor, `${base}&action=org_unit.`)).json().items).toHaveLength(3);
    expect((await get(auditor, `${base}&action=role.assign`)).json().items).toHaveLength(0);

    const byText = (await get(auditor, `${base}&q=${enc('phong noi vu')}`)).json().items;
    expect(byText.map((e: { seq: number }) => e.seq)).toEqual([2]);
    const entityId = byText[0].entityId as string;
    expect((await get(auditor, `${base}&entityType=org_unit&entityId=${entityId}`)).json().items.map((e: { seq: number }) => e.seq)).toEqual([2]);
    expect((await get(auditor, `${base}&entityType=user`)).json().items).toEqual([]);

    const actor = all.items[0].actor as string;
    expect((await get(auditor, `${base}&actor=${enc(actor.toUpperCase())}`)).json().items).toHaveLength(3);
    expect((await get(auditor, `${base}&actor=nobody-${uid()}`)).json().items).toEqual([]);

    const day = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    expect((await get(auditor, `${base}&from=${day}&to=${day}`)).json().items).toHaveLength(3);
    expect((await get(auditor, `${base}&to=2020-01-01`)).json().items).toEqual([]);
    const backwards = await get(auditor, `${base}&from=${day}&to=2020-01-01`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].field).toBe('to');
    expect(names).toHaveLength(3);
  });
});

describe('an audit entry', () => {
  it('shows its data, its hash and the previous hash; another province answers 404', async () => {
    const { auditor, stream, names } = await auditedTree('01');
    const other = await auditedTree('04');
    const one = (await get(auditor, `/api/v1/audit/events/${enc(stream)}/1`)).json();
    const two = (await get(auditor, `/api/v1/audit/events/${enc(stream)}/2`)).json();
    expect(one).toMatchObject({ stream, seq: 1, action: 'org_unit.create', prevHash: '0'.repeat(64), isHashValid: true, isLinkValid: true });
    expect(one.data).toMatchObject({ name: names[0], kind: 'phong' });
    expect(two.prevHash).toBe(one.hash);
    expect((await get(other.auditor, `/api/v1/audit/events/${enc(stream)}/1`)).statusCode).toBe(404);
    expect((await get(auditor, `/api/v1/audit/events/${enc(stream)}/99`)).statusCode).toBe(404);
  });
});

describe('verifying a chain', () => {
  it('says intact through N, and after tampering with an entry names the sequence and what differs', async () => {
    const { auditor, stream } = await auditedTree();
    const verifyUrl = `/api/v1/audit/verify?stream=${enc(stream)}`;
    expect((await get(auditor, verifyUrl)).json()).toEqual({
      ok: true,
      streams: 1,
      events: 3,
      problems: [],
      chains: [{ stream, headSeq: 3, intactThrough: 3, ok: true }],
    });

    const [{ data }] = await h.database.rows<{ data: unknown }>(sql`select data from audit_event where stream = ${stream} and seq = 2`);
    await h.database.exec(`update audit_event set data = data || '{"name": "Phòng đã sửa"}' where stream = '${stream}' and seq = 2`);
    try {
      const broken = (await get(auditor, verifyUrl)).json();
      expect(broken.ok).toBe(false);
      expect(broken.chains).toEqual([{ stream, headSeq: 3, intactThrough: 1, ok: false }]);
      expect(broken.problems).toEqual([
        {
          stream,
          seq: 2,
          reason: 'content does not match its hash (altered)',
          field: 'hash',
          expected: expect.stringMatching(/^[0-9a-f]{64}$/),
          actual: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
      ]);
      expect(broken.problems[0].expected).not.toBe(broken.problems[0].actual);
      const all = (await get(auditor, '/api/v1/audit/verify')).json();
      expect(all.ok).toBe(false);
      expect(all.chains.find((c: { stream: string }) => c.stream === stream)).toMatchObject({ intactThrough: 1, ok: false });
      expect((await get(auditor, `/api/v1/audit/events/${enc(stream)}/2`)).json()).toMatchObject({ isHashValid: false, isLinkValid: true });
    } finally {
      // Put the entry back, so a shared PostgreSQL test database stays verifiable.
      await h.database.exec(`update audit_event set data = '${JSON.stringify(data).replace(/'/g, "''")}'::jsonb where stream = '${stream}' and seq = 2`);
    }
    expect((await get(auditor, verifyUrl)).json().ok).toBe(true);
  });
});

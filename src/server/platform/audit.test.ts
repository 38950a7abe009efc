import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness, uid } from '../test/harness.js';
import { Params, queryPrepared } from '../db/client.js';
import { appendAudit, auditCtesText, GENESIS_HASH, hashAuditRow, verifyAudit } from './audit.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  // Keep a shared PostgreSQL test database verifiable: remove the chains these tests broke on purpose.
  await h.database.exec(`delete from audit_event where stream like 'test:%'; delete from audit_stream_head where stream like 'test:%'`);
  await h.close();
});

const actor = { userId: null, label: 'test' };

async function writeChain(stream: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await h.database.db.transaction((tx) =>
      appendAudit(tx, { stream, actor, action: 'thing.do', entityType: 'thing', entityId: String(i), data: { i, note: 'Hồ sơ số ' + i } }),
    );
  }
}

/** Only this test's stream is judged, so parallel test files do not interfere. */
async function problemsOf(stream: string) {
  return (await verifyAudit(h.database.db)).problems.filter((p) => p.stream === stream);
}

describe('audit chains', () => {
  it('numbers entries per stream and links each to the previous hash', async () => {
    const stream = `test:${uid()}`;
    await writeChain(stream, 3);
    const rows = await h.database.rows<{ seq: string; prev_hash: string; hash: string }>(
      sql`select seq, prev_hash, hash from audit_event where stream = ${stream} order by seq`,
    );
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3]);
    expect(rows[1].prev_hash).toBe(rows[0].hash);
    expect(rows[2].prev_hash).toBe(rows[1].hash);
    expect(await problemsOf(stream)).toEqual([]);
  });

  it('the hash PostgreSQL computes is the one Node computes, for any text (quotes, escapes, Vietnamese, emoji)', async () => {
    const stream = `test:${uid()}`;
    const nasty = 'Hồ sơ "số 1" \\ tab\t dòng\nmới \u0001 \u2028 😀 ';
    const at = new Date('2026-11-28T01:02:03.456Z');
    // The entity id comes from the statement (as a dossier's new code does), not from Node.
    const p = new Params();
    const src = p.add(`${nasty}-42`, 'text');
    const ctes = auditCtesText(
      p,
      [
        {
          stream,
          actor: { userId: null, label: nasty },
          action: 'thing.do',
          entityType: 'thing',
          entityId: '',
          occurredAt: at,
          provinceCode: '08',
          data: { nasty, n: 1.5, list: [nasty, null, true], nested: { z: 1, a: nasty } },
        },
      ],
      { join: 'cross join src', id: 'src.id' },
    );
    await queryPrepared(h.database.db, `with src as (select ${src} as id), ${ctes} select 1`, p.values);
    const [row] = await h.database.rows<{ hash: string; entity_id: string }>(sql`select hash, entity_id from audit_event where stream = ${stream}`);
    expect(row.entity_id).toBe(`${nasty}-42`);
    const expected = hashAuditRow({
      stream,
      seq: 1,
      prevHash: GENESIS_HASH,
      occurredAt: at,
      actorId: null,
      actorLabel: nasty,
      action: 'thing.do',
      entityType: 'thing',
      entityId: `${nasty}-42`,
      provinceCode: '08',
      data: { nasty, n: 1.5, list: [nasty, null, true], nested: { z: 1, a: nasty } },
    });
    expect(row.hash).toBe(expected);
    expect(await problemsOf(stream)).toEqual([]);
  });

  it('entries whose row the statement did not write are not appended', async () => {
    const stream = `test:${uid()}`;
    const p = new Params();
    const entities = { join: 'join src on src.ref = e.ref', id: 'src.id' };
    await queryPrepared(
      h.database.db,
      `with src as (select 'x' as id, 'r' as ref where false), ${auditCtesText(p, [{ stream, actor, action: 'x', entityType: 't', entityId: '', ref: 'r' }], entities)} select 1`,
      p.values,
    );
    expect(await h.database.rows(sql`select 1 from audit_event where stream = ${stream}`)).toEqual([]);
    expect(await h.database.rows(sql`select 1 from audit_stream_head where stream = ${stream}`)).toEqual([]);
  });

  it('entries appended by one statement chain one after another, after what the stream had', async () => {
    const stream = `test:${uid()}`;
    await writeChain(stream, 2);
    const nasty = 'Phiếu "xin lỗi" \\ \n 😀';
    const at = new Date('2026-11-28T03:04:05.678Z');
    const entries = ['a', 'b', 'c', 'd'].map((ref, i) => ({
      stream,
      actor: { userId: null, label: `${nasty} ${i}` },
      action: 'thing.batch',
      entityType: 'thing',
      entityId: '',
      ref,
      occurredAt: at,
      provinceCode: '08',
      data: { i, nasty },
    }));
    // The ids come from the statement, in an order unlike the entries' own.
    const p = new Params();
    const ctes = auditCtesText(p, entries, { join: 'join src on src.ref = e.ref', id: 'src.id' });
    await queryPrepared(
      h.database.db,
      `with src as (select ref, ref || '-' || ${p.add(nasty, 'text')} as id from unnest(array['d', 'b', 'a', 'c']) ref), ${ctes} select 1`,
      p.values,
    );
    const rows = await h.database.rows<{ seq: string; prev_hash: string; hash: string; entity_id: string }>(
      sql`select seq, prev_hash, hash, entity_id from audit_event where stream = ${stream} order by seq`,
    );
    expect(rows.map((r) => [Number(r.seq), r.entity_id])).toEqual([[1, '0'], [2, '1'], ...entries.map((e, i) => [i + 3, `${e.ref}-${nasty}`])]);
    let prevHash = rows[1].hash;
    for (const [i, e] of entries.entries()) {
      const row = rows[i + 2];
      expect(row.prev_hash).toBe(prevHash);
      expect(row.hash).toBe(
        hashAuditRow({
          stream,
          seq: i + 3,
          prevHash,
          occurredAt: at,
          actorId: null,
          actorLabel: e.actor.label,
          action: e.action,
          entityType: e.entityType,
          entityId: `${e.ref}-${nasty}`,
          provinceCode: '08',
          data: e.data,
        }),
      );
      prevHash = row.hash;
    }
    const [head] = await h.database.rows<{ seq: string; hash: string; prev_hash: string }>(
      sql`select seq, hash, prev_hash from audit_stream_head where stream = ${stream}`,
    );
    expect([Number(head.seq), head.hash, head.prev_hash]).toEqual([6, prevHash, rows[1].hash]);
    expect(await problemsOf(stream)).toEqual([]);
  });

  it('concurrent appends to one stream stay gapless', async () => {
    const stream = `test:${uid()}`;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.database.db.transaction((tx) => appendAudit(tx, { stream, actor, action: 'x', entityType: 't', entityId: String(i) })),
      ),
    );
    const rows = await h.database.rows<{ seq: string }>(sql`select seq from audit_event where stream = ${stream} order by seq`);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(await problemsOf(stream)).toEqual([]);
  });

  it('an entry written in a transaction that rolls back leaves no trace', async () => {
    const stream = `test:${uid()}`;
    await writeChain(stream, 1);
    await expect(
      h.database.db.transaction(async (tx) => {
        await appendAudit(tx, { stream, actor, action: 'x', entityType: 't', entityId: 'rolled-back' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await writeChain(stream, 1);
    expect(await problemsOf(stream)).toEqual([]);
  });

  it('detects an altered entry and names it', async () => {
    const stream = `test:${uid()}`;
    await writeChain(stream, 4);
    await h.database.exec(`update audit_event set data = '{"i": 99}' where stream = '${stream}' and seq = 2`);
    expect(await problemsOf(stream)).toEqual([
      { stream, seq: 2, reason: expect.stringContaining('altered'), field: 'hash', expected: expect.any(String), actual: expect.any(String) },
    ]);
  });

  it('detects a deleted entry in the middle and at the end', async () => {
    const mid = `test:${uid()}`;
    await writeChain(mid, 4);
    await h.database.exec(`delete from audit_event where stream = '${mid}' and seq = 3`);
    expect(await problemsOf(mid)).toEqual([{ stream: mid, seq: 3, reason: expect.stringContaining('missing'), field: 'seq', expected: '3', actual: '4' }]);

    const tail = `test:${uid()}`;
    await writeChain(tail, 3);
    await h.database.exec(`delete from audit_event where stream = '${tail}' and seq = 3`);
    expect(await problemsOf(tail)).toEqual([
      {
        stream: tail,
        seq: 3,
        reason: expect.stringContaining('deleted'),
        field: 'head',
        expected: expect.stringMatching(/^3 /),
        actual: expect.stringMatching(/^2 /),
      },
    ]);
    expect((await verifyAudit(h.database.db, 1000, [tail])).chains).toEqual([{ stream: tail, headSeq: 3, intactThrough: 2 }]);
  });
});

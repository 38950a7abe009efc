import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../test/harness.js';
import { queryPrepared } from './client.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const TEXT = `select $1::text as s, 2::int as n, '2026-11-28 01:02:03.456+00'::timestamptz as t, '2026-11-28'::date as d, true as b, '{"a":[1]}'::jsonb as j`;

describe('queryPrepared', () => {
  it('runs a named statement again and again, with drizzle’s types: timestamps and dates stay text', async () => {
    for (const s of ['một', 'hai']) {
      const [row] = await queryPrepared<{ s: string; n: number; t: string; d: string; b: boolean; j: unknown }>(h.database.db, TEXT, [s]);
      expect(row).toMatchObject({ s, n: 2, d: '2026-11-28', b: true, j: { a: [1] } });
      expect(typeof row.t).toBe('string');
      expect(new Date(row.t).toISOString()).toBe('2026-11-28T01:02:03.456Z');
    }
  });

  it('runs inside a transaction, on its connection', async () => {
    const inside = await h.database.db.transaction(async (tx) => {
      await queryPrepared(tx, 'create temporary table qp_probe (v int) on commit drop', []);
      await queryPrepared(tx, 'insert into qp_probe values ($1::int)', [7]);
      return queryPrepared<{ v: number }>(tx, 'select v from qp_probe', []);
    });
    expect(inside).toEqual([{ v: 7 }]);
  });

  it('a failing statement rejects with the database error, with a stack back to the caller; the pool keeps serving', async () => {
    const failing = async function callerOfTheQuery() {
      const rows = await queryPrepared(h.database.db, 'select 1 / $1::int as x', [0]);
      return rows;
    };
    const err = (await failing().catch((e: unknown) => e)) as Error & { code?: string; cause?: Error };
    expect(err).toBeInstanceOf(Error);
    expect(`${err.message} ${err.cause?.message ?? ''}`).toMatch(/division by zero/); // drizzle (PGlite) wraps it
    if (h.database.kind === 'postgres') {
      expect(err.code).toBe('22012');
      expect(err.stack).toContain('callerOfTheQuery');
    }
    for (let i = 0; i < 12; i++) expect(await queryPrepared<{ x: number }>(h.database.db, 'select 1 / $1::int as x', [1])).toEqual([{ x: 1 }]);
  });
});

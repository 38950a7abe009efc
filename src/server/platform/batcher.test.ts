import { describe, expect, it } from 'vitest';
import { KeyedBatcher } from './batcher.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('KeyedBatcher', () => {
  it('runs an idle key at once, and what arrives while it is busy as one batch, in order', async () => {
    const runs: string[][] = [];
    const b = new KeyedBatcher<string, string>(async (key, items) => {
      runs.push(items.map((i) => `${key}:${i}`));
      await tick();
      return items.map((i) => ({ status: 'fulfilled', value: i.toUpperCase() }));
    });
    const answers = await Promise.all([b.submit('a', 'x'), b.submit('a', 'y'), b.submit('b', 'p'), b.submit('a', 'z'), b.submit('b', 'q')]);
    expect(answers).toEqual(['X', 'Y', 'P', 'Z', 'Q']);
    expect(runs).toEqual([['a:x'], ['b:p'], ['a:y', 'a:z'], ['b:q']]);
    // Idle again: the next item runs alone.
    expect(await b.submit('a', 'w')).toBe('W');
    expect(runs.at(-1)).toEqual(['a:w']);
  });

  it('caps a batch at max and rejects only the items the run rejects', async () => {
    const sizes: number[] = [];
    const b = new KeyedBatcher<number, number>(async (_key, items) => {
      sizes.push(items.length);
      await tick();
      return items.map((i) => (i === 3 ? { status: 'rejected', reason: new Error('three') } : { status: 'fulfilled', value: i * 10 }));
    }, 2);
    const settled = await Promise.allSettled([1, 2, 3, 4, 5].map((i) => b.submit('k', i)));
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([10, 20, 'three', 40, 50]);
    expect(sizes).toEqual([1, 2, 2]);
  });

  it('a run that throws rejects its batch, and the key keeps working', async () => {
    let fail = true;
    const b = new KeyedBatcher<number, number>(async (_key, items) => {
      await tick();
      if (fail) throw new Error('down');
      return items.map((i) => ({ status: 'fulfilled', value: i }));
    });
    await expect(b.submit('k', 1)).rejects.toThrow('down');
    fail = false;
    expect(await b.submit('k', 2)).toBe(2);
  });

  it('a run that answers nonsense still answers every item, in flight or queued, and frees the key', async () => {
    let broken = true;
    const b = new KeyedBatcher<number, number>(async (_key, items) => {
      await tick();
      return broken ? (null as never) : items.map((i) => ({ status: 'fulfilled', value: i }));
    });
    const settled = await Promise.allSettled([1, 2, 3].map((i) => b.submit('k', i)));
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected', 'rejected']);
    broken = false;
    expect(await b.submit('k', 4)).toBe(4);
  });
});

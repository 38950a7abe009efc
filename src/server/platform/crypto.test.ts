import { describe, expect, it } from 'vitest';
import { canonicalJson } from './crypto.js';

/** The first implementation: audit hashes already stored were made with it, so the bytes must not change. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`).join(',')}}`;
}

describe('canonicalJson', () => {
  it('sorts keys at every level, drops undefined members, and writes the same bytes as the first implementation', () => {
    const samples: unknown[] = [
      null,
      undefined,
      0,
      -1.5,
      'chuỗi "có" dấu\n',
      [],
      {},
      [1, undefined, 'a', null, { b: 1, a: [2, { d: undefined, c: 'x' }] }],
      { z: 1, a: undefined, Đ: 'đ', é: { y: [], x: {} }, B: true, b: false, '': 'empty', '10': 'ten', '9': 'nine' },
      {
        action: 'intake',
        data: { channel: 'counter', missing: [], reasons: ['Thiếu bản sao'], documents: [{ id: 'd1', name: 'Tờ khai', quantity: 1 }] },
        seq: 'x',
      },
    ];
    for (const s of samples) expect(canonicalJson(s)).toBe(reference(s));
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
  });
});

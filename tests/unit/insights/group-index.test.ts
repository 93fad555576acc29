import { describe, expect, it } from 'vitest';
import { groupIndex } from '../../../src/engine/insights/group-index.ts';
import { prng } from './generate-records.ts';

/** Runs keys through a group index in batches and through a Map, expecting the same ids. */
function check(card: number, keys: number[], kind: 'int' | 'float'): void {
  const firstRows: number[] = [];
  const groupKeys: number[] = [];
  const index = groupIndex(card, (row, key) => { groupKeys.push(key); return firstRows.push(row) - 1; });
  expect(index.kind).toBe(kind);
  const expected = new Map<number, number>();
  const firstRowOf: number[] = [];
  const want = keys.map((k, row) => {
    if (!expected.has(k)) {
      expected.set(k, expected.size);
      firstRowOf.push(row);
    }
    return expected.get(k) as number;
  });
  const got: number[] = [];
  for (let base = 0; base < keys.length; base += 1000) {
    const m = Math.min(1000, keys.length - base);
    const sel = Int32Array.from({ length: m }, (_x, k) => base + k);
    const gids = new Int32Array(m);
    if (index.kind === 'int') index.findBatch(Int32Array.from(keys.slice(base, base + m)), sel, m, gids);
    else if (index.kind === 'float') index.findBatch(Float64Array.from(keys.slice(base, base + m)), sel, m, gids);
    got.push(...gids);
  }
  expect(got).toEqual(want);
  expect(firstRows).toEqual(firstRowOf);
  expect(groupKeys).toEqual([...expected.keys()]);
}

describe('groupIndex', () => {
  const rnd = prng(3);
  it('finds groups in a dense key space', () => check(1000, Array.from({ length: 5000 }, () => Math.floor(rnd() * 1000)), 'int'));
  it('finds groups through the int32 hash table (keys < 2^31), across rehashes', () => {
    check(2 ** 30, Array.from({ length: 200_000 }, () => Math.floor(rnd() * 150_000) * 7001), 'int');
  });
  it('finds groups through the float64 hash table (keys up to 2^53)', () => {
    check(2 ** 52, Array.from({ length: 100_000 }, () => Math.floor(rnd() * 90_000) * 2 ** 22 + 5), 'float');
  });
  it('finds text keys', () => {
    const ids: number[] = [];
    const index = groupIndex(Infinity, (row) => ids.push(row) - 1);
    expect(index.kind === 'text' && ['a', 'b', 'a', 'c', 'b'].map((k, row) => index.find(k, row))).toEqual([0, 1, 0, 2, 1]);
  });
});

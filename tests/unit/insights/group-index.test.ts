import { describe, expect, it } from 'vitest';
import { groupIndex } from '../../../src/engine/insights/group-index.ts';
import { prng } from './generate-records.ts';

/** Runs keys through a group index in batches and through a Map, expecting the same ids. */
function check(card: number, keys: number[]): void {
  const firstRows: number[] = [];
  const index = groupIndex(card, (row) => firstRows.push(row) - 1);
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
    const packed = Float64Array.from(keys.slice(base, base + m));
    const sel = Int32Array.from({ length: m }, (_x, k) => base + k);
    const gids = new Int32Array(m);
    index.findBatch(packed, sel, m, gids);
    got.push(...gids);
  }
  expect(got).toEqual(want);
  expect(firstRows).toEqual(firstRowOf);
}

describe('groupIndex', () => {
  const rnd = prng(3);
  it('finds groups in a dense key space', () => check(1000, Array.from({ length: 5000 }, () => Math.floor(rnd() * 1000))));
  it('finds groups through the int32 hash table (keys < 2^31), across rehashes', () => {
    check(2 ** 30, Array.from({ length: 200_000 }, () => Math.floor(rnd() * 150_000) * 7001));
  });
  it('finds groups through the float64 hash table (keys up to 2^53)', () => {
    check(2 ** 52, Array.from({ length: 100_000 }, () => Math.floor(rnd() * 90_000) * 2 ** 22 + 5));
  });
  it('finds text keys', () => {
    const ids: number[] = [];
    const index = groupIndex(Infinity, (row) => ids.push(row) - 1);
    expect(['a', 'b', 'a', 'c', 'b'].map((k, row) => index.findText(k, row))).toEqual([0, 1, 0, 2, 1]);
  });
});

import type { Compiled } from './compiled.ts';
import type { Value } from './types.ts';
import { sortCompareDirected } from './values.ts';

/** One sort key with its values extracted in selection order. */
interface KeyValues {
  nums: Float64Array | null;
  values: Value[] | null;
  descending: boolean;
}

/** Extracts a key for every row of `rows` (numeric columns into a Float64Array). */
export function extractKey(c: Compiled, rows: ArrayLike<number>, descending: boolean): KeyValues {
  if (c.num) {
    const d = c.num.data;
    const nums = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) nums[k] = d[rows[k]];
    return { nums, values: null, descending };
  }
  const values: Value[] = new Array<Value>(rows.length);
  for (let k = 0; k < rows.length; k++) values[k] = c.get(rows[k]);
  return { nums: null, values, descending };
}

/** Numbers with NaN (null) last whatever the direction. */
function compareNums(a: number, b: number, descending: boolean): number {
  if (a !== a || b !== b) return a !== a ? (b !== b ? 0 : 1) : -1;
  return descending ? b - a : a - b;
}

/**
 * The stable order of positions 0..n-1 by the keys (CloudWatch's sort: see `sortCompare`).
 * When only the first `keep` positions will be used (a `limit` follows), a bounded heap picks
 * them in O(n log keep) instead of sorting everything.
 */
export function sortPositions(n: number, keys: KeyValues[], keep = n): Int32Array {
  let cmp: (p: number, q: number) => number;
  if (keys.length === 1 && keys[0].nums) {
    const nums = keys[0].nums;
    const desc = keys[0].descending;
    cmp = (p, q) => compareNums(nums[p], nums[q], desc) || p - q;
  } else {
    cmp = (p, q) => {
      for (const k of keys) {
        const c = k.nums ? compareNums(k.nums[p], k.nums[q], k.descending) : sortCompareDirected((k.values as Value[])[p], (k.values as Value[])[q], k.descending);
        if (c !== 0) return c;
      }
      return p - q;
    };
  }
  if (keep < n / 4) return Int32Array.from(topPositions(n, cmp, keep));
  const order = Array.from({ length: n }, (_x, k) => k);
  order.sort(cmp);
  return Int32Array.from(order);
}

/** The `keep` smallest positions under `cmp`, sorted, using a max-heap. */
function topPositions(n: number, cmp: (p: number, q: number) => number, keep: number): number[] {
  const heap: number[] = [];
  const siftDown = (at: number): void => {
    for (;;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let big = at;
      if (l < heap.length && cmp(heap[l], heap[big]) > 0) big = l;
      if (r < heap.length && cmp(heap[r], heap[big]) > 0) big = r;
      if (big === at) return;
      [heap[at], heap[big]] = [heap[big], heap[at]];
      at = big;
    }
  };
  for (let p = 0; p < n && keep > 0; p++) {
    if (heap.length < keep) {
      heap.push(p);
      for (let c = heap.length - 1; c > 0;) {
        const parent = (c - 1) >> 1;
        if (cmp(heap[c], heap[parent]) <= 0) break;
        [heap[c], heap[parent]] = [heap[parent], heap[c]];
        c = parent;
      }
    } else if (cmp(p, heap[0]) < 0) {
      heap[0] = p;
      siftDown(0);
    }
  }
  return heap.sort(cmp);
}

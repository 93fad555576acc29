import type { Compiled, Getter } from './compiled.ts';
import type { Value } from './types.ts';
import { sortCompare, toNumber } from './values.ts';

/**
 * One aggregate of a `stats` command, accumulated per group id. Storage grows with the number
 * of groups; `add` takes a batch of rows, with tight loops over typed arrays for stored columns.
 */
export interface Accumulator {
  /** Makes room for group ids below `n`. */
  grow(n: number): void;
  /** Adds rows `sel[0..m)` whose group ids are `gids[0..m)`. */
  add(gids: Int32Array, sel: Int32Array, m: number): void;
  result(group: number): Value;
  /** All results as numbers, NaN for null, when the aggregate is numeric. */
  numbers?(groups: number): Float64Array;
}

/** Lifts a per-row update into a batch loop (for the general, getter-based cases). */
const each = (f: (g: number, i: number) => void) => (gids: Int32Array, sel: Int32Array, m: number): void => {
  for (let k = 0; k < m; k++) f(gids[k], sel[k]);
};

const growF64 = (a: Float64Array<ArrayBuffer>, n: number, fill = 0): Float64Array<ArrayBuffer> => {
  if (a.length >= n) return a;
  const b = new Float64Array(Math.max(n, a.length * 2)).fill(fill);
  b.set(a);
  return b;
};

/**
 * `count(*)`, or `count(field)` counting non-null values (numeric columns: `NumericStats`).
 * With few possible groups (`fewGroups`), runs of rows hit the same counter, and each increment
 * waits for the previous one to be stored; `count(*)` then spreads a batch over four counters
 * per group (summed at the end, exact since counts are integers) so increments overlap.
 */
export function countAcc(arg: Compiled | null, fewGroups = false): Accumulator {
  let c = new Float64Array(16);
  const grow = (n: number): void => { c = growF64(c, n); };
  const result = (g: number): Value => c[g];
  const numbers = (n: number): Float64Array => c.slice(0, n);
  if (!arg && fewGroups) {
    let lanes = new Float64Array(64);
    const total = (g: number): number => lanes[4 * g] + lanes[4 * g + 1] + lanes[4 * g + 2] + lanes[4 * g + 3];
    return {
      grow: (n) => { lanes = growF64(lanes, 4 * n); },
      add: (gids, _sel, m) => {
        let k = 0;
        for (; k + 3 < m; k += 4) {
          lanes[gids[k] << 2]++;
          lanes[(gids[k + 1] << 2) | 1]++;
          lanes[(gids[k + 2] << 2) | 2]++;
          lanes[(gids[k + 3] << 2) | 3]++;
        }
        for (; k < m; k++) lanes[gids[k] << 2]++;
      },
      result: total,
      numbers: (n) => Float64Array.from({ length: n }, (_x, g) => total(g)),
    };
  }
  if (!arg) return { grow, result, numbers, add: (gids, _sel, m) => { for (let k = 0; k < m; k++) c[gids[k]]++; } };
  if (arg.dict) {
    const codes = arg.dict.codes;
    return { grow, result, numbers, add: (gids, sel, m) => { for (let k = 0; k < m; k++) if (codes[sel[k]] !== 0) c[gids[k]]++; } };
  }
  const get = arg.get;
  return { grow, result, numbers, add: each((g, i) => { if (get(i) !== null) c[g]++; }) };
}

/** A numeric reader: typed array when the column is numeric, else the getter through toNumber. */
function numberReader(arg: Compiled): (i: number) => number {
  if (arg.num) { const d = arg.num.data; return (i) => d[i]; }
  const get = arg.get;
  return (i) => { const v = toNumber(get(i)); return v === null ? NaN : v; };
}

/** `sum` and `avg` over computed or text values; null when a group has none (numeric columns: `NumericStats`). */
export function sumAcc(arg: Compiled, average: boolean): Accumulator {
  let s = new Float64Array(16);
  let n = new Float64Array(16);
  const read = numberReader(arg);
  return {
    grow: (k) => { s = growF64(s, k); n = growF64(n, k); },
    add: each((g, i) => { const v = read(i); if (v === v) { s[g] += v; n[g]++; } }),
    result: (g) => (n[g] === 0 ? null : average ? s[g] / n[g] : s[g]),
    numbers: (k) => Float64Array.from({ length: k }, (_x, g) => (n[g] === 0 ? NaN : average ? s[g] / n[g] : s[g])),
  };
}

/** Sample standard deviation (Welford); null below two values, as in SQL's stddev. */
export function stddevAcc(arg: Compiled): Accumulator {
  let n = new Float64Array(16);
  let mean = new Float64Array(16);
  let m2 = new Float64Array(16);
  const read = numberReader(arg);
  return {
    grow: (k) => { n = growF64(n, k); mean = growF64(mean, k); m2 = growF64(m2, k); },
    add: each((g, i) => {
      const v = read(i);
      if (v !== v) return;
      const d = v - mean[g];
      mean[g] += d / ++n[g];
      m2[g] += d * (v - mean[g]);
    }),
    result: (g) => (n[g] < 2 ? null : Math.sqrt(m2[g] / (n[g] - 1))),
  };
}

/**
 * `min`/`max` (and `sortsFirst`/`sortsLast`) of values that are not a stored numeric column:
 * the value that sorts first or last in `sort` order, ignoring nulls (numeric columns go
 * through `NumericStats`).
 */
export function extremeAcc(arg: Compiled, wantMax: boolean): Accumulator {
  const best: Value[] = [];
  const get = arg.get;
  return {
    grow: () => {},
    add: each((g, i) => {
      const v = get(i);
      if (v === null) return;
      const b = best[g];
      if (b === undefined || b === null) { best[g] = v; return; }
      const c = sortCompare(v, b);
      if (wantMax ? c > 0 : c < 0) best[g] = v;
    }),
    result: (g) => best[g] ?? null,
  };
}

/** `count_distinct`: exact (CloudWatch approximates only at very high cardinality). */
export function distinctAcc(arg: Compiled): Accumulator {
  const sets: Array<Set<string | number>> = [];
  const key: (i: number) => string | number | null = arg.dict
    ? ((k: Int32Array) => (i: number) => (k[i] === 0 ? null : k[i]))(arg.dict.codes)
    : arg.get;
  return {
    grow: () => {},
    add: each((g, i) => { const v = key(i); if (v !== null) (sets[g] ??= new Set()).add(v); }),
    result: (g) => sets[g]?.size ?? 0,
  };
}

/**
 * `pct(field, p)`: nearest rank on the sorted numeric values (the smallest value with at least
 * p% of values at or below it); AWS does not name its method.
 */
export function pctAcc(arg: Compiled, p: number): Accumulator {
  const lists: number[][] = [];
  const read = numberReader(arg);
  return {
    grow: () => {},
    add: each((g, i) => { const v = read(i); if (v === v) (lists[g] ??= []).push(v); }),
    result: (g) => {
      const l = lists[g];
      if (!l || l.length === 0) return null;
      l.sort((a, b) => a - b);
      const rank = Math.min(l.length, Math.max(1, Math.ceil((p / 100) * l.length)));
      return l[rank - 1];
    },
  };
}

/** `earliest`/`latest`: the value from the event with the smallest/largest `@timestamp`. */
export function timedAcc(arg: Getter, timestamp: Compiled, latest: boolean): Accumulator {
  const ts = numberReader(timestamp);
  let best = new Float64Array(16).fill(NaN);
  const rows: number[] = [];
  return {
    grow: (k) => { best = growF64(best, k, NaN); },
    add: each((g, i) => {
      const t = ts(i);
      if (t !== t) return;
      const b = best[g];
      // Ties: earliest keeps the first event seen, latest the last one.
      if (b !== b || (latest ? t >= b : t < b)) { best[g] = t; rows[g] = i; }
    }),
    result: (g) => (rows[g] === undefined ? null : arg(rows[g])),
  };
}

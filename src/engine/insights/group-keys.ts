import type { Compiled } from './compiled.ts';
import type { BinCompiled } from './compile-special.ts';
import type { Value } from './types.ts';

/**
 * Turns one group-by key into a small integer code below `card` (0 stands for null), per row
 * or for a batch: `pack` multiplies each packed key by `card` and adds the row's code; with
 * `first` it just writes the codes (the first key of a batch).
 */
export interface KeyEncoder {
  code: (row: number) => number;
  pack: (sel: Int32Array, m: number, acc: Float64Array, first: boolean) => void;
  card: number;
}

/** Largest integer range of a numeric column encoded directly (ports fit, byte counts do not). */
const MAX_NUMERIC_RANGE = 1 << 20;

const packWith = (code: (row: number) => number, card: number) => (sel: Int32Array, m: number, acc: Float64Array, first: boolean): void => {
  if (first) for (let k = 0; k < m; k++) acc[k] = code(sel[k]);
  else for (let k = 0; k < m; k++) acc[k] = acc[k] * card + code(sel[k]);
};

/**
 * Picks the cheapest encoding for a key: the dictionary code of a text column, the offset of a
 * small-range integer column (ports, protocols), the bucket number of `bin()` over the stored
 * `@timestamp`, or else codes handed out on first sight by a Map.
 */
export function keyEncoder(c: Compiled, rowBound: number): KeyEncoder {
  if (c.dict) {
    const codes = c.dict.codes;
    const card = c.dict.values.length;
    return {
      code: (i) => codes[i],
      pack: (sel, m, acc, first) => {
        if (first) for (let k = 0; k < m; k++) acc[k] = codes[sel[k]];
        else for (let k = 0; k < m; k++) acc[k] = acc[k] * card + codes[sel[k]];
      },
      card,
    };
  }
  const col = c.num;
  if (col && col.allInt && col.max - col.min < MAX_NUMERIC_RANGE) {
    const d = col.data;
    const base = col.min - 1;
    const card = col.min <= col.max ? col.max - col.min + 2 : 1;
    return {
      code: (i) => { const v = d[i]; return v === v ? v - base : 0; },
      pack: (sel, m, acc, first) => {
        const scale = first ? 0 : card;
        for (let k = 0; k < m; k++) { const v = d[sel[k]]; acc[k] = acc[k] * scale + (v === v ? v - base : 0); }
      },
      card,
    };
  }
  const bin = (c as Partial<BinCompiled>).bin;
  const ts = bin?.timestamp.num;
  if (bin && ts && bin.period.ms > 0 && bin.period.unit !== 'w' && ts.min <= ts.max && (ts.max - ts.min) / bin.period.ms < MAX_NUMERIC_RANGE * 4) {
    const d = ts.data;
    const ms = bin.period.ms;
    const base = Math.floor(ts.min / ms) - 1;
    const card = Math.floor(ts.max / ms) - base + 1;
    return {
      code: (i) => { const t = d[i]; return t === t ? Math.floor(t / ms) - base : 0; },
      pack: (sel, m, acc, first) => {
        const scale = first ? 0 : card;
        for (let k = 0; k < m; k++) { const t = d[sel[k]]; acc[k] = acc[k] * scale + (t === t ? Math.floor(t / ms) - base : 0); }
      },
      card,
    };
  }
  const seen = new Map<Value, number>([[null, 0]]);
  const get = c.get;
  const code = (i: number): number => {
    const v = get(i);
    let k = seen.get(v);
    if (k === undefined) { k = seen.size; seen.set(v, k); }
    return k;
  };
  return { code, pack: packWith(code, rowBound + 1), card: rowBound + 1 };
}

/** A group key: packed numbers when they fit exactly (`pack` fills a batch), else text per row. */
export interface GroupKey {
  key: (row: number) => number | string;
  pack: ((sel: Int32Array, m: number, acc: Float64Array) => void) | null;
  card: number;
}

/** Combines key encoders into one group key; the first `by` key varies slowest. */
export function combinedKey(encoders: KeyEncoder[]): GroupKey {
  if (encoders.length === 0) return { key: () => 0, pack: (_s, m, acc) => { acc.fill(0, 0, m); }, card: 1 };
  let card = 1;
  for (const e of encoders) card *= e.card;
  if (card > Number.MAX_SAFE_INTEGER) {
    return { key: (i) => encoders.map((e) => e.code(i)).join(','), pack: null, card: Infinity };
  }
  return {
    key: (i) => {
      let k = 0;
      for (const e of encoders) k = k * e.card + e.code(i);
      return k;
    },
    pack: (sel, m, acc) => {
      for (let j = 0; j < encoders.length; j++) encoders[j].pack(sel, m, acc, j === 0);
    },
    card,
  };
}

import type { Compiled } from './compiled.ts';
import type { BinCompiled } from './compile-special.ts';
import { INT_KEYS } from './group-index.ts';
import type { Value } from './types.ts';

/**
 * Turns one group-by key into a small integer code below `card` (0 stands for null), per row
 * or for a batch: `pack` multiplies each packed key by `card` and adds the row's code; with
 * `first` it just writes the codes (the first key of a batch). `value` turns a code back into
 * the key's value, so result keys come from the codes, not from re-reading scattered rows.
 */
export interface KeyEncoder {
  code: (row: number) => number;
  pack: (sel: Int32Array, m: number, acc: Int32Array, first: boolean) => void;
  card: number;
  value: (code: number) => Value;
  /** The row codes themselves, for a dictionary column. */
  codes?: Int32Array;
  /**
   * Writes group ids straight from the rows, calling `lookup` only when the key changes from
   * the previous row (keys that come in long runs, like time buckets over sorted timestamps).
   */
  runIds?: (sel: Int32Array, m: number, gids: Int32Array, lookup: (code: number, row: number) => number) => void;
}

/** Largest integer range of a numeric column encoded directly (ports fit, byte counts do not). */
const MAX_NUMERIC_RANGE = 1 << 20;

const packWith = (code: (row: number) => number, card: number) => (sel: Int32Array, m: number, acc: Int32Array, first: boolean): void => {
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
    const values = c.dict.values;
    const card = values.length;
    return {
      code: (i) => codes[i],
      pack: (sel, m, acc, first) => {
        if (first) for (let k = 0; k < m; k++) acc[k] = codes[sel[k]];
        else for (let k = 0; k < m; k++) acc[k] = acc[k] * card + codes[sel[k]];
      },
      card,
      value: (code) => values[code],
      codes,
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
      value: (code) => (code === 0 ? null : code + base),
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
      // Flow logs stamp many consecutive events with the same second: reusing the last bucket
      // for a repeated timestamp skips most divisions (NaN never equals, so null is recomputed).
      pack: (sel, m, acc, first) => {
        const scale = first ? 0 : card;
        let last = NaN;
        let code = 0;
        for (let k = 0; k < m; k++) {
          const t = d[sel[k]];
          if (t !== last) { code = t === t ? Math.floor(t / ms) - base : 0; last = t; }
          acc[k] = acc[k] * scale + code;
        }
      },
      card,
      // The same number floorTime gives: Math.floor(t / ms) * ms.
      value: (code) => (code === 0 ? null : (code + base) * ms),
      runIds: (sel, m, gids, lookup) => {
        let last = NaN;
        let g = 0;
        for (let k = 0; k < m; k++) {
          const t = d[sel[k]];
          if (t !== last) { g = lookup(t === t ? Math.floor(t / ms) - base : 0, sel[k]); last = t; }
          gids[k] = g;
        }
      },
    };
  }
  const seen = new Map<Value, number>([[null, 0]]);
  const list: Value[] = [null];
  const get = c.get;
  const code = (i: number): number => {
    const v = get(i);
    let k = seen.get(v);
    if (k === undefined) { k = list.length; seen.set(v, k); list.push(v); }
    return k;
  };
  return { code, pack: packWith(code, rowBound + 1), card: rowBound + 1, value: (k) => list[k] };
}

/**
 * A group key over all `by` keys, the first varying slowest. Small key spaces pack a batch into
 * an Int32Array (`packInt`), larger exact ones into a Float64Array (`packFloat`); beyond 2^53
 * the key is text per row. `column(j, ...)` decodes the j-th key's values from packed keys.
 */
export interface GroupKey {
  card: number;
  packInt: ((sel: Int32Array, m: number, acc: Int32Array) => void) | null;
  packFloat: ((sel: Int32Array, m: number, acc: Float64Array) => void) | null;
  text: (row: number) => string;
  /** The j-th key's values decoded from the first `n` packed keys. */
  column: (j: number, packed: Float64Array, n: number) => Value[];
}

export function combinedKey(encoders: KeyEncoder[]): GroupKey {
  let card = 1;
  for (const e of encoders) card *= e.card;
  // suffix[j]: how many packed keys one step of key j spans.
  const suffix = encoders.map((_e, j) => encoders.slice(j + 1).reduce((p, e) => p * e.card, 1));
  const key: GroupKey = {
    card,
    packInt: null,
    packFloat: null,
    text: (i) => encoders.map((e) => e.code(i)).join(','),
    column: (j, packed, n) => {
      const { value, card: c } = encoders[j];
      const s = suffix[j];
      const out = new Array<Value>(n);
      for (let g = 0; g < n; g++) out[g] = value(Math.floor(packed[g] / s) % c);
      return out;
    },
  };
  if (encoders.length === 0) key.packInt = (_s, m, acc) => { acc.fill(0, 0, m); };
  else if (card <= INT_KEYS && encoders.length === 2 && encoders[0].codes && encoders[1].codes) {
    // Two text columns (`by srcAddr, dstAddr`): both codes in one loop.
    const a = encoders[0].codes;
    const b = encoders[1].codes;
    const cardB = encoders[1].card;
    key.packInt = (sel, m, acc) => { for (let k = 0; k < m; k++) { const r = sel[k]; acc[k] = a[r] * cardB + b[r]; } };
  } else if (card <= INT_KEYS) {
    key.packInt = (sel, m, acc) => { for (let j = 0; j < encoders.length; j++) encoders[j].pack(sel, m, acc, j === 0); };
  } else if (card <= Number.MAX_SAFE_INTEGER) {
    key.packFloat = (sel, m, acc) => {
      for (let k = 0; k < m; k++) {
        let x = 0;
        for (const e of encoders) x = x * e.card + e.code(sel[k]);
        acc[k] = x;
      }
    };
  }
  return key;
}

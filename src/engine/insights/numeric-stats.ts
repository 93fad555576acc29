import type { Accumulator } from './aggregates.ts';
import type { Value } from './types.ts';

/** The aggregates one `NumericStats` serves. */
export type NumericKind = 'count' | 'sum' | 'avg' | 'min' | 'max';

const STRIDE = 4; // sum, count, min, max

/**
 * `count`, `sum`, `avg`, `min` and `max` of one numeric column, kept side by side per group
 * ([sum, count, min, max]). With many groups the per-row cost is the cache miss on the group's
 * slot, so `stats avg(bytes), min(bytes), max(bytes) by srcAddr, dstAddr` pays one miss per
 * row instead of four.
 */
export class NumericStats implements Accumulator {
  private a = NumericStats.blank(16 * STRIDE);

  constructor(private readonly d: Float64Array) {}

  private static blank(size: number): Float64Array {
    const a = new Float64Array(size);
    for (let o = 0; o < size; o += STRIDE) { a[o + 2] = NaN; a[o + 3] = NaN; }
    return a;
  }

  grow(n: number): void {
    if (this.a.length >= n * STRIDE) return;
    const next = NumericStats.blank(Math.max(n * STRIDE, this.a.length * 2));
    next.set(this.a);
    this.a = next;
  }

  add(gids: Int32Array, sel: Int32Array, m: number): void {
    const a = this.a;
    const d = this.d;
    for (let k = 0; k < m; k++) {
      const v = d[sel[k]];
      if (v !== v) continue;
      const o = gids[k] * STRIDE;
      a[o] += v;
      a[o + 1]++;
      if (!(v >= a[o + 2])) a[o + 2] = v;
      if (!(v <= a[o + 3])) a[o + 3] = v;
    }
  }

  result(): Value {
    return null;
  }

  /** One aggregate's results; its `add` does nothing (the shared stats are fed once). */
  view(kind: NumericKind): Accumulator {
    const at = (g: number): number => {
      const o = g * STRIDE;
      const n = this.a[o + 1];
      if (kind === 'count') return n;
      if (n === 0) return NaN;
      return kind === 'sum' ? this.a[o] : kind === 'avg' ? this.a[o] / n : kind === 'min' ? this.a[o + 2] : this.a[o + 3];
    };
    return {
      grow: () => {},
      add: () => {},
      result: (g) => { const v = at(g); return v === v ? v : null; },
      numbers: (n) => Float64Array.from({ length: n }, (_x, g) => at(g)),
    };
  }
}

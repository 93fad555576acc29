import type { Accumulator } from './aggregates.ts';
import type { Value } from './types.ts';

/** The aggregates one `NumericStats` serves. */
export type NumericKind = 'count' | 'sum' | 'avg' | 'min' | 'max';

/**
 * `count`, `sum`, `avg`, `min` and `max` of one numeric column, kept side by side per group:
 * [sum, count] or, when a min or max is asked for, [sum, count, min, max]. With many groups the
 * per-row cost is the cache miss on the group's slot, so `stats avg(bytes), min(bytes),
 * max(bytes) by srcAddr, dstAddr` pays one miss per row instead of three, and a plain `sum`
 * keeps its slots half as wide. All views are taken before the first row is added.
 */
export class NumericStats implements Accumulator {
  private stride = 2;
  private a: Float64Array | null = null;
  private groups = 16;

  constructor(private readonly d: Float64Array) {}

  /** The column the stats read (for loops fused with the group lookup, see pair-stats.ts). */
  get column(): Float64Array {
    return this.d;
  }

  /** Whether slots are [sum, count, min, max] rather than [sum, count]; fixed once views are taken. */
  get hasExtremes(): boolean {
    return this.stride === 4;
  }

  /** The slots themselves, `stride` numbers per group; reallocated by `grow`. */
  slotArray(): Float64Array {
    return this.slots();
  }

  private blank(size: number): Float64Array {
    const a = new Float64Array(size);
    if (this.stride === 4) for (let o = 0; o < size; o += 4) { a[o + 2] = Infinity; a[o + 3] = -Infinity; }
    return a;
  }

  private slots(): Float64Array {
    return (this.a ??= this.blank(this.groups * this.stride));
  }

  grow(n: number): void {
    this.groups = Math.max(this.groups, n);
    const a = this.a;
    if (!a || a.length >= n * this.stride) return;
    const next = this.blank(Math.max(n * this.stride, a.length * 2));
    next.set(a);
    this.a = next;
  }

  add(gids: Int32Array, sel: Int32Array, m: number): void {
    const a = this.slots();
    const d = this.d;
    if (this.stride === 2) {
      for (let k = 0; k < m; k++) {
        const v = d[sel[k]];
        if (v !== v) continue;
        const o = gids[k] << 1;
        a[o] += v;
        a[o + 1]++;
      }
      return;
    }
    for (let k = 0; k < m; k++) {
      const v = d[sel[k]];
      if (v !== v) continue;
      const o = gids[k] << 2;
      a[o] += v;
      a[o + 1]++;
      // Branch-free: with few rows per group the running min/max changes too often to predict.
      a[o + 2] = Math.min(a[o + 2], v);
      a[o + 3] = Math.max(a[o + 3], v);
    }
  }

  result(): Value {
    return null;
  }

  /** One aggregate's results; its `add` does nothing (the shared stats are fed once). */
  view(kind: NumericKind): Accumulator {
    if (kind === 'min' || kind === 'max') this.stride = 4;
    const at = (g: number): number => {
      const a = this.slots();
      const o = g * this.stride;
      const n = a[o + 1];
      if (kind === 'count') return n;
      if (n === 0) return NaN;
      return kind === 'sum' ? a[o] : kind === 'avg' ? a[o] / n : kind === 'min' ? a[o + 2] : a[o + 3];
    };
    return {
      grow: () => {},
      add: () => {},
      result: (g) => { const v = at(g); return v === v ? v : null; },
      numbers: (n) => { const out = new Float64Array(n); for (let g = 0; g < n; g++) out[g] = at(g); return out; },
    };
  }
}

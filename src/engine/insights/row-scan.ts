import { applyPart, scanPart, type FilterPart } from './filter-parts.ts';

/** Thrown (and caught by `runQuery`) when the caller's `shouldCancel` returns true. */
export class Cancelled {}

/** Rows handled per batch: small enough for the cache, large enough to amortise the loops. */
export const BATCH = 4096;

/**
 * The rows a stage works on: either an explicit ordered selection, or the store rows
 * `lo..hi-1` that pass every filter part. `checkpoint` runs about every `chunk` rows so that a
 * long scan can be cancelled without a clock.
 */
export interface RowScan {
  lo: number;
  hi: number;
  parts: FilterPart[];
  selection: Int32Array | null;
  chunk: number;
  checkpoint: () => void;
}

/**
 * Calls `visit(sel, m)` with batches of matching rows (`sel[0..m)`, in order). The buffer is
 * reused between calls. Returns how many rows matched.
 */
export function forEachBatch(scan: RowScan, visit: (sel: Int32Array, m: number) => void): number {
  const { parts, selection, checkpoint } = scan;
  const sel = new Int32Array(BATCH);
  const every = Math.max(1, Math.floor(scan.chunk / BATCH));
  let total = 0;
  let batches = 0;
  const from = selection ? 0 : scan.lo;
  const to = selection ? selection.length : scan.hi;
  for (let base = from; base < to; base += BATCH) {
    if (batches++ % every === 0) checkpoint();
    const end = Math.min(to, base + BATCH);
    let m = end - base;
    let p = 0;
    if (selection) for (let k = 0; k < m; k++) sel[k] = selection[base + k];
    else if (parts.length > 0) m = scanPart(parts[p++], base, end, sel);
    else for (let k = 0; k < m; k++) sel[k] = base + k;
    for (; p < parts.length && m > 0; p++) m = applyPart(parts[p], sel, m);
    if (m > 0) visit(sel, m);
    total += m;
  }
  return total;
}

/** Materialises the rows of a scan into an ordered selection. */
export function selectRows(scan: RowScan): Int32Array {
  if (scan.selection && scan.parts.length === 0) return scan.selection;
  const size = scan.selection ? scan.selection.length : Math.max(0, scan.hi - scan.lo);
  let out = new Int32Array(Math.min(size, 1 << 16));
  let n = 0;
  forEachBatch(scan, (sel, m) => {
    if (n + m > out.length) {
      const next = new Int32Array(Math.min(size, Math.max(out.length * 2, n + m)));
      next.set(out.subarray(0, n));
      out = next;
    }
    out.set(sel.subarray(0, m), n);
    n += m;
  });
  return out.subarray(0, n);
}

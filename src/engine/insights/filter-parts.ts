import type { Pred } from './compiled.ts';

/** A comparison operator of a numeric filter. */
export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

/**
 * One conjunct of a filter in a form the batch loops run without a function call per row:
 * a truth table over dictionary codes, a comparison on a numeric column, a closed range (the
 * query's time range), or a general predicate.
 */
export type FilterPart =
  | { kind: 'lookup'; codes: Int32Array; table: Uint8Array }
  | { kind: 'compare'; data: Float64Array; op: CompareOp; value: number }
  | { kind: 'between'; data: Float64Array; lo: number; hi: number }
  | { kind: 'pred'; pred: Pred };

/**
 * Keeps, in place, the rows of `sel[0..m)` that pass the part; returns the new count. Each case
 * is its own tight loop over typed arrays, which is what makes a scan of a million rows cheap.
 */
export function applyPart(p: FilterPart, sel: Int32Array, m: number): number {
  let n = 0;
  switch (p.kind) {
    case 'lookup': {
      const { codes, table } = p;
      for (let k = 0; k < m; k++) { const r = sel[k]; if (table[codes[r]] === 1) sel[n++] = r; }
      return n;
    }
    case 'between': {
      const { data, lo, hi } = p;
      for (let k = 0; k < m; k++) { const r = sel[k]; const v = data[r]; if (v >= lo && v <= hi) sel[n++] = r; }
      return n;
    }
    case 'pred': {
      const f = p.pred;
      for (let k = 0; k < m; k++) { const r = sel[k]; if (f(r)) sel[n++] = r; }
      return n;
    }
    default:
      return applyCompare(p.data, p.op, p.value, sel, m);
  }
}

/**
 * The first part of a scan over store rows `lo..hi-1`: writes the passing rows into `sel` and
 * returns how many, in one loop (no identity selection to fill and compact). The dictionary
 * lookup is branchless: the row is always written and the count advances by the table's 0/1.
 */
export function scanPart(p: FilterPart, lo: number, hi: number, sel: Int32Array): number {
  let n = 0;
  switch (p.kind) {
    case 'lookup': {
      const { codes, table } = p;
      for (let r = lo; r < hi; r++) { sel[n] = r; n += table[codes[r]]; }
      return n;
    }
    case 'compare': return scanCompare(p.data, p.op, p.value, lo, hi, sel);
    default:
      for (let r = lo; r < hi; r++) sel[r - lo] = r;
      return applyPart(p, sel, hi - lo);
  }
}

function scanCompare(d: Float64Array, op: CompareOp, x: number, lo: number, hi: number, sel: Int32Array): number {
  let n = 0;
  switch (op) {
    case '=': for (let r = lo; r < hi; r++) if (d[r] === x) sel[n++] = r; break;
    case '!=': for (let r = lo; r < hi; r++) { const v = d[r]; if (v === v && v !== x) sel[n++] = r; } break;
    case '<': for (let r = lo; r < hi; r++) if (d[r] < x) sel[n++] = r; break;
    case '<=': for (let r = lo; r < hi; r++) if (d[r] <= x) sel[n++] = r; break;
    case '>': for (let r = lo; r < hi; r++) if (d[r] > x) sel[n++] = r; break;
    default: for (let r = lo; r < hi; r++) if (d[r] >= x) sel[n++] = r; break;
  }
  return n;
}

function applyCompare(d: Float64Array, op: CompareOp, x: number, sel: Int32Array, m: number): number {
  let n = 0;
  switch (op) {
    case '=': for (let k = 0; k < m; k++) { const r = sel[k]; if (d[r] === x) sel[n++] = r; } break;
    // NaN is null: `!=` must not match it.
    case '!=': for (let k = 0; k < m; k++) { const r = sel[k]; const v = d[r]; if (v === v && v !== x) sel[n++] = r; } break;
    case '<': for (let k = 0; k < m; k++) { const r = sel[k]; if (d[r] < x) sel[n++] = r; } break;
    case '<=': for (let k = 0; k < m; k++) { const r = sel[k]; if (d[r] <= x) sel[n++] = r; } break;
    case '>': for (let k = 0; k < m; k++) { const r = sel[k]; if (d[r] > x) sel[n++] = r; } break;
    default: for (let k = 0; k < m; k++) { const r = sel[k]; if (d[r] >= x) sel[n++] = r; } break;
  }
  return n;
}

/** The same test as a per-row predicate (for the row-at-a-time paths). */
export function partPred(p: FilterPart): Pred {
  switch (p.kind) {
    case 'lookup': { const { codes, table } = p; return (i) => table[codes[i]] === 1; }
    case 'between': { const { data, lo, hi } = p; return (i) => data[i] >= lo && data[i] <= hi; }
    case 'pred': return p.pred;
    default: {
      const { data: d, value: x } = p;
      switch (p.op) {
        case '=': return (i) => d[i] === x;
        case '!=': return (i) => { const v = d[i]; return v === v && v !== x; };
        case '<': return (i) => d[i] < x;
        case '<=': return (i) => d[i] <= x;
        case '>': return (i) => d[i] > x;
        default: return (i) => d[i] >= x;
      }
    }
  }
}

/** All parts as one predicate. */
export function partsPred(parts: FilterPart[]): Pred | null {
  const preds = parts.map(partPred);
  if (preds.length === 0) return null;
  if (preds.length === 1) return preds[0];
  return (i) => { for (let k = 0; k < preds.length; k++) if (!preds[k](i)) return false; return true; };
}

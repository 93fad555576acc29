import type { Value } from './types.ts';

/**
 * A numeric column: one float per row, NaN for null. Keeps min/max and whether every value is an
 * integer, so that group-by keys on ports or protocols can index a dense table.
 */
export class NumColumn {
  readonly kind = 'num';
  data: Float64Array;
  min = Infinity;
  max = -Infinity;
  allInt = true;

  constructor(capacity: number) {
    this.data = new Float64Array(capacity).fill(NaN);
  }

  set(row: number, v: number): void {
    this.data[row] = v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
    if (this.allInt && !Number.isInteger(v)) this.allInt = false;
  }

  get(row: number): Value {
    const v = this.data[row];
    return v === v ? v : null;
  }

  grow(capacity: number): void {
    const next = new Float64Array(capacity).fill(NaN);
    next.set(this.data);
    this.data = next;
  }

  /** Wraps numbers computed elsewhere (a stats result column), NaN meaning null. */
  static of(data: Float64Array): NumColumn {
    const col = new NumColumn(0);
    col.data = data;
    for (let i = 0; i < data.length; i++) { const v = data[i]; if (v === v) col.set(i, v); }
    return col;
  }
}

/**
 * A dictionary-encoded column: one int32 code per row into `values`; code 0 is null. Equality
 * filters and group-by keys then work on integers instead of strings.
 */
export class DictColumn {
  readonly kind = 'dict';
  codes: Int32Array;
  readonly values: Value[] = [null];
  private readonly index = new Map<string | number, number>();

  constructor(capacity: number) {
    this.codes = new Int32Array(capacity);
  }

  /** The code of a value, adding it to the dictionary when new. */
  codeOf(v: string | number): number {
    let code = this.index.get(v);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(v);
      this.index.set(v, code);
    }
    return code;
  }

  /** The code of a value already in the dictionary, or -1. */
  lookup(v: string | number): number {
    return this.index.get(v) ?? -1;
  }

  set(row: number, v: string | number): void {
    this.codes[row] = this.codeOf(v);
  }

  get(row: number): Value {
    return this.values[this.codes[row]];
  }

  grow(capacity: number): void {
    const next = new Int32Array(capacity);
    next.set(this.codes);
    this.codes = next;
  }

  /** Re-encodes a numeric column whose field turned out to hold text too. */
  static fromNumbers(col: NumColumn, length: number): DictColumn {
    const d = new DictColumn(col.data.length);
    for (let i = 0; i < length; i++) {
      const v = col.data[i];
      if (v === v) d.set(i, v);
    }
    return d;
  }
}

export type Column = NumColumn | DictColumn;

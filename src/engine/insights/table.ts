import type { Expr, Span } from './ast.ts';
import type { CompileContext, Compiled } from './compiled.ts';
import { fail } from './errors.ts';
import { NumColumn } from './columns.ts';
import type { Value } from './types.ts';

/** A table column: values, or numbers with NaN for null (aggregates need no boxing that way). */
export type TableColumn = Value[] | Float64Array;

/**
 * A materialised result after `stats`, stored by column (a million groups would otherwise mean
 * a million small row arrays): names, time flags, one array per column, row count.
 */
export interface Table {
  columns: string[];
  time: boolean[];
  data: TableColumn[];
  length: number;
}

/** A compiled reader of a column; numeric columns get the typed-array fast paths. */
export function columnCompiled(col: TableColumn, time: boolean): Compiled {
  if (col instanceof Float64Array) {
    return { get: (i) => { const v = col[i]; return v === v ? v : null; }, time, num: NumColumn.of(col) };
  }
  return { get: (i) => col[i], time };
}

const columnGetter = (t: Table, k: number): Compiled => columnCompiled(t.data[k], t.time[k]);

/**
 * Resolves field names against a table's columns; any other name is an error after stats.
 * An expression written exactly as an unaliased stats column (`sort bin(5m)`) reads that column.
 */
export function tableContext(t: Table, text = ''): CompileContext {
  return {
    column(e: Expr): Compiled | undefined {
      if (e.type === 'field' || !text) return undefined;
      const k = t.columns.lastIndexOf(text.slice(e.offset, e.offset + e.length).replace(/\s+/g, ' ').trim());
      return k < 0 ? undefined : columnGetter(t, k);
    },
    resolve(name: string, at: Span): Compiled {
      const k = t.columns.lastIndexOf(name);
      if (k < 0) {
        const list = t.columns.map((c) => `"${c}"`).join(', ');
        return fail('unknown-field', `"${name}" is not available after stats: use ${list || 'a stats result'}`, at.offset, Math.max(1, at.length));
      }
      return columnGetter(t, k);
    },
  };
}

/** Adds a column to a table, or replaces a column of the same name. */
export function setColumn(t: Table, name: string, c: Compiled): void {
  const values: Value[] = new Array<Value>(t.length);
  for (let i = 0; i < t.length; i++) values[i] = c.get(i);
  const k = t.columns.indexOf(name);
  if (k < 0) {
    t.columns.push(name);
    t.time.push(c.time);
    t.data.push(values);
  } else {
    t.time[k] = c.time;
    t.data[k] = values;
  }
}

/** Keeps the rows at the given positions, in that order. */
export function takeRows(t: Table, positions: ArrayLike<number>): void {
  t.data = t.data.map((col) => (col instanceof Float64Array
    ? Float64Array.from(positions as ArrayLike<number>, (p) => col[p])
    : Array.from(positions as ArrayLike<number>, (p) => col[p])));
  t.length = positions.length;
}

/** A column as plain values (NaN back to null). */
export function columnValues(col: TableColumn): Value[] {
  return col instanceof Float64Array ? Array.from(col, (v) => (v === v ? v : null)) : col;
}

/** The table as row arrays (done last, on at most the limited rows). */
export function toRows(t: Table): Value[][] {
  const cols = t.data.map(columnValues);
  return Array.from({ length: t.length }, (_x, i) => cols.map((col) => col[i]));
}

import type { Command, NamedExpr } from './ast.ts';
import type { ColumnStore } from './column-store.ts';
import { compileExpr } from './compile-expr.ts';
import { compileFilterParts } from './compile-filter.ts';
import type { FilterPart } from './filter-parts.ts';
import { constant, type CompileContext, type Compiled } from './compiled.ts';
import { dedupPositions } from './dedup.ts';
import { parseExtractors } from './parse-fields.ts';
import { forEachBatch, selectRows, type RowScan } from './row-scan.ts';
import { extractKey, sortPositions } from './sort-rows.ts';
import { runStats } from './stats-exec.ts';
import type { Table } from './table.ts';
import type { Value } from './types.ts';

/** CloudWatch returns at most this many rows when the query has no `limit`. */
export const DEFAULT_LIMIT = 10_000;

interface Column {
  name: string;
  c: Compiled;
}

/**
 * The part of a query that runs over stored events, before any `stats`. Filters stay lazy
 * (filter parts over a row range) until a command needs the rows themselves: `sort`, `limit`,
 * `dedup`, or the output. `stats` consumes the lazy scan directly, so filter + stats is one pass.
 */
export class EventsStage {
  private readonly env = new Map<string, Compiled>();
  private readonly fields: Column[] = [];
  private display: Column[] | null = null;
  private parts: FilterPart[];
  private selection: Int32Array | null = null;
  private ordered = false;
  limited = false;
  /** Events that passed the filters, once known. */
  matched = 0;
  readonly ctx: CompileContext;

  constructor(
    private readonly store: ColumnStore,
    private readonly scan: RowScan,
  ) {
    this.ctx = { resolve: (name) => this.env.get(name) ?? this.stored(name) };
    this.parts = [...scan.parts];
  }

  /**
   * Applies one command; returns a table when the command was `stats`. `keep` bounds how many
   * rows a `sort` must order or a `stats` must output, when a limit follows.
   */
  apply(cmd: Command, keep = Infinity): Table | null {
    switch (cmd.kind) {
      case 'fields': this.define(cmd.items, this.fields); return null;
      case 'display': this.display = []; this.define(cmd.items, this.display); return null;
      case 'parse': {
        const extracted = parseExtractors(cmd, compileExpr(cmd.source, this.ctx));
        cmd.names.forEach((n, k) => this.env.set(n, extracted[k]));
        return null;
      }
      case 'filter': {
        const parts = compileFilterParts(cmd.expr, this.ctx);
        if (this.selection) {
          this.selection = selectRows({ ...this.scan, parts, selection: this.selection });
          if (!this.limited) this.matched = this.selection.length;
        } else this.parts.push(...parts);
        return null;
      }
      case 'sort': {
        // Sorting is stable over the default newest-first order, so ties stay newest first and
        // `sort @timestamp desc` gives exactly the unsorted output.
        if (keep < Infinity && cmd.keys.length === 1 && cmd.keys[0].descending && this.isStoredTime(compileExpr(cmd.keys[0].expr, this.ctx))) {
          this.selection = this.newestRows(keep);
          return null;
        }
        const rows = this.orderedRows();
        const keys = cmd.keys.map((k) => extractKey(compileExpr(k.expr, this.ctx), rows, k.descending));
        this.scan.checkpoint();
        this.selection = sortPositions(rows.length, keys, Math.min(keep, rows.length)).map((p) => rows[p]);
        this.ordered = true;
        return null;
      }
      case 'limit': this.selection = this.newestRows(cmd.count).slice(0, cmd.count); this.limited = true; return null;
      case 'dedup': {
        const rows = this.orderedRows();
        const getters = cmd.fields.map((f) => this.ctx.resolve(f.name, f).get);
        this.selection = Int32Array.from(dedupPositions(rows.length, getters.map((g) => (p: number) => g(rows[p]))), (p) => rows[p]);
        return null;
      }
      case 'stats': {
        const scan: RowScan = { ...this.scan, parts: this.selection ? [] : this.parts, selection: this.selection };
        const bound = this.selection ? this.selection.length : this.scan.hi - this.scan.lo;
        const { table, matched } = runStats(cmd, this.ctx, scan, bound, keep);
        if (!this.selection) this.matched = matched;
        return table;
      }
    }
  }

  /** The output: shown columns over the (default-ordered, default-limited) events. */
  finish(): Table {
    let rows = this.orderedRows();
    if (!this.limited && rows.length > DEFAULT_LIMIT) rows = rows.subarray(0, DEFAULT_LIMIT);
    const cols = this.display ?? (this.fields.length ? this.fields : this.defaultColumns());
    const out: Table = { columns: cols.map((c) => c.name), time: cols.map((c) => c.c.time), data: [], length: rows.length };
    for (const { c } of cols) {
      this.scan.checkpoint();
      const values: Value[] = new Array<Value>(rows.length);
      for (let k = 0; k < rows.length; k++) values[k] = c.get(rows[k]);
      out.data.push(values);
    }
    return out;
  }

  private define(items: NamedExpr[], into: Column[]): void {
    for (const it of items) {
      const c = compileExpr(it.expr, this.ctx);
      this.env.set(it.name, c);
      const at = into.findIndex((x) => x.name === it.name);
      if (at >= 0) into[at] = { name: it.name, c };
      else into.push({ name: it.name, c });
    }
  }

  private defaultColumns(): Column[] {
    return ['@timestamp', '@message'].map((name) => ({ name, c: this.ctx.resolve(name, { offset: 0, length: 0 }) }));
  }

  /** A stored field as a compiled column; unknown fields read as null. */
  private stored(name: string): Compiled {
    if (name === '@message') {
      const store = this.store;
      return { get: (i) => store.message(i), time: false };
    }
    const col = this.store.column(name);
    if (!col) return constant(null);
    if (col.kind === 'num') {
      const d = col.data;
      return { get: (i) => { const v = d[i]; return v === v ? v : null; }, time: name === '@timestamp', num: col };
    }
    const { codes, values } = col;
    return { get: (i) => values[codes[i]], time: false, dict: col };
  }

  /** True when `c` reads the stored `@timestamp` itself. */
  private isStoredTime(c: Compiled): boolean {
    const col = this.store.column('@timestamp');
    return col !== undefined && c.num === col;
  }

  /**
   * The first `keep` rows in result order. When the rows are not materialised yet and the store
   * is in time order, the default newest-first order is reverse store order, so one pass that
   * counts the matches and keeps the last `keep` of them in a ring buffer is enough (`filter …
   * | limit 25`, `sort @timestamp desc | limit 25` over a million events).
   */
  private newestRows(keep: number): Int32Array {
    if (this.selection || !this.store.timeSorted) return this.orderedRows();
    const size = Math.max(0, Math.min(keep, this.scan.hi - this.scan.lo));
    const ring = new Int32Array(size);
    let seen = 0;
    // Rows earlier in a batch than its last `size` would be overwritten anyway.
    this.matched = forEachBatch({ ...this.scan, parts: this.parts }, (sel, m) => {
      for (let k = Math.max(0, m - size); k < m; k++) ring[seen++ % size] = sel[k];
    });
    const n = Math.min(size, seen);
    const out = new Int32Array(n);
    for (let k = 0; k < n; k++) out[k] = ring[(seen - 1 - k) % size];
    this.parts = [];
    this.ordered = true;
    return (this.selection = out);
  }

  /** Materialises the matching rows (in store order unless sorted). */
  private rows(): Int32Array {
    if (!this.selection) {
      this.selection = selectRows({ ...this.scan, parts: this.parts });
      this.matched = this.selection.length;
      this.parts = [];
    }
    return this.selection;
  }

  /**
   * The rows in result order. Without a `sort`, CloudWatch orders events by `@timestamp`
   * descending (its dedup page says so); ties put the later-stored event first.
   */
  private orderedRows(): Int32Array {
    const rows = this.rows();
    if (this.ordered) return rows;
    this.ordered = true;
    const reversed = rows.slice().reverse();
    if (!this.store.timeSorted) {
      const key = extractKey(this.stored('@timestamp'), reversed, true);
      this.selection = sortPositions(reversed.length, [key]).map((p) => reversed[p]);
    } else this.selection = reversed;
    return this.selection;
  }
}

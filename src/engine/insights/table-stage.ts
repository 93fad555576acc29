import type { Command, NamedExpr } from './ast.ts';
import { compileExpr } from './compile-expr.ts';
import { compilePredicate } from './compile-filter.ts';
import { dedupPositions } from './dedup.ts';
import { DEFAULT_LIMIT } from './events-stage.ts';
import { parseExtractors } from './parse-fields.ts';
import type { RowScan } from './row-scan.ts';
import { extractKey, sortPositions } from './sort-rows.ts';
import { runStats } from './stats-exec.ts';
import { setColumn, tableContext, takeRows, type Table } from './table.ts';

const positions = (n: number): Int32Array => {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
};

/**
 * The part of a query after `stats`: commands run over the materialised result columns. Only
 * the fields the stats command produced (and later `fields`/`parse`) can be referenced.
 */
export class TableStage {
  private display: NamedExpr[] | null = null;
  private limited = false;

  constructor(
    private table: Table,
    private readonly checkpoint: () => void,
    private readonly text: string,
  ) {}

  /** Applies one command; `keep` bounds how many rows a `sort` must order (a limit follows). */
  apply(cmd: Command, keep = Infinity): void {
    const t = this.table;
    const ctx = tableContext(t, this.text);
    this.checkpoint();
    switch (cmd.kind) {
      case 'fields':
        for (const it of cmd.items) setColumn(t, it.name, compileExpr(it.expr, tableContext(t, this.text)));
        return;
      case 'display':
        this.display = cmd.items;
        return;
      case 'parse': {
        const extracted = parseExtractors(cmd, compileExpr(cmd.source, ctx));
        cmd.names.forEach((n, k) => setColumn(t, n, extracted[k]));
        return;
      }
      case 'filter': {
        const pred = compilePredicate(cmd.expr, ctx);
        const kept: number[] = [];
        for (let i = 0; i < t.length; i++) if (pred(i)) kept.push(i);
        takeRows(t, kept);
        return;
      }
      case 'sort': {
        const all = positions(t.length);
        const keys = cmd.keys.map((k) => extractKey(compileExpr(k.expr, ctx), all, k.descending));
        takeRows(t, sortPositions(t.length, keys, Math.min(keep, t.length)));
        return;
      }
      case 'limit':
        if (t.length > cmd.count) takeRows(t, positions(cmd.count));
        this.limited = true;
        return;
      case 'dedup':
        takeRows(t, dedupPositions(t.length, cmd.fields.map((f) => ctx.resolve(f.name, f).get)));
        return;
      case 'stats': {
        const scan: RowScan = { lo: 0, hi: t.length, parts: [], selection: positions(t.length), chunk: 65_536, checkpoint: this.checkpoint };
        this.table = runStats(cmd, ctx, scan, t.length, keep).table;
        return;
      }
    }
  }

  /** The output table: `display` columns if given, the default row limit applied. */
  finish(): Table {
    const t = this.table;
    if (!this.limited && t.length > DEFAULT_LIMIT) takeRows(t, positions(DEFAULT_LIMIT));
    if (!this.display) return t;
    const ctx = tableContext(t, this.text);
    const out: Table = { columns: [], time: [], data: [], length: t.length };
    for (const it of this.display) setColumn(out, it.name, compileExpr(it.expr, ctx));
    return out;
  }
}

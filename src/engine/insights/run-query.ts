import type { ColumnStore } from './column-store.ts';
import { errorFromCaught, toQueryError } from './errors.ts';
import { DEFAULT_LIMIT, EventsStage } from './events-stage.ts';
import { parseQuery, type ParsedQuery } from './parser.ts';
import { formatTimestamp } from './periods.ts';
import { Cancelled, type RowScan } from './row-scan.ts';
import { TableStage } from './table-stage.ts';
import { columnValues, toRows, type Table } from './table.ts';
import type { QueryResult, RunOptions } from './types.ts';

/**
 * Runs a Logs Insights query over a store. Never throws: parse and compile errors come back as
 * `{ ok: false, error }` with a position; a cancelled run as `{ ok: false, cancelled: true }`.
 * The engine has no clock, so `stats.ms` is left for the caller to fill in.
 */
export function runQuery(store: ColumnStore, query: string | ParsedQuery, options: RunOptions = {}): QueryResult {
  if (typeof query === 'string') {
    const p = parseQuery(query);
    return p.ok ? execute(store, p.query, options) : p;
  }
  return execute(store, query, options);
}

function execute(store: ColumnStore, parsed: ParsedQuery, options: RunOptions): QueryResult {
  const text = typeof parsed?.text === 'string' ? parsed.text : '';
  try {
    const chunk = Math.max(1, Math.floor(options.cancelCheckRows ?? 65_536));
    const should = options.shouldCancel;
    const checkpoint = should ? (): void => { if (should()) throw new Cancelled(); } : (): void => {};
    const { scan, scanned } = timeRange(store, options, chunk, checkpoint);
    const events = new EventsStage(store, scan);
    let tableStage: TableStage | null = null;
    for (let k = 0; k < parsed.commands.length; k++) {
      const cmd = parsed.commands[k];
      const keep = rowsKept(parsed.commands, k);
      if (tableStage) tableStage.apply(cmd, keep);
      else {
        const table = events.apply(cmd, keep);
        if (table) tableStage = new TableStage(table, checkpoint, text);
      }
    }
    const out = tableStage ? tableStage.finish() : events.finish();
    if (!options.rawTimestamps) formatTimes(out);
    return {
      ok: true,
      columns: out.columns,
      rows: toRows(out),
      stats: { recordsScanned: scanned, recordsMatched: events.matched },
      warnings: parsed.warnings ?? [],
    };
  } catch (e) {
    if (e instanceof Cancelled) return { ok: false, cancelled: true, error: toQueryError(text, 'cancelled', 'cancelled', 0, 0) };
    return { ok: false, error: errorFromCaught(text, e) };
  }
}

/** Formats the time columns as CloudWatch shows them. */
function formatTimes(t: Table): void {
  t.data = t.data.map((col, k) => (t.time[k] ? columnValues(col).map((v) => (typeof v === 'number' ? formatTimestamp(v) : v)) : col));
}

/**
 * How many leading rows of a `sort` or `stats` at position k can reach the output: the next
 * command that changes the row set decides (a limit keeps its count; the end of the query keeps
 * the default limit); filters, sorts, dedup and stats need everything.
 */
function rowsKept(commands: ParsedQuery['commands'], k: number): number {
  if (commands[k].kind !== 'sort' && commands[k].kind !== 'stats') return Infinity;
  for (let j = k + 1; j < commands.length; j++) {
    const c = commands[j];
    if (c.kind === 'limit') return c.count;
    if (c.kind !== 'fields' && c.kind !== 'display' && c.kind !== 'parse') return Infinity;
  }
  return DEFAULT_LIMIT;
}

/**
 * The rows inside the time range. When timestamps were appended in order the range is found by
 * binary search; otherwise a predicate on `@timestamp` does the job (and rows are counted).
 */
function timeRange(store: ColumnStore, o: RunOptions, chunk: number, checkpoint: () => void): { scan: RowScan; scanned: number } {
  const base: RowScan = { lo: 0, hi: store.length, parts: [], selection: null, chunk, checkpoint };
  const from = o.start ?? -Infinity;
  const to = o.end ?? Infinity;
  if (from === -Infinity && to === Infinity) return { scan: base, scanned: store.length };
  const col = store.column('@timestamp');
  if (!col || col.kind !== 'num') return { scan: { ...base, hi: 0 }, scanned: 0 };
  const d = col.data;
  if (store.timeSorted) {
    const lo = lowerBound(d, store.length, from, false);
    const hi = lowerBound(d, store.length, to, true);
    return { scan: { ...base, lo, hi: Math.max(lo, hi) }, scanned: Math.max(0, hi - lo) };
  }
  let scanned = 0;
  for (let i = 0; i < store.length; i++) if (d[i] >= from && d[i] <= to) scanned++;
  return { scan: { ...base, parts: [{ kind: 'between', data: d, lo: from, hi: to }] }, scanned };
}

/** First index whose value is >= x (or > x when `after`), in a sorted prefix of length n. */
function lowerBound(d: Float64Array, n: number, x: number, after: boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after ? d[mid] <= x : d[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The Logs Insights engine, off the main thread: keeps each log group's events, builds a column
 * store for the chosen groups (cached while nothing changes) and runs queries. Cancel is
 * `worker.terminate()` on the other side, so a long scan never blocks the page.
 */
import { buildStore, parseQuery, runQuery, type ColumnStore, type InsightsRecord } from '../../engine/insights/index.ts';
import { insightsRecordOf } from '../../engine/labs/insights-records.ts';
import type { FromWorker, GroupData, ToWorker } from './protocol.ts';

const groups = new Map<string, { version: string; events: InsightsRecord[] }>();
let cached: { key: string; store: ColumnStore } | null = null;

function eventsOf(d: GroupData): InsightsRecord[] {
  if (d.kind === 'events') return d.records;
  return d.records.map((r) => insightsRecordOf(r, d.formats[r.flowLogId] ?? null));
}

function storeFor(names: { name: string; version: string }[]): ColumnStore {
  const key = names.map((g) => `${g.name}@${g.version}`).join('|');
  if (cached?.key === key) return cached.store;
  const all: InsightsRecord[] = [];
  for (const g of names) for (const e of groups.get(g.name)?.events ?? []) all.push(e);
  const t = (e: InsightsRecord): number => (typeof e['@timestamp'] === 'number' ? e['@timestamp'] : typeof e.start === 'number' ? e.start * 1000 : 0);
  all.sort((a, b) => t(a) - t(b));
  cached = { key, store: buildStore(all) };
  return cached.store;
}

/** Which chart suits the query: a time series for `stats … by bin()`, bars for other stats. */
function chartOf(query: string): FromWorker['chart'] {
  const p = parseQuery(query);
  if (!p.ok) return null;
  const stats = [...p.query.commands].reverse().find((c) => c.kind === 'stats');
  if (!stats || stats.kind !== 'stats') return null;
  const bin = stats.by.find((b) => b.expr.type === 'call' && b.expr.name.toLowerCase() === 'bin');
  return bin ? { kind: 'time', x: bin.name } : { kind: 'bar' };
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'load') {
    groups.set(m.group, { version: m.version, events: eventsOf(m.data) });
    return;
  }
  const t0 = performance.now();
  const store = storeFor(m.groups);
  const result = runQuery(store, m.query, { start: m.start, end: m.end });
  const ms = Math.round(performance.now() - t0);
  const reply: FromWorker = { type: 'result', id: m.id, result, ms, fields: store.fieldNames(), chart: result.ok ? chartOf(m.query) : null };
  (self as unknown as Worker).postMessage(reply);
};

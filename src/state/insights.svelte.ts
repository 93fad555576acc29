/**
 * Logs Insights console state: the log groups a query can read (the snapshot's CloudWatch Logs
 * log groups with delivered records, plus imported flow-log files), the query text, the time
 * range on the simulated clock, and the last result. The engine runs in a Web Worker; this
 * module only holds data, so it stays out of the first-paint cost.
 */
import type { FlowLogRecord } from '../engine/flowlog/index.ts';
import type { FlowLogLineError, InsightsRecord, QueryError, QuerySuccess } from '../engine/insights/index.ts';
import type { CompletedQuery } from '../engine/labs/query-runs.ts';
import { traces } from './trace.svelte.ts';

/** A flow-log file the learner imported: its own log group. */
export interface ImportedFile {
  /** Log group name shown in the picker: `file:<name>`. */
  group: string;
  name: string;
  records: InsightsRecord[];
  errors: FlowLogLineError[];
  /** Format fields (`version`, `account-id`...). */
  format: string[];
  header: boolean;
}

/** A log group the console can query. */
export interface LogGroupInfo {
  name: string;
  kind: 'simulated' | 'file';
  events: number;
}

/** The time range of a query, on the simulated clock. */
export type TimeRange =
  | { kind: 'relative'; seconds: number }
  | { kind: 'absolute'; start: number; end: number }
  | { kind: 'all' };

/** How the last result may be drawn. */
export type ChartKind = { kind: 'time'; x: string } | { kind: 'bar' } | null;

/** The last run, as the console shows it. */
export type RunState =
  | { status: 'idle' }
  | { status: 'running'; startedAt: number }
  | { status: 'done'; result: QuerySuccess; ms: number; chart: ChartKind; groups: string[] }
  | { status: 'error'; error: QueryError }
  | { status: 'cancelled' };

/** The text of the console's first sample query (CloudWatch's flow-log sample). */
export const DEFAULT_QUERY = 'stats sum(bytes) as bytesTransferred by srcAddr, dstAddr\n| sort bytesTransferred desc\n| limit 10';

/** Relative presets, as the CloudWatch console offers them. */
export const RELATIVE_PRESETS: { label: string; seconds: number }[] = [
  { label: '5m', seconds: 300 }, { label: '15m', seconds: 900 }, { label: '30m', seconds: 1800 },
  { label: '1h', seconds: 3600 }, { label: '3h', seconds: 10800 }, { label: '12h', seconds: 43200 },
  { label: '1d', seconds: 86400 }, { label: '1w', seconds: 604800 },
];

class InsightsState {
  files = $state.raw<ImportedFile[]>([]);
  /** Chosen log groups; empty means none chosen yet (the console then picks all). */
  selected = $state.raw<string[]>([]);
  query = $state(DEFAULT_QUERY);
  range = $state.raw<TimeRange>({ kind: 'relative', seconds: 3600 });
  run = $state.raw<RunState>({ status: 'idle' });
  /** Field names discovered by the last run, for completion. */
  fields = $state.raw<string[]>([]);
  /** The console's sub-view. */
  view = $state<'query' | 'metrics' | 'cost'>('query');
  /** Who hears of each query that completes in the console (the labs record it as the learner's run). */
  #completedListeners = new Set<(run: CompletedQuery) => void>();

  /** CloudWatch Logs records delivered by now, by log group. */
  readonly simulated = $derived.by((): Map<string, FlowLogRecord[]> => {
    const out = new Map<string, FlowLogRecord[]>();
    for (const r of traces.visible) {
      if (!r.logGroup) continue;
      let list = out.get(r.logGroup);
      if (!list) out.set(r.logGroup, (list = []));
      list.push(r);
    }
    return out;
  });

  readonly groups = $derived.by((): LogGroupInfo[] => {
    const sim = [...this.simulated].map(([name, recs]) => ({ name, kind: 'simulated' as const, events: recs.length }));
    return [...sim, ...this.files.map((f) => ({ name: f.group, kind: 'file' as const, events: f.records.length }))];
  });

  /** The groups a run reads: the chosen ones still present, else all. */
  get effectiveGroups(): string[] {
    const names = this.groups.map((g) => g.name);
    const chosen = this.selected.filter((n) => names.includes(n));
    return chosen.length ? chosen : names;
  }

  /** The time range in epoch ms; null bounds are open. */
  bounds(): { start?: number; end?: number } {
    const r = this.range;
    if (r.kind === 'all') return {};
    if (r.kind === 'absolute') return { start: Number.isFinite(r.start) ? r.start : undefined, end: Number.isFinite(r.end) ? r.end : undefined };
    const end = traces.clock * 1000;
    return { start: end - r.seconds * 1000, end };
  }

  addFile(f: Omit<ImportedFile, 'group'>): string {
    let group = `file:${f.name}`;
    for (let n = 2; this.files.some((x) => x.group === group); n++) group = `file:${f.name} (${n})`;
    this.files = [...this.files, { ...f, group }];
    return group;
  }

  removeFile(group: string): void {
    this.files = this.files.filter((f) => f.group !== group);
    this.selected = this.selected.filter((g) => g !== group);
  }

  /** Calls `listener` after each query the learner runs to completion in the console; returns the unsubscribe. */
  onCompleted(listener: (run: CompletedQuery) => void): () => void {
    this.#completedListeners.add(listener);
    return () => this.#completedListeners.delete(listener);
  }

  /** The console reports a query that completed: its text as run, the log groups it read, its result. */
  completed(query: string, groups: readonly string[], result: QuerySuccess): void {
    const files = new Set(this.files.map((f) => f.group));
    const run: CompletedQuery = {
      query,
      groups: groups.filter((g) => !files.has(g)),
      files: groups.filter((g) => files.has(g)),
      columns: result.columns,
      rows: result.rows,
    };
    for (const listener of this.#completedListeners) listener(run);
  }

  /** Appends generated records to the learner's logged records and moves the clock to `until`. */
  appendRecords(records: readonly FlowLogRecord[], until: number): number {
    const written = traces.log(records);
    if (until > traces.clock) traces.clock = until;
    return written;
  }
}

export const insights = new InsightsState();

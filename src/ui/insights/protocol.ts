/** Messages between the Logs Insights console and its query worker. */
import type { FlowLogRecord } from '../../engine/flowlog/index.ts';
import type { InsightsRecord, QueryResult } from '../../engine/insights/index.ts';

/** A log group's events, sent once per version. */
export type GroupData =
  /** Simulated records, with each flow log's custom LogFormat (null: default format). */
  | { kind: 'flow'; records: FlowLogRecord[]; formats: Record<string, string | null> }
  /** Events parsed from an imported file. */
  | { kind: 'events'; records: InsightsRecord[] };

export type ToWorker =
  | { type: 'load'; group: string; version: string; data: GroupData }
  | { type: 'run'; id: number; groups: { name: string; version: string }[]; query: string; start?: number; end?: number };

export type FromWorker =
  | { type: 'result'; id: number; result: QueryResult; ms: number; fields: string[]; chart: { kind: 'time'; x: string } | { kind: 'bar' } | null };

/**
 * Flow-log records as CloudWatch Logs Insights sees them: the fields of the record's own
 * format (the default version 2 fields unless its flow log has a custom LogFormat), the raw
 * line as @message, @logStream "eni-…-all" and @timestamp = start, as CloudWatch stores them.
 */
import type { FlowLogRecord } from '../flowlog/index.ts';
import { type ColumnStore, type InsightsRecord, buildStore, parseFlowLogText } from '../insights/index.ts';
import type { Network } from '../model/network.ts';

const V2 = ['version', 'accountId', 'interfaceId', 'srcAddr', 'dstAddr', 'srcPort', 'dstPort', 'protocol', 'packets', 'bytes', 'start', 'end', 'action', 'logStatus'] as const;

/** One record as a log event. */
export function insightsRecordOf(r: FlowLogRecord, format: string | null): InsightsRecord {
  const parsed = format ? parseFlowLogText(r.line, { format }).records[0] : undefined;
  const base: InsightsRecord = parsed ?? Object.fromEntries(V2.map((k) => [k, r.fields[k]]));
  return { ...base, '@message': r.line, '@logStream': `${r.interfaceId}-all`, '@timestamp': r.fields.start * 1000 };
}

/** A store of records; a record's format is its flow log's, looked up in the current network. */
export function storeOf(records: readonly FlowLogRecord[], net: Network): ColumnStore {
  const formats = new Map<string, string | null>();
  for (const fl of net.flowLogs) if (!formats.has(fl.id)) formats.set(fl.id, fl.format);
  const sorted = [...records].sort((a, b) => a.fields.start - b.fields.start);
  return buildStore(sorted.map((r) => insightsRecordOf(r, formats.get(r.flowLogId) ?? null)));
}

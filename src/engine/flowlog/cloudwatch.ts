/**
 * CloudWatch Logs delivery: one log stream per interface in the flow log's log group, named
 * `eni-…-all`; several flow logs that write to one log group share the interface's stream.
 * An event's timestamp is the record's start.
 */
import type { FlowLogRecord } from './fields.ts';

/** One log event as CloudWatch Logs stores it. */
export interface LogEvent {
  /** Milliseconds since the epoch, as CloudWatch Logs stores timestamps: the record's start. */
  timestampMs: number;
  message: string;
}

/** A log stream with its events in timestamp order. */
export interface LogStream {
  /** Null when the flow log names no log group (the flow logs `all` mode synthesizes). */
  logGroup: string | null;
  logStream: string;
  events: LogEvent[];
}

/** The log stream an interface's records go to: "eni-0123456789abcdef0-all". */
export function logStreamName(interfaceId: string): string {
  return `${interfaceId}-all`;
}

/** The log event of a record. */
export function logEventOf(record: FlowLogRecord): LogEvent {
  return { timestampMs: record.fields.start * 1000, message: record.line };
}

/**
 * Groups records into log streams (by log group and interface), streams in order of first
 * record, events sorted by timestamp (stable: records with one start keep their order).
 */
export function groupLogStreams(records: readonly FlowLogRecord[]): LogStream[] {
  const streams = new Map<string, LogStream>();
  for (const r of records) {
    const name = logStreamName(r.interfaceId);
    const key = `${r.logGroup ?? ''}\u0000${name}`;
    let s = streams.get(key);
    if (!s) streams.set(key, (s = { logGroup: r.logGroup, logStream: name, events: [] }));
    s.events.push(logEventOf(r));
  }
  const out = [...streams.values()];
  for (const s of out) s.events.sort((a, b) => a.timestampMs - b.timestampMs);
  return out;
}

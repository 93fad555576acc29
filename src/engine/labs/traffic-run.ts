/**
 * Sending a lab's traffic through a document and collecting the records it writes: what the
 * UI does when the learner clicks a step's "send" (or replays background traffic), and what
 * the tests do to play a learner.
 */
import type { FlowLogRecord } from '../flowlog/index.ts';
import type { Snapshot } from '../model/schema.ts';
import type { TraceResult } from '../walk/index.ts';
import { createCheckContext } from './context.ts';
import type { TrafficInput } from './traffic.ts';

/** What one traffic entry did: its trace, or why it could not be sent. */
export type SentTraffic = { traffic: TrafficInput; ok: true; result: TraceResult } | { traffic: TrafficInput; ok: false; error: string };

/**
 * Sends traffic through a document in order. Entries without their own `start` begin at
 * `clock` (the caller's simulated time, since the engine has no clock), one second apart.
 */
export function sendTraffic(doc: Snapshot, traffic: readonly TrafficInput[], options: { clock?: number } = {}): { records: FlowLogRecord[]; sent: SentTraffic[] } {
  const ctx = createCheckContext(doc);
  const records: FlowLogRecord[] = [];
  const sent: SentTraffic[] = traffic.map((t, i) => {
    const timed = t.start === undefined && options.clock !== undefined ? { ...t, start: options.clock + i } : t;
    const r = ctx.trace(timed);
    if (!r.ok) return { traffic: t, ok: false, error: r.error };
    records.push(...r.value.flowLogs);
    return { traffic: t, ok: true, result: r.value };
  });
  return { records, sent };
}

/**
 * Sending a lab's traffic through a document and collecting the records it writes: what the
 * UI does when the learner clicks a step's "send" (or replays background traffic), and what
 * the tests do to play a learner.
 */
import type { FlowLogRecord } from '../flowlog/index.ts';
import type { Snapshot } from '../model/schema.ts';
import type { Probe, TraceResult } from '../walk/index.ts';
import { createCheckContext } from './context.ts';
import { type TrafficInput, probeOf } from './traffic.ts';

/** What one traffic entry did: its trace (and the probe it resolved to, to show it again), or why it could not be sent. */
export type SentTraffic = { traffic: TrafficInput; ok: true; result: TraceResult; probe: Probe } | { traffic: TrafficInput; ok: false; error: string };

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
    const probe = probeOf(timed, ctx.resolver);
    if (!r.ok || !probe.ok) return { traffic: t, ok: false, error: r.ok ? (probe as { error: string }).error : r.error };
    records.push(...r.value.flowLogs);
    return { traffic: t, ok: true, result: r.value, probe: probe.value };
  });
  return { records, sent };
}

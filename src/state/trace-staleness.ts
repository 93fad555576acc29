/**
 * Whether a trace still tells what the current network does. After an edit, the Explain panel
 * and the canvas would otherwise keep showing the old verdict ("Not reachable" after the route
 * that fixes it was added). The probe is walked again on the new network, without logging
 * anything, and compared by what a learner reads: the verdict, the hops and the explanations.
 */
import { traceProbe, type Diagnostic, type Network, type Probe, type TraceResult } from '../engine/index.ts';

/** What a learner reads of a trace, as one comparable text. */
function readable(r: TraceResult): string {
  return JSON.stringify([r.reachable, r.forward, r.return, r.explanations]);
}

const SEEN = new WeakMap<TraceResult, string>();

/** True when the probe, sent now, would show something else than `result` (or cannot be sent). */
export function traceIsStale(result: TraceResult, probe: Probe, net: Network, diagnostics: readonly Diagnostic[]): boolean {
  const now = traceProbe(net, { ...probe, flowLogs: 'snapshot' }, diagnostics);
  if (!now.ok) return true;
  let then = SEEN.get(result);
  if (then === undefined) SEEN.set(result, (then = readable(result)));
  return readable(now.details.result) !== then;
}

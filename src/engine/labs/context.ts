/**
 * What a check sees: the learner's document, its compiled network, a memoized trace, the
 * flow-log records the learner has produced so far, the Logs Insights queries the learner ran
 * (as data the caller recorded), and a resolver for `name:` references. Never anything from the UI.
 */
import type { FlowLogRecord } from '../flowlog/index.ts';
import { compileNetwork } from '../model/compile.ts';
import type { Network } from '../model/network.ts';
import type { Snapshot } from '../model/schema.ts';
import { traceProbe, type TraceResult } from '../walk/index.ts';
import { isQueryRun, type QueryRun } from './query-runs.ts';
import { Resolver, type Resolved } from './refs.ts';
import { type TrafficInput, probeOf } from './traffic.ts';

/** The result of one check: whether it holds, and one sentence saying why (or why not). */
export interface CheckResult {
  passed: boolean;
  detail: string;
}

/** The input of every check predicate. */
export interface CheckContext {
  doc: Snapshot;
  net: Network;
  resolver: Resolver;
  /** Records the learner has produced so far (the caller keeps them; flow logs are history). */
  records: readonly FlowLogRecord[];
  /** The lab's background traffic, for checks that say `"traffic": "background"`. */
  background: readonly TrafficInput[];
  /**
   * The learner's Logs Insights runs that count for the step being evaluated (made once it was
   * reached: see runsForStep), oldest first. Only the caller records them; the engine never runs
   * a query on the learner's behalf to fill this.
   */
  runs: readonly QueryRun[];
  /** Traces traffic through the current document; the same traffic is traced once per evaluation. */
  trace(t: TrafficInput, flowLogs?: 'snapshot' | 'all'): Resolved<TraceResult>;
}

/** Builds the context for one snapshot: compiling is the costly part: build it once per evaluation. */
export function createCheckContext(doc: Snapshot, records: readonly FlowLogRecord[] = [], background: readonly TrafficInput[] = [], runs: readonly QueryRun[] = []): CheckContext {
  const net = compileNetwork(doc);
  const resolver = new Resolver(doc);
  const memo = new Map<string, Resolved<TraceResult>>();
  // Records come from the caller's storage: anything that is not one is ignored, not trusted.
  const usable = records.filter((r) => r !== null && typeof r === 'object' && r.fields !== null && typeof r.fields === 'object' && typeof r.line === 'string');
  return {
    doc, net, resolver, records: usable, background, runs: Array.isArray(runs) ? runs.filter(isQueryRun) : [],
    trace(t, flowLogs = 'snapshot') {
      const probe = probeOf(t, resolver, flowLogs);
      if (!probe.ok) return probe;
      const key = JSON.stringify(probe.value);
      const hit = memo.get(key);
      if (hit) return hit;
      const outcome = traceProbe(net, probe.value);
      const r: Resolved<TraceResult> = outcome.ok ? { ok: true, value: outcome.details.result } : { ok: false, error: `${outcome.option}: ${outcome.error}` };
      memo.set(key, r);
      return r;
    },
  };
}

/** The records of some traffic on the current document (in order), or the first error. */
export function recordsOf(ctx: CheckContext, traffic: readonly TrafficInput[]): Resolved<FlowLogRecord[]> {
  const out: FlowLogRecord[] = [];
  for (const t of traffic) {
    const r = ctx.trace(t);
    if (!r.ok) return r;
    out.push(...r.value.flowLogs);
  }
  return { ok: true, value: out };
}

/** The traffic a check asks for: its own list, the lab's background traffic, or none. */
export function trafficOf(ctx: CheckContext, traffic: readonly TrafficInput[] | 'background' | undefined): readonly TrafficInput[] {
  return traffic === 'background' ? ctx.background : traffic ?? [];
}

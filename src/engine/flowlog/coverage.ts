/**
 * Which flow logs watch an interface: those whose resource is the interface, its subnet or its
 * VPC. In `all` mode every interface that none watches gets a synthesized default-format
 * ALL-traffic flow log, as the trace contract's `--flow-logs all` says.
 */
import type { NEni, Network, NFlowLog } from '../model/network.ts';

/** `snapshot`: only the snapshot's flow logs; `all`: plus one for every interface none covers. */
export type FlowLogMode = 'snapshot' | 'all';

/** The id of the flow log synthesized for an uncovered interface: "fl-" + the interface's hex part. */
export function synthesizedFlowLogId(eniId: string): string {
  return 'fl-' + eniId.replace(/^eni-/, '');
}

/** The default-format, ALL-traffic, CloudWatch Logs flow log that `all` mode gives an uncovered interface. */
export function synthesizedFlowLog(eni: NEni): NFlowLog {
  return {
    id: synthesizedFlowLogId(eni.id), resourceId: eni.id, ownerId: eni.ownerId, trafficType: 'ALL', destinationType: 'cloud-watch-logs',
    logGroup: null, destination: null, format: null, interval: 600, doc: null, path: '',
  };
}

/** The snapshot's flow logs indexed by the resource they watch, in document order. */
const BY_RESOURCE = new WeakMap<Network, Map<string, NFlowLog[]>>();

export function flowLogsByResource(net: Network): Map<string, NFlowLog[]> {
  // A compiled network never changes, so its index is built once.
  const cached = BY_RESOURCE.get(net);
  if (cached) return cached;
  const out = new Map<string, NFlowLog[]>();
  BY_RESOURCE.set(net, out);
  for (const fl of net.flowLogs) {
    const list = out.get(fl.resourceId);
    if (list) list.push(fl);
    else out.set(fl.resourceId, [fl]);
  }
  return out;
}

/**
 * The flow logs that write records for an interface, in document order (ENI scope, then subnet,
 * then VPC, each in document order). Pass `byResource` from flowLogsByResource to avoid rebuilding it.
 */
export function flowLogsCovering(net: Network, eni: NEni, mode: FlowLogMode, byResource = flowLogsByResource(net)): NFlowLog[] {
  const out: NFlowLog[] = [];
  for (const id of [eni.id, eni.subnet?.id, eni.vpc?.id]) {
    if (id === undefined) continue;
    for (const fl of byResource.get(id) ?? []) if (!out.includes(fl)) out.push(fl);
  }
  if (out.length === 0 && mode === 'all') out.push(synthesizedFlowLog(eni));
  return out;
}

/** Every flow log in effect: the snapshot's, then (in `all` mode) one per uncovered interface. */
export function effectiveFlowLogs(net: Network, mode: FlowLogMode): NFlowLog[] {
  if (mode === 'snapshot') return [...net.flowLogs];
  const byResource = flowLogsByResource(net);
  const out = [...net.flowLogs];
  for (const eni of net.enis.values()) {
    const covering = flowLogsCovering(net, eni, 'snapshot', byResource);
    if (covering.length === 0) out.push(synthesizedFlowLog(eni));
  }
  return out;
}

/** True when a flow log with this traffic type keeps a record with this action. */
export function keepsAction(trafficType: NFlowLog['trafficType'], action: 'ACCEPT' | 'REJECT'): boolean {
  return trafficType === 'ALL' || trafficType === action;
}

/** The aggregation window length for an interface: Nitro instances use 60 s at most, whatever the flow log says. */
export function windowSeconds(flowLog: NFlowLog, eni: NEni): number {
  return eni.nitro ? Math.min(flowLog.interval, 60) : flowLog.interval;
}

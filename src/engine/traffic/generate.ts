/**
 * Simulated traffic for Logs Insights practice: every planned flow is walked through the
 * network with `traceProbe`, so ACCEPT and REJECT in the records come from the learner's own
 * security groups, network ACLs and routes, never from the generator.
 */
import type { FlowLogRecord } from '../flowlog/index.ts';
import type { Network } from '../model/network.ts';
import { traceProbe, type Probe } from '../walk/index.ts';
import { planFlows, type FlowKind, type TrafficOptions } from './plan.ts';
import { createPrng } from './prng.ts';

/** One flow that was sent, and what became of it. */
export interface GeneratedFlow {
  kind: FlowKind;
  probe: Probe;
  /** The request arrived and (for TCP) the reply got back. */
  reachable: boolean;
  /** Flow-log records it wrote (0 when no flow log covers its interfaces). */
  records: number;
}

/** What `generateTraffic` produced. */
export interface GeneratedTraffic {
  /** Records in time order (by `start`), as the snapshot's flow logs write them. */
  records: FlowLogRecord[];
  flows: GeneratedFlow[];
  /** Why some traffic could not be generated (no public instance, fewer than two instances...). */
  notes: string[];
}

/**
 * Generates `minutes` of traffic from `start`: web clients on the internet to public
 * instances on 80/443, instances to internet servers on 443, SSH/RDP probes from a few
 * scanners, one port scan, and a chatty pair of instances. Deterministic for a seed.
 */
export function generateTraffic(net: Network, options: TrafficOptions, mode: 'snapshot' | 'all' = 'snapshot'): GeneratedTraffic {
  const prng = createPrng(options.seed);
  const plan = planFlows(net, options, prng);
  const notes: string[] = [];
  const instances = [...net.instances.values()].filter((i) => i.primaryEni && i.state !== 'terminated');
  if (!instances.some((i) => i.primaryEni!.publicIp !== null)) notes.push('No instance has a public IPv4 address: no web traffic, probes or scan from the internet.');
  if (instances.length < 2) notes.push('Fewer than two instances: no chatty pair.');
  const records: FlowLogRecord[] = [];
  const flows: GeneratedFlow[] = [];
  for (const f of plan) {
    const out = traceProbe(net, { ...f.probe, flowLogs: mode });
    if (!out.ok) {
      if (!notes.includes(out.error)) notes.push(out.error);
      continue;
    }
    const written = out.details.result.flowLogs;
    for (const r of written) records.push(r);
    flows.push({ kind: f.kind, probe: f.probe, reachable: out.details.result.reachable, records: written.length });
  }
  records.sort((a, b) => a.fields.start - b.fields.start);
  return { records, flows, notes };
}

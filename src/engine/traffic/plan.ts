/**
 * Planning generated traffic: which flows happen in which second, before any of them is walked.
 * Every choice comes from the seeded PRNG, so a seed always gives the same plan.
 */
import type { Network } from '../model/network.ts';
import type { Probe } from '../walk/index.ts';
import { chattyPair, ephemeralPort, hostsIn, publicActors } from './actors.ts';
import type { Prng } from './prng.ts';

/** What kind of traffic a flow is, for summaries and tests. */
export type FlowKind =
  /** An internet client fetching a page from a public instance on 80 or 443. */
  | 'web'
  /** An instance calling a server on the internet (updates, APIs) on 443. */
  | 'egress'
  /** A scanner trying SSH (22) or RDP (3389) on a public instance. */
  | 'probe'
  /** One scanner sweeping common ports on one public instance. */
  | 'scan'
  /** Two instances exchanging a lot of data. */
  | 'chatty';

/** Which traffic to generate, over how long. */
export interface TrafficOptions {
  /** Seed of the PRNG: the same seed and network give the same records. */
  seed: number;
  /** Unix seconds of the first simulated minute. */
  start: number;
  /** Simulated minutes (1-240). */
  minutes: number;
  web?: boolean;
  egress?: boolean;
  probes?: boolean;
  scan?: boolean;
  chatty?: boolean;
  /** Web connections per minute per public instance (default 4, at most 60). */
  webPerMinute?: number;
}

/** One flow to send. */
export interface PlannedFlow {
  kind: FlowKind;
  probe: Probe;
}

/** Ports a scanner sweeps (nmap's most common TCP ports, abridged). */
export const SCAN_PORTS: readonly number[] = [21, 22, 23, 25, 53, 80, 110, 135, 139, 143, 443, 445, 993, 995, 1433, 1723, 3306, 3389, 5432, 5900, 6379, 8080, 8443, 9200];
/** Ports of the chatty pair: a database and an application port. */
const CHATTY_PORTS = [5432, 8080];

const clamp = (n: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, Math.floor(n)));

/** Plans every flow, in time order. `tcp` probes are protocol 6 with a destination port. */
export function planFlows(net: Network, o: TrafficOptions, prng: Prng): PlannedFlow[] {
  const minutes = clamp(o.minutes, 1, 240);
  const perMinute = clamp(o.webPerMinute ?? 4, 0, 60);
  const pub = publicActors(net);
  const pair = chattyPair(net);
  const clients = hostsIn('198.51.100', 40, prng);
  const scanners = hostsIn('203.0.113', 6, prng);
  const servers = hostsIn('192.0.2', 5, prng);
  const out: PlannedFlow[] = [];
  const tcp = (kind: FlowKind, from: string, to: string, port: number, count: number, start: number): void => {
    out.push({ kind, probe: { from, to, protocol: 6, port, sourcePort: ephemeralPort(prng), count, start } });
  };
  for (let m = 0; m < minutes; m++) {
    const base = o.start + m * 60;
    const at = (): number => base + prng.int(0, 59);
    if (o.web !== false) for (const a of pub) for (let k = 0; k < perMinute; k++) tcp('web', prng.pick(clients), a.instanceId, prng.chance(0.7) ? 443 : 80, prng.int(2, 12), at());
    if (o.egress !== false) for (const a of pub) if (prng.chance(0.5)) tcp('egress', a.instanceId, prng.pick(servers), 443, prng.int(3, 20), at());
    if (o.probes !== false && pub.length) {
      const n = prng.int(1, 3);
      for (let k = 0; k < n; k++) tcp('probe', prng.pick(scanners), prng.pick(pub).instanceId, prng.chance(0.6) ? 22 : 3389, 1, at());
    }
    if (o.chatty !== false && pair) {
      for (let k = 0; k < 3; k++) {
        const [a, b] = prng.chance(0.5) ? pair : [pair[1], pair[0]];
        tcp('chatty', a.instanceId, b.instanceId, prng.pick(CHATTY_PORTS), prng.int(20, 60), at());
      }
    }
  }
  if (o.scan !== false && pub.length) {
    const scanner = scanners[0];
    const target = prng.pick(pub).instanceId;
    const t0 = o.start + prng.int(0, minutes * 60 - 1);
    SCAN_PORTS.forEach((port, i) => tcp('scan', scanner, target, port, 1, t0 + Math.floor(i / 4)));
  }
  return out.sort((a, b) => (a.probe.start ?? 0) - (b.probe.start ?? 0));
}

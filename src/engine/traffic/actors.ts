/**
 * Who talks in generated traffic: the instances of the snapshot that can take part, and
 * internet hosts drawn from AWS's documentation ranges (which the simulator treats as public).
 */
import type { Network, NEni } from '../model/network.ts';
import type { Prng } from './prng.ts';

/** A running instance with its primary interface. */
export interface Actor {
  instanceId: string;
  eni: NEni;
}

/** Running instances with a primary interface, in id order (deterministic). */
export function instanceActors(net: Network): Actor[] {
  const out: Actor[] = [];
  for (const inst of net.instances.values()) {
    if (inst.state === 'terminated' || inst.state === 'stopped' || !inst.primaryEni) continue;
    out.push({ instanceId: inst.id, eni: inst.primaryEni });
  }
  return out.sort((a, b) => (a.instanceId < b.instanceId ? -1 : a.instanceId > b.instanceId ? 1 : 0));
}

/** Instances reachable from the internet at a public IPv4 (or Elastic IP). */
export function publicActors(net: Network): Actor[] {
  return instanceActors(net).filter((a) => a.eni.publicIp !== null);
}

/** Two instances that talk a lot: the first pair in the same VPC, else the first two. */
export function chattyPair(net: Network): [Actor, Actor] | null {
  const all = instanceActors(net);
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) if (all[i].eni.vpc && all[i].eni.vpc === all[j].eni.vpc) return [all[i], all[j]];
  }
  return all.length >= 2 ? [all[0], all[1]] : null;
}

/** `count` distinct addresses of a /24 given as its first three octets, e.g. "198.51.100". */
export function hostsIn(prefix: string, count: number, prng: Prng): string[] {
  const seen = new Set<number>();
  while (seen.size < Math.min(count, 253)) seen.add(prng.int(1, 254));
  return [...seen].map((n) => `${prefix}.${n}`);
}

/** A Linux ephemeral source port (32768-60999). */
export const ephemeralPort = (prng: Prng): number => prng.int(32768, 60999);

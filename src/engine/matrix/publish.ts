import { instanceNotRunning } from '../model/instance-state.ts';
import { AMAZON_DNS_LINK_LOCAL, INSTANCE_METADATA, TIME_SYNC } from '../ip/index.ts';
import type { Network } from '../model/network.ts';
import { serviceAnswer, walkReachable } from './fallback.ts';
import type { Headers } from './headers.ts';
import { lowerBound } from './space.ts';
import type { Universe } from './universe.ts';

/** The internal rows (over targets), the pairs left to the walk, and the public rows (over columns). */
export interface Store {
  inner: Uint32Array;
  fbs: Uint32Array;
  pub: Uint32Array;
  /** Words per public row. */
  wp: number;
  /** Public addresses that some sender reaches as an AWS service of its host. */
  serviceAddrs: Set<number>;
}

export function serviceAddresses(net: Network, u: Universe): Set<number> {
  const candidates = new Set<number>([AMAZON_DNS_LINK_LOCAL, INSTANCE_METADATA, TIME_SYNC]);
  for (const v of net.vpcs.values()) if (v.cidrs[0]) candidates.add(v.cidrs[0].base + 2);
  const present = new Set(u.publicAddrs);
  return new Set([...candidates].filter((a) => present.has(a)));
}

function bitOf(bits: Uint32Array, base: number, i: number): boolean {
  return ((bits[base + (i >>> 5)] >>> (i & 31)) & 1) === 1;
}

function put(bits: Uint32Array, base: number, i: number, on: boolean): void {
  if (on) bits[base + (i >>> 5)] |= 1 << (i & 31);
  else bits[base + (i >>> 5)] &= ~(1 << (i & 31));
}

/**
 * Writes public row `i`, columns [j0, j1), from its internal row: a column is reachable when
 * its interface's own target is (an overlapping VPC's interface at the same address is another
 * target: reaching it is not reaching this one); then the walk's
 * answer where a target is left to it, the host's AWS services, and a false diagonal.
 */
export function publishColumns(net: Network, u: Universe, h: Headers, st: Store, i: number, j0: number, j1: number): void {
  const wt = u.T.words;
  const inBase = i * wt;
  const pubBase = i * st.wp;
  const { pub, inner, fbs } = st;
  const from = net.enis.get(u.eniIds[i])!;
  const services = st.serviceAddrs.size > 0 && !instanceNotRunning(from);
  if (u.identity) {
    const w0 = j0 >>> 5;
    const w1 = (j1 + 31) >>> 5;
    for (let w = w0; w < w1; w++) pub[pubBase + w] = inner[inBase + w];
    for (let w = w0; w < w1; w++) {
      for (let x = fbs[inBase + w]; x !== 0; x &= x - 1) {
        const j = (w << 5) + 31 - Math.clz32(x & -x);
        put(pub, pubBase, j, walkReachable(net, from, net.enis.get(u.eniIds[j])!, h));
      }
    }
  } else {
    for (let j = j0; j < j1; j++) {
      let v = false;
      let walk = false;
      for (let t = u.colLo[j]; t < u.colHi[j]; t++) {
        if (bitOf(inner, inBase, t)) v = true;
        if (bitOf(fbs, inBase, t)) walk = true;
      }
      put(pub, pubBase, j, walk ? walkReachable(net, from, net.enis.get(u.eniIds[j])!, h) : v);
    }
  }
  if (services) for (const a of st.serviceAddrs) {
    const answer = serviceAnswer(from, a, h);
    if (answer === null) continue;
    for (let j = Math.max(j0, lowerBound(u.publicAddrs, a)); j < j1 && u.publicAddrs[j] === a; j++) put(pub, pubBase, j, answer);
  }
  if (i >= j0 && i < j1) put(pub, pubBase, i, false);
}

/** The public columns whose targets lie in target words [w0, w1). */
export function columnsOfWords(u: Universe, w0: number, w1: number): [number, number] {
  if (u.identity) return [w0 << 5, Math.min(w1 << 5, u.eniIds.length)];
  const lo = u.T.addrs[w0 << 5];
  const hi = u.T.addrs[Math.min(w1 << 5, u.T.size) - 1];
  return [lowerBound(u.publicAddrs, lo), lowerBound(u.publicAddrs, hi + 1)];
}

import { getBit } from './bitset.ts';
import type { Columns } from './columns.ts';
import type { ReplyPart } from './replies.ts';
import type { Lowering } from './lowering.ts';
import { natBack, natForward, natPortPasses, type Reach } from './nat-chain.ts';

const bit = (bits: Uint32Array, i: number) => (bits[i >>> 5] >>> (i & 31)) & 1;

/**
 * Computes words [w0, w1) of one sender's row over targets into `out` (reachable) and `fb`
 * (pairs the walk must settle). Row-side conditions (security groups out, NACL out, routes,
 * NACL in of the reply) are combined with the transposed destination-side rows; the rare
 * inter-region peerings and replies through NAT gateways read the per-target rows directly.
 */
export function computeRow(L: Lowering, C: Columns, sigma: number, w0: number, w1: number, out: Uint32Array, fb: Uint32Array, at: number): void {
  const rc = L.rowClass(sigma);
  if (!rc) {
    out.fill(0, at + w0, at + w1);
    fb.fill(0, at + w0, at + w1);
    return;
  }
  const reply = L.h.expectsReply;
  const { sgo, leg, d1, d2 } = rc;
  const nir = rc.nir ?? sgo;
  const k1 = C.k1;
  const base = sigma * C.wt;
  const fallback = leg.fallback;
  for (let w = w0; w < w1; w++) {
    const ok = sgo[w];
    out[at + w] = d1[w] & k1[base + w] & ok & nir[w];
    fb[at + w] = fallback[w] & ok;
  }
  // A reply that leaves through a NAT gateway comes back from the NAT's address: the client
  // drops it (the walk's ASYMMETRIC_RETURN_PATH), so those targets add nothing.
  if (d2) acrossRegions(L, C, sigma, w0, w1, d2, rc.nir, out, at);
  if (L.h.natPasses && leg.nats.length > 0) forwardThroughNat(L, C, sigma, w0, w1, out, fb, at);
  if (reply) for (const p of C.walkReplies) if (p.w0 < w1 && p.w1 > w0 && bit(p.senders, sigma)) walkedReplies(C, p, sigma, Math.max(w0, p.w0), Math.min(w1, p.w1), d1, d2, sgo, fb, at);
}

/** Inter-region peerings: group references do not match, so the arrival without them. */
function acrossRegions(L: Lowering, C: Columns, sigma: number, w0: number, w1: number, d2: Uint32Array, nir: Uint32Array | null, out: Uint32Array, at: number): void {
  const reply = L.h.expectsReply;
  const sgo = L.rowClass(sigma)!.sgo;
  for (let w = w0; w < w1; w++) {
    for (let x = d2[w] & sgo[w]; x !== 0; x &= x - 1) {
      const b = 31 - Math.clz32(x & -x);
      const t = (w << 5) + b;
      if (!C.arrives(t, sigma, false)) continue;
      if (!reply || (C.returns(t, sigma) && bit(nir!, t) === 1)) out[at + w] |= 1 << b;
    }
  }
}

/** Reply pairs the walk settles, where the request itself gets there. */
function walkedReplies(C: Columns, p: ReplyPart, sigma: number, w0: number, w1: number, d1: Uint32Array, d2: Uint32Array | null, sgo: Uint32Array, fb: Uint32Array, at: number): void {
  for (let w = w0; w < w1; w++) {
    for (let x = p.targets[w] & sgo[w] & (d1[w] | (d2 ? d2[w] : 0)); x !== 0; x &= x - 1) {
      const b = 31 - Math.clz32(x & -x);
      const t = (w << 5) + b;
      if (bit(d1, t) ? C.arrives(t, sigma, true) : C.arrives(t, sigma, false)) fb[at + w] |= 1 << b;
    }
  }
}

/**
 * Requests routed to a NAT gateway: follow the NAT gateway's own subnet. UDP needs no reply.
 * An ICMP/TCP reply goes to the NAT gateway's address, which translates it back to the
 * sender (natBack), then routes from its subnet to the sender: the local route and the NACLs
 * (the NAT subnet's outbound, the sender subnet's inbound seeing the target's address, both
 * skipped within one subnet); the sender's security groups pass it as a tracked reply. Every
 * reply through this hop ends with that leg, so pairs failing it are unreachable even where
 * the walk settles the rest.
 */
export function forwardThroughNat(L: Lowering, C: Columns, sigma: number, w0: number, w1: number, out: Uint32Array, fb: Uint32Array, at: number): void {
  const rc = L.rowClass(sigma)!;
  const subnetId = L.u.senders[sigma].subnetId;
  const { sgo, leg } = rc;
  const wt = C.wt;
  const reply = L.h.expectsReply;
  if (reply && rc.ambiguous) {
    for (const hop of leg.nats) for (let w = w0; w < w1; w++) fb[at + w] |= hop.mask[w] & sgo[w];
    return;
  }
  let nin: Uint32Array | null | undefined;
  for (const hop of leg.nats) {
    const now = natHopNow(L, C, hop.natId);
    if (now.subnetId !== subnetId && !getBit(now.fi, sigma)) continue;
    if (reply) {
      if (!getBit(now.repLocal, sigma)) continue;
      if (nin === undefined) nin = L.acl(L.net.subnets.get(subnetId!)!.acl, 'ri');
      const subnetIn = now.subnetId === subnetId ? null : nin;
      const r = now.back!;
      for (let w = w0; w < w1; w++) {
        const m = hop.mask[w] & sgo[w] & (subnetIn ? subnetIn[w] : 0xffffffff);
        out[at + w] |= m & r.reach[w];
        fb[at + w] |= m & r.fallback[w];
        for (let x = m & r.ports![w]; x !== 0; x &= x - 1) {
          const b = 31 - Math.clz32(x & -x);
          if (natPortPasses(L, hop.natId, sigma, (w << 5) + b)) out[at + w] |= 1 << b;
        }
      }
    } else {
      const r = natForward(L, hop.natId, 2, (n) => C.k1.subarray(n * wt, n * wt + wt));
      for (let w = w0; w < w1; w++) {
        out[at + w] |= hop.mask[w] & r.reach[w] & sgo[w];
        fb[at + w] |= hop.mask[w] & r.fallback[w] & sgo[w];
      }
    }
  }
}

/** What forwardThroughNat needs of one NAT gateway, looked up once per update rather than once per row. */
export interface NatHopNow {
  generation: number;
  subnetId: string;
  /** The NAT subnet's NACL inbound, over senders. */
  fi: Uint32Array;
  /** Senders the NAT subnet's reply leg reaches by its local route. */
  repLocal: Uint32Array;
  /** natBack's result (replies only). */
  back: Reach | null;
}
function natHopNow(L: Lowering, C: Columns, natId: string): NatHopNow {
  const byNat = L.hopsNow as Map<string, NatHopNow>;
  let now = byNat.get(natId);
  if (now !== undefined && now.generation === L.generation) return now;
  const next = L.net.natGateways.get(natId)!.subnet!;
  const reply = L.h.expectsReply;
  now = {
    generation: L.generation, subnetId: next.id, fi: L.acl(next.acl, 'fi'),
    repLocal: reply ? L.leg(next, 'rep').local : L.m.zeroS,
    // k1 also requires the reply to reach the sender directly: arrival alone here.
    back: reply ? natBack(L, natId, (n) => C.arrivalRow(n)) : null,
  };
  byNat.set(natId, now);
  return now;
}

/** True when some bit of `bits` is set in the words of `runs`. */
function anyIn(bits: Uint32Array, runs: readonly [number, number][]): boolean {
  for (const [w0, w1] of runs) for (let w = w0; w < w1; w++) if (bits[w] !== 0) return true;
  return false;
}

/** How an update can recompute some words of a row (see rowPath). */
export const PLAIN = 0;
export const PLAIN_AND_NAT = 1;
export const GENERAL = 2;

/**
 * How row sigma's words in `runs` can be recomputed: PLAIN when only the main formula concerns
 * them; PLAIN_AND_NAT when the main formula and requests through NAT gateways
 * (forwardThroughNat) do; GENERAL when a reply part, inter-region peering or walked pair does.
 * Updates recompute the first two inline.
 */
export function rowPath(L: Lowering, C: Columns, sigma: number, runs: readonly [number, number][]): number {
  const rc = L.rowClass(sigma);
  if (!rc) return GENERAL;
  const reply = L.h.expectsReply;
  if ((rc.d2 && anyIn(rc.d2, runs)) || (!rc.leg.noFallback && anyIn(rc.leg.fallback, runs))) return GENERAL;
  if (reply && bit(C.replySenders, sigma)) {
    for (const p of C.walkReplies) if (bit(p.senders, sigma) && runs.some(([a, b]) => p.w0 < b && p.w1 > a)) return GENERAL;
  }
  if (L.h.natPasses) for (const hop of rc.leg.nats) if (anyIn(hop.mask, runs)) return PLAIN_AND_NAT;
  return PLAIN;
}

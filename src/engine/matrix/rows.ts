import { getBit } from './bitset.ts';
import type { Columns } from './columns.ts';
import type { ReplyPart } from './replies.ts';
import type { Leg, LegHits } from './legs.ts';
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
  // d1 is zero outside its few words (the sender's VPC and peers): clear, then work those.
  out.fill(0, at + w0, at + w1);
  const d1Words = rc.d1Words;
  for (let k = 0; k < d1Words.length; k++) {
    const w = d1Words[k];
    if (w >= w0 && w < w1) out[at + w] = d1[w] & k1[base + w] & sgo[w] & nir[w];
  }
  if (leg.noFallback) fb.fill(0, at + w0, at + w1);
  else for (let w = w0; w < w1; w++) fb[at + w] = leg.fallback[w] & sgo[w];
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
  const subnetId = rc.subnetId;
  const { sgo, leg } = rc;
  const wt = C.wt;
  const reply = L.h.expectsReply;
  if (reply && rc.ambiguous) {
    for (const hop of leg.nats) for (let w = w0; w < w1; w++) fb[at + w] |= hop.mask[w] & sgo[w];
    return;
  }
  for (const hop of leg.nats) {
    const now = natHopNow(L, C, hop.natId, hop.sender);
    if (now.subnetId !== subnetId && !getBit(now.fi, sigma)) continue;
    if (reply) {
      if (!getBit(now.repLocal, sigma)) continue;
      const subnetIn = now.subnetId === subnetId ? null : rc.ri!;
      const r = now.back!;
      const mask = hop.mask;
      const ports = r.ports!;
      for (let w = w0; w < w1; w++) {
        const m = mask[w] & sgo[w] & (subnetIn ? subnetIn[w] : 0xffffffff);
        if (m === 0) continue;
        out[at + w] |= m & r.reach[w];
        fb[at + w] |= m & r.fallback[w];
        for (let x = m & ports[w]; x !== 0; x &= x - 1) {
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
/** Kept in an array by the NAT's sender index: rows ask once per hop, and a string-keyed lookup per row showed in profiles. */
function natHopNow(L: Lowering, C: Columns, natId: string, sender: number): NatHopNow {
  const byNat = L.hopsNow;
  let now = byNat[sender];
  if (now !== undefined && now.generation === L.generation) return now;
  const next = L.net.natGateways.get(natId)!.subnet!;
  const reply = L.h.expectsReply;
  now = {
    generation: L.generation, subnetId: next.id, fi: L.acl(next.acl, 'fi'),
    repLocal: reply ? L.leg(next, 'rep').local : L.m.zeroS,
    // k1 also requires the reply to reach the sender directly: arrival alone here.
    back: reply ? natBack(L, natId, (n) => C.arrivalRow(n)) : null,
  };
  byNat[sender] = now;
  return now;
}

/**
 * Senders whose requests through a NAT gateway may end differently in the target words
 * `dirty` since the previous update: every sender of a VPC (NAT hops stay inside their VPC)
 * one of whose NAT gateways now answers differently there. Called once per update, before
 * any row, so that each NAT gateway's previous answer can be compared with the new one.
 * Conservative: a NAT gateway not seen in the previous update, a changed NACL or reply leg
 * of its subnet, a recomputed chain, or pairs left to the walk or to the NAT's per-flow port
 * (NACL verdicts the edit may have moved) all count as changed.
 */
export function natChangedSenders(L: Lowering, C: Columns, dirty: readonly number[], into: Uint32Array): void {
  if (!L.h.natPasses || dirty.length === 0) return;
  const byNat = L.hopsNow;
  const reply = L.h.expectsReply;
  const before = new Uint32Array(dirty.length * 3);
  for (const [natId, sender] of L.u.natSender) {
    const vpcId = L.u.senders[sender].vpcId!;
    let changed: boolean;
    if (reply) {
      const prev = byNat[sender];
      const old = prev !== undefined && prev.generation === L.generation - 1 ? prev : null;
      // natBack rewrites its result in place: keep the previous words to compare.
      if (old) {
        const r = old.back!;
        dirty.forEach((w, k) => {
          before[3 * k] = r.reach[w];
          before[3 * k + 1] = r.fallback[w];
          before[3 * k + 2] = r.ports![w];
        });
      }
      const now = natHopNow(L, C, natId, sender);
      const r = now.back!;
      changed = old === null || old.subnetId !== now.subnetId || old.fi !== now.fi || old.repLocal !== now.repLocal || old.back !== r;
      for (let k = 0; !changed && k < dirty.length; k++) {
        const w = dirty[k];
        changed = r.reach[w] !== before[3 * k] || r.fallback[w] !== 0 || r.ports![w] !== 0 || before[3 * k + 1] !== 0 || before[3 * k + 2] !== 0;
      }
    } else {
      // natForward is recomputed for every update from the NAT senders' k1 rows: any NAT
      // sender of the VPC whose k1 moved may move it (chains stay inside the VPC).
      const k1Changed = C.k1Changed;
      changed = k1Changed === null || ((k1Changed[sender >>> 5] >>> (sender & 31)) & 1) === 1;
      if (!changed) {
        // Pairs left to the walk: the edit may have moved its answer.
        const wt = C.wt;
        const r = natForward(L, natId, 2, (n) => C.k1.subarray(n * wt, n * wt + wt));
        for (const w of dirty) if (r.fallback[w] !== 0) changed = true;
      }
    }
    if (changed) {
      const vpcSenders = L.m.sendersOf(vpcId);
      for (let w = 0; w < into.length; w++) into[w] |= vpcSenders[w];
    }
  }
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
 * Which of a leg's bitsets meet the words of `runs`. Memoised on the leg for one runs array
 * (an update passes the same one for every row): thousands of rows share a few hundred legs.
 */
function legHits(leg: Leg, runs: readonly [number, number][]): LegHits {
  let hits = leg.hits;
  if (hits === null || hits.runs !== runs) {
    let nat = false;
    for (const hop of leg.nats) if (anyIn(hop.mask, runs)) nat = true;
    leg.hits = hits = { runs, cross: !leg.noCross && anyIn(leg.pcxCross, runs), fallback: !leg.noFallback && anyIn(leg.fallback, runs), nat };
  }
  return hits;
}

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
  const hits = legHits(rc.leg, runs);
  // rc.d2 is the leg's pcxCross when the sender may cross at all.
  if ((rc.d2 && hits.cross) || hits.fallback) return GENERAL;
  if (reply && bit(C.replySenders, sigma)) {
    for (const p of C.walkReplies) if (bit(p.senders, sigma) && runs.some(([a, b]) => p.w0 < b && p.w1 > a)) return GENERAL;
  }
  if (L.h.natPasses && hits.nat) return PLAIN_AND_NAT;
  return PLAIN;
}

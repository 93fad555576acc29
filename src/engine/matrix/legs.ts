import type { NSubnet } from '../model/network.ts';
import { peerVpcId, sameRegionPeering } from '../walk/route-decision.ts';
import type { Lowering } from './lowering.ts';
import { usableNat } from './universe.ts';
import type { Region } from './regions.ts';
import { cidrRange } from './space.ts';

/**
 * Traffic a route table sends to a usable NAT gateway, and that its subnet's outbound NACL
 * lets go. The gateway is kept by id: cached legs outlive the network object of one edit.
 */
export interface NatHop {
  natId: string;
  /** The NAT gateway's index in the sender space (Universe.natSender), for array-indexed per-NAT state. */
  sender: number;
  mask: Uint32Array;
}

/**
 * What routing out of one subnet does with every address of a space (targets for requests,
 * senders for replies), with the subnet's outbound NACL folded in where the walk applies it.
 * Local and peering deliveries still need the arrival filters; NAT hops continue from the NAT.
 */
export interface Leg {
  /** Delivered inside the VPC to the interface owning the address. */
  local: Uint32Array;
  /** Delivered across an active same-region peering (security group references still match). */
  pcxSame: Uint32Array;
  /** Delivered across an active inter-region peering (references never match). */
  pcxCross: Uint32Array;
  nats: NatHop[];
  /** Addresses whose fate the walk decides pair by pair (public addresses to an IGW, self-peering). */
  fallback: Uint32Array;
  /** local | pcxSame. */
  direct: Uint32Array;
  /** The words where local / direct are non-zero, ascending: a subnet delivers directly to its own VPC and its peers only, a few words of the space. */
  localWords: readonly number[];
  directWords: readonly number[];
  /** True when pcxCross is empty. */
  noCross: boolean;
  /** True when fallback is empty. */
  noFallback: boolean;
  /** rowPath's memo: which of the leg's bitsets meet the words of one update's runs. */
  hits: LegHits | null;
}

/** Whether a leg's pcxCross, fallback and NAT hop masks have bits in the words of `runs`. */
export interface LegHits {
  runs: readonly [number, number][];
  cross: boolean;
  fallback: boolean;
  nat: boolean;
}

/**
 * Builds a subnet's leg in one direction. The walk's forwardFrom: a blackhole, a missing or
 * non-active peering, a NAT gateway that is unusable or in another VPC, an unsupported target,
 * an internet gateway for a private address: all drop, so they contribute nothing.
 */
export function buildLeg(L: Lowering, P: NSubnet, dir: 'fwd' | 'rep'): Leg {
  const sp = dir === 'fwd' ? 'T' : 'S';
  const words = L.m.space(sp).words;
  // Most legs have no peering or fallback addresses: they share the space's zero bitset
  // until written (see own()), which keeps the thousands of legs small.
  const zero = L.m.zero(sp);
  const leg: Leg = { local: zero, pcxSame: zero, pcxCross: zero, nats: [], fallback: zero, direct: zero, localWords: NO_WORDS, directWords: NO_WORDS, noCross: true, noFallback: true, hits: null };
  const table = P.routeTable;
  if (table) route(L, P, dir, leg);
  leg.noCross = leg.pcxCross === zero || leg.pcxCross.every((v) => v === 0);
  leg.noFallback = leg.fallback === zero || leg.fallback.every((v) => v === 0);
  if (leg.pcxSame === zero) leg.direct = leg.local;
  else {
    leg.direct = L.arena.alloc(words);
    for (let w = 0; w < words; w++) leg.direct[w] = leg.local[w] | leg.pcxSame[w];
  }
  leg.localWords = nonZeroWords(leg.local);
  leg.directWords = leg.direct === leg.local ? leg.localWords : nonZeroWords(leg.direct);
  return leg;
}

const NO_WORDS: readonly number[] = [];

function nonZeroWords(bits: Uint32Array): number[] {
  const out: number[] = [];
  for (let w = 0; w < bits.length; w++) if (bits[w] !== 0) out.push(w);
  return out;
}

/** A leg's bitset, made writable (allocated) on first write. */
function own(L: Lowering, leg: Leg, key: 'local' | 'pcxSame' | 'pcxCross' | 'fallback', words: number): Uint32Array {
  if (leg[key] === L.m.zeroT || leg[key] === L.m.zeroS) leg[key] = L.arena.alloc(words);
  return leg[key];
}

function route(L: Lowering, P: NSubnet, dir: 'fwd' | 'rep', leg: Leg): void {
  const sp = dir === 'fwd' ? 'T' : 'S';
  const { m, net, arena: a } = L;
  const words = m.space(sp).words;
  const table = P.routeTable!;
  const aclOut = L.acl(P.acl, dir === 'fwd' ? 'fo' : 'ro');
  const vpc = P.vpc;
  // The sender's own subnet: AWS delivers inside it without routing (walk: decideRoute), so
  // those addresses go as the local route sends them, and no region of the table takes them.
  const [slo, shi] = P.cidr ? cidrRange(m.space(sp), P.cidr) : [0, 0];
  if (slo < shi) {
    const owned = m.owned(sp, vpc.id);
    const hop = m.hop(sp, P.id);
    const local = own(L, leg, 'local', words);
    for (let w = slo >>> 5; w <= (shi - 1) >>> 5; w++) local[w] |= rangeBits(w, slo, shi) & owned[w] & (aclOut[w] | hop[w]);
  }
  for (const region of L.regions(table, sp)) {
    const { route, w0, w1 } = region;
    const mask = slo < shi ? outsideRange(region, slo, shi) : region.mask;
    if (route.blackhole) continue;
    const t = route.target;
    if (t.kind === 'local') {
      // The NACL is skipped when the next hop is the sender's own subnet.
      const owned = m.owned(sp, vpc.id);
      const hop = m.hop(sp, P.id);
      const local = own(L, leg, 'local', words);
      for (let w = w0; w < w1; w++) local[w] |= mask[w - w0] & owned[w] & (aclOut[w] | hop[w]);
    } else if (t.kind === 'vpc-peering-connection') {
      const pcx = net.peerings.get(t.id);
      if (!pcx || pcx.status !== 'active') continue;
      const peerId = peerVpcId(pcx, vpc);
      if (!peerId) continue;
      const peer = net.vpcs.get(peerId);
      if (peerId === vpc.id) {
        // A VPC peered with itself crosses its own subnets' NACLs twice: rare, walked pair by pair.
        const fallback = own(L, leg, 'fallback', words);
        for (let w = w0; w < w1; w++) fallback[w] |= mask[w - w0];
        continue;
      }
      if (!peer) continue;
      const into = own(L, leg, sameRegionPeering(pcx) ? 'pcxSame' : 'pcxCross', words);
      const owned = m.owned(sp, peer.id);
      const inside = m.vpcCidrs(sp, peer);
      for (let w = w0; w < w1; w++) into[w] |= mask[w - w0] & owned[w] & inside[w] & aclOut[w];
    } else if (t.kind === 'nat-gateway') {
      const nat = net.natGateways.get(t.id);
      if (!nat || !usableNat(nat) || nat.subnet!.vpc.id !== vpc.id) continue;
      const same = nat.subnet!.id === P.id;
      let hop = leg.nats.find((n) => n.natId === nat.id);
      if (!hop) leg.nats.push((hop = { natId: nat.id, sender: L.u.natSender.get(nat.id)!, mask: a.alloc(words) }));
      for (let w = w0; w < w1; w++) hop.mask[w] |= mask[w - w0] & (same ? 0xffffffff : aclOut[w]);
    } else if (t.kind === 'internet-gateway') {
      const igw = net.internetGateways.get(t.id);
      if (!igw || igw.attachedVpcId !== vpc.id) continue;
      // The gateway drops private destinations; a public one crosses the internet: walked.
      const pub = m.public(sp);
      let any = 0;
      for (let w = w0; w < w1; w++) any |= mask[w - w0] & pub[w];
      if (any === 0) continue;
      const fallback = own(L, leg, 'fallback', words);
      for (let w = w0; w < w1; w++) fallback[w] |= mask[w - w0] & pub[w];
    }
  }
}

/** The bits of word `w` inside the index range [lo, hi). */
function rangeBits(w: number, lo: number, hi: number): number {
  const a = Math.max(lo, w * 32);
  const b = Math.min(hi, w * 32 + 32);
  if (a >= b) return 0;
  return b - a === 32 ? 0xffffffff : (((1 << (b - a)) - 1) << (a & 31)) >>> 0;
}

/** A region's mask without the indexes [lo, hi): the region's own mask when they do not meet (regions are cached per table, so never written). */
function outsideRange(region: Region, lo: number, hi: number): Uint32Array {
  const { mask, w0, w1 } = region;
  if (hi <= w0 * 32 || lo >= w1 * 32) return mask;
  const out = mask.slice();
  for (let w = Math.max(w0, lo >>> 5); w <= Math.min(w1 - 1, (hi - 1) >>> 5); w++) out[w - w0] &= ~rangeBits(w, lo, hi);
  return out;
}

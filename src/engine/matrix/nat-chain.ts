import { vpcContains } from '../model/compile.ts';
import { getBit } from './bitset.ts';
import type { Lowering } from './lowering.ts';
import { usableNat } from './universe.ts';

/** forwardFrom's routing-loop guard: a walk gives up after this many routing steps. */
const MAX_STEPS = 16;

/** Where traffic that a NAT gateway re-sends ends up, and what only the walk can tell. */
export interface Reach {
  reach: Uint32Array;
  fallback: Uint32Array;
  /** Replies: the receivers routing alone delivers to, before their subnets' NACLs (to see what an ACL edit touches). */
  routed: Uint32Array;
  /** Requests: the update generation this was computed for. */
  generation: number;
}

/**
 * Requests (UDP: the only protocol whose request alone counts) after NAT gateway `natId`
 * translated them at routing step `steps - 1`: they leave its subnet from its private address
 * with no security groups to reference. `arrival` gives the transposed arrival row of the NAT
 * as a sender, which any edit may change: results are recomputed, in place, once per update.
 */
export function natForward(L: Lowering, natId: string, steps: number, arrival: (natSender: number) => Uint32Array): Reach {
  const words = L.u.T.words;
  const r = L.chains.get(natId, `f${steps}`, (): Reach => ({ reach: L.arena.alloc(words), fallback: L.arena.alloc(words), routed: L.m.zeroT, generation: -1 }));
  if (r.generation === L.generation) return r;
  r.generation = L.generation;
  r.reach.fill(0);
  r.fallback.fill(0);
  if (steps > MAX_STEPS) return r;
  const nat = L.net.natGateways.get(natId)!;
  const P = nat.subnet!;
  const sigma = L.u.natSender.get(natId)!;
  const leg = L.leg(P, 'fwd');
  const inVpc = vpcContains(P.vpc, nat.privateIp!);
  const arrive = arrival(sigma);
  for (let w = 0; w < words; w++) {
    r.reach[w] = (leg.local[w] | (inVpc ? leg.pcxSame[w] | leg.pcxCross[w] : 0)) & arrive[w];
    r.fallback[w] = leg.fallback[w];
  }
  for (const hop of leg.nats) {
    const next = L.net.natGateways.get(hop.natId)!.subnet!;
    if (next.id !== P.id && !getBit(L.acl(next.acl, 'fi'), sigma)) continue;
    const sub = natForward(L, hop.natId, steps + 1, arrival);
    for (let w = 0; w < words; w++) {
      r.reach[w] |= hop.mask[w] & sub.reach[w];
      r.fallback[w] |= hop.mask[w] & sub.fallback[w];
    }
  }
  return r;
}

/**
 * Replies after NAT gateway `natId` translated them: from its subnet, source its private
 * address, to the matrix senders (a reply counts only when it reaches the interface that sent
 * the request). Security groups pass replies; NACLs see the NAT's address as the source.
 */
export function natReturn(L: Lowering, natId: string, steps: number): Reach {
  return L.chains.get(natId, `r${steps}`, () => {
    const { u } = L;
    const words = u.S.words;
    const out: Reach = { reach: L.arena.alloc(words), fallback: L.arena.alloc(words), routed: L.arena.alloc(words), generation: 0 };
    if (steps > MAX_STEPS) return out;
    const nat = L.net.natGateways.get(natId)!;
    const P = nat.subnet!;
    const ip = nat.privateIp!;
    const leg = L.leg(P, 'rep');
    const inVpc = vpcContains(P.vpc, ip);
    for (let w = 0; w < words; w++) {
      out.routed[w] = leg.local[w] | (inVpc ? leg.pcxSame[w] | leg.pcxCross[w] : 0);
      out.fallback[w] = leg.fallback[w];
    }
    // The NACL inbound of each receiver's subnet, for the NAT's address (skipped within P).
    // Receivers of one subnet are adjacent (sorted by address): one verdict per run.
    let last: string | null = null;
    let pass = true;
    for (let w = 0; w < words; w++) {
      let keep = 0;
      for (let x = out.routed[w]; x !== 0; x &= x - 1) {
        const b = 31 - Math.clz32(x & -x);
        const id = u.senders[(w << 5) + b].subnetId;
        if (id !== last) {
          last = id;
          pass = !id || id === P.id || L.aclAt(L.net.subnets.get(id)!.acl, 'ri', ip);
        }
        if (pass) keep |= 1 << b;
      }
      out.reach[w] = keep;
    }
    for (const hop of leg.nats) {
      const next = L.net.natGateways.get(hop.natId)!.subnet!;
      if (next.id !== P.id && !L.aclAt(next.acl, 'ri', ip)) continue;
      const sub = natReturn(L, hop.natId, steps + 1);
      for (let w = 0; w < words; w++) {
        out.reach[w] |= hop.mask[w] & sub.reach[w];
        out.fallback[w] |= hop.mask[w] & sub.fallback[w];
        out.routed[w] |= hop.mask[w] & sub.routed[w];
      }
    }
    return out;
  });
}

/**
 * Drops the reply chains an edit may have changed: those of NAT gateways in `vpcs`, and (for
 * a NACL edit) those delivering to a subnet in `receivers`. A chain stays inside one VPC, so
 * a VPC's NAT gateways go together. Returns the VPCs whose chains were dropped.
 */
export function forgetNatReturns(L: Lowering, vpcs: ReadonlySet<string>, receivers: ReadonlySet<string>): Set<string> {
  const out = new Set(vpcs);
  const nats = [...L.net.natGateways.values()].filter(usableNat);
  if (receivers.size > 0) {
    const mask = new Uint32Array(L.u.S.words);
    for (const id of receivers) {
      const m = L.m.inSubnet('S', id);
      for (let w = 0; w < mask.length; w++) mask[w] |= m[w];
    }
    for (const n of nats) {
      const entry = L.chains.peek(n.id, 'r2');
      if (entry && entry.routed.some((v, w) => (v & mask[w]) !== 0)) out.add(n.subnet!.vpc.id);
    }
  }
  for (const n of nats) if (out.has(n.subnet!.vpc.id)) L.chains.drop(n.id);
  return out;
}

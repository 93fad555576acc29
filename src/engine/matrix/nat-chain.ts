import { contains } from '../ip/index.ts';
import { vpcContains } from '../model/compile.ts';
import { natSourcePort } from '../walk/nat-port.ts';
import { aclAllows } from './filters.ts';
import { decideRoute, peerVpcId } from '../walk/route-decision.ts';
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
  /** natBack: targets whose reply passes or not depending only on the NAT's per-flow port (see natPortPasses). */
  ports?: Uint32Array;
  /** natBack: the NAT subnet's leg and natReplies' result it was computed from (see natBack's shortcut). */
  from?: { leg: object; back: Reach };
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
 * ICMP/TCP requests after NAT gateway `natId` translated them (routing step 1), over targets:
 * `reach` where the request arrives straight from the NAT's subnet and the reply, sent to the
 * NAT's address, gets back to the NAT (which translates it back to the client: the caller
 * checks that last leg); `fallback` where only the walk can tell (a further NAT hop, a public
 * address, a self-peering); `ports` where a NACL's verdict depends on the NAT's per-flow port.
 * The reply to the NAT leaves the target's subnet by its route for the NAT's address: the
 * local route or an active peering to the NAT's VPC; any other hop loses it (a NAT gateway
 * rewrites its source: ASYMMETRIC_RETURN_PATH). Only for NAT addresses no one else holds
 * (natRepliesAmbiguous). Recomputed in place once per update, like natForward.
 */
export function natBack(L: Lowering, natId: string, arrival: (natSender: number) => Uint32Array): Reach {
  const words = L.u.T.words;
  const r = L.chains.get(natId, 'b2', (): Reach => ({ reach: L.arena.alloc(words), fallback: L.arena.alloc(words), routed: L.m.zeroT, generation: -1, ports: L.arena.alloc(words) }));
  if (r.generation === L.generation) return r;
  const { net, u } = L;
  const nat = net.natGateways.get(natId)!;
  const P = nat.subnet!;
  const sigma = u.natSender.get(natId)!;
  const leg = L.leg(P, 'fwd');
  const arrive = arrival(sigma);
  const ports = r.ports!;
  // Up to date as of the previous update, with the same leg and replies and no further NAT hop:
  // only the NAT's arrival can have moved, and only in the target words the update refreshed.
  if (L.dirtyWords !== null && r.generation === L.generation - 1 && leg.nats.length === 0 && r.from?.leg === leg) {
    const back = natReplies(L, natId);
    if (r.from.back === back) {
      r.generation = L.generation;
      for (const w of L.dirtyWords) {
        r.reach[w] = arrive[w] & back.reach[w];
        ports[w] = arrive[w] & back.ports![w];
      }
      return r;
    }
  }
  r.generation = L.generation;
  r.reach.fill(0);
  r.fallback.fill(0);
  ports.fill(0);
  for (let w = 0; w < words; w++) r.fallback[w] = leg.fallback[w];
  for (const hop of leg.nats) {
    const next = net.natGateways.get(hop.natId)!.subnet!;
    if (next.id !== P.id && !getBit(L.acl(next.acl, 'fi'), sigma)) continue;
    const sub = natForward(L, hop.natId, 3, arrival);
    for (let w = 0; w < words; w++) r.fallback[w] |= hop.mask[w] & (sub.reach[w] | sub.fallback[w]);
  }
  const back = natReplies(L, natId);
  for (let w = 0; w < words; w++) {
    const a = arrive[w];
    r.reach[w] = a & back.reach[w];
    ports[w] = a & back.ports![w];
  }
  r.from = { leg, back };
  return r;
}

/**
 * natBack's replies, for every target the NAT's subnet routes to directly (arrival aside):
 * `reach` where the reply gets back to the NAT, `ports` where that depends on the NAT's port.
 * Routing, NACLs and peerings only: kept until an edit of a subnet it consulted (Lowering.forget).
 */
function natReplies(L: Lowering, natId: string): Reach {
  const words = L.u.T.words;
  const hit = L.replies.peek(natId, '');
  if (hit) return hit;
  const r: Reach = { reach: L.arena.alloc(words), fallback: L.m.zeroT, routed: L.m.zeroT, generation: 0, ports: L.arena.alloc(words) };
  const ports = r.ports!;
  const { net, u } = L;
  const nat = net.natGateways.get(natId)!;
  const P = nat.subnet!;
  const sigma = u.natSender.get(natId)!;
  const leg = L.leg(P, 'fwd');
  const inVpc = vpcContains(P.vpc, nat.privateIp!);
  // The NAT subnet's NACL inbound sees the target's address and the NAT's port.
  const natIn = L.aclNatPorts(P.acl, 'ri');
  // Per target subnet: the reply's route to the NAT (0 lost, 1 same subnet, 2 crosses) and its NACL outbound (0 deny, 1 allow, 2 depends on the port).
  const bySubnet = new Map<string, ReplyRoute>();
  // Targets come in address order, so a subnet's and a VPC's are mostly adjacent: look their
  // verdicts up once per run.
  let lastSubnet: string | null = null;
  let v: ReplyRoute = { route: 0, inVpcRoute: false, out: 0 };
  let lastVpc: string | null = null;
  let service = false;
  for (let w = 0; w < words; w++) {
    for (let x = leg.local[w] | (inVpc ? leg.pcxSame[w] | leg.pcxCross[w] : 0); x !== 0; x &= x - 1) {
      const b = 31 - Math.clz32(x & -x);
      const t = u.targets[(w << 5) + b];
      if (!t.subnetId) continue;
      if (t.subnetId !== lastSubnet) {
        lastSubnet = t.subnetId;
        let hit = bySubnet.get(t.subnetId);
        if (!hit) {
          // Kept per (subnet, NAT) until an edit of that subnet: when one subnet's NACL moves,
          // the NAT gateways replying through it recompute natReplies but look up only its route.
          let byNat = L.replyRoutes.get(t.subnetId);
          if (!byNat) L.replyRoutes.set(t.subnetId, (byNat = new Map()));
          hit = byNat.get(natId);
          if (!hit) byNat.set(natId, (hit = replyRoute(L, t.subnetId, natId)));
          bySubnet.set(t.subnetId, hit);
        }
        v = hit;
      }
      if (v.route === 0 || (v.inVpcRoute && !t.inVpc)) continue;
      if (t.vpcId !== lastVpc) {
        lastVpc = t.vpcId;
        const vpc = net.vpcs.get(t.vpcId);
        service = vpc !== undefined && getBit(L.m.serviceSenders(vpc), sigma);
      }
      if (service) continue;
      let verdict = v.out;
      if (v.route === 2 && verdict !== 0) {
        const i = (w << 5) + b;
        verdict = getBit(natIn.all, i) ? verdict : getBit(natIn.any, i) ? 2 : 0;
      }
      if (verdict === 1) r.reach[w] |= 1 << b;
      else if (verdict === 2) ports[w] |= 1 << b;
    }
  }
  // An edit of any subnet consulted here (its routes, NACL or VPC's peerings) drops the result.
  L.replies.put(natId, '', r, () => [P.id, ...bySubnet.keys()]);
  return r;
}

/**
 * For a target in natBack's `ports`: whether the reply passes the NACLs with the port the NAT
 * gives this flow (natSourcePort of the client's address and port and the target's address).
 * Both NACLs apply there: the reply crosses from the target's subnet to the NAT's.
 */
export function natPortPasses(L: Lowering, natId: string, sigma: number, t: number): boolean {
  const nat = L.net.natGateways.get(natId)!;
  const target = L.u.targets[t];
  const h = { ...L.h.rep, dstPort: natSourcePort(L.h.fwd.protocol, L.u.senders[sigma].ip, L.h.fwd.srcPort, target.ip) };
  return aclAllows(L.net.subnets.get(target.subnetId!)!.acl.egress, h, nat.privateIp!, contains) && aclAllows(nat.subnet!.acl.ingress, h, target.ip, contains);
}

/** How a reply from a target subnet to a NAT gateway's address leaves (see replyRoute). */
export interface ReplyRoute {
  /** 0 lost, 1 within the same subnet, 2 crosses to the NAT's subnet. */
  route: number;
  /** Over a peering: only for a reply whose source is inside the target's VPC. */
  inVpcRoute: boolean;
  /** The target subnet's NACL outbound: 0 deny, 1 allow, 2 depends on the NAT's port. */
  out: number;
}

/**
 * How a reply from subnet `subnetId` to NAT gateway `natId`'s address leaves: see natBack.
 * Depends on that subnet's route table, NACL and its VPC's peerings only (and on structure):
 * every edit of those forgets the subnet (Lowering.forget drops L.replyRoutes by subnet).
 */
function replyRoute(L: Lowering, subnetId: string, natId: string): ReplyRoute {
  const { net } = L;
  const nat = net.natGateways.get(natId)!;
  const Pd = net.subnets.get(subnetId)!;
  const ip = nat.privateIp!;
  const lost = { route: 0, inVpcRoute: false, out: 0 };
  const d = decideRoute(net, Pd, ip);
  let route: number;
  let inVpcRoute = false;
  if (d.kind === 'local') {
    if (d.eni !== nat.eni) return lost;
    // The walk skips both NACLs when the NAT's interface is in the target's own subnet.
    route = nat.eni!.subnet === Pd ? 1 : 2;
  } else if (d.kind === 'pcx') {
    const pcx = d.pcx;
    if (!pcx || pcx.status !== 'active') return lost;
    const peerId = peerVpcId(pcx, Pd.vpc);
    const peer = peerId ? net.vpcs.get(peerId) : undefined;
    if (!peer || !vpcContains(peer, ip) || net.enisByPrivateIp.get(peer.id)?.get(ip) !== nat.eni) return lost;
    // A peering carries only a reply whose source is inside the target's VPC.
    inVpcRoute = true;
    route = 2;
  } else {
    return lost;
  }
  let out = 1;
  if (route === 2) {
    out = L.aclNatPortsAt(Pd.acl, 'ro', ip);
  }
  return { route, inVpcRoute, out };
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

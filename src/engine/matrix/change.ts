import type { NSubnet, Network } from '../model/network.ts';
import type { Forget } from './lowering.ts';
import type { Memberships } from './memberships.ts';
import { usableNat } from './universe.ts';

/**
 * What an edit changed, so that an update recomputes only the rows and columns it can affect.
 * Interfaces, subnets, VPC address blocks, addresses and NAT gateways must be as they were:
 * any other edit is `full`. The update notices a structural edit by itself when the document
 * parts holding those were replaced (not when they were mutated in place), and rebuilds.
 */
export type MatrixChange =
  /** A security group's rules changed (or the group was created or deleted). */
  | { kind: 'security-group'; groupId: string }
  /** A network ACL's entries or subnet associations changed. */
  | { kind: 'network-acl'; aclId: string }
  /** A route table's routes, associations or main flag changed. */
  | { kind: 'route-table'; routeTableId: string }
  /** A peering connection was created, accepted, deleted or changed. */
  | { kind: 'peering'; peeringId: string }
  /** Anything else: rebuild. */
  | { kind: 'full' };

/** The work an update does. */
export interface Plan {
  forget: Forget;
  /** Senders whose whole row is recomputed (sender space). */
  senders: Uint32Array;
  /** Targets whose column is recomputed in every row (target space). */
  targets: Uint32Array;
  /** VPCs whose replies through NAT gateways may have moved; null when replies cannot have. */
  replyVpcs: Set<string> | null;
  /** Subnets whose NACL changed, for replies delivered there through a NAT gateway. */
  receivers: Set<string>;
}

function subnetsWhere(nets: Network[], test: (s: NSubnet) => boolean): Set<string> {
  const out = new Set<string>();
  for (const net of nets) for (const s of net.subnets.values()) if (test(s)) out.add(s.id);
  return out;
}

function union(into: Uint32Array, bits: Uint32Array): void {
  for (let w = 0; w < into.length; w++) into[w] |= bits[w];
}

/**
 * A routing or NACL edit of some subnets: their senders' rows and their targets' columns,
 * plus every sender of a VPC with a NAT gateway in them (its requests may cross that subnet).
 */
function subnetPlan(m: Memberships, nets: Network[], subnets: Set<string>, forget: Forget, receivers: Set<string>): Plan {
  const senders = new Uint32Array(m.zeroS.length);
  const targets = new Uint32Array(m.zeroT.length);
  const vpcs = new Set<string>();
  for (const id of subnets) {
    union(senders, m.inSubnet('S', id));
    union(targets, m.inSubnet('T', id));
  }
  for (const net of nets) {
    for (const s of subnets) {
      const v = net.subnets.get(s)?.vpc.id;
      if (v) vpcs.add(v);
    }
    for (const n of net.natGateways.values()) if (usableNat(n) && subnets.has(n.subnet!.id)) union(senders, m.sendersOf(n.subnet!.vpc.id));
  }
  return { forget, senders, targets, replyVpcs: vpcs, receivers };
}

export function planChange(m: Memberships, before: Network, after: Network, change: MatrixChange): Plan | null {
  const nets = [before, after];
  switch (change.kind) {
    case 'security-group': {
      const g = change.groupId;
      return { forget: { groups: new Set([g]) }, senders: m.withGroup('S', g).slice(), targets: m.withGroup('T', g).slice(), replyVpcs: null, receivers: new Set() };
    }
    case 'network-acl': {
      const subnets = subnetsWhere(nets, (s) => s.acl.id === change.aclId);
      return subnetPlan(m, nets, subnets, { acls: new Set([change.aclId]), subnets }, subnets);
    }
    case 'route-table': {
      const subnets = subnetsWhere(nets, (s) => s.routeTable?.id === change.routeTableId);
      return subnetPlan(m, nets, subnets, { tables: new Set([change.routeTableId]), subnets }, new Set());
    }
    case 'peering': {
      const vpcs = new Set<string>();
      for (const net of nets) {
        const p = net.peerings.get(change.peeringId);
        for (const id of [p?.requesterVpcId, p?.accepterVpcId]) if (id) vpcs.add(id);
      }
      const subnets = subnetsWhere(nets, (s) => vpcs.has(s.vpc.id));
      const senders = new Uint32Array(m.zeroS.length);
      const targets = new Uint32Array(m.zeroT.length);
      for (const v of vpcs) {
        union(senders, m.sendersOf(v));
        union(targets, m.owned('T', v));
      }
      return { forget: { vpcs, subnets }, senders, targets, replyVpcs: vpcs, receivers: new Set() };
    }
    case 'full':
      return null;
  }
}

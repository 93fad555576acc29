import type { NVpc, Network } from '../model/network.ts';
import type { Lowering } from './lowering.ts';

/**
 * The VPC itself, then every VPC joined to it by an active same-region peering, in the order
 * of net.peerings: the VPCs whose interfaces a security group of `vpc` may reference
 * (references do not cross regions).
 */
export function visiblePeers(net: Network, vpc: NVpc): string[] {
  const out = [vpc.id];
  for (const p of net.peerings.values()) {
    if (p.status !== 'active') continue;
    const other = p.requesterVpcId === vpc.id ? p.accepterVpcId : p.accepterVpcId === vpc.id ? p.requesterVpcId : null;
    if (!other || (p.requesterRegion && p.accepterRegion && p.requesterRegion !== p.accepterRegion)) continue;
    out.push(other);
  }
  return out;
}

/**
 * Targets whose address an egress rule referencing `groupId` matches for a sender in `vpc`:
 * the walk sees the groups of the interface the packet is routed to (groupsOfDestination), and
 * a target is reached only when routed to, so each target answers with its own groups, when
 * its VPC is one a rule of `vpc` may reference (its own or an active same-region peer). An
 * address two peered VPCs share needs nothing more: routing picks which of them is reached.
 */
export function groupView(L: Lowering, vpc: NVpc, groupId: string): Uint32Array {
  const bits = L.arena.copy(L.m.withGroup('T', groupId));
  const seen = L.seenFrom(vpc);
  for (let w = 0; w < bits.length; w++) bits[w] &= seen[w];
  return bits;
}

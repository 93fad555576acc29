import type { NVpc, Network } from '../model/network.ts';
import { setRange } from './bitset.ts';
import type { Lowering } from './lowering.ts';

/**
 * The VPC itself, then every VPC joined to it by an active same-region peering, in the order
 * of net.peerings: the order groupsOfPrivateAddress looks for the interface owning an address
 * (security group references do not cross regions).
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
 * the rule sees the groups of the interface that owns the address in the sender's VPC, else
 * in the first visible peer that has one. An address held by one interface only is matched
 * when that interface carries the group and its VPC is visible; a shared address follows the
 * walk's lookup order, and all its targets share the answer.
 */
export function groupView(L: Lowering, vpc: NVpc, groupId: string): Uint32Array {
  const { m, u, net } = L;
  const visible = L.visible(vpc);
  const bits = L.arena.copy(m.withGroup('T', groupId));
  const seen = L.seenFrom(vpc);
  for (let w = 0; w < bits.length; w++) bits[w] &= seen[w];
  for (const [lo, hi] of u.aliased) {
    const ip = u.T.addrs[lo];
    let groups: ReadonlySet<string> | null = null;
    for (const id of visible) {
      const owner = net.enisByPrivateIp.get(id)?.get(ip);
      if (owner) {
        groups = owner.groupIds;
        break;
      }
    }
    // Clear, then set when the chosen owner carries the group.
    for (let t = lo; t < hi; t++) bits[t >>> 5] &= ~(1 << (t & 31));
    if (groups?.has(groupId)) setRange(bits, lo, hi);
  }
  return bits;
}

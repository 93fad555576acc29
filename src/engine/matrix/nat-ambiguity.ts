import { isPublicIpv4 } from '../ip/index.ts';
import type { NNatGateway, NVpc } from '../model/network.ts';
import type { Lowering } from './lowering.ts';

/**
 * A reply to a NAT gateway's private address can only come back to the source if that
 * address also reaches some interface (a duplicate address) or the internet: then requests of
 * ICMP/TCP through the VPC's NAT gateways are left to the walk. Otherwise such a reply ends
 * at the NAT gateway's own interface, which is not the source: unreachable.
 */
export function natRepliesAmbiguous(L: Lowering, vpc: NVpc): boolean {
  if (L.ambiguity.size === 0) {
    // Every VPC at once, in one pass over the NAT gateways (asked once per VPC otherwise).
    const odd = (n: NNatGateway) => {
      const ip = n.privateIp!;
      if (isPublicIpv4(ip) || L.net.enisByPublicIp.has(ip)) return true;
      for (const byIp of L.net.enisByPrivateIp.values()) {
        const owner = byIp.get(ip);
        if (owner && owner !== n.eni) return true;
      }
      return false;
    };
    for (const v of L.net.vpcs.values()) L.ambiguity.set(v.id, false);
    for (const n of L.net.natGateways.values()) {
      const id = n.subnet?.vpc.id;
      if (id !== undefined && n.privateIp !== null && !L.ambiguity.get(id) && odd(n)) L.ambiguity.set(id, true);
    }
  }
  return L.ambiguity.get(vpc.id) ?? false;
}

import { longestPrefixMatch } from '../route/index.ts';
import { contains } from '../ip/index.ts';
import type { NEni, NInternetGateway, NNatGateway, NPeering, NRoute, NRouteTable, NSubnet, NVpc, Network } from '../model/network.ts';
import { subnetContaining } from '../model/compile.ts';

/** What a route table does with a destination, before any hop is recorded. */
export type RouteDecision =
  | { kind: 'no-table' }
  | { kind: 'none'; table: NRouteTable }
  | { kind: 'blackhole'; table: NRouteTable; route: NRoute }
  /** `route` is null for a destination inside the sender's own subnet whose table has no local route for it (see decideRoute). */
  | { kind: 'local'; table: NRouteTable; route: NRoute | null; eni: NEni | null; subnet: NSubnet | null }
  | { kind: 'pcx'; table: NRouteTable; route: NRoute; pcx: NPeering | null }
  | { kind: 'igw'; table: NRouteTable; route: NRoute; igw: NInternetGateway | null }
  | { kind: 'nat'; table: NRouteTable; route: NRoute; nat: NNatGateway | null }
  | { kind: 'unsupported'; table: NRouteTable; route: NRoute; id: string; what: string };

export function decideRoute(net: Network, subnet: NSubnet, dst: number): RouteDecision {
  const table = subnet.routeTable;
  if (!table) return { kind: 'no-table' };
  const route = longestPrefixMatch(table, dst);
  if ((!route || route.target.kind !== 'local') && subnet.cidr && contains(subnet.cidr, dst)) {
    // AWS delivers traffic between two addresses of one subnet without routing it, so a route
    // that replaced the VPC's local route (middlebox routing) does not take it.
    const eni = net.enisByPrivateIp.get(subnet.vpc.id)?.get(dst) ?? null;
    return { kind: 'local', table, route: null, eni, subnet: eni?.subnet ?? subnet };
  }
  if (!route) return { kind: 'none', table };
  if (route.blackhole) return { kind: 'blackhole', table, route };
  const t = route.target;
  switch (t.kind) {
    case 'local': {
      const vpc = subnet.vpc;
      const eni = net.enisByPrivateIp.get(vpc.id)?.get(dst) ?? null;
      return { kind: 'local', table, route, eni, subnet: eni?.subnet ?? subnetContaining(vpc, dst) };
    }
    case 'vpc-peering-connection':
      return { kind: 'pcx', table, route, pcx: net.peerings.get(t.id) ?? null };
    case 'internet-gateway':
      return { kind: 'igw', table, route, igw: net.internetGateways.get(t.id) ?? null };
    case 'nat-gateway':
      return { kind: 'nat', table, route, nat: net.natGateways.get(t.id) ?? null };
    case 'unsupported':
      return { kind: 'unsupported', table, route, id: t.id, what: t.what };
  }
}

/**
 * The subnet the next hop lives in, to know whether the packet leaves its subnet (and so
 * crosses the network ACL). Null means outside the subnet (gateway, peering, drop).
 */
export function nextHopSubnet(d: RouteDecision, current: NSubnet, dst: number): NSubnet | null {
  if (d.kind === 'local') return d.subnet ?? (current.cidr && contains(current.cidr, dst) ? current : null);
  if (d.kind === 'nat') return d.nat?.subnet ?? null;
  return null;
}

/** The peer of `vpc` across a peering connection, or null when the peering does not join it. */
export function peerVpcId(pcx: NPeering, vpc: NVpc): string | null {
  if (pcx.requesterVpcId === vpc.id) return pcx.accepterVpcId;
  if (pcx.accepterVpcId === vpc.id) return pcx.requesterVpcId;
  return null;
}

/** The region of the peering's side that is `vpcId`. */
export function sameRegionPeering(pcx: NPeering): boolean {
  return !pcx.requesterRegion || !pcx.accepterRegion || pcx.requesterRegion === pcx.accepterRegion;
}

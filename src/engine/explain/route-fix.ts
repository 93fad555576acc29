import { cidrOf, contains, formatCidr, isPublicIpv4 } from '../ip/index.ts';
import type { Network, NEni, NPeering, NRouteTable, NVpc } from '../model/network.ts';
import { cidrContaining, netIndex, vpcContaining } from '../walk/net-index.ts';
import type { FixAction } from '../walk/types.ts';
import { named } from './labels.ts';

export interface RouteFix {
  fix: string;
  action?: FixAction;
}

/** The VPC (other than `from`) whose CIDRs contain the address. */
function vpcHolding(net: Network, ip: number, from: NVpc): { vpc: NVpc; cidr: string } | null {
  const vpc = vpcContaining(net, ip, from);
  const c = vpc && cidrContaining(vpc, ip);
  return c ? { vpc: vpc, cidr: formatCidr(c) } : null;
}

/** The peering connection between two VPCs, preferring an active one (not deleted, rejected, expired or failed). */
export function peeringBetween(net: Network, a: string, b: string): NPeering | null {
  return netIndex(net).peerings.get(a)?.get(b) ?? null;
}

/** True when a route table of `vpcId` sends the address back over the peering. */
function routesBackOver(net: Network, vpcId: string, pcxId: string, ip: number): boolean {
  const tables = netIndex(net).tablesByVpc.get(vpcId);
  return !!tables && tables.some((t) => t.routes.some((r) => r.target.kind === 'vpc-peering-connection' && r.target.id === pcxId && contains(r.destination, ip)));
}

type RouteTargetRef = { VpcPeeringConnectionId?: string; GatewayId?: string; NatGatewayId?: string };

/**
 * "Add a route D → target to table", or, when the table already has a route for exactly D
 * (AWS refuses a second one: RouteAlreadyExists), "Replace" it.
 */
function routeTo(table: NRouteTable, destination: string, targetId: string, target: RouteTargetRef, why = ''): RouteFix {
  const existing = table.routes.find((r) => !r.implicit && r.prefixListId === null && formatCidr(r.destination) === destination);
  if (existing) {
    const old = existing.target.kind === 'local' ? 'local' : existing.target.id;
    return { fix: `Replace the route ${destination} → ${old} in ${table.id} with ${destination} → ${targetId}${why}.`, action: { kind: 'replace-route', routeTableId: table.id, destination, target } };
  }
  return { fix: `Add a route ${destination} → ${targetId} to ${table.id}${why}.`, action: { kind: 'add-route', routeTableId: table.id, destination, target } };
}

/**
 * What route would deliver the address from this table: a route to the peer VPC through an
 * existing peering (after accepting it if it is pending), to an internet gateway, or to a NAT
 * gateway for a private instance. When the table already has a route for exactly that block (to
 * another peering, say), the fix replaces it: AWS refuses a second route to one destination.
 * A new peering is suggested only when none joins the two VPCs.
 */
export function suggestRoute(net: Network, table: NRouteTable, dst: number, sender: NEni | null): RouteFix {
  const vpc = net.vpcs.get(table.vpcId);
  if (!vpc) return { fix: `Add a route that matches this destination to ${table.id}.` };
  const peer = vpcHolding(net, dst, vpc);
  if (peer) {
    const p = peeringBetween(net, vpc.id, peer.vpc.id);
    const target = { VpcPeeringConnectionId: p?.id ?? 'pcx-…' };
    if (!p) {
      return { fix: `Create a VPC peering connection between ${named(vpc.id, vpc.name)} and ${named(peer.vpc.id, peer.vpc.name)}, accept it, then add a route ${peer.cidr} → the peering connection to ${table.id} (and the return route in ${peer.vpc.id}'s route table).` };
    }
    const back = vpc.cidrs[0];
    const peerRoutesBack = !!back && routesBackOver(net, peer.vpc.id, p.id, back.base);
    const reminder = peerRoutesBack ? '' : `; ${peer.vpc.id} needs a route back to ${formatCidr(back)} too`;
    const route = routeTo(table, peer.cidr, p.id, target, reminder);
    if (p.status === 'active') return route;
    // "then add a route ..." or, when the table already sends this block elsewhere, "then replace the route ...".
    const then = route.fix[0].toLowerCase() + route.fix.slice(1);
    if (p.status === 'pending-acceptance') return { fix: `Accept ${p.id} (it is ${p.status}), then ${then}`, action: { kind: 'accept-peering', peeringId: p.id } };
    // initiating-request or provisioning: nothing to accept yet; AWS makes it active by itself.
    return { fix: `Wait until ${p.id} is active (it is ${p.status}), then ${then}` };
  }
  if (isPublicIpv4(dst)) {
    const nat = netIndex(net).natsByVpc.get(vpc)?.find((n) => n.subnet?.routeTable !== table);
    if (sender && sender.publicIp === null && nat) {
      return routeTo(table, '0.0.0.0/0', nat.id, { NatGatewayId: nat.id }, `: ${sender.id} has no public IP, so it reaches the internet through the NAT gateway`);
    }
    if (vpc.internetGateway) {
      // The route alone would only move the drop to the internet gateway, which needs a public address to translate to.
      const alsoPublicIp = sender && sender.publicIp === null && sender.natGatewayId === null
        ? `; ${sender.id} has no public IP, so also associate an Elastic IP with it, or send through a NAT gateway in a public subnet`
        : '';
      return routeTo(table, '0.0.0.0/0', vpc.internetGateway.id, { GatewayId: vpc.internetGateway.id }, alsoPublicIp);
    }
    return { fix: `Create an internet gateway, attach it to ${vpc.id}, and add a route 0.0.0.0/0 → igw-… to ${table.id}.` };
  }
  return { fix: `No VPC in this network holds that address; add a route for it to ${table.id} towards the network that does.` };
}

/**
 * A reply the responder's route table sends to another VPC than the client's (peered VPCs with
 * overlapping CIDRs: AWS's peering guide warns of exactly this). The fix is AWS's own: a route
 * for the client's address alone, back over the peering connection the request came by.
 */
export function replyRouteFix(table: NRouteTable, clientIp: number, requestPeering: string | null): RouteFix {
  const destination = formatCidr(cidrOf(clientIp, 32));
  if (requestPeering === null) return { fix: `Make ${table.id} send ${destination} back the way the request came: replies must return to the client's VPC.` };
  return routeTo(table, destination, requestPeering, { VpcPeeringConnectionId: requestPeering },
    ': the longest prefix wins, so replies to the client then go back over the peering connection the request came by');
}

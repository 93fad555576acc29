import { formatCidr } from '../ip/index.ts';
import { longestPrefixMatch, routeDestinationText } from '../route/index.ts';
import { badStateRoute, blackholeRoute, noEniAtDestination, noEniInVpc, noRoute, pcxCidr, targetId, unsupportedComponent } from '../explain/catalog.ts';
import { suggestRoute } from '../explain/route-fix.ts';
import { named, ipText } from '../explain/labels.ts';
import { vpcContains } from '../model/compile.ts';
import type { NRoute, NRouteTable } from '../model/network.ts';
import type { WalkContext } from './context.ts';
import { aclStage } from './filters.ts';
import type { Leg } from './leg.ts';
import { arriveAtEni, reservedNote } from './arrive.ts';
import { decideRoute, nextHopSubnet, peerVpcId, sameRegionPeering, type RouteDecision } from './route-decision.ts';
import { toInternetGateway } from './internet.ts';
import { throughNatGateway } from './nat.ts';
import { peeringDocument } from './net-index.ts';

const MAX_STEPS = 16;

/** flow-log traffic-path for the sender's egress record, from where the route sends it. */
function trafficPathOf(d: RouteDecision, leg: Leg): number | null {
  switch (d.kind) {
    case 'local':
    case 'nat':
      return 1;
    case 'igw':
      return leg.sender.nitro ? 8 : 2;
    case 'pcx': {
      if (!d.pcx) return null;
      return sameRegionPeering(d.pcx) ? 4 : 5;
    }
    default:
      return null;
  }
}

function routeHop(ctx: WalkContext, leg: Leg, table: NRouteTable, route: NRoute, action: 'route' | 'drop', why = ''): void {
  const dest = routeDestinationText(route);
  if (ctx.recording) ctx.hopIn({ component: table.id, kind: 'route-table', action, detail: `route ${dest} → ${targetId(route)}${route.implicit ? ' (the VPC local route)' : ''}${why}`, rule: route.route }, leg.subnet.id);
}

/** The route-table hop of traffic that stays in its subnet while the table's route to the VPC CIDR points elsewhere. */
function withinSubnetHop(ctx: WalkContext, leg: Leg, table: NRouteTable): void {
  const s = leg.subnet;
  if (!ctx.recording) return;
  const dst = leg.header.dstIp;
  const bypassed = longestPrefixMatch(table, dst);
  const not = bypassed ? `, so the route ${routeDestinationText(bypassed)} → ${targetId(bypassed)} does not apply` : '';
  ctx.hopIn({ component: table.id, kind: 'route-table', action: 'route', detail: `${ipText(dst)} is inside ${named(s.id, s.name)}${s.cidr ? ` (${formatCidr(s.cidr)})` : ''}: traffic that stays in its subnet is delivered without routing${not}` }, s.id);
}

/**
 * Routes a packet out of its subnet: the route table decides the next hop; the subnet's
 * network ACL (outbound) applies when that hop is outside the subnet; then the target.
 * `decided` is the route table's decision when the caller already made it.
 */
export function forwardFrom(ctx: WalkContext, leg: Leg, decided?: RouteDecision): void {
  if (++ctx.steps > MAX_STEPS) {
    // A loop the NAT gateway check does not catch: name the table that sent the packet round.
    const table = leg.subnet.routeTable;
    const route = table ? longestPrefixMatch(table, leg.header.dstIp) : null;
    if (table && route) ctx.block('NULL_ROUTED', () => badStateRoute(table, route, 'the packet has passed this way before: the routes send it round in a loop', `Change the route ${formatCidr(route.destination)} in ${table.id} so that the packet leaves the loop.`));
    return;
  }
  const h = leg.header;
  const d = decided ?? decideRoute(ctx.net, leg.subnet, h.dstIp);
  if (nextHopSubnet(d, leg.subnet, h.dstIp) !== leg.subnet) {
    const allowed = aclStage(ctx, leg.subnet, h, true);
    if (!allowed && leg.senderObservation) leg.senderObservation.action = 'REJECT';
  }
  if (leg.senderObservation) leg.senderObservation.trafficPath = trafficPathOf(d, leg);
  switch (d.kind) {
    case 'no-table':
      return;
    case 'none':
      if (ctx.recording) ctx.hopIn({ component: d.table.id, kind: 'route-table', action: 'drop', detail: `no route matches ${ipText(h.dstIp)}` }, leg.subnet.id);
      ctx.block('NO_ROUTE', () => noRoute(d.table, leg.subnet, h, suggestRoute(ctx.net, d.table, h.dstIp, leg.sender)));
      return;
    case 'blackhole':
      routeHop(ctx, leg, d.table, d.route, 'drop', ' (blackhole)');
      ctx.block('NULL_ROUTED', () => blackholeRoute(d.table, d.route));
      return;
    case 'local':
      if (d.route) routeHop(ctx, leg, d.table, d.route, 'route');
      else withinSubnetHop(ctx, leg, d.table);
      if (!d.eni) {
        const vpc = leg.subnet.vpc;
        ctx.block('NEIGHBOR_UNREACHABLE', () => d.subnet ? noEniAtDestination(d.subnet.id, h, `in ${named(d.subnet.id, d.subnet.name)}${reservedNote(d.subnet, h.dstIp)}`) : noEniInVpc(vpc, h, d.table, d.route));
        return;
      }
      arriveAtEni(ctx, leg, d.eni, d.eni.subnet !== leg.subnet, leg.sourceGroups);
      return;
    case 'pcx':
      crossPeering(ctx, leg, d);
      return;
    case 'igw':
      toInternetGateway(ctx, leg, d);
      return;
    case 'nat':
      throughNatGateway(ctx, leg, d);
      return;
    case 'unsupported':
      routeHop(ctx, leg, d.table, d.route, 'route');
      ctx.block('UNSUPPORTED', () => unsupportedComponent(d.id, d.what));
      return;
  }
}

function crossPeering(ctx: WalkContext, leg: Leg, d: Extract<RouteDecision, { kind: 'pcx' }>): void {
  const h = leg.header;
  const vpc = leg.subnet.vpc;
  const pcx = d.pcx;
  const id = targetId(d.route);
  if (!pcx) {
    routeHop(ctx, leg, d.table, d.route, 'drop');
    ctx.block('NULL_ROUTED', () => badStateRoute(d.table, d.route, `${id} is not in the snapshot (deleted), which makes the route a blackhole`, `Create and accept a peering connection, then point the route ${formatCidr(d.route.destination)} in ${d.table.id} at it.`));
    return;
  }
  if (pcx.status !== 'active') {
    routeHop(ctx, leg, d.table, d.route, 'drop');
    const pending = pcx.status === 'pending-acceptance';
    ctx.block('NULL_ROUTED', () => badStateRoute(d.table, d.route, `the peering connection is ${pcx.status}, and only an active peering carries traffic`,
      pending ? `Accept ${pcx.id} as the owner of its accepter VPC (${pcx.accepterVpcId}).` : `Create a new peering connection between the two VPCs and accept it.`,
      pending ? { kind: 'accept-peering', peeringId: pcx.id } : undefined));
    return;
  }
  const peerId = peerVpcId(pcx, vpc);
  if (!peerId) {
    routeHop(ctx, leg, d.table, d.route, 'drop');
    ctx.block('NULL_ROUTED', () => badStateRoute(d.table, d.route, `${pcx.id} does not connect ${vpc.id}`, `Route through a peering connection that joins ${vpc.id}.`));
    return;
  }
  routeHop(ctx, leg, d.table, d.route, 'route');
  if (!vpcContains(vpc, h.srcIp)) {
    if (ctx.recording) ctx.hop({ component: pcx.id, kind: 'vpc-peering-connection', action: 'drop', detail: `source ${ipText(h.srcIp)} is not in ${vpc.id}` });
    ctx.block('DROPPED_BY_GATEWAY', () => pcxCidr(pcx.id, h, 'source', vpc.id));
    return;
  }
  const peer = ctx.net.vpcs.get(peerId);
  if (!peer) {
    if (ctx.recording) ctx.hop({ component: pcx.id, kind: 'vpc-peering-connection', action: 'route', detail: `to ${peerId}, which is not in the snapshot` });
    ctx.block('UNSUPPORTED', () => unsupportedComponent(peerId, 'VPC that is not in the snapshot'));
    return;
  }
  if (!vpcContains(peer, h.dstIp)) {
    if (ctx.recording) ctx.hop({ component: pcx.id, kind: 'vpc-peering-connection', action: 'drop', detail: `destination ${ipText(h.dstIp)} is not in the peer ${peer.id} (${peer.cidrs.map(formatCidr).join(', ')})` });
    const holder = [...ctx.net.vpcs.values()].find((v) => v !== vpc && v !== peer && vpcContains(v, h.dstIp));
    ctx.block('DROPPED_BY_GATEWAY', () => pcxCidr(pcx.id, h, 'destination', peer.id, holder ? suggestRoute(ctx.net, d.table, h.dstIp, leg.sender) : undefined));
    return;
  }
  const region = sameRegionPeering(pcx) ? '' : ` (inter-region: ${pcx.requesterRegion} ↔ ${pcx.accepterRegion})`;
  if (ctx.recording) ctx.hop({ component: pcx.id, kind: 'vpc-peering-connection', action: 'route', detail: `to ${named(peer.id, peer.name)}${region}`, rule: peeringDocument(ctx.net, pcx.id) });
  const eni = ctx.net.enisByPrivateIp.get(peer.id)?.get(h.dstIp);
  if (!eni) {
    const subnet = peer.subnets.find((s) => s.cidr && s.cidr.base <= h.dstIp && h.dstIp < s.cidr.base + 2 ** (32 - s.cidr.prefix));
    ctx.block('NEIGHBOR_UNREACHABLE', () => noEniAtDestination(subnet?.id ?? peer.id, h, subnet ? `in ${named(subnet.id, subnet.name)}${reservedNote(subnet, h.dstIp)}` : `in ${named(peer.id, peer.name)}`));
    return;
  }
  // Security group references across a peering work only in the same region.
  arriveAtEni(ctx, leg, eni, true, sameRegionPeering(pcx) ? leg.sourceGroups : null);
}

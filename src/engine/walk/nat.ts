import { asymmetricReturn, badStateRoute, noEniAtDestination, protocolRestriction, targetId } from '../explain/catalog.ts';
import { suggestRoute } from '../explain/route-fix.ts';
import { routeDestinationName, routeDestinationText } from '../route/index.ts';
import { contains, formatCidr, isPublicIpv4 } from '../ip/index.ts';
import type { PacketHeader } from '../filter/index.ts';
import type { NEni } from '../model/network.ts';
import type { NatSession, WalkContext } from './context.ts';
import { aclStage } from './filters.ts';
import type { Leg } from './leg.ts';
import type { RouteDecision } from './route-decision.ts';
import { forwardFrom } from './forward.ts';
import { natSourcePort } from './nat-port.ts';
import { ipText } from '../explain/labels.ts';

const portText = (h: PacketHeader, ip: number, port: number) => (h.protocol === 6 || h.protocol === 17 ? `${ipText(ip)}:${port}` : ipText(ip));

/**
 * Through a NAT gateway: it enters the NAT's subnet (network ACL inbound, unless the sender
 * is in the same subnet), the gateway rewrites the source to its private address and a port
 * in 1024-65535, then routes on from its own subnet. It has no security group.
 */
export function throughNatGateway(ctx: WalkContext, leg: Leg, d: Extract<RouteDecision, { kind: 'nat' }>): void {
  const h = leg.header;
  const nat = d.nat;
  const routeHop = (action: 'route' | 'drop') => {
    if (ctx.recording) ctx.hopIn({ component: d.table.id, kind: 'route-table', action, detail: `route ${routeDestinationText(d.route)} → ${targetId(d.route)}`, rule: d.route.route }, leg.subnet.id);
  };
  if (!nat) {
    routeHop('drop');
    ctx.block('NULL_ROUTED', () => badStateRoute(d.table, d.route, `${targetId(d.route)} is not in the snapshot (deleted), which makes the route a blackhole`, `Create a NAT gateway in a public subnet and point the route at it.`));
    return;
  }
  if (nat.state !== 'available' || !nat.subnet || nat.privateIp === null || !nat.eni) {
    routeHop('drop');
    const why = nat.state !== 'available' ? `NAT gateway ${nat.id} is ${nat.state}, not available`
      : `the snapshot does not say which subnet, private address or network interface NAT gateway ${nat.id} has`;
    const fix = nat.state !== 'available' ? 'Create a new NAT gateway and point the route at it.' : `Export ${nat.id} with its SubnetId and NatGatewayAddresses (describe-nat-gateways prints both).`;
    ctx.block('NULL_ROUTED', () => badStateRoute(d.table, d.route, why, fix));
    return;
  }
  if (nat.subnet.vpc !== leg.subnet.vpc) {
    routeHop('drop');
    ctx.block('NULL_ROUTED', () => badStateRoute(d.table, d.route, `NAT gateway ${nat.id} is in another VPC`, `Use a NAT gateway of ${leg.subnet.vpc.id}.`));
    return;
  }
  if (ctx.natsPassed.includes(nat.id)) {
    // The gateway's own subnet (or another gateway's) routes the translated packet back to it:
    // it would circle until its TTL runs out.
    routeHop('drop');
    ctx.block('NULL_ROUTED', () => badStateRoute(d.table, d.route, `the packet has already passed through ${nat.id}: this route sends it round in a loop`,
      natLoopFix(leg, d)));
    return;
  }
  ctx.natsPassed.push(nat.id);
  routeHop('route');
  if (h.protocol !== 1 && h.protocol !== 6 && h.protocol !== 17) {
    if (ctx.recording) ctx.hop({ component: nat.id, kind: 'nat-gateway', action: 'drop', detail: `protocol ${h.protocol} is not supported` });
    ctx.block('DROPPED_BY_GATEWAY', () => protocolRestriction(nat.id, h));
    return;
  }
  const natEni = nat.eni;
  if (ctx.isReturn) {
    // The reply leaves through a NAT gateway the request did not use: its source is rewritten,
    // so the client sees a packet from the NAT's address that answers nothing it sent.
    ctx.replyBroken = true;
    ctx.note(() => asymmetricReturn(nat.id, d.table, h, suggestRoute(ctx.net, d.table, h.dstIp, leg.sender)));
  }
  const obsIn = ctx.observe(natEni, 'ingress', h);
  if (nat.subnet !== leg.subnet && !aclStage(ctx, nat.subnet, h, false)) obsIn.action = 'REJECT';
  if (h.dstIp === nat.privateIp || h.dstIp === nat.publicIp) {
    // Addressed to the gateway itself (its Elastic IP, through its own route): it translates
    // traffic for others and answers none.
    if (ctx.recording) ctx.hop({ component: nat.id, kind: 'nat-gateway', action: 'drop', detail: `${ipText(h.dstIp)} is the NAT gateway's own address, and it answers no traffic sent to itself` });
    ctx.block('NEIGHBOR_UNREACHABLE', () => noEniAtDestination(nat.id, h, `that answers it: it belongs to NAT gateway ${nat.id}, which translates traffic for others and does not answer pings or connections to itself`,
      'Send the traffic to an instance; to test the NAT gateway, reach an internet address through it.'));
    return;
  }
  const port = natSourcePort(h.protocol, h.srcIp, h.srcPort, h.dstIp);
  const out = { ...h, srcIp: nat.privateIp, srcPort: port };
  ctx.sessions.push({ natId: nat.id, protocol: h.protocol, remoteIp: h.dstIp, remotePort: h.dstPort, natIp: nat.privateIp, natPort: port, originalSrcIp: h.srcIp, originalSrcPort: h.srcPort });
  if (ctx.recording) ctx.hop({ component: nat.id, kind: 'nat-gateway', action: 'translate', detail: `source ${portText(h, h.srcIp, h.srcPort)} → ${portText(h, out.srcIp, port)}` });
  const obsOut = ctx.observe(natEni, 'egress', out);
  forwardFrom(ctx, { subnet: nat.subnet, header: out, sender: natEni, sourceGroups: null, senderObservation: obsOut });
}

/** The fix for a NAT gateway whose traffic is routed back to a NAT gateway. */
function natLoopFix(leg: Leg, d: Extract<RouteDecision, { kind: 'nat' }>): string {
  const vpc = leg.subnet.vpc;
  const dest = routeDestinationName(d.route);
  // A route into the VPC's own range (more specific than local): without it the local route delivers.
  if (vpc.cidrs.some((c) => contains(c, d.route.destination.base))) return `Delete the route ${dest} → ${d.nat?.id} from ${d.table.id}, the table of the NAT gateway's own subnet: the local route then delivers the packet.`;
  const via = vpc.internetGateway ? `an internet gateway (${vpc.internetGateway.id})` : `an internet gateway attached to ${vpc.id}`;
  return leg.sender.natGatewayId === d.nat?.id
    ? `In ${d.table.id}, the route table of the NAT gateway's own subnet, send ${dest} to ${via}, not to the NAT gateway.`
    : `Give the NAT gateways' subnets a route ${dest} to ${via} instead of to each other.`;
}

/**
 * Traffic addressed to a NAT gateway (from the internet to its Elastic IP, or inside the
 * network to its private address): only the reply of a connection the gateway opened is
 * translated back; anything else is dropped (it accepts no inbound connections and does not
 * answer pings to itself).
 */
export function arriveAtNat(ctx: WalkContext, h: PacketHeader, natEni: NEni, crossesSubnet: boolean): void {
  const nat = natEni.natGatewayId ? ctx.net.natGateways.get(natEni.natGatewayId) : undefined;
  if (!nat || !nat.subnet) return;
  const obsIn = ctx.observe(natEni, 'ingress', h);
  if (crossesSubnet && !aclStage(ctx, nat.subnet, h, false)) obsIn.action = 'REJECT';
  const session = findSession(ctx.sessions, nat.id, h);
  if (!session) {
    if (ctx.recording) ctx.hop({ component: nat.id, kind: 'nat-gateway', action: 'drop', detail: 'no connection of the NAT gateway matches it'});
    const fromInternet = isPublicIpv4(h.srcIp);
    ctx.block('NEIGHBOR_UNREACHABLE', () => noEniAtDestination(nat.id, h, 'that accepts it: a NAT gateway only passes back replies to connections it opened',
      fromInternet ? 'Give the instance its own public IP, or open the connection from the private instance.' : 'Send the traffic to an instance; the NAT gateway answers no traffic sent to itself.'));
    return;
  }
  const back = { ...h, dstIp: session.originalSrcIp, dstPort: session.originalSrcPort };
  if (ctx.recording) ctx.hop({ component: nat.id, kind: 'nat-gateway', action: 'translate', detail: `destination ${portText(h, h.dstIp, h.dstPort)} → ${portText(h, back.dstIp, back.dstPort)}` });
  const obsOut = ctx.observe(natEni, 'egress', back);
  forwardFrom(ctx, { subnet: nat.subnet, header: back, sender: natEni, sourceGroups: null, senderObservation: obsOut });
}

/**
 * The session a reply belongs to: its 5-tuple is the one the NAT sent the request with,
 * reversed. Compared as natReplyKey's texts would be (so NaN matches NaN).
 */
function findSession(sessions: readonly NatSession[], natId: string, h: PacketHeader): NatSession | undefined {
  const same = (a: number, b: number) => a === b || (a !== a && b !== b);
  return sessions.find((s) => s.natId === natId && same(s.protocol, h.protocol) && same(s.remoteIp, h.srcIp) && same(s.remotePort, h.srcPort) && same(s.natIp, h.dstIp) && same(s.natPort, h.dstPort));
}

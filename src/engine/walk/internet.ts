import { formatCidr, isPublicIpv4 } from '../ip/index.ts';
import { badStateRoute, blackholeRoute, igwIngressNoPublicIp, igwNoPublicIp, igwPrivateDestination, targetId, unsupportedComponent } from '../explain/catalog.ts';
import { named, ipText } from '../explain/labels.ts';
import { suggestRoute } from '../explain/route-fix.ts';
import type { PacketHeader } from '../filter/index.ts';
import type { NEni, NRouteTable, Network } from '../model/network.ts';
import { longestPrefixMatch, routeDestinationText } from '../route/index.ts';
import type { WalkContext } from './context.ts';
import type { Leg } from './leg.ts';
import type { RouteDecision } from './route-decision.ts';
import { arriveAtEni } from './arrive.ts';
import { arriveAtNat } from './nat.ts';

/** The address the simulated internet host uses for `--from internet`. */
export const INTERNET_HOST = (203 << 24) + (0 << 16) + (113 << 8) + 12;

/**
 * Leaving through an internet gateway: it must be attached to this VPC, the destination must
 * be public, and the source must have a public IPv4 (the gateway translates 1:1).
 */
export function toInternetGateway(ctx: WalkContext, leg: Leg, d: Extract<RouteDecision, { kind: 'igw' }>): void {
  const h = leg.header;
  const vpc = leg.subnet.vpc;
  const route = d.route;
  const hop = (action: 'route' | 'drop') => {
    if (ctx.recording) ctx.hopIn({ component: d.table.id, kind: 'route-table', action, detail: `route ${routeDestinationText(route)} → ${targetId(route)}`, rule: route.route }, leg.subnet.id);
  };
  if (!d.igw) {
    hop('drop');
    ctx.block('NULL_ROUTED', () => badStateRoute(d.table, route, `${targetId(route)} is not in the snapshot (deleted), which makes the route a blackhole`, `Attach an internet gateway to ${vpc.id} and point the route at it.`));
    return;
  }
  const igw = d.igw;
  if (igw.attachedVpcId !== vpc.id) {
    hop('drop');
    ctx.block('NULL_ROUTED', () => badStateRoute(d.table, route, `${igw.id} is not attached to ${vpc.id}`, `Attach ${igw.id} to ${vpc.id}.`));
    return;
  }
  hop('route');
  if (!isPublicIpv4(h.dstIp)) {
    if (ctx.recording) ctx.hop({ component: igw.id, kind: 'internet-gateway', action: 'drop', detail: `${ipText(h.dstIp)} is not a public address` });
    ctx.block('DROPPED_BY_GATEWAY', () => igwPrivateDestination(igw.id, h, suggestRoute(ctx.net, d.table, h.dstIp, leg.sender)));
    return;
  }
  const owner = ctx.net.enisByPrivateIp.get(vpc.id)?.get(h.srcIp) ?? null;
  const publicIp = owner === null ? null : owner.privateIp === h.srcIp ? owner.publicIp : owner.secondaryPublicIps?.get(h.srcIp) ?? null;
  if (publicIp === null) {
    if (ctx.recording) ctx.hop({ component: igw.id, kind: 'internet-gateway', action: 'drop', detail: `${ipText(h.srcIp)} has no public IPv4 address` });
    ctx.block('DROPPED_BY_GATEWAY', () => igwNoPublicIp(igw.id, owner ?? leg.sender, h));
    return;
  }
  if (ctx.recording) ctx.hop({ component: igw.id, kind: 'internet-gateway', action: 'translate', detail: `source ${ipText(h.srcIp)} → public ${ipText(publicIp)}` });
  acrossInternet(ctx, { ...h, srcIp: publicIp });
}

// Per compiled (immutable) network: the route table edge-associated with each gateway.
const GATEWAY_TABLES = new WeakMap<Network, Map<string, NRouteTable>>();

function gatewayRouteTables(net: Network): Map<string, NRouteTable> {
  let byGateway = GATEWAY_TABLES.get(net);
  if (byGateway === undefined) {
    byGateway = new Map();
    for (const t of net.routeTables.values()) {
      const associations = t.doc?.Associations;
      if (!Array.isArray(associations)) continue;
      for (const a of associations) if (typeof a?.GatewayId === 'string' && !byGateway.has(a.GatewayId)) byGateway.set(a.GatewayId, t);
    }
    GATEWAY_TABLES.set(net, byGateway);
  }
  return byGateway;
}

/**
 * Ingress routing: a route table associated with the internet gateway itself (an edge
 * association) routes what enters through it. A local route delivers as usual; a route to an
 * appliance (network interface, Gateway Load Balancer endpoint) leads where the simulator does
 * not follow. Returns whether the packet goes on to its interface.
 */
function gatewayRouteAllows(ctx: WalkContext, igwId: string, h: PacketHeader): boolean {
  const table = gatewayRouteTables(ctx.net).get(igwId);
  if (table === undefined) return true;
  const route = longestPrefixMatch(table, h.dstIp);
  if (route === null || route.target.kind === 'local') return true;
  if (ctx.recording) ctx.hop({ component: table.id, kind: 'route-table', action: route.blackhole ? 'drop' : 'route', detail: `gateway route table of ${igwId}: route ${routeDestinationText(route)} → ${targetId(route)}`, rule: route.route });
  if (route.blackhole) ctx.block('NULL_ROUTED', () => blackholeRoute(table, route));
  else if (route.target.kind === 'unsupported') {
    const { id, what } = route.target;
    ctx.block('UNSUPPORTED', () => unsupportedComponent(id, what));
  } else {
    const id = targetId(route);
    ctx.block('UNSUPPORTED', () => unsupportedComponent(id, 'target a gateway route table cannot use (AWS allows local, a network interface or a Gateway Load Balancer endpoint)'));
  }
  return false;
}

/** The private address an interface maps a public one to (its primary's or a secondary's Elastic IP), or null. */
function privateOfPublic(eni: NEni, publicIp: number): number | null {
  if (eni.publicIp === publicIp) return eni.privateIp;
  if (eni.secondaryPublicIps) for (const [privateIp, mapped] of eni.secondaryPublicIps) if (mapped === publicIp) return privateIp;
  return null;
}

/** On the internet: delivered to the simulated host, or on to another VPC's public address. */
export function acrossInternet(ctx: WalkContext, h: PacketHeader): void {
  const target = ctx.net.enisByPublicIp.get(h.dstIp);
  if (!target) {
    if (ctx.recording) ctx.hop({ component: 'internet', kind: 'internet', action: 'deliver', detail: `the internet host ${ipText(h.dstIp)} receives it` });
    ctx.deliver('internet', h, 'EXITS_NETWORK');
    return;
  }
  if (ctx.recording) {
    const detail = ctx.hopCount === 0 ? `the internet host ${ipText(h.srcIp)} replies to ${ipText(h.dstIp)}` : `across the internet to ${ipText(h.dstIp)}`;
    ctx.hop({ component: 'internet', kind: 'internet', action: 'route', detail });
  }
  enterFromInternet(ctx, h, target);
}

/**
 * Traffic that starts on the internet: the first hop is the internet itself. It can reach an
 * interface only through its public address; a private one is not routed on the internet.
 */
export function startOnInternet(ctx: WalkContext, h: PacketHeader, target: NEni | null): void {
  if (ctx.recording) ctx.hop({ component: 'internet', kind: 'internet', action: 'route', detail: `the internet host ${ipText(h.srcIp)} sends to ${ipText(h.dstIp)}` });
  if (!target || privateOfPublic(target, h.dstIp) === null) {
    const vpc = target?.vpc ?? null;
    const component = vpc?.internetGateway?.id ?? vpc?.id ?? 'internet';
    const why = !target
      ? `${ipText(h.dstIp)} is not a public address of any interface in this network.`
      : target.publicIp !== null
        ? `${ipText(h.dstIp)} is a private address of ${named(target.id, target.name)}, which the internet does not route; from the internet it is reached at its public address ${ipText(target.publicIp)}.`
        : `${named(target.id, target.name)} has no public IPv4 address or Elastic IP, so the internet cannot reach it; ${ipText(h.dstIp)} is a private address.`;
    const fix = target && target.publicIp !== null ? `Send the traffic to ${ipText(target.publicIp)}, the public address of ${target.id}.` : undefined;
    ctx.block('DROPPED_BY_GATEWAY', () => igwIngressNoPublicIp(component, target, why, fix));
    return;
  }
  enterFromInternet(ctx, h, target);
}

/** In through the VPC's internet gateway, which maps the public address to the private one. */
export function enterFromInternet(ctx: WalkContext, h: PacketHeader, eni: NEni): void {
  const vpc = eni.vpc;
  const igw = vpc?.internetGateway ?? null;
  if (!vpc || !igw) {
    ctx.block('DROPPED_BY_GATEWAY', () => igwIngressNoPublicIp(vpc?.id ?? eni.id, eni, `${named(vpc?.id ?? '?', vpc?.name)} has no internet gateway attached, so nothing from the internet reaches ${ipText(h.dstIp)}.`,
      `Create an internet gateway, attach it to ${vpc?.id ?? 'the VPC'}, and add a route 0.0.0.0/0 → it to the route table of ${eni.subnet?.id ?? 'the subnet'}.`));
    return;
  }
  const privateIp = privateOfPublic(eni, h.dstIp) ?? eni.privateIp;
  if (ctx.recording) ctx.hop({ component: igw.id, kind: 'internet-gateway', action: 'translate', detail: `destination public ${ipText(h.dstIp)} → ${ipText(privateIp)}` });
  const inside = { ...h, dstIp: privateIp };
  if (!gatewayRouteAllows(ctx, igw.id, inside)) return;
  if (eni.natGatewayId) {
    arriveAtNat(ctx, inside, eni, true);
    return;
  }
  arriveAtEni(ctx, { header: inside }, eni, true, null);
}

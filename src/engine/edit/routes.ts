/** CreateRoute / ReplaceRoute / DeleteRoute, with AWS's checks on destination and target. */
import { formatCidr, tryParseCidr } from '../ip/index.ts';
import type { Route, Snapshot } from '../model/schema.ts';
import { list, mapList } from './doc.ts';
import { fail, type EditResult, ok } from './types.ts';

export type RouteTarget = { GatewayId?: string; NatGatewayId?: string; VpcPeeringConnectionId?: string };

export interface RouteArgs {
  routeTableId: string;
  destination: string;
  target: RouteTarget;
}

const sameDest = (r: Route, d: string) => r.DestinationCidrBlock === d;

/** Checks that the target exists and can serve this table's VPC, the way CreateRoute does. */
function checkTarget(doc: Snapshot, vpcId: string, t: RouteTarget): string | null {
  if (t.GatewayId) {
    if (t.GatewayId === 'local') return 'InvalidParameterValue: the local route is created with the VPC and cannot be added.';
    const igw = list(doc, 'InternetGateways').find((g) => g.InternetGatewayId === t.GatewayId);
    if (!igw) return `InvalidGatewayID.NotFound: The gateway ID '${t.GatewayId}' does not exist.`;
    if (!(igw.Attachments ?? []).some((a) => a.VpcId === vpcId)) return `InvalidParameterValue: route table and network gateway ${t.GatewayId} belong to different networks: attach it to ${vpcId} first.`;
  } else if (t.NatGatewayId) {
    const nat = list(doc, 'NatGateways').find((n) => n.NatGatewayId === t.NatGatewayId);
    if (!nat) return `InvalidNatGatewayID.NotFound: The NAT gateway ID '${t.NatGatewayId}' does not exist.`;
    if (nat.VpcId && nat.VpcId !== vpcId) return `InvalidParameterValue: NAT gateway ${t.NatGatewayId} is in another VPC.`;
  } else if (t.VpcPeeringConnectionId) {
    const p = list(doc, 'VpcPeeringConnections').find((x) => x.VpcPeeringConnectionId === t.VpcPeeringConnectionId);
    if (!p) return `InvalidVpcPeeringConnectionID.NotFound: The vpcPeeringConnection ID '${t.VpcPeeringConnectionId}' does not exist.`;
    if (p.RequesterVpcInfo?.VpcId !== vpcId && p.AccepterVpcInfo?.VpcId !== vpcId) return `InvalidParameterValue: peering connection ${t.VpcPeeringConnectionId} does not involve ${vpcId}.`;
  } else return 'MissingParameter: a route needs a target (gateway, NAT gateway or peering connection).';
  return null;
}

function prepare(doc: Snapshot, a: RouteArgs): { error: string } | { dest: string; vpcId: string; routes: Route[] } {
  const table = list(doc, 'RouteTables').find((t) => t.RouteTableId === a.routeTableId);
  if (!table) return { error: `InvalidRouteTableID.NotFound: The routeTable ID '${a.routeTableId}' does not exist.` };
  const p = tryParseCidr(a.destination.trim());
  if (!p.ok) return { error: `InvalidParameterValue: Value (${a.destination}) for parameter destinationCidrBlock is invalid (${p.error}).` };
  const err = checkTarget(doc, table.VpcId, a.target);
  if (err) return { error: err };
  return { dest: formatCidr(p.value), vpcId: table.VpcId, routes: table.Routes ?? [] };
}

const routeOf = (dest: string, t: RouteTarget): Route => ({ DestinationCidrBlock: dest, ...t, Origin: 'CreateRoute', State: 'active' });

export function addRoute(doc: Snapshot, a: RouteArgs): EditResult {
  const p = prepare(doc, a);
  if ('error' in p) return fail(doc, p.error);
  if (p.routes.some((r) => sameDest(r, p.dest))) return fail(doc, `RouteAlreadyExists: The route identified by ${p.dest} already exists in ${a.routeTableId}.`);
  return ok(mapList(doc, 'RouteTables', (t) => t.RouteTableId === a.routeTableId, (t) => ({ ...t, Routes: [...p.routes, routeOf(p.dest, a.target)] })));
}

export function replaceRoute(doc: Snapshot, a: RouteArgs): EditResult {
  const p = prepare(doc, a);
  if ('error' in p) return fail(doc, p.error);
  const old = p.routes.find((r) => sameDest(r, p.dest));
  if (!old) return fail(doc, `InvalidRoute.NotFound: no route with destination-cidr-block ${p.dest} in route table ${a.routeTableId}.`);
  if (old.GatewayId === 'local') return fail(doc, `InvalidParameterValue: the local route ${p.dest} cannot be replaced.`);
  const routes = p.routes.map((r) => (r === old ? routeOf(p.dest, a.target) : r));
  return ok(mapList(doc, 'RouteTables', (t) => t.RouteTableId === a.routeTableId, (t) => ({ ...t, Routes: routes })));
}

/** CreateRoute, or ReplaceRoute when the table already has the destination: what "Edit routes → Save" does for one row. */
export function setRoute(doc: Snapshot, a: RouteArgs): EditResult {
  return findRoute(doc, a.routeTableId, a.destination) ? replaceRoute(doc, a) : addRoute(doc, a);
}

export function deleteRoute(doc: Snapshot, a: { routeTableId: string; destination: string }): EditResult {
  const table = list(doc, 'RouteTables').find((t) => t.RouteTableId === a.routeTableId);
  const route = findRoute(doc, a.routeTableId, a.destination);
  if (!table || !route) return fail(doc, `InvalidRoute.NotFound: no route with destination-cidr-block ${a.destination} in route table ${a.routeTableId}.`);
  if (route.GatewayId === 'local') return fail(doc, `InvalidParameterValue: cannot remove local route ${a.destination} in route table ${a.routeTableId}.`);
  return ok(mapList(doc, 'RouteTables', (t) => t === table, (t) => ({ ...t, Routes: (t.Routes ?? []).filter((r) => r !== route) })));
}

/**
 * The route of the table whose destination is `destination` (written any way that parses to the same block:
 * ` 10.30.0.0/16 `), or null. The "+ Route" dialog uses it to offer ReplaceRoute where CreateRoute would fail.
 */
export function findRoute(doc: Snapshot, routeTableId: string, destination: string): Route | null {
  const table = list(doc, 'RouteTables').find((t) => t.RouteTableId === routeTableId);
  const p = tryParseCidr(destination.trim());
  const dest = p.ok ? formatCidr(p.value) : destination;
  return table?.Routes?.find((r) => sameDest(r, dest)) ?? null;
}

/** What a route sends its traffic to, as the console's Target column prints it ("local", "igw-…", "pcx-…"); null for none. */
export function routeTargetId(r: Route): string | null {
  return r.GatewayId ?? r.NatGatewayId ?? r.VpcPeeringConnectionId ?? r.TransitGatewayId ?? r.NetworkInterfaceId ?? r.InstanceId
    ?? r.EgressOnlyInternetGatewayId ?? r.LocalGatewayId ?? r.CarrierGatewayId ?? r.CoreNetworkArn ?? null;
}

/** Marks the routes that point at a gone target as blackholes, as AWS does when a NAT gateway is deleted or an IGW detached. */
export function blackholeRoutesTo(doc: Snapshot, targetId: string, vpcId?: string): Snapshot {
  const hits = (r: Route) => r.GatewayId === targetId || r.NatGatewayId === targetId || r.VpcPeeringConnectionId === targetId;
  return mapList(doc, 'RouteTables', (t) => (!vpcId || t.VpcId === vpcId) && (t.Routes ?? []).some(hits), (t) => ({ ...t, Routes: (t.Routes ?? []).map((r) => (hits(r) ? { ...r, State: 'blackhole' as const } : r)) }));
}

/** The route table a subnet uses: its explicit association, else the VPC's main table. */
export function routeTableOfSubnet(doc: Snapshot, subnetId: string): string | null {
  const tables = list(doc, 'RouteTables');
  const explicit = tables.find((t) => (t.Associations ?? []).some((a) => a.SubnetId === subnetId));
  if (explicit) return explicit.RouteTableId;
  const vpcId = list(doc, 'Subnets').find((s) => s.SubnetId === subnetId)?.VpcId;
  return tables.find((t) => t.VpcId === vpcId && (t.Associations ?? []).some((a) => a.Main))?.RouteTableId ?? null;
}

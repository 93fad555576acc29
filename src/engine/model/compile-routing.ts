import { type Cidr, formatCidr, sameCidr, tryParseCidr } from '../ip/index.ts';
import { compileAclLines, DEFAULT_RULE_NUMBER } from '../filter/index.ts';
import { jsonPath } from '../diagnostics.ts';
import type { NAcl, NRoute, NRouteTable, RouteTarget } from './network.ts';
import type { NetworkAcl, NetworkAclEntry, Route, RouteTable } from './schema.ts';

/** Reads a route's target from whichever id field it has. */
export function routeTargetOf(r: Route): RouteTarget | null {
  if (r.GatewayId === 'local') return { kind: 'local' };
  if (typeof r.VpcPeeringConnectionId === 'string') return { kind: 'vpc-peering-connection', id: r.VpcPeeringConnectionId };
  if (typeof r.NatGatewayId === 'string') return { kind: 'nat-gateway', id: r.NatGatewayId };
  if (typeof r.GatewayId === 'string') {
    if (r.GatewayId.startsWith('igw-')) return { kind: 'internet-gateway', id: r.GatewayId };
    const what = r.GatewayId.startsWith('vgw-') ? 'virtual private gateway' : r.GatewayId.startsWith('vpce-') ? 'VPC endpoint' : 'gateway';
    return { kind: 'unsupported', id: r.GatewayId, what };
  }
  if (typeof r.TransitGatewayId === 'string') return { kind: 'unsupported', id: r.TransitGatewayId, what: 'transit gateway' };
  if (typeof r.NetworkInterfaceId === 'string') return { kind: 'unsupported', id: r.NetworkInterfaceId, what: 'network interface (appliance routing)' };
  if (typeof r.InstanceId === 'string') return { kind: 'unsupported', id: r.InstanceId, what: 'instance (appliance routing)' };
  if (typeof r.LocalGatewayId === 'string') return { kind: 'unsupported', id: r.LocalGatewayId, what: 'local gateway' };
  if (typeof r.CarrierGatewayId === 'string') return { kind: 'unsupported', id: r.CarrierGatewayId, what: 'carrier gateway' };
  if (typeof r.CoreNetworkArn === 'string') return { kind: 'unsupported', id: r.CoreNetworkArn, what: 'Cloud WAN core network' };
  if (typeof r.EgressOnlyInternetGatewayId === 'string') return { kind: 'unsupported', id: r.EgressOnlyInternetGatewayId, what: 'egress-only internet gateway (IPv6 only)' };
  return null;
}

/**
 * Whether a route stands in for the local route of `cidr`: AWS lets a table replace the target of
 * a local route with a network interface, NAT gateway or Gateway Load Balancer endpoint
 * ("middlebox routing"), and describe-route-tables then prints that route in its place. A route
 * propagated from a VPN to the same block does not: AWS prefers the local route to it. Nor does
 * a prefix-list route: it is a route to the list, not to the block.
 */
function takesLocalRoutePlace(r: NRoute, cidr: Cidr): boolean {
  return r.prefixListId === null && sameCidr(r.destination, cidr) && (r.target.kind === 'local' || r.route.Origin !== 'EnableVgwRoutePropagation');
}

/** The CIDRs of the prefix lists a document holds (see model/compile.ts compilePrefixLists). */
export type PrefixListCidrs = ReadonlyMap<string, readonly Cidr[]>;

const NO_PREFIX_LISTS: PrefixListCidrs = new Map();

/**
 * Compiles a route table. The VPC's local routes are always present in AWS; a document that
 * lacks one (hand-written) gets it added, so routing inside a VPC never silently breaks. A
 * route that replaced a local route's target is that route: no local route is added beside it,
 * which longest prefix match would prefer (see sortRoutes) and so ignore the replacement.
 *
 * A route to a prefix list (a gateway endpoint's AWS-managed list of service ranges, or a
 * customer-managed list) takes part in longest prefix match through each CIDR of the list, as
 * AWS documents. A list whose CIDRs the snapshot lacks routes nothing (validation warns).
 */
export function compileRouteTable(doc: RouteTable, index: number, vpcCidrs: readonly Cidr[], prefixLists: PrefixListCidrs = NO_PREFIX_LISTS): NRouteTable {
  const path = jsonPath(['RouteTables', index]);
  const routes: NRoute[] = [];
  (Array.isArray(doc.Routes) ? doc.Routes : []).forEach((route, i) => {
    if (!route) return;
    const target = routeTargetOf(route);
    if (!target) return;
    const blackhole = route.State === 'blackhole';
    const at = `${path}.Routes[${i}]`;
    // Every NRoute is written as one literal, fields in one order: longest prefix match reads
    // routes of one shape (a second shape made its loop polymorphic, 4% of a trace).
    if (typeof route.DestinationCidrBlock === 'string') {
      const c = tryParseCidr(route.DestinationCidrBlock);
      if (c.ok) routes.push({ destination: c.value, target, blackhole, route, implicit: false, prefixListId: null, path: at });
    } else if (typeof route.DestinationPrefixListId === 'string') {
      const id = route.DestinationPrefixListId;
      for (const destination of prefixLists.get(id) ?? []) routes.push({ destination, target, blackhole, route, implicit: false, prefixListId: id, path: at });
    } // IPv6 routes: the simulator routes IPv4 only
  });
  for (const cidr of vpcCidrs) {
    if (!routes.some((r) => takesLocalRoutePlace(r, cidr))) {
      routes.push({ destination: cidr, target: { kind: 'local' }, blackhole: false, route: { DestinationCidrBlock: formatCidr(cidr), GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' }, implicit: true, prefixListId: null, path: `${path}.Routes` });
    }
  }
  sortRoutes(routes);
  return { id: doc.RouteTableId, vpcId: doc.VpcId, routes, doc, path };
}

/**
 * AWS's route priority where destinations are equally specific: the local route, then static
 * routes to a CIDR, then routes to a prefix list, then routes propagated from a virtual private
 * gateway ("How route priority works", Amazon VPC User Guide).
 */
function priority(r: NRoute): number {
  if (r.target.kind === 'local') return 0;
  if (r.route.Origin === 'EnableVgwRoutePropagation') return 3;
  return r.prefixListId === null ? 1 : 2;
}

/** Longest prefix first; at equal length by AWS's route priority, then document order. */
export function sortRoutes(routes: NRoute[]): void {
  routes.sort((a, b) => b.destination.prefix - a.destination.prefix || priority(a) - priority(b));
}

export function compileAcl(doc: NetworkAcl, index: number): NAcl {
  const entries = Array.isArray(doc.Entries) ? doc.Entries : [];
  return {
    id: doc.NetworkAclId,
    vpcId: doc.VpcId,
    isDefault: doc.IsDefault === true,
    ingress: compileAclLines(entries, false),
    egress: compileAclLines(entries, true),
    implicit: false,
    doc,
    path: jsonPath(['NetworkAcls', index]),
  };
}

/** The entries of a default network ACL as AWS creates it: rule 100 allows all, "*" denies. */
export function defaultAclEntries(): NetworkAclEntry[] {
  const e = (egress: boolean, n: number, action: 'allow' | 'deny'): NetworkAclEntry => ({ CidrBlock: '0.0.0.0/0', Egress: egress, Protocol: '-1', RuleAction: action, RuleNumber: n });
  return [e(true, 100, 'allow'), e(true, DEFAULT_RULE_NUMBER, 'deny'), e(false, 100, 'allow'), e(false, DEFAULT_RULE_NUMBER, 'deny')];
}

/**
 * The default ACL of a VPC the snapshot holds no ACL for. The contract says such a VPC
 * behaves as if it had AWS's allow-all default; its id is derived from the VPC's.
 */
export function implicitDefaultAcl(vpcId: string): NAcl {
  const entries = defaultAclEntries();
  return {
    id: `acl-default-${vpcId.replace(/^vpc-/, '')}`,
    vpcId,
    isDefault: true,
    ingress: compileAclLines(entries, false),
    egress: compileAclLines(entries, true),
    implicit: true,
    doc: null,
    path: '$.NetworkAcls',
  };
}

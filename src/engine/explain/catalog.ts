/**
 * The explanation catalog: one builder per Reachability Analyzer code, each giving the
 * component that stopped the traffic, one plain sentence that names it and the rule, and the
 * change that would let the traffic through.
 */
import { type Cidr, cidrOf, contains, formatCidr } from '../ip/index.ts';
import type { AclLine, PacketHeader } from '../filter/index.ts';
import type { NAcl, NEni, Network, NRoute, NRouteTable, NSubnet, NVpc } from '../model/network.ts';
import type { Explanation, ExplanationCode, FixAction } from '../walk/types.ts';
import { aclEntryFor, describeAclEntry, describePermission, permissionFor } from './fixes.ts';
import { flowLabel, named, trafficLabel, ipText } from './labels.ts';
import { type RouteFix, replyRouteFix, suggestRoute } from './route-fix.ts';
import { longestPrefixMatch, routeDestinationName, routeDestinationText } from '../route/index.ts';

type Built = Omit<Explanation, 'path'>;

/** A fresh object every call (the walk adds `path` to it); `fix` and `action` only when given, after the message. */
function build(code: ExplanationCode, component: string, direction: Built['direction'], message: string, fix?: string, action?: FixAction): Built {
  const e: Built = { code, direction, component, message };
  if (fix) e.fix = fix;
  if (action) e.action = action;
  return e;
}

export function noRoute(table: NRouteTable, subnet: NSubnet | null, h: PacketHeader, fix: RouteFix): Built {
  const where = subnet ? ` (used by ${named(subnet.id, subnet.name)})` : '';
  return build('NO_ROUTE_TO_DESTINATION', table.id, null, `Route table ${table.id}${where} has no route that matches ${ipText(h.dstIp)}, so the packet is dropped.`, fix.fix, fix.action);
}

export function badStateRoute(table: NRouteTable, route: NRoute, reason: string, fix: string, action?: FixAction): Built {
  return build('BAD_STATE_ROUTE', table.id, null, `Route table ${table.id} sends ${routeDestinationText(route)} to ${targetId(route)}, but ${reason}, so the packet is dropped.`, fix, action);
}

/** A blackhole route: its target is gone (a route table's, or an internet gateway's route table's). */
export function blackholeRoute(table: NRouteTable, route: NRoute): Built {
  return badStateRoute(table, route, 'the route is a blackhole: its target no longer exists', `Replace the route ${routeDestinationName(route)} in ${table.id} with one to a target that exists.`);
}

export function targetId(route: NRoute): string {
  const t = route.target;
  return t.kind === 'local' ? 'local' : t.id;
}

/** The source range to suggest in a rule: the remote's VPC CIDR when known, else the address itself. */
export function remoteRange(ip: number, vpcCidr: Cidr | null): Cidr {
  return vpcCidr ?? cidrOf(ip, 32);
}

export function sgMismatch(eni: NEni, direction: 'ingress' | 'egress', h: PacketHeader, remote: Cidr): Built {
  const groups = [...eni.groupIds].join(', ') || 'no security group';
  const other = direction === 'ingress' ? `from ${ipText(h.srcIp)}` : `to ${ipText(h.dstIp)}`;
  const verb = direction === 'ingress' ? 'inbound' : 'outbound';
  const permission = permissionFor(h, remote);
  const group = eni.groups[0]?.id ?? [...eni.groupIds][0];
  const fix = group ? `Add an ${verb} rule to ${group} allowing ${describePermission(permission, direction)}.` : `Attach a security group to ${eni.id} that allows it.`;
  const action: FixAction | undefined = group ? { kind: 'add-sg-rule', groupId: group, direction, permission } : undefined;
  return build('ENI_SG_RULES_MISMATCH', eni.id, direction, `No ${verb} rule of the security groups of ${named(eni.id, eni.name)} (${groups}) allows ${trafficLabel(h)} ${other}.`, fix, action);
}

export function aclRestriction(acl: NAcl, subnet: NSubnet, egress: boolean, line: AclLine, h: PacketHeader, remote: Cidr, isReply: boolean): Built {
  const verb = egress ? 'outbound' : 'inbound';
  const rule = line.ruleNumber === 32767 ? 'the default "*" rule' : `rule ${line.ruleNumber}`;
  const what = isReply ? `the reply (${trafficLabel(h)}, ${flowLabel(h)})` : `${trafficLabel(h)} (${flowLabel(h)})`;
  const stateless = isReply ? ' Network ACLs are stateless: the reply needs its own rule.' : '';
  const used = new Set((egress ? acl.egress : acl.ingress).map((l) => l.ruleNumber));
  const { entry, replaces } = aclEntryFor(h, remote, egress, line, used, isReply);
  // With no free number before the denying entry, an added entry would come after it (or clash
  // with a number in use, which AWS refuses): the denying entry itself has to change.
  const action: FixAction | undefined = acl.implicit || replaces ? undefined : { kind: 'add-acl-entry', networkAclId: acl.id, entry };
  const fix = replaces
    ? `${line.ruleNumber === 1 ? 'Rule 1 is evaluated first, so no rule can come before it' : `Every rule number before ${line.ruleNumber} is taken, and rules are evaluated lowest number first`}: replace ${verb} rule ${line.ruleNumber} of ${acl.id} with one allowing ${describeAclEntry(entry).replace(/^rule \d+ allowing /, '')} (aws ec2 replace-network-acl-entry), or renumber so that an allow comes first.`
    : `Add an ${verb} ${describeAclEntry(entry)} to ${acl.id}.`;
  return build('SUBNET_ACL_RESTRICTION', acl.id, egress ? 'egress' : 'ingress',
    `Network ACL ${acl.id} of ${named(subnet.id, subnet.name)} denies ${what} ${verb} with ${rule} (${line.label}).${stateless}`,
    fix, action);
}

/**
 * Traffic over a peering whose source or destination is outside the two VPCs. `route` is the
 * route that would reach the destination's VPC instead (suggestRoute), when the network holds
 * it: over the peering that already joins the two VPCs (replacing the route that went astray, or
 * accepting the peering first), or a new peering when there is none.
 */
export function pcxCidr(pcxId: string, h: PacketHeader, problem: 'source' | 'destination', vpcId: string, route?: RouteFix): Built {
  const ip = problem === 'source' ? h.srcIp : h.dstIp;
  const fix = route
    ? route.fix
    : problem === 'destination'
      ? `Peer the two VPCs that must talk directly (a peering connection of their own) and route the traffic over it; for the internet, use the VPC's own internet or NAT gateway.`
      : `Send the traffic from an address inside the peered VPC, or peer the source VPC directly.`;
  return build('PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', pcxId, null,
    `Peering connection ${pcxId} carries only traffic between the two peered VPCs, but the ${problem} ${ipText(ip)} is not in ${vpcId}: peering is not transitive and a VPC cannot use its peer's gateways.`,
    fix, route?.action);
}

export function igwNoPublicIp(igwId: string, sender: NEni | null, h: PacketHeader): Built {
  const who = sender ? named(sender.id, sender.name) : ipText(h.srcIp);
  return build('IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS', igwId, 'egress',
    `Internet gateway ${igwId} drops traffic from ${who}: it has no public IPv4 address or Elastic IP to translate ${ipText(h.srcIp)} to.`,
    sender ? (sender.natGatewayId
      ? `${sender.natGatewayId} has no Elastic IP (a private NAT gateway cannot reach the internet): route the subnet's internet traffic through a public NAT gateway, which has one.`
      : `Associate an Elastic IP with ${sender.id}, or route the subnet's internet traffic through a NAT gateway in a public subnet.`) : undefined);
}

/** `route` is the route that would reach the address instead (over a peering), when there is one. */
export function igwPrivateDestination(igwId: string, h: PacketHeader, route?: RouteFix): Built {
  return build('IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS', igwId, 'egress',
    `Internet gateway ${igwId} drops traffic to ${ipText(h.dstIp)}: it is a private address, which the internet does not route.`,
    route?.action ? route.fix : `Route ${ipText(h.dstIp)} through the peering connection, VPN or transit gateway that leads to its network instead of the internet gateway.`,
    route?.action);
}

export function noEniAtDestination(component: string, h: PacketHeader, where: string, fix?: string): Built {
  return build('NO_ENI_AT_DESTINATION', component, null, `No network interface has the address ${ipText(h.dstIp)} ${where}, so nothing receives the packet.`, fix ?? 'Send the traffic to the private IP of a running instance.');
}

/**
 * No interface at an address the VPC's local route took, in no subnet. Either the address is in
 * a block of the VPC that no subnet covers, or it is outside every block of the VPC and the
 * route that took it is a local route left behind for a block that is gone: AWS removes a
 * block's local route when the block is disassociated, so that route should not exist.
 */
export function noEniInVpc(vpc: NVpc, h: PacketHeader, table: NRouteTable, route: NRoute | null): Built {
  const where = `in ${named(vpc.id, vpc.name)}`;
  if (!route || vpc.cidrs.some((c) => contains(c, h.dstIp))) return noEniAtDestination(vpc.id, h, `${where}: it is inside the VPC's CIDR but in no subnet`);
  const local = formatCidr(route.destination);
  const blocks = vpc.cidrs.map(formatCidr).join(', ') || 'none';
  return noEniAtDestination(vpc.id, h,
    `${where}: it is outside every CIDR block of the VPC (${blocks}), yet route table ${table.id} has a local route ${local} for it, a route AWS removes when a block is disassociated`,
    `Delete the local route ${local} from ${table.id} (or associate ${local} with ${vpc.id} again), and send the traffic to the private IP of a running instance.`);
}

/** `fix` replaces the default one (associate an Elastic IP) when that is not what is missing. */
export function igwIngressNoPublicIp(component: string, eni: NEni | null, reason: string, fix?: string): Built {
  return build('IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS', component, 'ingress', reason,
    fix ?? (eni ? `Associate an Elastic IP with ${eni.id} (and make sure its VPC has an attached internet gateway and a 0.0.0.0/0 route to it).` : undefined));
}

export function protocolRestriction(natId: string, h: PacketHeader): Built {
  return build('PROTOCOL_RESTRICTION', natId, null, `NAT gateway ${natId} forwards only TCP, UDP and ICMP; it drops ${trafficLabel(h)}.`, 'Use TCP, UDP or ICMP, or give the instance a public IP and route through an internet gateway.');
}

export function asymmetricReturn(natId: string, table: NRouteTable, h: PacketHeader, fix: RouteFix): Built {
  return build('ASYMMETRIC_RETURN_PATH', natId, null,
    `The reply to ${ipText(h.dstIp)} leaves by route table ${table.id} through NAT gateway ${natId}, which rewrites its source address: the client receives a packet that answers nothing it sent and drops it. Replies must come back the way the request went.`,
    fix.fix, fix.action);
}

/** An instance that is stopped (stopping, shutting down): its interface keeps its address, but nothing sends or answers. */
export function stoppedInstance(eni: NEni, role: 'source' | 'destination'): Built {
  const instance = eni.instanceId ?? eni.id;
  const what = role === 'source' ? 'sends nothing' : 'nothing receives the packet';
  return build('BAD_STATE', instance, null,
    `Instance ${named(instance, eni.name)} is ${eni.instanceState}: its network interface ${eni.id} keeps its address ${ipText(eni.privateIp)}, but ${what}.`,
    `Start ${instance} (aws ec2 start-instances --instance-ids ${instance}).`);
}

export function unsupportedComponent(id: string, what: string): Built {
  return build('UNSUPPORTED_COMPONENT', id, null, `The route leads to ${id}, a ${what}, which this simulator does not model; what happens beyond it is not shown.`, undefined);
}

export { formatCidr };

/**
 * The destination was named as an interface, but the routes deliver its address to another
 * end: an interface of an overlapping VPC that holds the same address, or the internet (a VPC
 * address outside RFC 1918 is still private: the internet does not route it to the VPC).
 * Reachability Analyzer finds no path to the named interface: no route leads to it.
 */
export function routedElsewhere(net: Network, sender: NEni, target: NEni, landed: NEni | 'internet', dstIp: number): Built {
  const subnet = sender.subnet;
  const table = subnet?.routeTable ?? null;
  const route = table ? longestPrefixMatch(table, dstIp) : null;
  // Inside the sender's own subnet the packet is delivered without routing, even when a route
  // replaced the local route (forward.ts): then no route of the table took it.
  const bypass = !!subnet?.cidr && contains(subnet.cidr, dstIp) && route !== null && route.target.kind !== 'local';
  const there = named(target.id, target.name);
  const vpc = target.vpc ? ` in ${named(target.vpc.id, target.vpc.name)}` : '';
  const how = bypass ? `${subnet!.id} holds ${ipText(dstIp)}, so it is delivered within the subnet` : route ? `its route ${routeDestinationText(route)} → ${targetId(route)} sends ${ipText(dstIp)}` : `it sends ${ipText(dstIp)}`;
  const went = landed === 'internet'
    ? `${how} to the internet, which does not route a VPC's private address to it`
    : `${how} to ${named(landed.id, landed.name)}${landed.vpc ? ` in ${named(landed.vpc.id, landed.vpc.name)}` : ''}, which has the same address`;
  const head = table && !bypass ? `Route table ${table.id} has no route to ${there}` : `Nothing in ${named(subnet?.id ?? sender.id, subnet?.name ?? null)} leads to ${there}`;
  const component = (bypass ? subnet?.id : table?.id) ?? sender.id;
  const message = `${head} (${ipText(dstIp)}${vpc}): ${went}, so ${target.id} never receives the packet.`;
  const from = sender.vpc;
  const overlap = !!from && !!target.vpc && from !== target.vpc && from.cidrs.some((a) => target.vpc!.cidrs.some((b) => contains(a, b.base) || contains(b, a.base)));
  if (overlap) {
    const fix = `${from!.id} and ${target.vpc!.id} have overlapping CIDR blocks, which AWS cannot connect by peering: reach ${target.id} at a public IP address${target.publicIp !== null ? ` (${ipText(target.publicIp)})` : ''}, or move one VPC to a block that does not overlap.`;
    return build('NO_ROUTE_TO_DESTINATION', component, null, message, fix);
  }
  if (!table) return build('NO_ROUTE_TO_DESTINATION', component, null, message);
  const fix = suggestRoute(net, table, dstIp, sender);
  return build('NO_ROUTE_TO_DESTINATION', component, null, message, fix.fix, fix.action);
}

/**
 * The reply left the responder for another end than the client: its route table sends the
 * client's address over another peering connection, to a VPC that holds the same addresses.
 * The network delivers it there; the client never gets its answer.
 */
export function replyRoutedElsewhere(responder: NEni, client: NEni, landed: NEni, clientIp: number, requestPeering: string | null): Built {
  const subnet = responder.subnet;
  const table = subnet?.routeTable ?? null;
  const route = table ? longestPrefixMatch(table, clientIp) : null;
  const by = table ? ` leaves by route table ${table.id}${route ? `, whose route ${routeDestinationText(route)} → ${targetId(route)} sends it` : ''}` : '';
  const inVpc = (e: NEni): string => (e.vpc ? ` in ${named(e.vpc.id, e.vpc.name)}` : '');
  const message = `The reply to ${ipText(clientIp)} (${named(client.instanceId ?? client.id, client.name)}${inVpc(client)})${by} to ${named(landed.instanceId ?? landed.id, landed.name)}${inVpc(landed)}, which has the same address: ${client.instanceId ?? client.id} never receives the reply.`;
  if (!table) return build('NO_ROUTE_TO_DESTINATION', responder.id, null, message);
  const fix = replyRouteFix(table, clientIp, requestPeering);
  return build('NO_ROUTE_TO_DESTINATION', table.id, null, message, fix.fix, fix.action);
}

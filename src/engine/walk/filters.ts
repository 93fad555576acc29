import { NO_SECURITY_GROUP } from '../model/no-security-group.ts';
import { evaluateAcl, evaluateSecurityGroups, type PacketHeader, type SgLine } from '../filter/index.ts';
import type { Cidr } from '../ip/index.ts';
import type { NEni, NSubnet, Network, NVpc } from '../model/network.ts';
import { aclRestriction, remoteRange, sgMismatch } from '../explain/catalog.ts';
import { named } from '../explain/labels.ts';
import type { WalkContext } from './context.ts';
import { cidrContaining, netIndex, vpcContaining } from './net-index.ts';
import { decideRoute, peerVpcId, type RouteDecision } from './route-decision.ts';

/** VPCs whose security groups a VPC's rules may reference: active, same-region peers (AWS: no references across regions). */
function groupPeers(net: Network): Map<string, string[]> {
  const byVpc = new Map<string, string[]>();
  for (const p of net.peerings.values()) {
    if (p.status !== 'active' || !p.requesterVpcId || !p.accepterVpcId) continue;
    if (p.requesterRegion && p.accepterRegion && p.requesterRegion !== p.accepterRegion) continue;
    for (const [a, b] of [[p.requesterVpcId, p.accepterVpcId], [p.accepterVpcId, p.requesterVpcId]]) {
      const list = byVpc.get(a);
      if (list) list.push(b);
      else byVpc.set(a, [b]);
    }
  }
  return byVpc;
}

/**
 * The private-address maps a VPC's security groups can "see": its own, then its group peers'
 * (in peering order), the maps that exist only. Built once per network and VPC.
 */
function groupScope(net: Network, vpcId: string): Map<number, NEni>[] {
  const index = netIndex(net);
  let scope = index.groupScopes.get(vpcId);
  if (scope === undefined) {
    const peers = (index.groupPeers ??= groupPeers(net)).get(vpcId) ?? [];
    scope = [];
    for (const id of [vpcId, ...peers]) {
      const byIp = net.enisByPrivateIp.get(id);
      if (byIp) scope.push(byIp);
    }
    index.groupScopes.set(vpcId, scope);
  }
  return scope;
}

/** The security groups of the interface that owns a private address the SG can "see". */
export function groupsOfPrivateAddress(net: Network, vpc: NVpc, ip: number): ReadonlySet<string> | null {
  const scope = groupScope(net, vpc.id);
  for (let i = 0; i < scope.length; i++) {
    const eni = scope[i].get(ip);
    if (eni) return eni.groupIds;
  }
  return null;
}

/**
 * The security groups a sender's egress rules see at a destination address: those of the
 * interface the packet is routed to (through the sender's route table, across an active
 * peering, past a NAT gateway of its VPC), when a rule of the sender's VPC may reference it
 * (its own VPC or a same-region peer). When routing names no interface (no route, an internet
 * gateway, no interface at that address), the address's owner in the VPC, then in its peers.
 * Routing decides because a VPC may peer with two VPCs that use the same addresses.
 */
export function groupsOfDestination(net: Network, subnet: NSubnet, ip: number, decision: RouteDecision): ReadonlySet<string> | null {
  const vpc = subnet.vpc;
  const owner = routedInterface(net, subnet, ip, decision, 0);
  if (owner === undefined) return groupsOfPrivateAddress(net, vpc, ip);
  const ownerVpc = owner.vpc?.id;
  if (ownerVpc === vpc.id) return owner.groupIds;
  const peers = (netIndex(net).groupPeers ??= groupPeers(net)).get(vpc.id);
  return ownerVpc !== undefined && peers !== undefined && peers.includes(ownerVpc) ? owner.groupIds : null;
}

/** The interface a packet to `ip` leaving `subnet` (where routing decided `d`) is routed to, or undefined when routing names none. */
function routedInterface(net: Network, subnet: NSubnet, ip: number, d: RouteDecision, natsPassed: number): NEni | undefined {
  if (d.kind === 'local') return d.eni ?? undefined;
  if (d.kind === 'pcx') {
    const pcx = d.pcx;
    const peer = pcx && pcx.status === 'active' ? peerVpcId(pcx, subnet.vpc) : null;
    return (peer && net.enisByPrivateIp.get(peer)?.get(ip)) || undefined;
  }
  // A NAT gateway of the VPC forwards what it translates through its own subnet's table (once: a second is a loop).
  if (d.kind === 'nat' && d.nat?.subnet && d.nat.subnet.vpc === subnet.vpc && natsPassed === 0) return routedInterface(net, d.nat.subnet, ip, decideRoute(net, d.nat.subnet, ip), 1);
  return undefined;
}

/** The CIDR of the VPC that holds an address (the first in map order), to suggest as a rule's source. */
export function vpcCidrOf(net: Network, ip: number): Cidr | null {
  const vpc = vpcContaining(net, ip);
  return vpc && cidrContaining(vpc, ip);
}

// Per interface (of an immutable network): its groups' rules in one direction.
interface EniLines { ingress: SgLine[][]; egress: SgLine[][]; egressNamesGroup: boolean }
const LINES = new WeakMap<NEni, EniLines>();

function eniLines(eni: NEni): EniLines {
  let lines = LINES.get(eni);
  if (lines === undefined) {
    const egress = eni.groups.map((g) => g.egress);
    LINES.set(eni, (lines = { ingress: eni.groups.map((g) => g.ingress), egress, egressNamesGroup: egress.some((ls) => ls.some((l) => l.peer.kind === 'group')) }));
  }
  return lines;
}

function groupLines(eni: NEni, direction: 'ingress' | 'egress'): SgLine[][] {
  return eniLines(eni)[direction];
}

/** Whether an outbound rule of the interface's groups names a security group (only then do the destination's groups matter). */
export function egressNamesGroup(eni: NEni): boolean {
  return eniLines(eni).egressNamesGroup;
}

/**
 * Evaluates an interface's security groups; on the return path the reply of an allowed flow
 * always passes (security groups are stateful). Records the hop; returns whether it passed.
 */
export function securityGroupStage(ctx: WalkContext, eni: NEni, h: PacketHeader, direction: 'ingress' | 'egress', remoteGroups: ReadonlySet<string> | null): boolean {
  const first = eni.groups[0]?.id ?? [...eni.groupIds][0] ?? eni.id;
  if (ctx.isReturn && ctx.isTrackedReply(eni, h)) {
    if (ctx.recording) ctx.hopIn({ component: first, kind: 'security-group', action: 'allow', detail: `reply of an allowed connection: security groups are stateful, so ${direction === 'ingress' ? 'inbound' : 'outbound'} rules are not checked` }, eni.id);
    return true;
  }
  const lines = groupLines(eni, direction);
  const remoteIp = direction === 'ingress' ? h.srcIp : h.dstIp;
  const match = evaluateSecurityGroups(lines, h, { ip: remoteIp, groupIds: remoteGroups });
  if (match) {
    if (ctx.recording && match.groupId === NO_SECURITY_GROUP.id) {
      ctx.hopIn({ component: eni.id, kind: 'security-group', action: 'allow', detail: 'no security group: this Network Load Balancer interface was created without one, so AWS filters none of its traffic' }, eni.id);
    } else if (ctx.recording) {
      ctx.hopIn({ component: match.groupId, kind: 'security-group', action: 'allow', detail: `${direction === 'ingress' ? 'inbound' : 'outbound'} rule ${match.label} of ${match.groupId} allows it`, rule: match.permission }, eni.id);
    }
    return true;
  }
  const verb = direction === 'ingress' ? 'inbound' : 'outbound';
  if (ctx.recording) ctx.hopIn({ component: first, kind: 'security-group', action: 'deny', detail: `no ${verb} rule of ${[...eni.groupIds].join(', ') || 'any security group'} allows it` }, eni.id);
  ctx.block('DENIED', () => sgMismatch(eni, direction, h, remoteRange(remoteIp, vpcCidrOf(ctx.net, remoteIp))));
  return false;
}

/**
 * Evaluates a subnet's network ACL in one direction (stateless: replies too). Records the
 * hop with the matched entry; returns whether it passed.
 */
export function aclStage(ctx: WalkContext, subnet: NSubnet, h: PacketHeader, egress: boolean): boolean {
  const acl = subnet.acl;
  const line = evaluateAcl(egress ? acl.egress : acl.ingress, h, egress);
  const allowed = line.action === 'allow';
  if (ctx.recording) {
    const verb = egress ? 'outbound' : 'inbound';
    const which = acl.implicit ? ` (the VPC's default network ACL, assumed: the snapshot has none)` : '';
    ctx.hopIn({
      component: acl.id, kind: 'network-acl', action: allowed ? 'allow' : 'deny',
      detail: `${verb} entry ${line.label} of ${acl.id}${which} for ${named(subnet.id, subnet.name)} ${allowed ? 'allows' : 'denies'} it`,
      rule: line.entry ?? { RuleNumber: line.ruleNumber, Protocol: '-1', RuleAction: line.action, Egress: egress, CidrBlock: '0.0.0.0/0' },
    }, subnet.id);
  }
  if (!allowed) {
    const remoteIp = egress ? h.dstIp : h.srcIp;
    ctx.block('DENIED', () => aclRestriction(acl, subnet, egress, line, h, remoteRange(remoteIp, vpcCidrOf(ctx.net, remoteIp)), ctx.isReturn));
  }
  return allowed;
}

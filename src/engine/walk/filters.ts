import { evaluateAcl, evaluateSecurityGroups, type PacketHeader, type SgLine } from '../filter/index.ts';
import { contains, type Cidr } from '../ip/index.ts';
import type { NEni, NSubnet, Network, NVpc } from '../model/network.ts';
import { aclRestriction, remoteRange, sgMismatch } from '../explain/catalog.ts';
import { named } from '../explain/labels.ts';
import type { WalkContext } from './context.ts';

const GROUP_PEERS = new WeakMap<Network, Map<string, string[]>>();

/** VPCs whose security groups a VPC's rules may reference: active, same-region peers (AWS: no references across regions). */
function groupPeers(net: Network, vpcId: string): string[] {
  let byVpc = GROUP_PEERS.get(net);
  if (!byVpc) {
    byVpc = new Map();
    for (const p of net.peerings.values()) {
      if (p.status !== 'active' || !p.requesterVpcId || !p.accepterVpcId) continue;
      if (p.requesterRegion && p.accepterRegion && p.requesterRegion !== p.accepterRegion) continue;
      for (const [a, b] of [[p.requesterVpcId, p.accepterVpcId], [p.accepterVpcId, p.requesterVpcId]]) {
        const list = byVpc.get(a);
        if (list) list.push(b);
        else byVpc.set(a, [b]);
      }
    }
    GROUP_PEERS.set(net, byVpc);
  }
  return byVpc.get(vpcId) ?? [];
}

/** The security groups of the interface that owns a private address the SG can "see". */
export function groupsOfPrivateAddress(net: Network, vpc: NVpc, ip: number): ReadonlySet<string> | null {
  const local = net.enisByPrivateIp.get(vpc.id)?.get(ip);
  if (local) return local.groupIds;
  for (const other of groupPeers(net, vpc.id)) {
    const eni = net.enisByPrivateIp.get(other)?.get(ip);
    if (eni) return eni.groupIds;
  }
  return null;
}

/** The CIDR of the VPC that holds an address, to suggest as a rule's source. */
export function vpcCidrOf(net: Network, ip: number): Cidr | null {
  for (const vpc of net.vpcs.values()) for (const c of vpc.cidrs) if (contains(c, ip)) return c;
  return null;
}

// Per interface (of an immutable network): its groups' rules in one direction.
const LINES = new WeakMap<NEni, { ingress: SgLine[][]; egress: SgLine[][] }>();

function groupLines(eni: NEni, direction: 'ingress' | 'egress'): SgLine[][] {
  let lines = LINES.get(eni);
  if (lines === undefined) LINES.set(eni, (lines = { ingress: eni.groups.map((g) => g.ingress), egress: eni.groups.map((g) => g.egress) }));
  return lines[direction];
}

/**
 * Evaluates an interface's security groups; on the return path the reply of an allowed flow
 * always passes (security groups are stateful). Records the hop; returns whether it passed.
 */
export function securityGroupStage(ctx: WalkContext, eni: NEni, h: PacketHeader, direction: 'ingress' | 'egress', remoteGroups: ReadonlySet<string> | null): boolean {
  const first = eni.groups[0]?.id ?? [...eni.groupIds][0] ?? eni.id;
  if (ctx.isReturn && ctx.isTrackedReply(eni, h)) {
    ctx.hop({ component: first, kind: 'security-group', action: 'allow', detail: '' }, () => `reply of an allowed connection: security groups are stateful, so ${direction === 'ingress' ? 'inbound' : 'outbound'} rules are not checked`);
    return true;
  }
  const lines = groupLines(eni, direction);
  const remoteIp = direction === 'ingress' ? h.srcIp : h.dstIp;
  const match = evaluateSecurityGroups(lines, h, { ip: remoteIp, groupIds: remoteGroups });
  if (match) {
    ctx.hop({ component: match.groupId, kind: 'security-group', action: 'allow', detail: '', rule: match.permission }, () => `${direction === 'ingress' ? 'inbound' : 'outbound'} rule ${match.label} of ${match.groupId} allows it`);
    return true;
  }
  const verb = direction === 'ingress' ? 'inbound' : 'outbound';
  ctx.hop({ component: first, kind: 'security-group', action: 'deny', detail: '' }, () => `no ${verb} rule of ${[...eni.groupIds].join(', ') || 'any security group'} allows it`);
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
  const verb = egress ? 'outbound' : 'inbound';
  const allowed = line.action === 'allow';
  const which = acl.implicit ? ` (the VPC's default network ACL, assumed: the snapshot has none)` : '';
  ctx.hop({
    component: acl.id, kind: 'network-acl', action: allowed ? 'allow' : 'deny',
    detail: '',
    rule: line.entry ?? { RuleNumber: line.ruleNumber, Protocol: '-1', RuleAction: line.action, Egress: egress, CidrBlock: '0.0.0.0/0' },
  }, () => `${verb} entry ${line.label} of ${acl.id}${which} for ${named(subnet.id, subnet.name)} ${allowed ? 'allows' : 'denies'} it`);
  if (!allowed) {
    const remoteIp = egress ? h.dstIp : h.srcIp;
    ctx.block('DENIED', () => aclRestriction(acl, subnet, egress, line, h, remoteRange(remoteIp, vpcCidrOf(ctx.net, remoteIp)), ctx.isReturn));
  }
  return allowed;
}

/** Dialog defaults that follow the learner's other choices until the learner overrides them. Lookups only: no address arithmetic. */
import { list, routeTableOfSubnet, type RouteTarget } from '../../engine/edit/index.ts';
import { aclOfSubnet, subnetOfSelection, vpcOfSelection } from '../../state/context.ts';
import type { Snapshot } from '../../engine/model/schema.ts';
import { nameTag } from '../../engine/index.ts';

/**
 * The destination the "+ Route" dialog proposes for a target: the peer VPC's CIDR for a peering connection
 * (from the snapshot's VPC, else the block the peering connection records), 0.0.0.0/0 for an internet or NAT gateway.
 */
export function suggestedDestination(doc: Snapshot, vpcId: string, target: RouteTarget | undefined): string {
  if (!target) return '';
  if (target.VpcPeeringConnectionId) {
    const p = list(doc, 'VpcPeeringConnections').find((x) => x.VpcPeeringConnectionId === target.VpcPeeringConnectionId);
    const other = p?.RequesterVpcInfo?.VpcId === vpcId ? p?.AccepterVpcInfo : p?.RequesterVpcInfo;
    return list(doc, 'Vpcs').find((v) => v.VpcId === other?.VpcId)?.CidrBlock ?? other?.CidrBlock ?? '';
  }
  return target.GatewayId || target.NatGatewayId ? '0.0.0.0/0' : '';
}

/**
 * The field's value once the suggestion moves from `previous` to `next`: the new suggestion while the field still holds
 * the previous automatic one (or nothing), what the learner typed otherwise.
 */
export function followSuggestion(current: string, previous: string, next: string): string {
  return current.trim() === '' || current === previous ? next : current;
}

/** "Auto-assign public IPv4" for a subnet: its MapPublicIpOnLaunch, false when absent (as createInstance reads it). */
export function autoAssignPublicIp(doc: Snapshot, subnetId: string): boolean {
  return list(doc, 'Subnets').find((s) => s.SubnetId === subnetId)?.MapPublicIpOnLaunch ?? false;
}

/** The first other VPC that `vpcId` has no live (pending or active) peering with; else the first other VPC; null when alone. */
export function unpeeredVpc(doc: Snapshot, vpcId: string): string | null {
  const live = new Set(['initiating-request', 'pending-acceptance', 'provisioning', 'active']);
  const peered = new Set<string>();
  for (const p of list(doc, 'VpcPeeringConnections')) {
    if (!live.has(p.Status?.Code ?? '')) continue;
    const [a, b] = [p.RequesterVpcInfo?.VpcId, p.AccepterVpcInfo?.VpcId];
    if (a === vpcId && b) peered.add(b);
    if (b === vpcId && a) peered.add(a);
  }
  const others = list(doc, 'Vpcs').filter((v) => v.VpcId !== vpcId);
  return (others.find((v) => !peered.has(v.VpcId)) ?? others[0])?.VpcId ?? null;
}

/** A Name tag for a peering connection, from its two VPCs' names (ids when unnamed): `vpc-1-vpc-2`. */
export function peeringName(doc: Snapshot, requesterVpcId: string, accepterVpcId: string): string {
  const n = (id: string) => nameTag(list(doc, 'Vpcs').find((v) => v.VpcId === id) ?? {}) ?? id;
  return `${n(requesterVpcId)}-${n(accepterVpcId)}`;
}

/** A Name tag proposed for the next NAT gateway: `nat-a`, `nat-b`, … by how many the document holds (as "+ VPC" proposes vpc-a). */
export function natName(doc: Snapshot): string {
  return `nat-${String.fromCharCode(97 + (list(doc, 'NatGateways').length % 26))}`;
}

/** describe-* time text for Unix seconds, as the AWS CLI prints it: `2026-01-01T00:00:00+00:00`. */
export function awsTime(unixSeconds: number): string {
  return `${new Date(Math.floor(unixSeconds) * 1000).toISOString().slice(0, 19)}+00:00`;
}

/** The subnet a selection stands for, beyond context.ts's: a route table's or ACL's first associated subnet, a flow log's subnet. */
function subnetBehind(doc: Snapshot, sel: string | null): string | null {
  if (!sel) return null;
  const first = (xs: { SubnetId?: string }[] | undefined) => xs?.find((x) => x.SubnetId)?.SubnetId ?? null;
  if (sel.startsWith('rtb-')) return first(list(doc, 'RouteTables').find((t) => t.RouteTableId === sel)?.Associations);
  if (sel.startsWith('acl-')) return first(list(doc, 'NetworkAcls').find((a) => a.NetworkAclId === sel)?.Associations);
  if (sel.startsWith('fl-')) {
    const r = list(doc, 'FlowLogs').find((f) => f.FlowLogId === sel)?.ResourceId ?? null;
    return r && !r.startsWith('fl-') && !r.startsWith('vpc-') ? subnetOfSelection(doc, r) : null;
  }
  return subnetOfSelection(doc, sel);
}

/**
 * The route table "+ Route" opens on: the selected table; the table of the selected subnet (instance, interface, flow
 * log, an ACL's subnet); else the main table of the selection's VPC. A selected NAT gateway is the exception: its own
 * subnet's table is the public one, and a route from there to the NAT gateway would loop, so another table of its VPC
 * (one with subnets first) is proposed, the private subnets' table that needs the route.
 */
export function defaultRouteTableId(doc: Snapshot, sel: string | null): string {
  const tables = list(doc, 'RouteTables');
  const vpc = vpcOfSelection(doc, sel);
  const inVpc = tables.filter((t) => t.VpcId === vpc);
  const main = inVpc.find((t) => t.Associations?.some((a) => a.Main))?.RouteTableId;
  if (sel?.startsWith('rtb-') && tables.some((t) => t.RouteTableId === sel)) return sel;
  const sn = subnetBehind(doc, sel);
  const own = sn ? routeTableOfSubnet(doc, sn) : null;
  if (sel?.startsWith('nat-')) {
    const others = inVpc.filter((t) => t.RouteTableId !== own);
    const pick = others.find((t) => t.Associations?.some((a) => a.SubnetId)) ?? others.find((t) => t.RouteTableId === main) ?? others[0];
    if (pick) return pick.RouteTableId;
  }
  return own ?? main ?? inVpc[0]?.RouteTableId ?? tables[0]?.RouteTableId ?? '';
}

/** The network ACL "+ Rule" opens on: the selected ACL; the ACL of the selected subnet (instance, interface, a route table's subnet); else the VPC's default ACL. */
export function defaultAclId(doc: Snapshot, sel: string | null): string {
  const acls = list(doc, 'NetworkAcls');
  if (sel?.startsWith('acl-') && acls.some((a) => a.NetworkAclId === sel)) return sel;
  const sn = subnetBehind(doc, sel);
  const own = sn ? aclOfSubnet(doc, sn) : null;
  const vpc = vpcOfSelection(doc, sel);
  return own ?? acls.find((a) => a.VpcId === vpc && a.IsDefault)?.NetworkAclId ?? acls.find((a) => a.VpcId === vpc)?.NetworkAclId ?? acls[0]?.NetworkAclId ?? '';
}

/**
 * The rule number "+ Rule" proposes for a network ACL entry: 90 (just before the usual allow-all
 * 100) when that number is free in this direction, else the next free multiple of 10 below 100,
 * else the first free number. AWS refuses a number already used in a direction
 * (NetworkAclEntryAlreadyExists); proposing one would make the first click fail.
 */
export function freeAclRuleNumber(doc: Snapshot, aclId: string, egress: boolean): number {
  const acl = list(doc, 'NetworkAcls').find((a) => a.NetworkAclId === aclId);
  const taken = new Set((acl?.Entries ?? []).filter((e) => !!e.Egress === egress).map((e) => e.RuleNumber));
  for (let n = 90; n >= 10; n -= 10) if (!taken.has(n)) return n;
  for (let n = 1; n <= 32766; n++) if (!taken.has(n)) return n;
  return 90;
}

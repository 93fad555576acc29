/**
 * How the dialogs name the resources a learner chooses from, as the AWS console's pickers do: the Name tag
 * (a security group's GroupName) beside a shortened id, `vpc-1-rt · rtb-03d4…df8a`; an unnamed resource keeps its
 * whole id. Lists of several VPCs' resources are grouped by VPC, also by name.
 */
import { list } from '../../engine/edit/index.ts';
import type { Snapshot } from '../../engine/index.ts';
import { resourceName, shortenId } from '../editors/tab-label.ts';
import { peerVpcOf } from '../../state/context.ts';

/** `web-nacl · acl-0082…f80b9a`, or the id alone when the resource has no name. */
export function choiceLabel(doc: Snapshot, id: string): string {
  const name = resourceName(doc, id);
  return name === null ? id : `${name} · ${shortenId(id)}`;
}

/** A VPC with its CIDR: `vpc-1 · vpc-0a1b…7890 (10.1.0.0/16)`. */
export function vpcChoice(doc: Snapshot, vpcId: string): string {
  const cidr = list(doc, 'Vpcs').find((v) => v.VpcId === vpcId)?.CidrBlock;
  return `${choiceLabel(doc, vpcId)}${cidr ? ` (${cidr})` : ''}`;
}

/** A subnet with its CIDR: `web-public · subnet-0a1b…7890 (10.0.1.0/24)`. */
export function subnetChoice(doc: Snapshot, subnetId: string): string {
  const cidr = list(doc, 'Subnets').find((s) => s.SubnetId === subnetId)?.CidrBlock;
  return `${choiceLabel(doc, subnetId)}${cidr ? ` (${cidr})` : ''}`;
}

/**
 * ` in vpc-a`: the VPC a route table, ACL or group belongs to, by name (whole id when unnamed). A network built from
 * scratch has a main table, a default ACL and a `default` group in every VPC, alike but for their ids: the VPC tells
 * them apart in a closed picker, where the optgroup's label is not shown.
 */
function inVpc(doc: Snapshot, vpcId: string | undefined): string {
  return vpcId ? ` in ${resourceName(doc, vpcId) ?? vpcId}` : '';
}

/** A route table, marked `(main)` when it is its VPC's main table (the console's "Main: Yes"), and its VPC. */
export function routeTableChoice(doc: Snapshot, routeTableId: string): string {
  const t = list(doc, 'RouteTables').find((x) => x.RouteTableId === routeTableId);
  const main = t?.Associations?.some((a) => a.Main);
  return `${choiceLabel(doc, routeTableId)}${main ? ' (main)' : ''}${inVpc(doc, t?.VpcId)}`;
}

/** A network ACL, marked `(default)` for its VPC's default ACL, and its VPC. */
export function aclChoice(doc: Snapshot, aclId: string): string {
  const a = list(doc, 'NetworkAcls').find((x) => x.NetworkAclId === aclId);
  return `${choiceLabel(doc, aclId)}${a?.IsDefault ? ' (default)' : ''}${inVpc(doc, a?.VpcId)}`;
}

/** A security group by its name and id, and its VPC: `default · sg-0e50…0001 in vpc-a`. */
export function groupChoice(doc: Snapshot, groupId: string): string {
  return `${choiceLabel(doc, groupId)}${inVpc(doc, list(doc, 'SecurityGroups').find((g) => g.GroupId === groupId)?.VpcId)}`;
}

/** A peering connection seen from `vpcId`: `vpc-1-vpc-2 · pcx-0a1b…7890, peering to vpc-2 (active)`. */
export function peeringChoice(doc: Snapshot, peeringId: string, vpcId: string): string {
  const p = list(doc, 'VpcPeeringConnections').find((x) => x.VpcPeeringConnectionId === peeringId);
  const peer = peerVpcOf(doc, peeringId, vpcId);
  const peerText = peer ? resourceName(doc, peer) ?? peer : 'another VPC';
  return `${choiceLabel(doc, peeringId)}, peering to ${peerText}${p?.Status?.Code ? ` (${p.Status.Code})` : ''}`;
}

export interface VpcGroup<T> {
  vpcId: string;
  /** The optgroup's label: `VPC vpc-1 · vpc-0a1b…7890`. */
  label: string;
  items: T[];
}

/** Groups items by their VPC, in the document's VPC order; items of a VPC the document lacks come last under their VPC id. */
export function groupByVpc<T>(doc: Snapshot, items: readonly T[], vpcOf: (x: T) => string | undefined | null): VpcGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const v of list(doc, 'Vpcs')) groups.set(v.VpcId, []);
  for (const x of items) {
    const v = vpcOf(x) ?? '';
    if (!groups.has(v)) groups.set(v, []);
    groups.get(v)!.push(x);
  }
  return [...groups].filter(([, xs]) => xs.length).map(([vpcId, xs]) => ({ vpcId, label: vpcId ? `VPC ${choiceLabel(doc, vpcId)}` : 'No VPC', items: xs }));
}

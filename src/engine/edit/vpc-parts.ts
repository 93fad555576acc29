/**
 * What belongs to a VPC without being drawn on the canvas: its route tables, network ACLs, security groups and the
 * flow logs on it, its subnets or its interfaces. The Resources list shows them under their VPC.
 */
import { nameTag } from '../model/ids.ts';
import type { Snapshot } from '../model/schema.ts';
import { list } from './doc.ts';

export type VpcPartKind = 'route table' | 'network acl' | 'security group' | 'flow log';

export interface VpcPart {
  id: string;
  kind: VpcPartKind;
  /** The Name tag (a security group's GroupName when it has none), else the id; `(main)` / `(default)` marked as the console does. */
  label: string;
}

/** The parts of every VPC, by VPC id, each VPC's in the order route tables, ACLs, groups, flow logs (document order within). */
export function vpcParts(doc: Snapshot): Map<string, VpcPart[]> {
  const out = new Map<string, VpcPart[]>();
  const add = (vpcId: string | undefined | null, part: VpcPart) => {
    if (!vpcId) return;
    const xs = out.get(vpcId);
    if (xs) xs.push(part);
    else out.set(vpcId, [part]);
  };
  const named = (x: object, id: string) => nameTag(x as never)?.trim() || id;
  for (const t of list(doc, 'RouteTables')) add(t.VpcId, { id: t.RouteTableId, kind: 'route table', label: `${named(t, t.RouteTableId)}${t.Associations?.some((a) => a.Main) ? ' (main)' : ''}` });
  for (const a of list(doc, 'NetworkAcls')) add(a.VpcId, { id: a.NetworkAclId, kind: 'network acl', label: `${named(a, a.NetworkAclId)}${a.IsDefault ? ' (default)' : ''}` });
  for (const g of list(doc, 'SecurityGroups')) if (g.GroupId) add(g.VpcId, { id: g.GroupId, kind: 'security group', label: nameTag(g as never)?.trim() || g.GroupName?.trim() || g.GroupId });
  const subnetVpc = new Map(list(doc, 'Subnets').map((s) => [s.SubnetId, s.VpcId]));
  const eniVpc = new Map(list(doc, 'NetworkInterfaces').map((e) => [e.NetworkInterfaceId, e.VpcId ?? (e.SubnetId ? subnetVpc.get(e.SubnetId) : undefined)]));
  const vpcs = new Set(list(doc, 'Vpcs').map((v) => v.VpcId));
  for (const f of list(doc, 'FlowLogs')) {
    if (!f.FlowLogId) continue;
    const r = f.ResourceId;
    const vpc = vpcs.has(r) ? r : subnetVpc.get(r) ?? eniVpc.get(r);
    add(vpc, { id: f.FlowLogId, kind: 'flow log', label: named(f, f.FlowLogId) });
  }
  return out;
}

/** The VPC whose parts include `id`, or null. */
export function vpcOfPart(parts: Map<string, VpcPart[]>, id: string | null): string | null {
  if (!id) return null;
  for (const [vpc, xs] of parts) if (xs.some((p) => p.id === id)) return vpc;
  return null;
}

/**
 * Derives defaults for dialogs from the selection: the VPC, subnet, route table, network ACL or
 * security groups the learner is looking at, whatever kind of resource is selected. Pure lookups.
 */
import type { Snapshot } from '../engine/index.ts';
import { list, routeTableOfSubnet } from '../engine/edit/index.ts';

function instanceOf(doc: Snapshot, id: string) {
  for (const r of list(doc, 'Reservations')) for (const i of r.Instances ?? []) if (i.InstanceId === id) return i;
  return undefined;
}

/**
 * The VPC a resource belongs to, or null when the id names nothing VPC-bound in the document.
 * A peering connection gives its requester VPC (the side that asked for it, as the console lists it first);
 * an internet gateway its attached VPC; a flow log the VPC of what it watches; an Elastic IP the VPC of its interface.
 */
export function vpcOfResource(doc: Snapshot, id: string): string | null {
  const prefix = id.slice(0, id.indexOf('-') + 1);
  switch (prefix) {
    case 'vpc-': return list(doc, 'Vpcs').some((v) => v.VpcId === id) ? id : null;
    case 'subnet-': return list(doc, 'Subnets').find((s) => s.SubnetId === id)?.VpcId ?? null;
    case 'i-': return instanceOf(doc, id)?.VpcId ?? vpcOfSubnet(doc, instanceOf(doc, id)?.SubnetId);
    case 'eni-': return list(doc, 'NetworkInterfaces').find((e) => e.NetworkInterfaceId === id)?.VpcId ?? null;
    case 'nat-': {
      const n = list(doc, 'NatGateways').find((x) => x.NatGatewayId === id);
      return n?.VpcId ?? vpcOfSubnet(doc, n?.SubnetId);
    }
    case 'igw-': return list(doc, 'InternetGateways').find((g) => g.InternetGatewayId === id)?.Attachments?.[0]?.VpcId ?? null;
    case 'rtb-': return list(doc, 'RouteTables').find((t) => t.RouteTableId === id)?.VpcId ?? null;
    case 'acl-': return list(doc, 'NetworkAcls').find((a) => a.NetworkAclId === id)?.VpcId ?? null;
    case 'sg-': return list(doc, 'SecurityGroups').find((g) => g.GroupId === id)?.VpcId ?? null;
    case 'pcx-': {
      const p = list(doc, 'VpcPeeringConnections').find((x) => x.VpcPeeringConnectionId === id);
      return p?.RequesterVpcInfo?.VpcId ?? p?.AccepterVpcInfo?.VpcId ?? null;
    }
    case 'fl-': {
      const r = list(doc, 'FlowLogs').find((f) => f.FlowLogId === id)?.ResourceId;
      return r && !r.startsWith('fl-') ? vpcOfResource(doc, r) : null;
    }
    case 'eipalloc-': {
      const eni = list(doc, 'Addresses').find((a) => a.AllocationId === id)?.NetworkInterfaceId;
      return eni ? vpcOfResource(doc, eni) : null;
    }
    default: return null;
  }
}

function vpcOfSubnet(doc: Snapshot, subnetId: string | undefined | null): string | null {
  return subnetId ? list(doc, 'Subnets').find((s) => s.SubnetId === subnetId)?.VpcId ?? null : null;
}

/** The VPC the selection belongs to; the first VPC when nothing (or nothing VPC-bound) is selected. */
export function vpcOfSelection(doc: Snapshot, id: string | null): string | null {
  return (id ? vpcOfResource(doc, id) : null) ?? list(doc, 'Vpcs')[0]?.VpcId ?? null;
}

/** The subnet the selection sits in: a subnet itself, an instance's, an interface's or a NAT gateway's; else null. */
export function subnetOfSelection(doc: Snapshot, id: string | null): string | null {
  if (!id) return null;
  if (id.startsWith('subnet-')) return list(doc, 'Subnets').some((s) => s.SubnetId === id) ? id : null;
  if (id.startsWith('i-')) return instanceOf(doc, id)?.SubnetId ?? null;
  if (id.startsWith('eni-')) return list(doc, 'NetworkInterfaces').find((e) => e.NetworkInterfaceId === id)?.SubnetId ?? null;
  if (id.startsWith('nat-')) return list(doc, 'NatGateways').find((n) => n.NatGatewayId === id)?.SubnetId ?? null;
  return null;
}

/** The network ACL a subnet uses: the one associated with it, else its VPC's default ACL (as AWS associates a new subnet). */
export function aclOfSubnet(doc: Snapshot, subnetId: string): string | null {
  const acls = list(doc, 'NetworkAcls');
  const explicit = acls.find((a) => (a.Associations ?? []).some((x) => x.SubnetId === subnetId));
  if (explicit) return explicit.NetworkAclId;
  const vpcId = vpcOfSubnet(doc, subnetId);
  return acls.find((a) => a.VpcId === vpcId && a.IsDefault)?.NetworkAclId ?? null;
}

/** The network ACL the selection means: an ACL itself, else the ACL of the selection's subnet (subnet, instance, interface, NAT gateway). */
export function aclOfSelection(doc: Snapshot, id: string | null): string | null {
  if (id?.startsWith('acl-')) return list(doc, 'NetworkAcls').some((a) => a.NetworkAclId === id) ? id : null;
  const sn = subnetOfSelection(doc, id);
  return sn ? aclOfSubnet(doc, sn) : null;
}

/** The route table the selection means: a route table itself, else the table of the selection's subnet. */
export function routeTableOfSelection(doc: Snapshot, id: string | null): string | null {
  if (id?.startsWith('rtb-')) return list(doc, 'RouteTables').some((t) => t.RouteTableId === id) ? id : null;
  const sn = subnetOfSelection(doc, id);
  return sn ? routeTableOfSubnet(doc, sn) : null;
}

/** The security groups the selection means: a group itself, else the groups of an instance's (or an interface's) interfaces. */
export function groupsOfSelection(doc: Snapshot, id: string | null): string[] {
  if (!id) return [];
  if (id.startsWith('sg-')) return list(doc, 'SecurityGroups').some((g) => g.GroupId === id) ? [id] : [];
  const enis = list(doc, 'NetworkInterfaces').filter((e) => (id.startsWith('i-') ? e.Attachment?.InstanceId === id : e.NetworkInterfaceId === id));
  return [...new Set(enis.flatMap((e) => (e.Groups ?? []).map((g) => g.GroupId).filter((g): g is string => !!g)))];
}

/** The VPC a peering connection leads to from `vpcId` (the other side), or null when `vpcId` is neither side. */
export function peerVpcOf(doc: Snapshot, peeringId: string, vpcId: string): string | null {
  const p = list(doc, 'VpcPeeringConnections').find((x) => x.VpcPeeringConnectionId === peeringId);
  if (!p) return null;
  if (p.RequesterVpcInfo?.VpcId === vpcId) return p.AccepterVpcInfo?.VpcId ?? null;
  if (p.AccepterVpcInfo?.VpcId === vpcId) return p.RequesterVpcInfo?.VpcId ?? null;
  return null;
}

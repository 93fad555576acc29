/** Every id in the document with a short description, for completion. */
import type { Snapshot } from '../../engine/index.ts';

const KEYS: [string, string, string][] = [
  ['Vpcs', 'VpcId', 'VPC'], ['Subnets', 'SubnetId', 'subnet'], ['RouteTables', 'RouteTableId', 'route table'],
  ['SecurityGroups', 'GroupId', 'security group'], ['NetworkAcls', 'NetworkAclId', 'network ACL'],
  ['VpcPeeringConnections', 'VpcPeeringConnectionId', 'peering connection'], ['InternetGateways', 'InternetGatewayId', 'internet gateway'],
  ['NatGateways', 'NatGatewayId', 'NAT gateway'], ['NetworkInterfaces', 'NetworkInterfaceId', 'network interface'], ['Addresses', 'AllocationId', 'Elastic IP'],
];

export function buildIdIndex(doc: Snapshot): { id: string; detail: string }[] {
  const out: { id: string; detail: string }[] = [];
  const d = doc as Record<string, unknown>;
  for (const [key, field, what] of KEYS) {
    for (const r of (d[key] as Record<string, unknown>[] | undefined) ?? []) {
      const id = r[field];
      if (typeof id !== 'string') continue;
      const tags = (r.Tags ?? r.TagSet) as { Key: string; Value: string }[] | undefined;
      const name = tags?.find((t) => t.Key === 'Name')?.Value;
      out.push({ id, detail: `${what}${name ? ` “${name}”` : ''}${typeof r.CidrBlock === 'string' ? ` ${r.CidrBlock}` : ''}` });
    }
  }
  for (const r of doc.Reservations ?? []) for (const i of r.Instances ?? []) out.push({ id: i.InstanceId, detail: `instance ${i.PrivateIpAddress ?? ''}` });
  return out;
}

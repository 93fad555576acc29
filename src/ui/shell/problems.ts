/** Which resource a diagnostic's JSON path points into, so the Problems list can open it. */
import type { Snapshot } from '../../engine/index.ts';
import { parsePath } from '../editors/resource-doc.ts';

const ID_FIELDS = ['VpcId', 'SubnetId', 'RouteTableId', 'GroupId', 'NetworkAclId', 'VpcPeeringConnectionId', 'InternetGatewayId', 'NatGatewayId', 'NetworkInterfaceId', 'AllocationId', 'FlowLogId'];

export function resourceOfPath(doc: Snapshot, path: string): string | null {
  const [key, index, sub, subIndex] = parsePath(path);
  const list = (doc as Record<string, unknown>)[key as string];
  if (!Array.isArray(list) || typeof index !== 'number') return null;
  const item = list[index] as Record<string, unknown> | undefined;
  if (!item) return null;
  if (key === 'Reservations' && sub === 'Instances' && typeof subIndex === 'number') {
    const inst = (item.Instances as Record<string, unknown>[] | undefined)?.[subIndex];
    return typeof inst?.InstanceId === 'string' ? inst.InstanceId : null;
  }
  // The resource's own id field: the first one of the list's kind (a subnet's SubnetId, not its VpcId).
  const own = ID_FIELDS.find((f) => key === { VpcId: 'Vpcs', SubnetId: 'Subnets', RouteTableId: 'RouteTables', GroupId: 'SecurityGroups', NetworkAclId: 'NetworkAcls', VpcPeeringConnectionId: 'VpcPeeringConnections', InternetGatewayId: 'InternetGateways', NatGatewayId: 'NatGateways', NetworkInterfaceId: 'NetworkInterfaces', AllocationId: 'Addresses', FlowLogId: 'FlowLogs' }[f]);
  const id = own ? item[own] : undefined;
  return typeof id === 'string' ? id : null;
}

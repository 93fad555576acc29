/** Dialog defaults that follow the learner's other choices until the learner overrides them. Lookups only: no address arithmetic. */
import { list, type RouteTarget } from '../../engine/edit/index.ts';
import type { Snapshot } from '../../engine/model/schema.ts';

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

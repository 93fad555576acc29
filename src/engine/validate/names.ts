import { type Obj, type Path, clip, isObj, quote, str } from './read.ts';
import { jsonPath } from '../diagnostics.ts';

/** The resource kinds the validator names in its sentences. */
export type Kind = keyof typeof KINDS;

const KINDS = {
  vpc: { noun: 'VPC', id: 'VpcId' },
  subnet: { noun: 'Subnet', id: 'SubnetId' },
  routeTable: { noun: 'Route table', id: 'RouteTableId' },
  securityGroup: { noun: 'Security group', id: 'GroupId' },
  networkAcl: { noun: 'Network ACL', id: 'NetworkAclId' },
  peering: { noun: 'Peering connection', id: 'VpcPeeringConnectionId' },
  internetGateway: { noun: 'Internet gateway', id: 'InternetGatewayId' },
  natGateway: { noun: 'NAT gateway', id: 'NatGatewayId' },
  eni: { noun: 'Network interface', id: 'NetworkInterfaceId' },
  reservation: { noun: 'Reservation', id: 'ReservationId' },
  instance: { noun: 'Instance', id: 'InstanceId' },
  address: { noun: 'Elastic IP', id: 'PublicIp' },
  flowLog: { noun: 'Flow log', id: 'FlowLogId' },
} as const;

/** The kind of resource each top-level list holds. */
export const KIND_OF_KEY: ReadonlyMap<string, Kind> = new Map<string, Kind>([
  ['Vpcs', 'vpc'], ['Subnets', 'subnet'], ['RouteTables', 'routeTable'], ['SecurityGroups', 'securityGroup'],
  ['NetworkAcls', 'networkAcl'], ['VpcPeeringConnections', 'peering'], ['InternetGateways', 'internetGateway'],
  ['NatGateways', 'natGateway'], ['NetworkInterfaces', 'eni'], ['Reservations', 'reservation'],
  ['Addresses', 'address'], ['FlowLogs', 'flowLog'],
]);

export function nounOf(kind: Kind): string {
  return KINDS[kind].noun;
}

/** The "Name" tag (Tags, or TagSet for network interfaces); for security groups the group name as a fallback. */
export function nameOf(r: Obj): string | undefined {
  for (const tags of [r.Tags, r.TagSet]) {
    if (!Array.isArray(tags)) continue;
    for (const t of tags) if (isObj(t) && t.Key === 'Name' && typeof t.Value === 'string' && t.Value !== '') return t.Value;
  }
  return undefined;
}

/** The id of a resource, or undefined when it has none (or not a string). */
export function idOf(kind: Kind, r: Obj): string | undefined {
  return str(r[KINDS[kind].id]);
}

/**
 * How a sentence names a resource: its kind, id and Name tag, as the console shows them:
 * `Subnet subnet-0abc ("web")`. Without an id, the JSON path says which one.
 */
export function describe(kind: Kind, r: Obj, path: Path): string {
  const id = idOf(kind, r);
  const name = nameOf(r) ?? (kind === 'securityGroup' ? str(r.GroupName) : undefined);
  const head = `${KINDS[kind].noun} ${id !== undefined && id !== '' ? clip(id) : `at ${jsonPath(path)}`}`;
  return name !== undefined && name !== id ? `${head} (${quote(name)})` : head;
}

/** Lower-cases the first letter, for a resource named in the middle of a sentence. */
export function mid(label: string): string {
  return /^(VPC|NAT|Elastic)/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
}

/** The id field of each resource list, used to merge copies of one resource found in several files. */
export const ID_FIELD: Readonly<Record<string, string>> = {
  Vpcs: 'VpcId',
  Subnets: 'SubnetId',
  RouteTables: 'RouteTableId',
  SecurityGroups: 'GroupId',
  NetworkAcls: 'NetworkAclId',
  VpcPeeringConnections: 'VpcPeeringConnectionId',
  InternetGateways: 'InternetGatewayId',
  NatGateways: 'NatGatewayId',
  NetworkInterfaces: 'NetworkInterfaceId',
  Reservations: 'ReservationId',
  Addresses: 'AllocationId',
  FlowLogs: 'FlowLogId',
};

/** Names of the AWS regions, to recognise a folder such as aws_configs/us-west-1/. */
export const REGION_PATTERN = /^(us|eu|ap|sa|ca|me|af|il|mx|cn|us-gov)-(north|south|east|west|central|northeast|southeast|northwest|southwest|gov-east|gov-west|iso-east)-\d$/;

/** The region of an availability zone name: "us-east-1a" -> "us-east-1". */
export function regionOfAz(az: string | undefined): string | null {
  if (!az) return null;
  const m = /^([a-z]{2}(?:-gov)?-[a-z]+-\d)[a-z]$/.exec(az) ?? /^([a-z]{2}(?:-gov)?-[a-z]+-\d)-[a-z0-9-]+$/.exec(az);
  return m ? m[1] : null;
}

/** The display name of a resource: its "Name" tag. */
export function nameTag(resource: { Tags?: { Key: string; Value: string }[]; TagSet?: { Key: string; Value: string }[] }): string | null {
  const tags = resource.Tags ?? resource.TagSet;
  if (!Array.isArray(tags)) return null;
  const t = tags.find((x) => x && x.Key === 'Name');
  return t && typeof t.Value === 'string' ? t.Value : null;
}

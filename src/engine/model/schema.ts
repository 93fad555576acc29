/**
 * The snapshot document: the response keys of `aws ec2 describe-*`, in the shapes AWS prints.
 * This one definition gives the TypeScript types (z.infer), the runtime shape check and the
 * JSON Schema the editor uses (z.toJSONSchema). Objects are loose: real exports carry many
 * fields the simulator does not read, and they must survive a round trip unchanged.
 * Semantic checks (CIDR syntax, ranges, references) live in validate/, where they get stable
 * codes and learner-friendly sentences; this schema only fixes types and closed enums.
 */
import { z } from 'zod';

const str = (doc: string) => z.string().describe(doc);
const int = (doc: string) => z.number().int().describe(doc);

export const TagSchema = z.looseObject({ Key: z.string(), Value: z.string() });
const Tags = z.array(TagSchema).describe('Key/value tags. The tag "Name" is the display name in the AWS console and on the canvas.');

export const VpcSchema = z.looseObject({
  VpcId: str('The VPC id, "vpc-" followed by hex digits.'),
  CidrBlock: str('The primary IPv4 CIDR block, /16 to /28, e.g. "10.1.0.0/16".').optional(),
  CidrBlockAssociationSet: z.array(z.looseObject({
    AssociationId: z.string().optional(),
    CidrBlock: str('An IPv4 CIDR block associated with the VPC (primary or secondary).'),
    CidrBlockState: z.looseObject({ State: z.string().describe('"associated", "disassociated", ...: only associated blocks route.') }).optional(),
  })).describe('All IPv4 CIDR blocks of the VPC: the primary plus up to four secondary blocks.').optional(),
  OwnerId: str('The AWS account id (12 digits) that owns the VPC.').optional(),
  State: z.string().optional(),
  IsDefault: z.boolean().describe('True for the default VPC of the region.').optional(),
  Tags: Tags.optional(),
}).describe('A VPC, as `aws ec2 describe-vpcs` prints it.');

export const SubnetSchema = z.looseObject({
  SubnetId: str('The subnet id, "subnet-…".'),
  VpcId: str('The VPC the subnet belongs to.'),
  CidrBlock: str('The subnet IPv4 CIDR block, /16 to /28, inside the VPC CIDR. AWS reserves the first four addresses and the last one.').optional(),
  AvailabilityZone: str('The Availability Zone name, e.g. "us-east-1a"; its region is the name without the last letter.').optional(),
  AvailabilityZoneId: str('The zone id, e.g. "use1-az1" (the same physical zone in every account).').optional(),
  MapPublicIpOnLaunch: z.boolean().describe('When true, instances launched here get a public IPv4 address: one mark of a public subnet (the other is a route to an internet gateway).').optional(),
  OwnerId: z.string().optional(),
  State: z.string().optional(),
  Tags: Tags.optional(),
}).describe('A subnet, as `aws ec2 describe-subnets` prints it.');

export const RouteSchema = z.looseObject({
  DestinationCidrBlock: str('The destination IPv4 CIDR. The most specific (longest prefix) matching route wins.').optional(),
  DestinationIpv6CidrBlock: z.string().optional(),
  DestinationPrefixListId: z.string().optional(),
  GatewayId: str('"local" (the VPC itself), an internet gateway "igw-…", a virtual private gateway "vgw-…" or a gateway endpoint "vpce-…".').optional(),
  NatGatewayId: str('A NAT gateway "nat-…".').optional(),
  VpcPeeringConnectionId: str('A VPC peering connection "pcx-…": it carries traffic only while active, and both VPCs need a route to each other.').optional(),
  TransitGatewayId: z.string().optional(),
  NetworkInterfaceId: z.string().optional(),
  InstanceId: z.string().optional(),
  EgressOnlyInternetGatewayId: z.string().optional(),
  LocalGatewayId: z.string().optional(),
  CarrierGatewayId: z.string().optional(),
  CoreNetworkArn: z.string().optional(),
  Origin: z.string().describe('"CreateRouteTable" (the local route), "CreateRoute" or "EnableVgwRoutePropagation".').optional(),
  State: z.enum(['active', 'blackhole']).describe('"blackhole" when the target is gone (deleted NAT gateway, detached internet gateway): traffic is dropped.').optional(),
}).describe('A route: a destination and one target.');

export const RouteTableAssociationSchema = z.looseObject({
  Main: z.boolean().describe('True for the VPC main route table, used by every subnet without an explicit association.').optional(),
  RouteTableAssociationId: z.string().optional(),
  RouteTableId: z.string().optional(),
  SubnetId: str('The subnet this route table is explicitly associated with.').optional(),
  GatewayId: z.string().optional(),
  AssociationState: z.looseObject({ State: z.string() }).optional(),
});

export const RouteTableSchema = z.looseObject({
  RouteTableId: str('The route table id, "rtb-…".'),
  VpcId: z.string(),
  Routes: z.array(RouteSchema).describe('The routes. One "local" route per VPC CIDR exists and cannot be deleted.').optional(),
  Associations: z.array(RouteTableAssociationSchema).describe('Which subnets use this table; "Main": true makes it the default for the VPC.').optional(),
  OwnerId: z.string().optional(),
  PropagatingVgws: z.array(z.unknown()).optional(),
  Tags: Tags.optional(),
}).describe('A route table, as `aws ec2 describe-route-tables` prints it.');

const IpRange = z.looseObject({ CidrIp: str('An IPv4 CIDR the rule matches, e.g. "0.0.0.0/0" for anywhere.'), Description: z.string().optional() });
const Ipv6Range = z.looseObject({ CidrIpv6: z.string(), Description: z.string().optional() });
const PrefixListId = z.looseObject({ PrefixListId: z.string(), Description: z.string().optional() });
const UserIdGroupPair = z.looseObject({
  GroupId: str('Another security group: the rule matches the private IPs of the network interfaces in it.').optional(),
  GroupName: z.string().optional(),
  UserId: z.string().optional(),
  VpcId: z.string().optional(),
  VpcPeeringConnectionId: z.string().optional(),
  PeeringStatus: z.string().optional(),
  Description: z.string().optional(),
});

export const IpPermissionSchema = z.looseObject({
  IpProtocol: str('"tcp", "udp", "icmp", a protocol number, or "-1" for all traffic (ports ignored).'),
  FromPort: int('First port (tcp/udp), or the ICMP type; -1 means any.').optional(),
  ToPort: int('Last port (tcp/udp), or the ICMP code; -1 means any.').optional(),
  IpRanges: z.array(IpRange).optional(),
  Ipv6Ranges: z.array(Ipv6Range).optional(),
  PrefixListIds: z.array(PrefixListId).optional(),
  UserIdGroupPairs: z.array(UserIdGroupPair).optional(),
}).describe('One security group rule: a protocol, a port range and the sources (inbound) or destinations (outbound) it allows.');

export const SecurityGroupSchema = z.looseObject({
  GroupId: str('The security group id, "sg-…".'),
  GroupName: z.string().optional(),
  Description: z.string().optional(),
  VpcId: z.string().optional(),
  OwnerId: z.string().optional(),
  IpPermissions: z.array(IpPermissionSchema).describe('Inbound rules. Allow rules only; all rules of all groups on an interface form one set. Stateful: replies always pass.').optional(),
  IpPermissionsEgress: z.array(IpPermissionSchema).describe('Outbound rules. A new group allows all outbound traffic.').optional(),
  Tags: Tags.optional(),
}).describe('A security group, as `aws ec2 describe-security-groups` prints it.');

export const NetworkAclEntrySchema = z.looseObject({
  RuleNumber: int('1 to 32766; rules are evaluated in ascending order and the first match decides. 32767 is the "*" rule that denies everything.'),
  Protocol: str('"-1" for all, or an IANA protocol number as text: "6" TCP, "17" UDP, "1" ICMP.'),
  RuleAction: z.enum(['allow', 'deny']).describe('"allow" or "deny". Network ACLs are stateless: replies need their own rule.'),
  Egress: z.boolean().describe('true for an outbound rule, false for inbound.'),
  CidrBlock: str('The IPv4 CIDR the rule matches (source for inbound, destination for outbound).').optional(),
  Ipv6CidrBlock: z.string().optional(),
  PortRange: z.looseObject({ From: int('First port, 0-65535.').optional(), To: int('Last port, 0-65535.').optional() }).describe('For TCP/UDP: the port range (destination port of the packet). Replies use ephemeral ports, 1024-65535.').optional(),
  IcmpTypeCode: z.looseObject({ Type: int('ICMP type; -1 for all.').optional(), Code: int('ICMP code; -1 for all.').optional() }).optional(),
}).describe('A network ACL entry.');

export const NetworkAclSchema = z.looseObject({
  NetworkAclId: str('The network ACL id, "acl-…".'),
  VpcId: z.string(),
  IsDefault: z.boolean().describe('True for the VPC default network ACL, used by every subnet not associated with another.').optional(),
  Entries: z.array(NetworkAclEntrySchema).describe('Inbound and outbound entries (Egress false/true).').optional(),
  Associations: z.array(z.looseObject({
    NetworkAclAssociationId: z.string().optional(),
    NetworkAclId: z.string().optional(),
    SubnetId: z.string(),
  })).describe('The subnets that use this network ACL: each subnet has exactly one.').optional(),
  OwnerId: z.string().optional(),
  Tags: Tags.optional(),
}).describe('A network ACL, as `aws ec2 describe-network-acls` prints it.');

const PeeringVpcInfo = z.looseObject({
  VpcId: z.string().optional(),
  OwnerId: z.string().optional(),
  Region: z.string().optional(),
  CidrBlock: z.string().optional(),
  CidrBlockSet: z.array(z.looseObject({ CidrBlock: z.string() })).optional(),
});

export const PEERING_STATUS_CODES = ['initiating-request', 'pending-acceptance', 'provisioning', 'active', 'rejected', 'expired', 'failed', 'deleted', 'deleting'] as const;

export const VpcPeeringConnectionSchema = z.looseObject({
  VpcPeeringConnectionId: str('The peering connection id, "pcx-…".'),
  RequesterVpcInfo: PeeringVpcInfo.describe('The VPC that requested the peering.').optional(),
  AccepterVpcInfo: PeeringVpcInfo.describe('The VPC that must accept it (its owner accepts a cross-account request).').optional(),
  Status: z.looseObject({
    Code: z.enum(PEERING_STATUS_CODES).describe('Only "active" carries traffic. "pending-acceptance" waits for the accepter.'),
    Message: z.string().optional(),
  }).optional(),
  ExpirationTime: z.string().optional(),
  Tags: Tags.optional(),
}).describe('A VPC peering connection, as `aws ec2 describe-vpc-peering-connections` prints it.');

export const InternetGatewaySchema = z.looseObject({
  InternetGatewayId: str('The internet gateway id, "igw-…".'),
  Attachments: z.array(z.looseObject({
    VpcId: z.string(),
    State: z.string().describe('"available" (attached) or "attaching"/"detaching"/"detached".').optional(),
  })).describe('The VPC it is attached to (at most one).').optional(),
  OwnerId: z.string().optional(),
  Tags: Tags.optional(),
}).describe('An internet gateway, as `aws ec2 describe-internet-gateways` prints it.');

export const NatGatewaySchema = z.looseObject({
  NatGatewayId: str('The NAT gateway id, "nat-…".'),
  SubnetId: str('The subnet it sits in: a public subnet for a public NAT gateway.').optional(),
  VpcId: z.string().optional(),
  State: z.string().describe('"available" carries traffic; "pending", "failed", "deleting" and "deleted" do not.').optional(),
  ConnectivityType: z.string().describe('"public" (default, needs an Elastic IP) or "private".').optional(),
  NatGatewayAddresses: z.array(z.looseObject({
    AllocationId: z.string().optional(),
    NetworkInterfaceId: z.string().optional(),
    PrivateIp: z.string().optional(),
    PublicIp: z.string().optional(),
  })).optional(),
  Tags: Tags.optional(),
}).describe('A NAT gateway, as `aws ec2 describe-nat-gateways` prints it.');

const EniGroup = z.looseObject({ GroupId: z.string(), GroupName: z.string().optional() });
const EniAssociation = z.looseObject({
  PublicIp: str('The public IPv4 address (or Elastic IP) mapped 1:1 to the private address by the internet gateway.').optional(),
  IpOwnerId: z.string().optional(),
  AllocationId: z.string().optional(),
  PublicDnsName: z.string().optional(),
});
const PrivateIpAddresses = z.array(z.looseObject({
  PrivateIpAddress: z.string(),
  Primary: z.boolean().optional(),
  Association: EniAssociation.optional(),
}));

export const NetworkInterfaceSchema = z.looseObject({
  NetworkInterfaceId: str('The network interface id, "eni-…".'),
  SubnetId: z.string().optional(),
  VpcId: z.string().optional(),
  OwnerId: z.string().optional(),
  AvailabilityZone: z.string().optional(),
  InterfaceType: z.string().describe('"interface" for an instance, "nat_gateway", "network_load_balancer", ... for AWS-managed interfaces.').optional(),
  PrivateIpAddress: str('The primary private IPv4 address: inside the subnet, not one of its five reserved addresses.').optional(),
  PrivateIpAddresses: PrivateIpAddresses.optional(),
  Association: EniAssociation.optional(),
  Groups: z.array(EniGroup).describe('Up to five security groups; their rules form one set.').optional(),
  Attachment: z.looseObject({
    InstanceId: z.string().optional(),
    DeviceIndex: z.number().int().optional(),
    Status: z.string().optional(),
    InstanceOwnerId: z.string().optional(),
  }).optional(),
  SourceDestCheck: z.boolean().optional(),
  Status: z.string().optional(),
  RequesterManaged: z.boolean().optional(),
  TagSet: Tags.optional(),
}).describe('A network interface, as `aws ec2 describe-network-interfaces` prints it.');

export const InstanceSchema = z.looseObject({
  InstanceId: str('The instance id, "i-…".'),
  InstanceType: z.string().optional(),
  Hypervisor: z.string().describe('AWS prints "xen" for both Xen and Nitro instances; the instance type tells them apart (Nitro instances aggregate flow logs over 60 s at most).').optional(),
  State: z.looseObject({ Name: z.string().describe('"running", "stopped", "terminated", ...'), Code: z.number().optional() }).optional(),
  SubnetId: z.string().optional(),
  VpcId: z.string().optional(),
  PrivateIpAddress: z.string().optional(),
  PublicIpAddress: z.string().optional(),
  Placement: z.looseObject({ AvailabilityZone: z.string().optional() }).optional(),
  NetworkInterfaces: z.array(NetworkInterfaceSchema.partial().extend({ NetworkInterfaceId: z.string() })).optional(),
  SecurityGroups: z.array(EniGroup).optional(),
  Tags: Tags.optional(),
});

export const ReservationSchema = z.looseObject({
  ReservationId: z.string().optional(),
  OwnerId: z.string().optional(),
  Instances: z.array(InstanceSchema).optional(),
}).describe('A reservation, as `aws ec2 describe-instances` prints it.');

export const AddressSchema = z.looseObject({
  PublicIp: str('The Elastic IP address.'),
  AllocationId: z.string().optional(),
  AssociationId: z.string().optional(),
  NetworkInterfaceId: z.string().optional(),
  NetworkInterfaceOwnerId: z.string().optional(),
  PrivateIpAddress: z.string().optional(),
  InstanceId: z.string().optional(),
  Domain: z.string().optional(),
}).describe('An Elastic IP, as `aws ec2 describe-addresses` prints it.');

export const FlowLogSchema = z.looseObject({
  FlowLogId: str('The flow log id, "fl-…". A flow log cannot be edited: delete it and create another.'),
  ResourceId: str('What it watches: a VPC, a subnet or a network interface (every interface inside is covered).'),
  TrafficType: z.enum(['ACCEPT', 'REJECT', 'ALL']).describe('Which records are kept: accepted traffic, rejected traffic, or all.').optional(),
  LogDestinationType: z.enum(['cloud-watch-logs', 's3', 'kinesis-data-firehose']).describe('Where records go.').optional(),
  LogGroupName: str('CloudWatch Logs log group; one log stream per interface, named "eni-…-all".').optional(),
  LogDestination: str('The destination ARN: a log group, an S3 bucket (arn:aws:s3:::bucket/prefix) or a Firehose stream.').optional(),
  DeliverLogsPermissionArn: str('The IAM role that vpc-flow-logs.amazonaws.com assumes to write to CloudWatch Logs.').optional(),
  DeliverLogsStatus: z.string().optional(),
  DeliverLogsErrorMessage: z.string().optional(),
  FlowLogStatus: z.string().optional(),
  LogFormat: str('The record format: "${version} ${account-id} ..." with any fields of versions 2 to 5. Default: the version 2 fields.').optional(),
  MaxAggregationInterval: z.union([z.literal(60), z.literal(600)]).describe('Seconds per aggregation window: 600 (default) or 60. Nitro instances always use 60 s or less.').optional(),
  CreationTime: z.string().optional(),
  DestinationOptions: z.looseObject({
    FileFormat: z.string().optional(),
    HiveCompatiblePartitions: z.boolean().optional(),
    PerHourPartition: z.boolean().optional(),
  }).optional(),
  Tags: Tags.optional(),
}).describe('A flow log, as `aws ec2 describe-flow-logs` prints it.');

/** Everything that exists only for the playground: canvas, names, lab progress, defaults. */
export const PlaygroundSchema = z.looseObject({
  region: str('Default region for resources that do not say.').optional(),
  accountId: str('Default account id for resources that do not say.').optional(),
}).describe('Playground-only data: canvas positions, display settings, the lab in progress. Not part of any AWS output.');

export const SnapshotSchema = z.looseObject({
  Vpcs: z.array(VpcSchema).optional(),
  Subnets: z.array(SubnetSchema).optional(),
  RouteTables: z.array(RouteTableSchema).optional(),
  SecurityGroups: z.array(SecurityGroupSchema).optional(),
  NetworkAcls: z.array(NetworkAclSchema).optional(),
  VpcPeeringConnections: z.array(VpcPeeringConnectionSchema).optional(),
  InternetGateways: z.array(InternetGatewaySchema).optional(),
  NatGateways: z.array(NatGatewaySchema).optional(),
  NetworkInterfaces: z.array(NetworkInterfaceSchema).optional(),
  Reservations: z.array(ReservationSchema).optional(),
  Addresses: z.array(AddressSchema).optional(),
  FlowLogs: z.array(FlowLogSchema).optional(),
  Playground: PlaygroundSchema.optional(),
}).describe('A VPC Lab snapshot: the output of aws ec2 describe-* calls, merged into one snapshot.');

export type Snapshot = z.infer<typeof SnapshotSchema>;
export type Vpc = z.infer<typeof VpcSchema>;
export type Subnet = z.infer<typeof SubnetSchema>;
export type RouteTable = z.infer<typeof RouteTableSchema>;
export type Route = z.infer<typeof RouteSchema>;
export type SecurityGroup = z.infer<typeof SecurityGroupSchema>;
export type IpPermission = z.infer<typeof IpPermissionSchema>;
export type NetworkAcl = z.infer<typeof NetworkAclSchema>;
export type NetworkAclEntry = z.infer<typeof NetworkAclEntrySchema>;
export type VpcPeeringConnection = z.infer<typeof VpcPeeringConnectionSchema>;
export type PeeringStatusCode = (typeof PEERING_STATUS_CODES)[number];
export type InternetGateway = z.infer<typeof InternetGatewaySchema>;
export type NatGateway = z.infer<typeof NatGatewaySchema>;
export type NetworkInterface = z.infer<typeof NetworkInterfaceSchema>;
export type Instance = z.infer<typeof InstanceSchema>;
export type Reservation = z.infer<typeof ReservationSchema>;
export type Address = z.infer<typeof AddressSchema>;
export type FlowLog = z.infer<typeof FlowLogSchema>;

/** The top-level keys the engine simulates; any other key passes through untouched. */
export const SIMULATED_KEYS = [
  'Vpcs', 'Subnets', 'RouteTables', 'SecurityGroups', 'NetworkAcls', 'VpcPeeringConnections',
  'InternetGateways', 'NatGateways', 'NetworkInterfaces', 'Reservations', 'Addresses', 'FlowLogs',
] as const;
export type SimulatedKey = (typeof SIMULATED_KEYS)[number];

/** The JSON Schema of the document, for the editor (completion, hover docs). */
export function snapshotJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(SnapshotSchema, { unrepresentable: 'any' }) as Record<string, unknown>;
}

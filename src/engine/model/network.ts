/**
 * The compiled network: the snapshot document parsed into typed values and cross-linked, so
 * a packet walk does no string parsing and no searching. Every object keeps the JSON path of
 * the resource it came from, so diagnostics and explanations can point back into the snapshot.
 */
import type { Cidr } from '../ip/index.ts';
import type { AclLine, SgLine } from '../filter/index.ts';
import type { FlowLog, NetworkAcl, Route, RouteTable, SecurityGroup, Snapshot } from './schema.ts';

export interface NVpc {
  id: string;
  name: string | null;
  ownerId: string;
  region: string;
  /** Associated IPv4 CIDRs, primary first. */
  cidrs: Cidr[];
  subnets: NSubnet[];
  /** The internet gateway attached to this VPC, if any. */
  internetGateway: NInternetGateway | null;
  mainRouteTable: NRouteTable | null;
  defaultAcl: NAcl;
  path: string;
}

export interface NSubnet {
  id: string;
  name: string | null;
  vpc: NVpc;
  cidr: Cidr | null;
  availabilityZone: string | null;
  azId: string | null;
  ownerId: string;
  /** The table it uses: its explicit association, else the VPC's main table. */
  routeTable: NRouteTable | null;
  /** Whether `routeTable` comes from an explicit association. */
  explicitRouteTable: boolean;
  /** Its network ACL: an explicit association, else the VPC's default. */
  acl: NAcl;
  path: string;
}

export interface NEni {
  id: string;
  name: string | null;
  subnet: NSubnet | null;
  vpc: NVpc | null;
  ownerId: string;
  /** The primary private IPv4 address. */
  privateIp: number;
  /** All private IPv4 addresses, primary first. */
  privateIps: number[];
  /** The public IPv4 or Elastic IP mapped to the primary address, if any. */
  publicIp: number | null;
  /** Elastic IPs mapped to secondary private addresses: private → public (null when none). */
  secondaryPublicIps: ReadonlyMap<number, number> | null;
  groups: NSecurityGroup[];
  /** Group ids, including ones the snapshot does not define (they match nothing). */
  groupIds: Set<string>;
  instanceId: string | null;
  instanceState: string | null;
  deviceIndex: number | null;
  interfaceType: string;
  /** The NAT gateway this interface belongs to, for requester-managed NAT interfaces. */
  natGatewayId: string | null;
  /** Nitro instances aggregate flow logs over 60 s at most. */
  nitro: boolean;
  path: string;
}

export interface NSecurityGroup {
  id: string;
  name: string | null;
  vpcId: string | null;
  ingress: SgLine[];
  egress: SgLine[];
  doc: SecurityGroup;
  path: string;
}

export interface NAcl {
  id: string;
  vpcId: string;
  isDefault: boolean;
  ingress: AclLine[];
  egress: AclLine[];
  /** True when the snapshot holds no network ACL for the VPC and AWS's default is assumed. */
  implicit: boolean;
  doc: NetworkAcl | null;
  path: string;
}

/** Where a route sends traffic. */
export type RouteTarget =
  /** Inside the VPC. */
  | { kind: 'local' }
  | { kind: 'internet-gateway'; id: string }
  | { kind: 'nat-gateway'; id: string }
  | { kind: 'vpc-peering-connection'; id: string }
  /** A target the simulator does not model (transit gateway, VPN gateway, endpoint, appliance ENI...). */
  | { kind: 'unsupported'; id: string; what: string };

export interface NRoute {
  destination: Cidr;
  target: RouteTarget;
  /** The document says the route is a blackhole. */
  blackhole: boolean;
  route: Route;
  /** True for a local route the simulator added because the document lacks it. */
  implicit: boolean;
  /**
   * The prefix list a route to `DestinationPrefixListId` names: such a route is compiled to one
   * NRoute per CIDR of the list (`destination`), each pointing at the same document route.
   */
  prefixListId: string | null;
  path: string;
}

export interface NRouteTable {
  id: string;
  vpcId: string;
  /** Routes sorted by prefix length, longest first: the first match is the longest prefix. */
  routes: NRoute[];
  doc: RouteTable | null;
  path: string;
}

export interface NPeering {
  id: string;
  status: string;
  requesterVpcId: string | null;
  accepterVpcId: string | null;
  requesterRegion: string | null;
  accepterRegion: string | null;
  requesterOwnerId: string | null;
  accepterOwnerId: string | null;
  path: string;
}

export interface NInternetGateway {
  id: string;
  /** The VPC it is attached to and usable from (attachment state "available" or "attached"). */
  attachedVpcId: string | null;
  path: string;
}

export interface NNatGateway {
  id: string;
  subnet: NSubnet | null;
  state: string;
  connectivity: 'public' | 'private';
  privateIp: number | null;
  publicIp: number | null;
  eni: NEni | null;
  path: string;
}

export interface NFlowLog {
  id: string;
  resourceId: string;
  /**
   * The account that owns the flow log: the owner of the resource it watches (null when that
   * resource is not in the snapshot). S3 keys and file names are in this account's folder.
   */
  ownerId: string | null;
  trafficType: 'ACCEPT' | 'REJECT' | 'ALL';
  destinationType: 'cloud-watch-logs' | 's3' | 'kinesis-data-firehose';
  logGroup: string | null;
  destination: string | null;
  format: string | null;
  interval: 60 | 600;
  doc: FlowLog | null;
  path: string;
}

export interface Network {
  snapshot: Snapshot;
  vpcs: Map<string, NVpc>;
  subnets: Map<string, NSubnet>;
  enis: Map<string, NEni>;
  securityGroups: Map<string, NSecurityGroup>;
  acls: Map<string, NAcl>;
  routeTables: Map<string, NRouteTable>;
  peerings: Map<string, NPeering>;
  internetGateways: Map<string, NInternetGateway>;
  natGateways: Map<string, NNatGateway>;
  flowLogs: NFlowLog[];
  instances: Map<string, { id: string; state: string | null; primaryEni: NEni | null; enis: NEni[] }>;
  /** Private IP -> interface, per VPC (private ranges may repeat across VPCs). */
  enisByPrivateIp: Map<string, Map<number, NEni>>;
  /** Public IP / Elastic IP -> interface (or NAT gateway interface). */
  enisByPublicIp: Map<number, NEni>;
  /** Interfaces by security group id, for rules that reference a group. */
  enisByGroup: Map<string, NEni[]>;
  defaultRegion: string;
  defaultAccountId: string;
}

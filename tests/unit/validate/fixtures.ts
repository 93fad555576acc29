import { expect } from 'vitest';
import type { Diagnostic } from '../../../src/engine/diagnostics.ts';
import { DIAGNOSTIC_CODES, validateSnapshot } from '../../../src/engine/validate/index.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Doc = Record<string, any>;

const nameTag = (v: string) => [{ Key: 'Name', Value: v }];
const allowAll = (egress: boolean) => [
  { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: egress, CidrBlock: '0.0.0.0/0' },
  { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: egress, CidrBlock: '0.0.0.0/0' },
];

/**
 * A small, fully consistent document: two peered VPCs, subnets, route tables, network ACLs,
 * a security group, an instance with its interface, gateways, an Elastic IP and a flow log.
 * validateSnapshot(cleanDoc()) must be empty; each test breaks one thing.
 */
export function cleanDoc(): Doc {
  return {
    Vpcs: [
      { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16', CidrBlockAssociationSet: [{ CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' } }], OwnerId: '111122223333', Tags: nameTag('main') },
      { VpcId: 'vpc-2', CidrBlock: '10.1.0.0/16', OwnerId: '111122223333' },
    ],
    Subnets: [
      { SubnetId: 'subnet-1', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a', Tags: nameTag('web') },
      { SubnetId: 'subnet-2', VpcId: 'vpc-1', CidrBlock: '10.0.2.0/24', AvailabilityZone: 'us-east-1b' },
      { SubnetId: 'subnet-3', VpcId: 'vpc-2', CidrBlock: '10.1.1.0/24', AvailabilityZone: 'us-east-1a' },
    ],
    RouteTables: [
      {
        RouteTableId: 'rtb-1', VpcId: 'vpc-1', Tags: nameTag('public'),
        Routes: [
          { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active', Origin: 'CreateRouteTable' },
          { DestinationCidrBlock: '10.1.0.0/16', VpcPeeringConnectionId: 'pcx-1', State: 'active' },
          { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' },
        ],
        Associations: [{ Main: true, RouteTableAssociationId: 'rtbassoc-1' }, { SubnetId: 'subnet-1', Main: false, AssociationState: { State: 'associated' } }],
      },
      {
        RouteTableId: 'rtb-2', VpcId: 'vpc-1',
        Routes: [
          { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' },
          { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' },
        ],
        Associations: [{ SubnetId: 'subnet-2', Main: false }],
      },
      {
        RouteTableId: 'rtb-3', VpcId: 'vpc-2',
        Routes: [
          { DestinationCidrBlock: '10.1.0.0/16', GatewayId: 'local', State: 'active' },
          { DestinationCidrBlock: '10.0.1.0/24', VpcPeeringConnectionId: 'pcx-1', State: 'active' },
        ],
        Associations: [{ Main: true }],
      },
    ],
    NetworkAcls: [
      {
        NetworkAclId: 'acl-1', VpcId: 'vpc-1', IsDefault: true, Tags: nameTag('default'),
        Entries: [
          ...allowAll(false), ...allowAll(true),
          { RuleNumber: 90, Protocol: '6', RuleAction: 'deny', Egress: false, CidrBlock: '198.51.100.0/24', PortRange: { From: 22, To: 22 } },
          { RuleNumber: 80, Protocol: '1', RuleAction: 'allow', Egress: false, CidrBlock: '10.0.0.0/8', IcmpTypeCode: { Type: 8, Code: -1 } },
        ],
        Associations: [{ SubnetId: 'subnet-1', NetworkAclId: 'acl-1' }, { SubnetId: 'subnet-2' }],
      },
      { NetworkAclId: 'acl-2', VpcId: 'vpc-2', IsDefault: true, Entries: [...allowAll(false), ...allowAll(true)], Associations: [{ SubnetId: 'subnet-3' }] },
    ],
    SecurityGroups: [
      {
        GroupId: 'sg-1', GroupName: 'web', VpcId: 'vpc-1', OwnerId: '111122223333',
        IpPermissions: [
          { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '203.0.113.0/24' }] },
          { IpProtocol: 'icmp', FromPort: 8, ToPort: -1, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
          { IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: 'sg-1', UserId: '111122223333' }] },
          { IpProtocol: '17', FromPort: 53, ToPort: 53, IpRanges: [{ CidrIp: '10.0.0.0/16' }] },
        ],
        IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
      },
      { GroupId: 'sg-2', GroupName: 'db', VpcId: 'vpc-2', IpPermissions: [], IpPermissionsEgress: [] },
    ],
    VpcPeeringConnections: [
      {
        VpcPeeringConnectionId: 'pcx-1', Status: { Code: 'active', Message: 'Active' },
        RequesterVpcInfo: { VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16', CidrBlockSet: [{ CidrBlock: '10.0.0.0/16' }] },
        AccepterVpcInfo: { VpcId: 'vpc-2', CidrBlock: '10.1.0.0/16' },
      },
    ],
    InternetGateways: [{ InternetGatewayId: 'igw-1', Attachments: [{ VpcId: 'vpc-1', State: 'available' }] }],
    NatGateways: [{ NatGatewayId: 'nat-1', SubnetId: 'subnet-1', VpcId: 'vpc-1', State: 'available', NatGatewayAddresses: [{ PrivateIp: '10.0.1.20', PublicIp: '203.0.113.20', AllocationId: 'eipalloc-1' }] }],
    NetworkInterfaces: [
      {
        NetworkInterfaceId: 'eni-1', SubnetId: 'subnet-1', VpcId: 'vpc-1', PrivateIpAddress: '10.0.1.10', InterfaceType: 'interface',
        PrivateIpAddresses: [{ PrivateIpAddress: '10.0.1.10', Primary: true, Association: { PublicIp: '203.0.113.10' } }, { PrivateIpAddress: '10.0.1.11', Primary: false }],
        Association: { PublicIp: '203.0.113.10' }, Groups: [{ GroupId: 'sg-1', GroupName: 'web' }], Attachment: { InstanceId: 'i-1', DeviceIndex: 0 },
        TagSet: nameTag('web-eni'),
      },
      { NetworkInterfaceId: 'eni-nat', SubnetId: 'subnet-1', VpcId: 'vpc-1', PrivateIpAddress: '10.0.1.20', InterfaceType: 'nat_gateway', Groups: [] },
      { NetworkInterfaceId: 'eni-3', SubnetId: 'subnet-3', VpcId: 'vpc-2', PrivateIpAddress: '10.1.1.10', Groups: [{ GroupId: 'sg-2' }] },
    ],
    Reservations: [{
      ReservationId: 'r-1',
      Instances: [{
        InstanceId: 'i-1', State: { Name: 'running', Code: 16 }, SubnetId: 'subnet-1', VpcId: 'vpc-1', PrivateIpAddress: '10.0.1.10', Tags: nameTag('web-1'),
        NetworkInterfaces: [{ NetworkInterfaceId: 'eni-1', SubnetId: 'subnet-1', VpcId: 'vpc-1', PrivateIpAddress: '10.0.1.10', Groups: [{ GroupId: 'sg-1' }] }],
      }],
    }],
    Addresses: [{ PublicIp: '203.0.113.20', AllocationId: 'eipalloc-1', NetworkInterfaceId: 'eni-nat', PrivateIpAddress: '10.0.1.20', Domain: 'vpc' }],
    FlowLogs: [{ FlowLogId: 'fl-1', ResourceId: 'vpc-1', TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs', LogGroupName: 'vpc-flow' }],
    AvailabilityZones: [{ ZoneName: 'us-east-1a' }],
    PrefixLists: [{ PrefixListId: 'pl-1', PrefixListName: 'com.amazonaws.us-east-1.s3' }],
    Playground: { region: 'us-east-1' },
  };
}

/** Validates cleanDoc() after `change` has broken one thing. */
export function validateWith(change: (d: Doc) => void): Diagnostic[] {
  const d = cleanDoc();
  change(d);
  return validateSnapshot(d);
}

/**
 * Asserts that the diagnostics hold exactly one of `code`, at `path`, with `severity` (stated by
 * the test, so a catalog change is caught) and a message that names every text in `mentions`.
 */
export function expectOne(diags: Diagnostic[], code: string, severity: 'error' | 'warning', path: string, mentions: string[]): Diagnostic {
  const found = diags.filter((d) => d.code === code);
  expect(found, `${code} in ${JSON.stringify(diags, null, 1)}`).toHaveLength(1);
  const d = found[0];
  expect(d.severity).toBe(severity);
  expect(DIAGNOSTIC_CODES[code as keyof typeof DIAGNOSTIC_CODES]?.severity).toBe(severity);
  expect(d.path).toBe(path);
  for (const m of mentions) expect(d.message).toContain(m);
  expect(d.message).toMatch(/^[A-Z$].*[.)]$/);
  return d;
}

export const codes = (diags: Diagnostic[]): string[] => diags.map((d) => d.code);

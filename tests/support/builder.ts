/**
 * A compact builder of snapshot documents for tests and golden scenarios: AWS describe-*
 * shapes with sensible defaults (main route table with local route, default NACL allow-all,
 * default SG) so each test states only what it is about.
 */
import type { Snapshot } from '../../src/engine/index.ts';

type Json = Record<string, any>;
const hex = (prefix: string, n: number) => `${prefix}-${(0x0a0000000000000n + BigInt(n)).toString(16).padStart(17, '0')}`;

export class SnapshotBuilder {
  doc: Json = { Vpcs: [], Subnets: [], RouteTables: [], SecurityGroups: [], NetworkAcls: [], NetworkInterfaces: [], Reservations: [], InternetGateways: [], NatGateways: [], VpcPeeringConnections: [], Addresses: [], FlowLogs: [] };
  private n = 1;
  constructor(readonly account = '111122223333', readonly region = 'us-east-1') {}
  id(prefix: string): string { return hex(prefix, this.n++); }

  vpc(cidr: string, name: string, opts: { account?: string; region?: string } = {}): { vpcId: string; rtb: string; acl: string; sg: string } {
    const vpcId = this.id('vpc');
    const owner = opts.account ?? this.account;
    this.doc.Vpcs.push({ VpcId: vpcId, CidrBlock: cidr, CidrBlockAssociationSet: [{ CidrBlock: cidr, CidrBlockState: { State: 'associated' } }], OwnerId: owner, State: 'available', Tags: [{ Key: 'Name', Value: name }] });
    const rtb = this.id('rtb');
    this.doc.RouteTables.push({ RouteTableId: rtb, VpcId: vpcId, OwnerId: owner, Associations: [{ Main: true, RouteTableId: rtb }], Routes: [{ DestinationCidrBlock: cidr, GatewayId: 'local', State: 'active', Origin: 'CreateRouteTable' }] });
    const acl = this.id('acl');
    this.doc.NetworkAcls.push({ NetworkAclId: acl, VpcId: vpcId, IsDefault: true, OwnerId: owner, Associations: [], Entries: [
      { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0' },
      { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: true, CidrBlock: '0.0.0.0/0' },
      { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' },
      { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' },
    ] });
    const sg = this.id('sg');
    this.doc.SecurityGroups.push({ GroupId: sg, GroupName: 'default', VpcId: vpcId, OwnerId: owner, Description: 'default VPC security group',
      IpPermissions: [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: sg }], IpRanges: [] }],
      IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
    if (opts.region) { this.doc.Playground ??= {}; this.doc.Playground.regions ??= {}; this.doc.Playground.regions[vpcId] = opts.region; }
    return { vpcId, rtb, acl, sg };
  }

  subnet(vpcId: string, cidr: string, name: string, az = `${this.region}a`): string {
    const id = this.id('subnet');
    const owner = this.doc.Vpcs.find((v: Json) => v.VpcId === vpcId)?.OwnerId ?? this.account;
    this.doc.Subnets.push({ SubnetId: id, VpcId: vpcId, CidrBlock: cidr, AvailabilityZone: az, AvailabilityZoneId: `use1-az${az.endsWith('b') ? 2 : 1}`, MapPublicIpOnLaunch: false, OwnerId: owner, State: 'available', Tags: [{ Key: 'Name', Value: name }] });
    return id;
  }

  securityGroup(vpcId: string, name: string, ingress: Json[], egress: Json[] = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }]): string {
    const id = this.id('sg');
    this.doc.SecurityGroups.push({ GroupId: id, GroupName: name, VpcId: vpcId, OwnerId: this.account, Description: name, IpPermissions: ingress, IpPermissionsEgress: egress });
    return id;
  }

  instance(subnetId: string, ip: string, name: string, opts: { sgs?: string[]; publicIp?: string; nitro?: boolean } = {}): { instanceId: string; eniId: string } {
    const subnet = this.doc.Subnets.find((s: Json) => s.SubnetId === subnetId);
    const instanceId = this.id('i');
    const eniId = this.id('eni');
    const sgs = opts.sgs ?? [this.doc.SecurityGroups.find((g: Json) => g.VpcId === subnet.VpcId && g.GroupName === 'default').GroupId];
    const groups = sgs.map((g) => ({ GroupId: g, GroupName: this.doc.SecurityGroups.find((x: Json) => x.GroupId === g)?.GroupName ?? g }));
    const association = opts.publicIp ? { Association: { PublicIp: opts.publicIp, IpOwnerId: 'amazon' } } : {};
    const eni = { NetworkInterfaceId: eniId, SubnetId: subnetId, VpcId: subnet.VpcId, OwnerId: subnet.OwnerId, AvailabilityZone: subnet.AvailabilityZone, InterfaceType: 'interface', PrivateIpAddress: ip,
      PrivateIpAddresses: [{ PrivateIpAddress: ip, Primary: true, ...association }], Groups: groups, ...association, Status: 'in-use',
      Attachment: { InstanceId: instanceId, DeviceIndex: 0, Status: 'attached' } };
    this.doc.NetworkInterfaces.push(eni);
    this.doc.Reservations.push({ ReservationId: this.id('r'), OwnerId: subnet.OwnerId, Instances: [{ InstanceId: instanceId, InstanceType: opts.nitro === false ? 't2.micro' : 't3.micro', Hypervisor: 'xen',
      State: { Name: 'running', Code: 16 }, SubnetId: subnetId, VpcId: subnet.VpcId, PrivateIpAddress: ip, ...(opts.publicIp ? { PublicIpAddress: opts.publicIp } : {}),
      Placement: { AvailabilityZone: subnet.AvailabilityZone }, SecurityGroups: groups, Tags: [{ Key: 'Name', Value: name }],
      NetworkInterfaces: [{ NetworkInterfaceId: eniId, SubnetId: subnetId, VpcId: subnet.VpcId, PrivateIpAddress: ip, Groups: groups, Attachment: { DeviceIndex: 0, Status: 'attached' } }] }] });
    return { instanceId, eniId };
  }

  internetGateway(vpcId: string | null): string {
    const id = this.id('igw');
    this.doc.InternetGateways.push({ InternetGatewayId: id, OwnerId: this.account, Attachments: vpcId ? [{ VpcId: vpcId, State: 'available' }] : [] });
    return id;
  }

  natGateway(subnetId: string, privateIp: string, publicIp: string, state = 'available'): string {
    const id = this.id('nat');
    const subnet = this.doc.Subnets.find((s: Json) => s.SubnetId === subnetId);
    const eniId = this.id('eni');
    const alloc = this.id('eipalloc');
    this.doc.NatGateways.push({ NatGatewayId: id, SubnetId: subnetId, VpcId: subnet.VpcId, State: state, ConnectivityType: 'public', NatGatewayAddresses: [{ AllocationId: alloc, NetworkInterfaceId: eniId, PrivateIp: privateIp, PublicIp: publicIp }] });
    this.doc.Addresses.push({ PublicIp: publicIp, AllocationId: alloc, Domain: 'vpc', NetworkInterfaceId: eniId, PrivateIpAddress: privateIp });
    return id;
  }

  peering(requester: string, accepter: string, status = 'active'): string {
    const id = this.id('pcx');
    const info = (vpcId: string) => {
      const v = this.doc.Vpcs.find((x: Json) => x.VpcId === vpcId);
      return { VpcId: vpcId, OwnerId: v?.OwnerId ?? this.account, CidrBlock: v?.CidrBlock, Region: this.doc.Playground?.regions?.[vpcId] ?? this.region };
    };
    this.doc.VpcPeeringConnections.push({ VpcPeeringConnectionId: id, RequesterVpcInfo: info(requester), AccepterVpcInfo: info(accepter), Status: { Code: status, Message: status } });
    return id;
  }

  route(rtb: string, destination: string, target: Json, state = 'active'): void {
    this.doc.RouteTables.find((r: Json) => r.RouteTableId === rtb).Routes.push({ DestinationCidrBlock: destination, ...target, State: state, Origin: 'CreateRoute' });
  }

  routeTable(vpcId: string, subnetIds: string[]): string {
    const id = this.id('rtb');
    const vpc = this.doc.Vpcs.find((v: Json) => v.VpcId === vpcId);
    this.doc.RouteTables.push({ RouteTableId: id, VpcId: vpcId, OwnerId: vpc.OwnerId, Associations: subnetIds.map((s) => ({ Main: false, SubnetId: s, RouteTableId: id })), Routes: [{ DestinationCidrBlock: vpc.CidrBlock, GatewayId: 'local', State: 'active', Origin: 'CreateRouteTable' }] });
    return id;
  }

  networkAcl(vpcId: string, subnetIds: string[], entries: Json[]): string {
    const id = this.id('acl');
    for (const a of this.doc.NetworkAcls) a.Associations = a.Associations.filter((x: Json) => !subnetIds.includes(x.SubnetId));
    this.doc.NetworkAcls.push({ NetworkAclId: id, VpcId: vpcId, IsDefault: false, OwnerId: this.account, Associations: subnetIds.map((s) => ({ SubnetId: s, NetworkAclId: id })), Entries: [
      ...entries,
      { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: true, CidrBlock: '0.0.0.0/0' },
      { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' },
    ] });
    return id;
  }

  flowLog(resourceId: string, opts: { trafficType?: string; format?: string; interval?: 60 | 600; destination?: 's3' | 'cloud-watch-logs'; logGroup?: string } = {}): string {
    const id = this.id('fl');
    const dest = opts.destination ?? 'cloud-watch-logs';
    this.doc.FlowLogs.push({ FlowLogId: id, ResourceId: resourceId, TrafficType: opts.trafficType ?? 'ALL', LogDestinationType: dest,
      ...(dest === 'cloud-watch-logs' ? { LogGroupName: opts.logGroup ?? 'vpc-flow-logs', DeliverLogsPermissionArn: `arn:aws:iam::${this.account}:role/flow-logs-role` } : { LogDestination: 'arn:aws:s3:::vpc-lab-logs/flow' }),
      MaxAggregationInterval: opts.interval ?? 600, ...(opts.format ? { LogFormat: opts.format } : {}), FlowLogStatus: 'ACTIVE', DeliverLogsStatus: 'SUCCESS' });
    return id;
  }

  build(): Snapshot {
    return JSON.parse(JSON.stringify(this.doc)) as Snapshot;
  }
}

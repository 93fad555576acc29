import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../src/engine/index.ts';
import * as E from '../../../src/engine/edit/index.ts';
import { ids as makeIds, must } from './helpers.ts';

function base() {
  const ids = makeIds();
  const v = E.createVpc({}, { cidr: '10.1.0.0/16', name: 'a' }, ids);
  const s = E.createSubnet(v.doc, { vpcId: v.created![0], cidr: '10.1.0.0/24' }, ids);
  return { ids, doc: s.doc, vpcId: v.created![0], subnetId: s.created![0] };
}

describe('createVpc', () => {
  it('creates the main route table with its local route, the default NACL and the default SG', () => {
    const { doc, vpcId } = base();
    const rt = doc.RouteTables![0];
    expect(rt.Routes).toEqual([{ DestinationCidrBlock: '10.1.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' }]);
    expect(rt.Associations![0].Main).toBe(true);
    const acl = doc.NetworkAcls![0];
    expect(acl.IsDefault).toBe(true);
    expect(acl.Entries!.map((e) => `${e.Egress}:${e.RuleNumber}:${e.RuleAction}`)).toEqual(['true:100:allow', 'true:32767:deny', 'false:100:allow', 'false:32767:deny']);
    const sg = doc.SecurityGroups![0];
    expect(sg.GroupName).toBe('default');
    expect(sg.IpPermissions![0].UserIdGroupPairs![0].GroupId).toBe(sg.GroupId);
    expect(sg.IpPermissionsEgress![0].IpRanges![0].CidrIp).toBe('0.0.0.0/0');
    expect((doc.Playground as E.Playground).regions![vpcId]).toBe('us-east-1');
  });
  it('refuses sizes outside /16-/28 and non-canonical blocks', () => {
    expect(E.createVpc({}, { cidr: '10.0.0.0/8' }, makeIds()).error).toMatch(/between \/16 and \/28/);
    expect(E.createVpc({}, { cidr: '10.0.0.1/16' }, makeIds()).error).toMatch(/InvalidParameterValue/);
    expect(E.createVpc({}, { cidr: '169.254.0.0/16' }, makeIds()).error).toMatch(/reserved/);
  });
  it('suggests a free /16', () => {
    const { doc } = base();
    expect(E.suggestVpcCidr({})).toBe('10.0.0.0/16');
    expect(E.suggestVpcCidr(must(E.createVpc(doc, { cidr: '10.0.0.0/16' }, makeIds())))).toBe('10.2.0.0/16');
  });
});

describe('createSubnet', () => {
  it('refuses a block outside the VPC or overlapping another subnet, and suggests the next /24', () => {
    const { doc, vpcId, ids } = base();
    expect(E.createSubnet(doc, { vpcId, cidr: '10.9.0.0/24' }, ids).error).toMatch(/InvalidSubnet.Range/);
    expect(E.createSubnet(doc, { vpcId, cidr: '10.1.0.128/25' }, ids).error).toMatch(/InvalidSubnet.Conflict/);
    expect(E.suggestSubnetCidr(doc, vpcId)).toBe('10.1.1.0/24');
    expect(doc.Subnets![0]).toMatchObject({ AvailabilityZone: 'us-east-1a', AvailabilityZoneId: 'use1-az1', AvailableIpAddressCount: 251 });
  });
});

describe('createInstance', () => {
  it('skips the reserved addresses and writes the ENI to both Reservations and NetworkInterfaces', () => {
    const { doc, subnetId, ids } = base();
    const r = E.createInstance(doc, { subnetId, publicIp: true }, ids);
    const d = must(r);
    const inst = d.Reservations![0].Instances![0];
    expect(inst).toMatchObject({ PrivateIpAddress: '10.1.0.4', InstanceType: 't3.micro', Hypervisor: 'nitro', PublicIpAddress: '3.80.0.10' });
    expect(d.NetworkInterfaces![0].NetworkInterfaceId).toBe(inst.NetworkInterfaces![0].NetworkInterfaceId);
    expect(d.NetworkInterfaces![0].Attachment!.InstanceId).toBe(inst.InstanceId);
    const second = must(E.createInstance(d, { subnetId }, ids));
    expect(second.Reservations![1].Instances![0].PrivateIpAddress).toBe('10.1.0.5');
    expect(E.createInstance(d, { subnetId, privateIp: '10.1.0.3' }, ids).error).toMatch(/reserved/);
    expect(E.createInstance(d, { subnetId, privateIp: '10.1.0.255' }, ids).error).toMatch(/reserved/);
    expect(E.createInstance(d, { subnetId, privateIp: '10.1.0.4' }, ids).error).toMatch(/InUse/);
    expect(E.createInstance(d, { subnetId, privateIp: 'abc' }, ids).error).toMatch(/^InvalidParameterValue: Value \(abc\) for parameter privateIpAddress is invalid: it is not an IPv4 address/);
    expect(E.createInstance(d, { subnetId, privateIp: '10.9.0.4' }, ids).error).toMatch(/does not fall within/);
  });
});

describe('gateways', () => {
  it('attaches one internet gateway per VPC, routes to it, and blackholes the route on detach', () => {
    const { doc, vpcId, ids } = base();
    const rtb = doc.RouteTables![0].RouteTableId;
    const r = E.createInternetGateway(doc, { vpcId, routeTableId: rtb }, ids);
    let d = must(r);
    expect(E.isPublicSubnet(d, d.Subnets![0].SubnetId)).toBe(true);
    expect(E.createInternetGateway(d, { vpcId }, ids).error).toMatch(/only one/);
    expect(E.deleteResource(d, { id: r.created![0] }).error).toMatch(/DependencyViolation/);
    d = must(E.detachInternetGateway(d, { igwId: r.created![0] }));
    expect(d.RouteTables![0].Routes![1].State).toBe('blackhole');
  });
  it('creates a NAT gateway with an Elastic IP and a requester-managed interface', () => {
    const { doc, subnetId, ids } = base();
    const d = must(E.createNatGateway(doc, { subnetId }, ids));
    const nat = d.NatGateways![0];
    expect(d.Addresses![0].PublicIp).toBe(nat.NatGatewayAddresses![0].PublicIp);
    expect(d.NetworkInterfaces![0]).toMatchObject({ InterfaceType: 'nat_gateway', RequesterManaged: true, PrivateIpAddress: '10.1.0.4' });
    const gone = must(E.deleteResource(d, { id: nat.NatGatewayId! }));
    expect(gone.Addresses![0].AssociationId).toBeUndefined();
  });
});

describe('peering', () => {
  function two() {
    const b = base();
    const v2 = E.createVpc(b.doc, { cidr: '10.2.0.0/16', ownerId: '210987654321' }, b.ids);
    return { ...b, doc: v2.doc, vpc2: v2.created![0] };
  }
  it('goes pending-acceptance, and only the accepter account may accept', () => {
    const { doc, vpcId, vpc2, ids } = two();
    const r = E.requestPeering(doc, { requesterVpcId: vpcId, accepterVpcId: vpc2 }, ids);
    const d = must(r);
    expect(d.VpcPeeringConnections![0].Status!.Code).toBe('pending-acceptance');
    expect(E.acceptPeering(d, { peeringId: r.created![0], actingAccountId: '123456789012' }).error).toMatch(/only the accepter/);
    const acc = must(E.acceptPeering(d, { peeringId: r.created![0], actingAccountId: '210987654321' }));
    expect(acc.VpcPeeringConnections![0].Status!.Code).toBe('active');
    expect(acc.VpcPeeringConnections![0].AccepterVpcInfo!.CidrBlock).toBe('10.2.0.0/16');
    expect(E.requestPeering(acc, { requesterVpcId: vpc2, accepterVpcId: vpcId }, ids).error).toMatch(/AlreadyExists/);
    expect(must(E.deletePeering(acc, { peeringId: r.created![0] })).VpcPeeringConnections![0].Status!.Code).toBe('deleted');
  });
  it('refuses overlapping VPCs', () => {
    const b = base();
    const v2 = E.createVpc(b.doc, { cidr: '10.1.0.0/16' }, b.ids);
    expect(E.requestPeering(v2.doc, { requesterVpcId: b.vpcId, accepterVpcId: v2.created![0] }, b.ids).error).toMatch(/overlapping/);
  });
});

describe('routes and rules', () => {
  it('refuses a duplicate destination, a missing target and deleting the local route', () => {
    const { doc } = base();
    const rtb = doc.RouteTables![0].RouteTableId;
    expect(E.addRoute(doc, { routeTableId: rtb, destination: '10.1.0.0/16', target: { GatewayId: 'igw-x' } }).error).toMatch(/NotFound/);
    expect(E.deleteRoute(doc, { routeTableId: rtb, destination: '10.1.0.0/16' }).error).toMatch(/local/);
  });
  it('adds and removes SG rules and NACL entries with AWS rule-number checks', () => {
    const { doc } = base();
    const sg = doc.SecurityGroups![0].GroupId;
    const perm = { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] };
    const d = must(E.addSgRule(doc, { groupId: sg, direction: 'ingress', permission: perm }));
    expect(E.addSgRule(d, { groupId: sg, direction: 'ingress', permission: perm }).error).toMatch(/Duplicate/);
    expect(must(E.removeSgRule(d, { groupId: sg, direction: 'ingress', index: 1 })).SecurityGroups![0].IpPermissions).toHaveLength(1);
    const acl = doc.NetworkAcls![0].NetworkAclId;
    const entry = { RuleNumber: 90, Protocol: '6', RuleAction: 'deny' as const, Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 22, To: 22 } };
    const a = must(E.addAclEntry(doc, { networkAclId: acl, entry }));
    expect(a.NetworkAcls![0].Entries!.filter((e) => !e.Egress).map((e) => e.RuleNumber)).toEqual([90, 100, 32767]);
    expect(E.addAclEntry(a, { networkAclId: acl, entry }).error).toMatch(/AlreadyExists/);
    expect(E.addAclEntry(a, { networkAclId: acl, entry: { ...entry, RuleNumber: 32767 } }).error).toMatch(/out of range/);
    expect(E.removeAclEntry(a, { networkAclId: acl, egress: false, ruleNumber: 32767 }).error).toMatch(/cannot be deleted/);
    expect(must(E.removeAclEntry(a, { networkAclId: acl, egress: false, ruleNumber: 90 })).NetworkAcls![0].Entries).toHaveLength(4);
  });
});

describe('flow logs', () => {
  it('needs a role for CloudWatch and an S3 ARN for S3, and cannot be edited, only deleted', () => {
    const { doc, vpcId, ids } = base();
    expect(E.createFlowLog(doc, { resourceId: vpcId, trafficType: 'ALL', destinationType: 'cloud-watch-logs', logGroupName: 'g' }, ids).error).toMatch(/DeliverLogsPermissionArn/);
    expect(E.createFlowLog(doc, { resourceId: vpcId, trafficType: 'ALL', destinationType: 's3', destination: 'bucket' }, ids).error).toMatch(/S3 bucket ARN/);
    const r = E.createFlowLog(doc, { resourceId: vpcId, trafficType: 'REJECT', destinationType: 's3', destination: 'arn:aws:s3:::my-bucket/logs', interval: 60 }, ids);
    const d = must(r);
    expect(d.FlowLogs![0]).toMatchObject({ ResourceId: vpcId, TrafficType: 'REJECT', LogDestinationType: 's3', MaxAggregationInterval: 60 });
    expect(must(E.deleteFlowLog(d, { flowLogId: r.created![0] })).FlowLogs).toEqual([]);
    const role = must(E.createFlowLogRole(doc, { roleName: 'flowlogsRole' }));
    expect(E.iamRoles(role)[0].Arn).toBe('arn:aws:iam::123456789012:role/flowlogsRole');
  });
});

describe('delete', () => {
  it('refuses a VPC with subnets, lists its dependents, and deletes them on request', () => {
    const { doc, vpcId, subnetId, ids } = base();
    const d = must(E.createInstance(doc, { subnetId }, ids));
    expect(E.deleteResource(d, { id: vpcId }).error).toMatch(/DependencyViolation/);
    expect(E.dependentsOf(d, vpcId)).toContain(subnetId);
    const gone: Snapshot = must(E.deleteWithDependents(d, { id: vpcId }));
    expect([gone.Vpcs, gone.Subnets, gone.NetworkInterfaces, gone.Reservations, gone.RouteTables, gone.SecurityGroups]).toEqual([[], [], [], [], [], []]);
  });
  it('never deletes the default security group on its own', () => {
    const { doc } = base();
    expect(E.deleteResource(doc, { id: doc.SecurityGroups![0].GroupId }).error).toMatch(/default/);
  });
});

import { describe, expect, it } from 'vitest';
import { codes, expectOne, validateWith } from './fixtures.ts';

const RT0 = '$.RouteTables[0]';

describe('routes', () => {
  it('ROUTE_NO_DESTINATION', () => {
    const d = validateWith((doc) => { delete doc.RouteTables[0].Routes[2].DestinationCidrBlock; });
    expectOne(d, 'ROUTE_NO_DESTINATION', 'error', `${RT0}.Routes[2]`, ['Route table rtb-1 ("public") route 3', 'no destination']);
  });

  it('ROUTE_DUPLICATE_DESTINATION, comparing canonical blocks', () => {
    const d = validateWith((doc) => { doc.RouteTables[0].Routes.push({ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1', State: 'active' }); });
    expectOne(d, 'ROUTE_DUPLICATE_DESTINATION', 'error', `${RT0}.Routes[3].DestinationCidrBlock`, ['rtb-1', 'route to 0.0.0.0/0', 'route 3']);
  });

  it('a propagated route may repeat a static destination', () => {
    const d = validateWith((doc) => { doc.RouteTables[0].Routes.push({ DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'vgw-1', Origin: 'EnableVgwRoutePropagation', State: 'active' }); });
    expect(codes(d)).toEqual(['ROUTE_TARGET_NOT_SIMULATED']);
  });

  it('ROUTE_NO_TARGET', () => {
    const d = validateWith((doc) => { delete doc.RouteTables[0].Routes[2].GatewayId; });
    expectOne(d, 'ROUTE_NO_TARGET', 'error', `${RT0}.Routes[2]`, ['rtb-1', 'route to 0.0.0.0/0', 'no target']);
  });

  it('ROUTE_MULTIPLE_TARGETS points at the second target', () => {
    const d = validateWith((doc) => { doc.RouteTables[0].Routes[2].NatGatewayId = 'nat-1'; });
    expectOne(d, 'ROUTE_MULTIPLE_TARGETS', 'error', `${RT0}.Routes[2].NatGatewayId`, ['rtb-1', 'GatewayId, NatGatewayId']);
  });

  it('an instance route (InstanceId with NetworkInterfaceId) is one target', () => {
    const d = validateWith((doc) => { doc.RouteTables[1].Routes.push({ DestinationCidrBlock: '192.168.0.0/16', InstanceId: 'i-1', InstanceOwnerId: '111122223333', NetworkInterfaceId: 'eni-1', State: 'active' }); });
    expect(codes(d)).toEqual(['ROUTE_TARGET_NOT_SIMULATED']);
    expect(d[0].path).toBe('$.RouteTables[1].Routes[2].NetworkInterfaceId');
  });

  it('ROUTE_PEERING_WRONG_VPC when the peering does not connect the route table\'s VPC', () => {
    const d = validateWith((doc) => {
      doc.Vpcs.push({ VpcId: 'vpc-3', CidrBlock: '10.3.0.0/16' });
      doc.RouteTables.push({ RouteTableId: 'rtb-9', VpcId: 'vpc-3', Routes: [{ DestinationCidrBlock: '10.0.0.0/16', VpcPeeringConnectionId: 'pcx-1' }], Associations: [{ Main: true }] });
      doc.NetworkAcls.push({ NetworkAclId: 'acl-9', VpcId: 'vpc-3', IsDefault: true, Entries: [] });
    });
    expectOne(d, 'ROUTE_PEERING_WRONG_VPC', 'error', '$.RouteTables[3].Routes[0].VpcPeeringConnectionId', ['rtb-9', 'pcx-1', 'vpc-1 and vpc-2, not vpc-3']);
  });
});

describe('route targets (warnings)', () => {
  it('ROUTE_TARGET_MISSING for an absent igw, nat and pcx: a blackhole', () => {
    const d = validateWith((doc) => {
      doc.RouteTables[0].Routes[2].GatewayId = 'igw-gone';
      doc.RouteTables[1].Routes[1].NatGatewayId = 'nat-gone';
      doc.RouteTables[2].Routes[1].VpcPeeringConnectionId = 'pcx-gone';
    });
    expect(d.map((x) => [x.code, x.severity, x.path])).toEqual([
      ['ROUTE_TARGET_MISSING', 'warning', `${RT0}.Routes[2].GatewayId`],
      ['ROUTE_TARGET_MISSING', 'warning', '$.RouteTables[1].Routes[1].NatGatewayId'],
      ['ROUTE_TARGET_MISSING', 'warning', '$.RouteTables[2].Routes[1].VpcPeeringConnectionId'],
    ]);
    expect(d[0].message).toContain('Route table rtb-1 ("public") route to 0.0.0.0/0 goes to internet gateway igw-gone, which is not in the snapshot');
    expect(d[0].message).toContain('blackhole');
  });

  it('ROUTE_PEERING_NOT_ACTIVE', () => {
    const d = validateWith((doc) => { doc.VpcPeeringConnections[0].Status.Code = 'pending-acceptance'; });
    expect(d.filter((x) => x.code === 'ROUTE_PEERING_NOT_ACTIVE').map((x) => x.path)).toEqual([`${RT0}.Routes[1].VpcPeeringConnectionId`, '$.RouteTables[2].Routes[1].VpcPeeringConnectionId']);
    expect(d[0]).toMatchObject({ severity: 'warning' });
    expect(d[0].message).toContain('"pending-acceptance", not "active"');
  });

  it('ROUTE_IGW_NOT_ATTACHED, attached elsewhere or detached', () => {
    const elsewhere = validateWith((doc) => { doc.InternetGateways[0].Attachments[0].VpcId = 'vpc-2'; });
    expectOne(elsewhere, 'ROUTE_IGW_NOT_ATTACHED', 'warning', `${RT0}.Routes[2].GatewayId`, ['rtb-1', 'igw-1', 'attached to vpc-2, not to vpc-1']);
    const detached = validateWith((doc) => { doc.InternetGateways[0].Attachments[0].State = 'detached'; });
    expectOne(detached, 'ROUTE_IGW_NOT_ATTACHED', 'warning', `${RT0}.Routes[2].GatewayId`, ['not attached to any VPC']);
  });

  it('ROUTE_NAT_NOT_AVAILABLE', () => {
    const d = validateWith((doc) => { doc.NatGateways[0].State = 'deleted'; });
    expectOne(d, 'ROUTE_NAT_NOT_AVAILABLE', 'warning', '$.RouteTables[1].Routes[1].NatGatewayId', ['Route table rtb-2 route to 0.0.0.0/0', 'nat-1', '"deleted"']);
  });

  it('ROUTE_TARGET_NOT_SIMULATED for transit gateways, VPN gateways, endpoints, interfaces...', () => {
    const d = validateWith((doc) => {
      doc.RouteTables[1].Routes.push(
        { DestinationCidrBlock: '172.16.0.0/16', TransitGatewayId: 'tgw-1' },
        { DestinationCidrBlock: '172.17.0.0/16', GatewayId: 'vgw-1' },
        { DestinationPrefixListId: 'pl-1', GatewayId: 'vpce-1' },
        { DestinationCidrBlock: '172.18.0.0/16', NetworkInterfaceId: 'eni-1' },
        { DestinationCidrBlock: '172.19.0.0/16', LocalGatewayId: 'lgw-1' },
      );
    });
    // pl-1 is listed without its CIDRs (cleanDoc): the endpoint route also routes nothing here.
    expect(d.filter((x) => x.code === 'ROUTE_PREFIX_LIST_MISSING').map((x) => x.path)).toEqual(['$.RouteTables[1].Routes[4].DestinationPrefixListId']);
    const targets = d.filter((x) => x.code !== 'ROUTE_PREFIX_LIST_MISSING');
    expect(targets.every((x) => x.code === 'ROUTE_TARGET_NOT_SIMULATED' && x.severity === 'warning')).toBe(true);
    expect(targets.map((x) => x.message.match(/goes to (.*?) [a-z]+-1,/)?.[1])).toEqual(['transit gateway', 'virtual private gateway', 'VPC endpoint', 'network interface', 'local gateway']);
    expect(targets[0].message).toContain('Route table rtb-2 route to 172.16.0.0/16');
  });

  it('ROUTE_BLACKHOLE for a route AWS marks blackhole although its target is here', () => {
    const d = validateWith((doc) => { doc.RouteTables[1].Routes[1].State = 'blackhole'; });
    expectOne(d, 'ROUTE_BLACKHOLE', 'warning', '$.RouteTables[1].Routes[1].State', ['rtb-2', 'route to 0.0.0.0/0', 'blackhole']);
  });
});

describe('associations', () => {
  it('SUBNET_MULTIPLE_ROUTE_TABLES', () => {
    const d = validateWith((doc) => { doc.RouteTables[1].Associations.push({ SubnetId: 'subnet-1' }); });
    expectOne(d, 'SUBNET_MULTIPLE_ROUTE_TABLES', 'error', '$.RouteTables[1].Associations[1].SubnetId', ['Subnet subnet-1 ("web")', 'route table rtb-1 ("public")', 'route table rtb-2']);
  });

  it('a disassociated association does not count', () => {
    const d = validateWith((doc) => { doc.RouteTables[1].Associations.push({ SubnetId: 'subnet-1', AssociationState: { State: 'disassociated' } }); });
    expect(d).toEqual([]);
  });

  it('VPC_MULTIPLE_MAIN_ROUTE_TABLES', () => {
    const d = validateWith((doc) => { doc.RouteTables[1].Associations.push({ Main: true }); });
    expectOne(d, 'VPC_MULTIPLE_MAIN_ROUTE_TABLES', 'error', '$.RouteTables[1].Associations[1].Main', ['Route table rtb-2', 'vpc-1', 'route table rtb-1']);
  });

  it('SUBNET_MULTIPLE_NETWORK_ACLS', () => {
    const d = validateWith((doc) => { doc.NetworkAcls.push({ NetworkAclId: 'acl-7', VpcId: 'vpc-1', Entries: [], Associations: [{ SubnetId: 'subnet-2' }] }); });
    expectOne(d, 'SUBNET_MULTIPLE_NETWORK_ACLS', 'error', '$.NetworkAcls[2].Associations[0].SubnetId', ['Subnet subnet-2', 'network ACL acl-1', 'network ACL acl-7']);
  });

  it('VPC_MULTIPLE_DEFAULT_NETWORK_ACLS', () => {
    const d = validateWith((doc) => { doc.NetworkAcls.push({ NetworkAclId: 'acl-7', VpcId: 'vpc-2', IsDefault: true, Entries: [] }); });
    expectOne(d, 'VPC_MULTIPLE_DEFAULT_NETWORK_ACLS', 'error', '$.NetworkAcls[2].IsDefault', ['Network ACL acl-7', 'vpc-2', 'network ACL acl-2']);
  });

  it('ASSOCIATION_WRONG_VPC', () => {
    const d = validateWith((doc) => { doc.RouteTables[2].Associations.push({ SubnetId: 'subnet-2' }); });
    expectOne(d, 'ASSOCIATION_WRONG_VPC', 'error', '$.RouteTables[2].Associations[1].SubnetId', ['Route table rtb-3 of vpc-2', 'subnet subnet-2 of vpc-1']);
  });

  it('ASSOCIATION_SUBNET_MISSING', () => {
    const d = validateWith((doc) => { doc.NetworkAcls[1].Associations.push({ SubnetId: 'subnet-gone' }); });
    expectOne(d, 'ASSOCIATION_SUBNET_MISSING', 'warning', '$.NetworkAcls[1].Associations[1].SubnetId', ['Network ACL acl-2', 'subnet-gone']);
  });

  it('VPC_NO_ROUTE_TABLE and VPC_NO_NETWORK_ACL when the document has some but none for the VPC', () => {
    const d = validateWith((doc) => { doc.RouteTables.pop(); doc.NetworkAcls.pop(); });
    expect(d.map((x) => [x.code, x.severity, x.path])).toEqual([
      ['VPC_NO_NETWORK_ACL', 'warning', '$.Vpcs[1]'],
      ['VPC_NO_ROUTE_TABLE', 'warning', '$.Vpcs[1]'],
    ]);
    expect(d[0].message).toBe('VPC vpc-2 has no network ACL in the snapshot: the default network ACL that allows all traffic is assumed.');
  });

  it('no coverage warning when the document has no route tables or network ACLs at all', () => {
    const d = validateWith((doc) => { delete doc.RouteTables; delete doc.NetworkAcls; });
    expect(d).toEqual([]);
  });

  it('SUBNET_NO_ROUTE_TABLE and SUBNET_NO_NETWORK_ACL when the VPC has tables but no main/default one', () => {
    const d = validateWith((doc) => {
      doc.RouteTables[0].Associations.shift();
      doc.NetworkAcls[1].IsDefault = false;
      doc.NetworkAcls[1].Associations = [];
      doc.Subnets.push({ SubnetId: 'subnet-4', VpcId: 'vpc-1', CidrBlock: '10.0.4.0/24' });
    });
    expect(d.map((x) => [x.code, x.severity, x.path])).toEqual([
      ['SUBNET_NO_NETWORK_ACL', 'warning', '$.Subnets[2]'],
      ['SUBNET_NO_ROUTE_TABLE', 'warning', '$.Subnets[3]'],
    ]);
    expect(d[1].message).toContain('Subnet subnet-4 has no route table and its VPC has no main one');
  });

  it('VPC_MULTIPLE_INTERNET_GATEWAYS', () => {
    const d = validateWith((doc) => { doc.InternetGateways.push({ InternetGatewayId: 'igw-2', Attachments: [{ VpcId: 'vpc-1', State: 'available' }] }); });
    expectOne(d, 'VPC_MULTIPLE_INTERNET_GATEWAYS', 'error', '$.InternetGateways[1].Attachments[0].VpcId', ['Internet gateway igw-2', 'vpc-1', 'igw-1']);
  });
});

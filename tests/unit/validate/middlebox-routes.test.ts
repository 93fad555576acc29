/**
 * Routes inside a VPC's own range. AWS (subnet route tables, rules and considerations): "You can
 * add a route to your route tables that is more specific than the local route. The destination
 * must match the entire IPv4 or IPv6 CIDR block of a subnet in your VPC. The target must be a NAT
 * gateway, network interface, or Gateway Load Balancer endpoint." And a local route's target may
 * be replaced (replace-local-route-target). In cleanDoc, vpc-1 is 10.0.0.0/16 with subnet-1
 * 10.0.1.0/24 and subnet-2 10.0.2.0/24; rtb-1 is its main table (3 routes).
 */
import { describe, expect, it } from 'vitest';
import { createSnapshotValidator, validateSnapshot } from '../../../src/engine/validate/index.ts';
import { codes, cleanDoc, type Doc, expectOne, validateWith } from './fixtures.ts';

const ROUTE = '$.RouteTables[0].Routes[3]';
const addRoute = (route: Doc) => validateWith((d) => { d.RouteTables[0].Routes.push({ State: 'active', ...route }); });

describe('routes more specific than the local route', () => {
  it('are accepted to a subnet\'s exact CIDR through a NAT gateway, a network interface, an instance or a GWLB endpoint', () => {
    expect(addRoute({ DestinationCidrBlock: '10.0.2.0/24', NatGatewayId: 'nat-1' })).toEqual([]);
    // The simulator does not model appliances: the usual warning, no error.
    expect(codes(addRoute({ DestinationCidrBlock: '10.0.2.0/24', NetworkInterfaceId: 'eni-fw' }))).toEqual(['ROUTE_TARGET_NOT_SIMULATED']);
    expect(codes(addRoute({ DestinationCidrBlock: '10.0.2.0/24', InstanceId: 'i-fw', NetworkInterfaceId: 'eni-fw' }))).toEqual(['ROUTE_TARGET_NOT_SIMULATED']);
    expect(codes(addRoute({ DestinationCidrBlock: '10.0.2.0/24', GatewayId: 'vpce-0123456789abcdef0' }))).toEqual(['ROUTE_TARGET_NOT_SIMULATED']);
  });

  it('ROUTE_MORE_SPECIFIC_THAN_LOCAL (an error) for a peering connection, an internet gateway, or local as target', () => {
    const pcx = addRoute({ DestinationCidrBlock: '10.0.2.0/24', VpcPeeringConnectionId: 'pcx-1' });
    expectOne(pcx, 'ROUTE_MORE_SPECIFIC_THAN_LOCAL', 'error', `${ROUTE}.VpcPeeringConnectionId`,
      ['Route table rtb-1 ("public") route to 10.0.2.0/24', 'more specific than the local route 10.0.0.0/16 of vpc-1', 'peering connection pcx-1', 'AWS refuses', 'a NAT gateway, a network interface or a Gateway Load Balancer endpoint']);
    expectOne(addRoute({ DestinationCidrBlock: '10.0.2.0/24', GatewayId: 'igw-1' }), 'ROUTE_MORE_SPECIFIC_THAN_LOCAL', 'error', `${ROUTE}.GatewayId`, ['internet gateway igw-1']);
    expectOne(addRoute({ DestinationCidrBlock: '10.0.2.0/24', GatewayId: 'local' }), 'ROUTE_MORE_SPECIFIC_THAN_LOCAL', 'error', `${ROUTE}.GatewayId`, ['the local target']);
  });

  it('ROUTE_MORE_SPECIFIC_THAN_LOCAL when the destination is not a subnet\'s whole CIDR', () => {
    const inside = addRoute({ DestinationCidrBlock: '10.0.1.0/25', NatGatewayId: 'nat-1' });
    expectOne(inside, 'ROUTE_MORE_SPECIFIC_THAN_LOCAL', 'error', `${ROUTE}.DestinationCidrBlock`,
      ['route to 10.0.1.0/25', 'exact CIDR of a subnet', 'subnet subnet-1 ("web") (10.0.1.0/24)']);
    const around = addRoute({ DestinationCidrBlock: '10.0.0.0/22', NatGatewayId: 'nat-1' });
    expectOne(around, 'ROUTE_MORE_SPECIFIC_THAN_LOCAL', 'error', `${ROUTE}.DestinationCidrBlock`, ['overlaps subnet subnet-1']);
    // No subnet is smaller than /28, so this one cannot be a subnet the export lacks.
    const tiny = addRoute({ DestinationCidrBlock: '10.0.9.0/29', NatGatewayId: 'nat-1' });
    expectOne(tiny, 'ROUTE_MORE_SPECIFIC_THAN_LOCAL', 'error', `${ROUTE}.DestinationCidrBlock`, ['smaller than /28']);
  });

  it('ROUTE_MORE_SPECIFIC_SUBNET_MISSING (a warning) for a block no subnet of the snapshot overlaps: it may be one the export lacks', () => {
    const d = addRoute({ DestinationCidrBlock: '10.0.9.0/24', NatGatewayId: 'nat-1' });
    expectOne(d, 'ROUTE_MORE_SPECIFIC_SUBNET_MISSING', 'warning', `${ROUTE}.DestinationCidrBlock`, ['rtb-1', 'no subnet 10.0.9.0/24']);
    expect(codes(d)).toEqual(['ROUTE_MORE_SPECIFIC_SUBNET_MISSING']);
  });

  it('counts only subnets of the table\'s own VPC, and every associated VPC CIDR', () => {
    const d = validateWith((doc) => {
      doc.Vpcs[0].CidrBlockAssociationSet.push({ CidrBlock: '10.5.0.0/16', CidrBlockState: { State: 'associated' } });
      doc.Subnets.push({ SubnetId: 'subnet-9', VpcId: 'vpc-2', CidrBlock: '10.5.1.0/24' }); // another VPC's (an invalid subnet, but not this check's concern)
      doc.RouteTables[0].Routes.push({ DestinationCidrBlock: '10.5.1.0/24', NatGatewayId: 'nat-1', State: 'active' });
    });
    expectOne(d, 'ROUTE_MORE_SPECIFIC_SUBNET_MISSING', 'warning', `${ROUTE}.DestinationCidrBlock`, ['local route 10.5.0.0/16 of vpc-1', 'no subnet 10.5.1.0/24']);
  });

  it('leaves alone routes around or outside the VPC, propagated routes, and tables of VPCs the snapshot lacks', () => {
    expect(addRoute({ DestinationCidrBlock: '10.0.0.0/8', VpcPeeringConnectionId: 'pcx-1' })).toEqual([]);
    expect(codes(addRoute({ DestinationCidrBlock: '10.0.2.0/24', GatewayId: 'vgw-1', Origin: 'EnableVgwRoutePropagation' }))).toEqual(['ROUTE_TARGET_NOT_SIMULATED']);
    const d = validateWith((doc) => { doc.RouteTables[2].VpcId = 'vpc-gone'; doc.RouteTables[2].Routes.push({ DestinationCidrBlock: '10.1.1.0/24', GatewayId: 'local' }); });
    expect(codes(d).filter((c) => c.startsWith('ROUTE_MORE_SPECIFIC'))).toEqual([]);
  });
});

describe('a replaced local route', () => {
  const replace = (target: Doc) => validateWith((d) => { d.RouteTables[0].Routes[0] = { DestinationCidrBlock: '10.0.0.0/16', ...target, Origin: 'CreateRouteTable', State: 'active' }; });

  it('is accepted with a network interface, a NAT gateway or a GWLB endpoint', () => {
    expect(codes(replace({ NetworkInterfaceId: 'eni-fw' }))).toEqual(['ROUTE_TARGET_NOT_SIMULATED']);
    expect(codes(replace({ GatewayId: 'vpce-0123456789abcdef0' }))).toEqual(['ROUTE_TARGET_NOT_SIMULATED']);
    expect(replace({ NatGatewayId: 'nat-1' })).toEqual([]);
  });

  it('ROUTE_LOCAL_TARGET_NOT_ALLOWED (an error) with any other target', () => {
    expectOne(replace({ VpcPeeringConnectionId: 'pcx-1' }), 'ROUTE_LOCAL_TARGET_NOT_ALLOWED', 'error', '$.RouteTables[0].Routes[0].VpcPeeringConnectionId',
      ['Route table rtb-1 ("public") route to 10.0.0.0/16', 'replaces the local route of vpc-1 with peering connection pcx-1', 'AWS refuses']);
  });
});

describe('the incremental validator', () => {
  it('re-checks the routes when a subnet or a VPC block changes', () => {
    const validate = createSnapshotValidator();
    const start = cleanDoc();
    start.RouteTables[0].Routes.push({ DestinationCidrBlock: '10.0.2.0/24', NatGatewayId: 'nat-1', State: 'active' });
    expect(validate(start)).toEqual(validateSnapshot(start));
    const noSubnet2 = { ...start, Subnets: start.Subnets.filter((s: Doc) => s.SubnetId !== 'subnet-2') };
    expect(codes(validate(noSubnet2))).toContain('ROUTE_MORE_SPECIFIC_SUBNET_MISSING');
    expect(validate(noSubnet2)).toEqual(validateSnapshot(noSubnet2));
    const widerSubnet2 = { ...start, Subnets: start.Subnets.map((s: Doc) => (s.SubnetId === 'subnet-2' ? { ...s, CidrBlock: '10.0.2.0/23' } : s)) };
    expect(codes(validate(widerSubnet2))).toContain('ROUTE_MORE_SPECIFIC_THAN_LOCAL');
    expect(validate(widerSubnet2)).toEqual(validateSnapshot(widerSubnet2));
    expect(validate(start)).toEqual(validateSnapshot(start));
  });
});

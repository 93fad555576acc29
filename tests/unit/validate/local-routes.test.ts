import { describe, expect, it } from 'vitest';
import { codes, expectOne, validateWith } from './fixtures.ts';

// vpc-1 gets a secondary block 10.20.0.0/16; rtb-1 (vpc-1) holds its local route.
const withSecondary = (d: Record<string, any>) => { // eslint-disable-line @typescript-eslint/no-explicit-any
  d.Vpcs[0].CidrBlockAssociationSet.push({ CidrBlock: '10.20.0.0/16', CidrBlockState: { State: 'associated' } });
  d.RouteTables[0].Routes.splice(1, 0, { DestinationCidrBlock: '10.20.0.0/16', GatewayId: 'local', State: 'active', Origin: 'CreateRouteTable' });
  d.RouteTables[1].Routes.splice(1, 0, { DestinationCidrBlock: '10.20.0.0/16', GatewayId: 'local', State: 'active', Origin: 'CreateRouteTable' });
};

describe('ROUTE_LOCAL_NOT_VPC_CIDR: AWS has one local route per associated block of the VPC, and none for a block that is gone', () => {
  it('accepts the local route of an associated secondary block', () => {
    expect(validateWith(withSecondary)).toEqual([]);
  });

  it('is an error for the local route of a block removed from CidrBlockAssociationSet (the QA repro), in every table', () => {
    const d = validateWith((doc) => { withSecondary(doc); doc.Vpcs[0].CidrBlockAssociationSet.pop(); });
    expect(codes(d)).toEqual(['ROUTE_LOCAL_NOT_VPC_CIDR', 'ROUTE_LOCAL_NOT_VPC_CIDR']);
    expect(d.every((x) => x.severity === 'error')).toBe(true);
    expect(d.map((x) => x.path)).toEqual(['$.RouteTables[0].Routes[1].DestinationCidrBlock', '$.RouteTables[1].Routes[1].DestinationCidrBlock']);
    expect(d[0].message).toBe('Route table rtb-1 ("public") route to 10.20.0.0/16 is a local route, but 10.20.0.0/16 is not a CIDR block of vpc-1 (10.0.0.0/16): AWS has a local route only for each block associated with the VPC, and removes it when the block is disassociated, so no traffic can be delivered locally there. Delete this route, or associate 10.20.0.0/16 with the VPC again.');
  });

  it('is an error once the block is disassociated, and not while it is disassociating', () => {
    const state = (s: string) => validateWith((doc) => { withSecondary(doc); doc.Vpcs[0].CidrBlockAssociationSet[1].CidrBlockState.State = s; });
    expect(codes(state('disassociated'))).toEqual(['ROUTE_LOCAL_NOT_VPC_CIDR', 'ROUTE_LOCAL_NOT_VPC_CIDR']);
    expect(codes(state('failed'))).toEqual(['ROUTE_LOCAL_NOT_VPC_CIDR', 'ROUTE_LOCAL_NOT_VPC_CIDR']);
    expect(state('disassociating')).toEqual([]);
    expect(state('associating')).toEqual([]);
  });

  it('is an error for a local route around the VPC or elsewhere, and leaves other targets to the other checks', () => {
    expectOne(validateWith((doc) => { doc.RouteTables[1].Routes[0].DestinationCidrBlock = '10.0.0.0/8'; }), 'ROUTE_LOCAL_NOT_VPC_CIDR', 'error', '$.RouteTables[1].Routes[0].DestinationCidrBlock', ['rtb-2 route to 10.0.0.0/8 is a local route', 'not a CIDR block of vpc-1 (10.0.0.0/16)']);
    expectOne(validateWith((doc) => { doc.RouteTables[0].Routes.push({ DestinationCidrBlock: '192.168.0.0/16', GatewayId: 'local' }); }), 'ROUTE_LOCAL_NOT_VPC_CIDR', 'error', '$.RouteTables[0].Routes[3].DestinationCidrBlock', ['192.168.0.0/16']);
    // A local target inside the VPC but more specific than its block: the middlebox check's error, not this one.
    expect(codes(validateWith((doc) => { doc.RouteTables[0].Routes.push({ DestinationCidrBlock: '10.0.2.0/24', GatewayId: 'local' }); }))).toEqual(['ROUTE_MORE_SPECIFIC_THAN_LOCAL']);
    // A propagated route, an IPv6 local route, a table of an unknown VPC: not judged here.
    expect(validateWith((doc) => { doc.RouteTables[0].Routes.push({ DestinationIpv6CidrBlock: '2600:1f18::/56', GatewayId: 'local' }); })).toEqual([]);
    expect(codes(validateWith((doc) => { doc.RouteTables[2].VpcId = 'vpc-9'; }))).not.toContain('ROUTE_LOCAL_NOT_VPC_CIDR');
  });
});

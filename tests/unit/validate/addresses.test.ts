import { describe, expect, it } from 'vitest';
import { validateSnapshot } from '../../../src/engine/validate/index.ts';
import { codes, expectOne, validateWith } from './fixtures.ts';

describe('CIDR blocks', () => {
  it('CIDR_MALFORMED says why and gives an example', () => {
    const d = validateWith((doc) => { doc.Subnets[1].CidrBlock = '10.0.2/24'; });
    expectOne(d, 'CIDR_MALFORMED', 'error', '$.Subnets[1].CidrBlock', ['Subnet subnet-2 CIDR "10.0.2/24"', 'four dot-separated numbers', '10.0.1.0/24']);
  });

  it('CIDR_HOST_BITS gives the canonical block', () => {
    const d = validateWith((doc) => { doc.Subnets[0].CidrBlock = '10.0.1.5/24'; });
    expectOne(d, 'CIDR_HOST_BITS', 'error', '$.Subnets[0].CidrBlock', ['Subnet subnet-1 ("web")', '10.0.1.5/24', 'write the network address 10.0.1.0/24']);
    expect(codes(d)).toEqual(['CIDR_HOST_BITS']);
  });

  it('CIDR_HOST_BITS in a route, a NACL entry and a security group rule', () => {
    const d = validateWith((doc) => {
      doc.RouteTables[0].Routes[2].DestinationCidrBlock = '0.0.0.1/0';
      doc.NetworkAcls[0].Entries[4].CidrBlock = '198.51.100.7/24';
      doc.SecurityGroups[0].IpPermissions[0].IpRanges[0].CidrIp = '203.0.113.9/24';
    });
    expect(d.map((x) => [x.code, x.path])).toEqual([
      ['CIDR_HOST_BITS', '$.RouteTables[0].Routes[2].DestinationCidrBlock'],
      ['CIDR_HOST_BITS', '$.NetworkAcls[0].Entries[4].CidrBlock'],
      ['CIDR_HOST_BITS', '$.SecurityGroups[0].IpPermissions[0].IpRanges[0].CidrIp'],
    ]);
    expect(d[1].message).toContain('Network ACL acl-1 ("default") inbound rule 90 CIDR');
    expect(d[2].message).toContain('Security group sg-1 ("web") inbound rule 1 CIDR');
  });

  it('CIDR_SIZE_OUT_OF_RANGE for a VPC larger than /16 and a subnet smaller than /28', () => {
    const vpc = validateWith((doc) => { doc.Vpcs[1].CidrBlock = '10.0.0.0/8'; doc.Subnets = doc.Subnets.slice(0, 2); doc.RouteTables.pop(); doc.NetworkAcls.pop(); doc.NetworkInterfaces.pop(); });
    expectOne(vpc, 'CIDR_SIZE_OUT_OF_RANGE', 'error', '$.Vpcs[1].CidrBlock', ['VPC vpc-2 CIDR 10.0.0.0/8', '/16 to /28', '10.0.0.0/16']);
    const subnet = validateWith((doc) => { doc.Subnets[1].CidrBlock = '10.0.2.0/29'; });
    expectOne(subnet, 'CIDR_SIZE_OUT_OF_RANGE', 'error', '$.Subnets[1].CidrBlock', ['Subnet subnet-2 CIDR 10.0.2.0/29', '10.0.2.0/28']);
  });
});

describe('VPC blocks', () => {
  it('VPC_CIDR_MISSING', () => {
    const d = validateWith((doc) => { delete doc.Vpcs[1].CidrBlock; });
    expectOne(d, 'VPC_CIDR_MISSING', 'error', '$.Vpcs[1].CidrBlock', ['VPC vpc-2', 'no IPv4 CIDR block']);
  });

  it('VPC_CIDR_LINK_LOCAL', () => {
    const d = validateWith((doc) => { doc.Vpcs[0].CidrBlockAssociationSet.push({ CidrBlock: '169.254.0.0/16', CidrBlockState: { State: 'associated' } }); });
    expectOne(d, 'VPC_CIDR_LINK_LOCAL', 'error', '$.Vpcs[0].CidrBlockAssociationSet[1].CidrBlock', ['VPC vpc-1 ("main")', '169.254.0.0/16']);
  });

  it('VPC_CIDR_OVERLAP between blocks of one VPC', () => {
    const d = validateWith((doc) => { doc.Vpcs[0].CidrBlockAssociationSet.push({ CidrBlock: '10.0.128.0/17', CidrBlockState: { State: 'associated' } }); });
    expectOne(d, 'VPC_CIDR_OVERLAP', 'error', '$.Vpcs[0].CidrBlockAssociationSet[1].CidrBlock', ['VPC vpc-1', '10.0.128.0/17', '10.0.0.0/16']);
  });

  it('VPC_TOO_MANY_CIDRS past five associated blocks; disassociated ones do not count', () => {
    const assoc = (n: number, state = 'associated') => ({ CidrBlock: `10.${100 + n}.0.0/16`, CidrBlockState: { State: state } });
    const ok = validateWith((doc) => { doc.Vpcs[0].CidrBlockAssociationSet.push(assoc(1), assoc(2), assoc(3), assoc(4), assoc(5, 'disassociated'), assoc(6, 'disassociated')); });
    expect(ok).toEqual([]);
    const d = validateWith((doc) => { doc.Vpcs[0].CidrBlockAssociationSet.push(assoc(1), assoc(2), assoc(3), assoc(4), assoc(5)); });
    expectOne(d, 'VPC_TOO_MANY_CIDRS', 'warning', '$.Vpcs[0].CidrBlockAssociationSet[5].CidrBlock', ['VPC vpc-1 ("main")', 'more than 5', '10.105.0.0/16']);
  });

  it('a disassociated block is ignored silently, even malformed, and does not make its subnets inside', () => {
    const d = validateWith((doc) => {
      doc.Vpcs[0].CidrBlockAssociationSet.push({ CidrBlock: '10.50.0.0/16', CidrBlockState: { State: 'disassociated' } }, { CidrBlock: 'junk', CidrBlockState: { State: 'disassociated' } });
      doc.Subnets[1].CidrBlock = '10.50.2.0/24';
    });
    expect(codes(d)).toEqual(['SUBNET_OUTSIDE_VPC']);
  });
});

describe('subnets', () => {
  it('SUBNET_OUTSIDE_VPC names both blocks', () => {
    const d = validateWith((doc) => { doc.Subnets[1].CidrBlock = '10.2.1.0/24'; });
    expectOne(d, 'SUBNET_OUTSIDE_VPC', 'error', '$.Subnets[1].CidrBlock', ['Subnet subnet-2 CIDR 10.2.1.0/24 is outside the CIDR 10.0.0.0/16 of VPC vpc-1 ("main")', 'choose a block inside 10.0.0.0/16']);
  });

  it('a subnet inside a secondary block is inside its VPC', () => {
    const d = validateWith((doc) => {
      doc.Vpcs[0].CidrBlockAssociationSet.push({ CidrBlock: '10.50.0.0/16', CidrBlockState: { State: 'associated' } });
      doc.Subnets[1].CidrBlock = '10.50.2.0/24';
    });
    expect(d).toEqual([]);
  });

  it('SUBNET_OVERLAP reports the later subnet and names the earlier one', () => {
    const d = validateWith((doc) => { doc.Subnets[1].CidrBlock = '10.0.1.128/25'; });
    expectOne(d, 'SUBNET_OVERLAP', 'error', '$.Subnets[1].CidrBlock', ['Subnet subnet-2 CIDR 10.0.1.128/25 overlaps subnet subnet-1 ("web") CIDR 10.0.1.0/24']);
  });

  it('SUBNET_OVERLAP finds a small subnet after a large one that covers it (sweep, not neighbours only)', () => {
    const d = validateWith((doc) => {
      doc.Subnets.push({ SubnetId: 'subnet-big', VpcId: 'vpc-1', CidrBlock: '10.0.16.0/20' }, { SubnetId: 'subnet-mid', VpcId: 'vpc-1', CidrBlock: '10.0.17.0/24' }, { SubnetId: 'subnet-end', VpcId: 'vpc-1', CidrBlock: '10.0.31.0/24' });
    });
    expect(d.filter((x) => x.code === 'SUBNET_OVERLAP').map((x) => x.path)).toEqual(['$.Subnets[4].CidrBlock', '$.Subnets[5].CidrBlock']);
  });

  it('subnets of different VPCs may overlap', () => {
    const d = validateWith((doc) => { doc.Vpcs[1].CidrBlock = '10.0.0.0/16'; doc.RouteTables[2].Routes[0].DestinationCidrBlock = '10.0.0.0/16'; doc.Subnets[2].CidrBlock = '10.0.1.0/24'; doc.NetworkInterfaces[2].PrivateIpAddress = '10.0.1.10'; });
    // vpc-1 and vpc-2 now overlap, so their active peering is refused, and vpc-2's route
    // 10.0.1.0/24 → pcx-1 now lies inside its own range; the subnets themselves are fine.
    expect(codes(d)).toEqual(['ROUTE_MORE_SPECIFIC_THAN_LOCAL', 'PEERING_CIDR_OVERLAP']);
  });

  it('UNKNOWN_VPC for a subnet, route table, network ACL or security group, only when the document lists VPCs', () => {
    const d = validateWith((doc) => {
      doc.Subnets[2].VpcId = 'vpc-9';
      doc.RouteTables[2].VpcId = 'vpc-9';
      doc.NetworkAcls[1].VpcId = 'vpc-9';
      doc.SecurityGroups[1].VpcId = 'vpc-9';
    });
    const unknown = d.filter((x) => x.code === 'UNKNOWN_VPC');
    expect(unknown.map((x) => x.path)).toEqual(['$.Subnets[2].VpcId', '$.RouteTables[2].VpcId', '$.NetworkAcls[1].VpcId', '$.SecurityGroups[1].VpcId']);
    expectOne(unknown.slice(0, 1), 'UNKNOWN_VPC', 'warning', '$.Subnets[2].VpcId', ['Subnet subnet-3', 'vpc-9', 'vpc-1, vpc-2']);
    expect(validateSnapshot({ Subnets: [{ SubnetId: 'subnet-1', VpcId: 'vpc-9', CidrBlock: '10.0.1.0/24' }] })).toEqual([]);
  });

  it('DUPLICATE_ID for two resources of one list with the same id', () => {
    const d = validateWith((doc) => { doc.Subnets.push({ ...doc.Subnets[1] }); });
    expectOne(d, 'DUPLICATE_ID', 'error', '$.Subnets[3].SubnetId', ['Subnet subnet-2', 'index 1']);
  });
});

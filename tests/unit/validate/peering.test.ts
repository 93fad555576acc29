import { describe, expect, it } from 'vitest';
import { codes, expectOne, validateWith } from './fixtures.ts';

const PCX = '$.VpcPeeringConnections[0]';

describe('peering', () => {
  it('PEERING_CIDR_OVERLAP for an active peering, counting secondary blocks', () => {
    const d = validateWith((doc) => {
      doc.Vpcs[1].CidrBlockAssociationSet = [{ CidrBlock: '10.1.0.0/16', CidrBlockState: { State: 'associated' } }, { CidrBlock: '10.0.0.0/24', CidrBlockState: { State: 'associated' } }];
    });
    expectOne(d, 'PEERING_CIDR_OVERLAP', 'error', `${PCX}.AccepterVpcInfo.VpcId`, ['Peering connection pcx-1', 'vpc-1 (10.0.0.0/16) and vpc-2 (10.0.0.0/24)', 'overlap']);
  });

  it('PEERING_CIDR_OVERLAP for a pending peering too, and for a VPC peered with itself', () => {
    const pending = validateWith((doc) => { doc.Vpcs[1].CidrBlock = '10.0.0.0/16'; doc.VpcPeeringConnections[0].Status.Code = 'pending-acceptance'; });
    expect(codes(pending).filter((c) => c.startsWith('PEERING'))).toEqual(['PEERING_CIDR_OVERLAP']);
    const self = validateWith((doc) => { doc.VpcPeeringConnections[0].AccepterVpcInfo.VpcId = 'vpc-1'; });
    expectOne(self, 'PEERING_CIDR_OVERLAP', 'error', `${PCX}.AccepterVpcInfo.VpcId`, ['connects VPC vpc-1 with itself']);
  });

  it('INACTIVE_PEERING_CIDR_OVERLAP (a warning) for failed, deleted, rejected or expired peerings', () => {
    for (const status of ['failed', 'deleted', 'rejected', 'expired']) {
      const d = validateWith((doc) => {
        doc.Vpcs[1].CidrBlock = '10.0.0.0/16';
        doc.RouteTables[2].Routes[0].DestinationCidrBlock = '10.0.0.0/16';
        doc.VpcPeeringConnections[0].Status.Code = status;
        doc.RouteTables[0].Routes.splice(1, 1);
        doc.RouteTables[2].Routes.splice(1, 1);
        doc.Subnets[2].CidrBlock = '10.0.1.0/24';
        doc.NetworkInterfaces[2].PrivateIpAddress = '10.0.1.10';
      });
      expectOne(d, 'INACTIVE_PEERING_CIDR_OVERLAP', 'warning', `${PCX}.AccepterVpcInfo.VpcId`, ['pcx-1', `"${status}"`]);
      expect(codes(d)).toEqual(['INACTIVE_PEERING_CIDR_OVERLAP']);
    }
  });

  it('two VPCs with the same block may each peer a third one', () => {
    const d = validateWith((doc) => {
      doc.Vpcs.push({ VpcId: 'vpc-3', CidrBlock: '10.0.0.0/16' });
      doc.VpcPeeringConnections.push({ VpcPeeringConnectionId: 'pcx-2', Status: { Code: 'active' }, RequesterVpcInfo: { VpcId: 'vpc-2' }, AccepterVpcInfo: { VpcId: 'vpc-3' } });
      doc.RouteTables.push({ RouteTableId: 'rtb-4', VpcId: 'vpc-3', Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' }], Associations: [{ Main: true }] });
      doc.NetworkAcls.push({ NetworkAclId: 'acl-4', VpcId: 'vpc-3', IsDefault: true, Entries: [] });
    });
    expect(d).toEqual([]);
  });

  it('uses the blocks the peering recorded for a VPC the snapshot lacks', () => {
    const d = validateWith((doc) => {
      doc.VpcPeeringConnections.push({ VpcPeeringConnectionId: 'pcx-2', Status: { Code: 'active' }, RequesterVpcInfo: { VpcId: 'vpc-1' }, AccepterVpcInfo: { VpcId: 'vpc-far', CidrBlockSet: [{ CidrBlock: '10.0.128.0/20' }] } });
    });
    expect(codes(d)).toEqual(['PEERING_CIDR_OVERLAP', 'PEERING_VPC_NOT_IN_SNAPSHOT']);
  });

  it('PEERING_DUPLICATE for a second live peering between the same VPCs, either direction', () => {
    const d = validateWith((doc) => {
      doc.VpcPeeringConnections.push(
        { VpcPeeringConnectionId: 'pcx-old', Status: { Code: 'deleted' }, RequesterVpcInfo: { VpcId: 'vpc-1' }, AccepterVpcInfo: { VpcId: 'vpc-2' } },
        { VpcPeeringConnectionId: 'pcx-2', Status: { Code: 'provisioning' }, RequesterVpcInfo: { VpcId: 'vpc-2' }, AccepterVpcInfo: { VpcId: 'vpc-1' } },
      );
    });
    expectOne(d, 'PEERING_DUPLICATE', 'error', '$.VpcPeeringConnections[2].VpcPeeringConnectionId', ['Peering connection pcx-2', 'vpc-2 and vpc-1', 'pcx-1']);
  });

  it('PEERING_VPC_NOT_IN_SNAPSHOT (a warning) per side the snapshot lacks, for a live peering', () => {
    const d = validateWith((doc) => {
      doc.VpcPeeringConnections.push({ VpcPeeringConnectionId: 'pcx-x', Status: { Code: 'pending-acceptance' }, RequesterVpcInfo: { VpcId: 'vpc-a', OwnerId: '1' }, AccepterVpcInfo: { VpcId: 'vpc-b' }, Tags: [{ Key: 'Name', Value: 'new' }] });
    });
    expect(d.map((x) => [x.code, x.severity, x.path])).toEqual([
      ['PEERING_VPC_NOT_IN_SNAPSHOT', 'warning', '$.VpcPeeringConnections[1].RequesterVpcInfo.VpcId'],
      ['PEERING_VPC_NOT_IN_SNAPSHOT', 'warning', '$.VpcPeeringConnections[1].AccepterVpcInfo.VpcId'],
    ]);
    expect(d[0].message).toBe('Peering connection pcx-x ("new") names requester VPC vpc-a, which is not in the snapshot: the peering is "pending-acceptance" and carries no traffic until it is active and that VPC is in the snapshot.');
  });

  it('no warning for an ended peering (deleted, rejected, expired, failed) whose VPCs are gone: exports keep listing them', () => {
    for (const code of ['deleted', 'rejected', 'expired', 'failed']) {
      const d = validateWith((doc) => {
        doc.VpcPeeringConnections.push({ VpcPeeringConnectionId: 'pcx-x', Status: { Code: code }, RequesterVpcInfo: { VpcId: 'vpc-a' }, AccepterVpcInfo: { VpcId: 'vpc-b' } });
      });
      expect(d, code).toEqual([]);
    }
  });
});

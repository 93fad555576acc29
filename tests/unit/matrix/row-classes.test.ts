/**
 * A row's class (Lowering.rowClass) depends on the sender's side of its VPC's blocks, not only
 * on its subnet and groups: a peering carries only sources inside the VPC. Pinned here for any
 * cache that would share classes among the senders of a subnet.
 */
import { describe, expect, it } from 'vitest';
import { SnapshotBuilder } from '../../support/builder.ts';
import { DNS, SSH, cell, checked, net } from './helpers.ts';

const ALLOW_ALL = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }];

describe('matrix row classes', () => {
  it('tells apart senders of one subnet and groups on either side of the VPC\'s blocks', () => {
    // The subnet's block runs past the VPC's: a peering carries only sources inside the VPC.
    const b = new SnapshotBuilder();
    const x = b.vpc('10.0.0.0/24', 'x');
    const y = b.vpc('10.1.0.0/16', 'y');
    const sx = b.subnet(x.vpcId, '10.0.0.0/23', 'sx');
    const sy = b.subnet(y.vpcId, '10.1.1.0/24', 'sy');
    const gx = b.securityGroup(x.vpcId, 'gx', ALLOW_ALL);
    const inside = b.instance(sx, '10.0.0.10', 'inside', { sgs: [gx] }).eniId;
    const outside = b.instance(sx, '10.0.1.10', 'outside', { sgs: [gx] }).eniId;
    const dst = b.instance(sy, '10.1.1.10', 'dst', { sgs: [b.securityGroup(y.vpcId, 'gy', ALLOW_ALL)] }).eniId;
    const pcx = b.peering(x.vpcId, y.vpcId);
    b.route(x.rtb, '10.1.0.0/16', { VpcPeeringConnectionId: pcx });
    b.route(y.rtb, '10.0.0.0/16', { VpcPeeringConnectionId: pcx });
    for (const q of [DNS, SSH]) {
      const m = checked(net(b.build()), q);
      expect(cell(m, inside, dst)).toBe(true);
      expect(cell(m, outside, dst)).toBe(false);
    }
  });
});

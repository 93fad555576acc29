/** Canvas labels: a VPC names every associated block (a learner must see an overlap); a NAT gateway shows its Name tag. */
import { expect, it } from 'vitest';
import { compileNetwork } from '../../../src/engine/index.ts';
import { buildModel } from '../../../src/ui/canvas/model.ts';
import { SnapshotBuilder } from '../../support/builder.ts';

it('labels a VPC with its primary and secondary CIDRs, not a disassociated one', () => {
  const b = new SnapshotBuilder();
  const v = b.vpc('10.0.0.0/16', 'legacy');
  const vpc = b.doc.Vpcs.find((x: { VpcId: string }) => x.VpcId === v.vpcId);
  vpc.CidrBlockAssociationSet = [
    { CidrBlock: '10.0.0.0/16', CidrBlockState: { State: 'associated' } },
    { CidrBlock: '10.20.0.0/16', CidrBlockState: { State: 'associated' } },
    { CidrBlock: '10.30.0.0/16', CidrBlockState: { State: 'disassociated' } },
  ];
  const doc = b.build();
  const node = buildModel(doc, compileNetwork(doc)).nodes.find((n) => n.id === v.vpcId)!;
  expect(node.label.split('\n')[0]).toBe('legacy  10.0.0.0/16, 10.20.0.0/16');
});

it('labels a NAT gateway with its Name tag beside "NAT", then its addresses', () => {
  const b = new SnapshotBuilder();
  const v = b.vpc('10.0.0.0/16', 'app');
  const s = b.subnet(v.vpcId, '10.0.1.0/24', 'public');
  const natId = b.natGateway(s, '10.0.1.50', '54.0.0.9');
  b.doc.NatGateways.find((n: { NatGatewayId: string }) => n.NatGatewayId === natId).Tags = [{ Key: 'Name', Value: 'nat-a' }];
  const doc = b.build();
  expect(buildModel(doc, compileNetwork(doc)).nodes.find((n) => n.id === natId)!.label).toBe('NAT nat-a\n10.0.1.50\n54.0.0.9');
});

/** A VPC's box names every block associated with it, secondary CIDRs too (a learner must see an overlap). */
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

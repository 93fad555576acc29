import { describe, expect, it } from 'vitest';
import * as E from '../../../src/engine/edit/index.ts';
import { aclChoice, choiceLabel, groupByVpc, groupChoice, peeringChoice, routeTableChoice, vpcChoice } from '../../../src/ui/dialogs/choices.ts';
import { awsTime, natName, peeringName, unpeeredVpc } from '../../../src/ui/dialogs/defaults.ts';
import { ids as makeIds, must } from '../edit/helpers.ts';

function twoVpcs(peer = true) {
  const ids = makeIds();
  const a = E.createVpc({}, { cidr: '10.1.0.0/16', name: 'vpc-1' }, ids);
  const b = E.createVpc(a.doc, { cidr: '10.2.0.0/16', name: 'vpc-2' }, ids);
  const c = E.createVpc(b.doc, { cidr: '10.3.0.0/16' }, ids);
  const [vpcA, vpcB, vpcC] = [a.created![0], b.created![0], c.created![0]];
  const p = peer ? E.requestPeering(c.doc, { requesterVpcId: vpcA, accepterVpcId: vpcB, name: 'vpc-1-vpc-2' }, ids) : c;
  return { doc: must(p), vpcA, vpcB, vpcC, pcx: peer ? p.created![0] : '' };
}

describe('dialog choices', () => {
  it('name a resource by its Name tag and shortened id, an unnamed one by its whole id', () => {
    const { doc, vpcA, vpcC } = twoVpcs();
    const named = { ...doc, Vpcs: E.list(doc, 'Vpcs').map((v) => (v.VpcId === vpcA ? { ...v, VpcId: 'vpc-0a1b2c3d4e5f67890' } : v)) };
    expect(choiceLabel(named, 'vpc-0a1b2c3d4e5f67890')).toBe('vpc-1 · vpc-0a1b…7890');
    expect(choiceLabel(doc, vpcC)).toBe(vpcC);
    expect(vpcChoice(doc, vpcC)).toBe(`${vpcC} (10.3.0.0/16)`);
  });
  it('mark the main route table and the default ACL', () => {
    const { doc, vpcA } = twoVpcs();
    const main = E.list(doc, 'RouteTables').find((t) => t.VpcId === vpcA)!.RouteTableId;
    const acl = E.list(doc, 'NetworkAcls').find((t) => t.VpcId === vpcA)!.NetworkAclId;
    expect(routeTableChoice(doc, main)).toMatch(/ \(main\) in vpc-1$/);
    expect(aclChoice(doc, acl)).toMatch(/ \(default\) in vpc-1$/);
  });
  it("tell apart the alike route tables, ACLs and default groups of a network built from scratch by their VPC's name (its id when unnamed)", () => {
    const { doc, vpcA, vpcB, vpcC } = twoVpcs();
    const of = <T extends { VpcId?: string }>(xs: T[], v: string) => xs.find((x) => x.VpcId === v)!;
    const labels = [vpcA, vpcB, vpcC].map((v) => [
      routeTableChoice(doc, of(E.list(doc, 'RouteTables'), v).RouteTableId),
      aclChoice(doc, of(E.list(doc, 'NetworkAcls'), v).NetworkAclId),
      groupChoice(doc, of(E.list(doc, 'SecurityGroups'), v).GroupId),
    ]);
    expect(labels[0]).toEqual([expect.stringMatching(/^rtb-\S+ \(main\) in vpc-1$/), expect.stringMatching(/^acl-\S+ \(default\) in vpc-1$/), expect.stringMatching(/^default · sg-\S+ in vpc-1$/)]);
    expect(labels[1][2]).toMatch(/ in vpc-2$/);
    expect(labels[2][2]).toMatch(new RegExp(`^default · sg-\\S+ in ${vpcC}$`));
    expect(new Set(labels.flat()).size).toBe(9);
  });
  it("name a peering connection and the VPC it leads to from either side, not their ids", () => {
    const { doc, vpcA, vpcB, pcx } = twoVpcs();
    expect(peeringChoice(doc, pcx, vpcA)).toMatch(/^vpc-1-vpc-2 · pcx-\S+, peering to vpc-2 \(pending-acceptance\)$/);
    expect(peeringChoice(doc, pcx, vpcB)).toMatch(/, peering to vpc-1 \(/);
  });
  it('group items by VPC in document order, labelled by name', () => {
    const { doc, vpcA, vpcB } = twoVpcs();
    const groups = groupByVpc(doc, E.list(doc, 'RouteTables').slice().reverse(), (t) => t.VpcId);
    expect(groups.map((g) => g.vpcId).slice(0, 2)).toEqual([vpcA, vpcB]);
    expect(groups[0].label).toMatch(/^VPC vpc-1/);
    expect(groupByVpc(doc, [{ v: 'vpc-gone' }], (x) => x.v)).toEqual([{ vpcId: 'vpc-gone', label: 'VPC vpc-gone', items: [{ v: 'vpc-gone' }] }]);
  });
});

describe('dialog defaults', () => {
  it('propose an accepter VPC not yet peered with the requester', () => {
    const { doc, vpcA, vpcB, vpcC } = twoVpcs();
    expect(unpeeredVpc(doc, vpcA)).toBe(vpcC);
    expect(unpeeredVpc(doc, vpcC)).toBe(vpcA);
    expect(unpeeredVpc(twoVpcs(false).doc, twoVpcs(false).vpcA)).toBe(twoVpcs(false).vpcB);
    expect(unpeeredVpc(doc, 'vpc-x')).toBe(vpcA);
    expect(peeringName(doc, vpcA, vpcB)).toBe('vpc-1-vpc-2');
    expect(peeringName(doc, vpcB, vpcC)).toBe(`vpc-2-${vpcC}`);
  });
  it("propose nat-a, nat-b… and print the simulated clock as describe-flow-logs does", () => {
    expect(natName({})).toBe('nat-a');
    expect(awsTime(1767225600)).toBe('2026-01-01T00:00:00+00:00');
    expect(awsTime(1767225600 + 3661.7)).toBe('2026-01-01T01:01:01+00:00');
  });
});

import { describe, expect, it } from 'vitest';
import * as E from '../../../src/engine/edit/index.ts';
import type { Snapshot } from '../../../src/engine/index.ts';
import { defaultAclId, defaultRouteTableId } from '../../../src/ui/dialogs/defaults.ts';
import { ids as makeIds, must } from '../edit/helpers.ts';

/**
 * Two VPCs built from scratch. In a: a public subnet (its own table routing to the internet gateway, a NAT gateway in
 * it), a private subnet using the main table and a custom ACL, and a flow log on the private subnet.
 */
function network() {
  const ids = makeIds();
  const a = E.createVpc({}, { cidr: '10.1.0.0/16', name: 'a' }, ids);
  const b = E.createVpc(a.doc, { cidr: '10.2.0.0/16', name: 'b' }, ids);
  const [vpcA, vpcB] = [a.created![0], b.created![0]];
  const pub = E.createSubnet(b.doc, { vpcId: vpcA, cidr: '10.1.0.0/24' }, ids);
  const priv = E.createSubnet(must(pub), { vpcId: vpcA, cidr: '10.1.1.0/24' }, ids);
  const [pubId, privId] = [pub.created![0], priv.created![0]];
  let doc: Snapshot = must(priv);
  const main = E.list(doc, 'RouteTables').find((t) => t.VpcId === vpcA)!;
  doc = { ...doc, RouteTables: [...E.list(doc, 'RouteTables'), { ...main, RouteTableId: 'rtb-public', Associations: [{ SubnetId: pubId, RouteTableId: 'rtb-public' }] }] };
  doc = must(E.createInternetGateway(doc, { vpcId: vpcA, routeTableId: 'rtb-public' }, ids));
  const nat = E.createNatGateway(doc, { subnetId: pubId }, ids);
  doc = must(nat);
  const dflt = E.list(doc, 'NetworkAcls').find((x) => x.VpcId === vpcA)!;
  doc = { ...doc, NetworkAcls: [...E.list(doc, 'NetworkAcls'), { ...dflt, NetworkAclId: 'acl-private', IsDefault: false, Associations: [{ SubnetId: privId, NetworkAclId: 'acl-private' }] }] };
  doc = { ...doc, FlowLogs: [{ FlowLogId: 'fl-private', ResourceId: privId }] };
  return { doc, vpcA, vpcB, pubId, privId, main: main.RouteTableId, nat: nat.created![0], aclA: dflt.NetworkAclId };
}

describe('+ Route opens on the table the selection means', () => {
  it('the selected table itself, the selected subnet\'s table, else the main table of the selection\'s VPC', () => {
    const { doc, vpcA, vpcB, pubId, privId, main } = network();
    expect(defaultRouteTableId(doc, 'rtb-public')).toBe('rtb-public');
    expect(defaultRouteTableId(doc, pubId)).toBe('rtb-public');
    expect(defaultRouteTableId(doc, privId)).toBe(main);
    expect(defaultRouteTableId(doc, vpcA)).toBe(main);
    expect(defaultRouteTableId(doc, vpcB)).toBe(E.list(doc, 'RouteTables').find((t) => t.VpcId === vpcB)!.RouteTableId);
    expect(defaultRouteTableId(doc, null)).toBe(main);
  });
  it("an ACL's or a flow log's subnet's table; for a NAT gateway, a table other than its own subnet's (a route there would loop)", () => {
    const { doc, privId, main, nat } = network();
    expect(defaultRouteTableId(doc, 'acl-private')).toBe(main);
    expect(defaultRouteTableId(doc, 'fl-private')).toBe(main);
    expect(E.routeTableOfSubnet(doc, E.list(doc, 'NatGateways')[0].SubnetId!)).toBe('rtb-public');
    expect(defaultRouteTableId(doc, nat)).toBe(main);
    expect(privId).toBeTruthy();
  });
});

describe('+ Rule opens on the network ACL the selection means', () => {
  it("the selected ACL, the ACL associated with the selected subnet (not the VPC's default), a route table's or flow log's subnet's", () => {
    const { doc, vpcA, pubId, privId, aclA } = network();
    expect(defaultAclId(doc, 'acl-private')).toBe('acl-private');
    expect(defaultAclId(doc, privId)).toBe('acl-private');
    expect(defaultAclId(doc, pubId)).toBe(aclA);
    expect(defaultAclId(doc, 'fl-private')).toBe('acl-private');
    expect(defaultAclId(doc, 'rtb-public')).toBe(aclA);
    expect(defaultAclId(doc, vpcA)).toBe(aclA);
  });
});

import { describe, expect, it } from 'vitest';
import * as E from '../../../src/engine/edit/index.ts';
import type { Snapshot } from '../../../src/engine/index.ts';
import { aclOfSelection, aclOfSubnet, groupsOfSelection, peerVpcOf, routeTableOfSelection, subnetOfSelection, vpcOfResource, vpcOfSelection } from '../../../src/state/context.ts';
import { ids as makeIds, must } from '../edit/helpers.ts';

/** Two VPCs (a, b), a subnet and an instance in b, a custom ACL and route table for b's subnet, an IGW and NAT in b, a peering a → b, a flow log on b's subnet. */
function network() {
  const ids = makeIds();
  const a = E.createVpc({}, { cidr: '10.1.0.0/16', name: 'a' }, ids);
  const b = E.createVpc(a.doc, { cidr: '10.2.0.0/16', name: 'b' }, ids);
  const [vpcA, vpcB] = [a.created![0], b.created![0]];
  const sn = E.createSubnet(b.doc, { vpcId: vpcB, cidr: '10.2.1.0/24', name: 'web-public' }, ids);
  const subnet = sn.created![0];
  const i = E.createInstance(must(sn), { subnetId: subnet, name: 'web-1', allow: { ssh: true } }, ids);
  const inst = i.created![0];
  const g = E.createInternetGateway(must(i), { vpcId: vpcB }, ids);
  const n = E.createNatGateway(must(g), { subnetId: subnet, name: 'nat-a' }, ids);
  const p = E.requestPeering(must(n), { requesterVpcId: vpcA, accepterVpcId: vpcB, name: 'a-b' }, ids);
  let doc = must(p);
  // A custom ACL and route table associated with the subnet, as the sg-vs-nacl lab's web-nacl.
  doc = {
    ...doc,
    NetworkAcls: [...(doc.NetworkAcls ?? []), { NetworkAclId: 'acl-custom', VpcId: vpcB, IsDefault: false, Entries: [], Associations: [{ NetworkAclAssociationId: 'aclassoc-1', NetworkAclId: 'acl-custom', SubnetId: subnet }], Tags: [{ Key: 'Name', Value: 'web-nacl' }] }],
    RouteTables: [...(doc.RouteTables ?? []), { RouteTableId: 'rtb-custom', VpcId: vpcB, Routes: [], Associations: [{ Main: false, RouteTableAssociationId: 'rtbassoc-x', RouteTableId: 'rtb-custom', SubnetId: subnet }] }],
  } as Snapshot;
  const fl = E.createFlowLog(doc, { resourceId: subnet, trafficType: 'ALL', destinationType: 's3', destination: 'arn:aws:s3:::bucket-a' }, ids);
  doc = must(fl);
  const eni = E.list(doc, 'NetworkInterfaces').find((e) => e.Attachment?.InstanceId === inst)!;
  return {
    doc, vpcA, vpcB, subnet, inst, eni: eni.NetworkInterfaceId, sg: eni.Groups![0].GroupId!, igw: g.created![0], nat: n.created![0], pcx: p.created![0], fl: fl.created![0],
    mainB: E.list(doc, 'RouteTables').find((t) => t.VpcId === vpcB && t.Associations?.some((x) => x.Main))!.RouteTableId,
    defaultAclB: E.list(doc, 'NetworkAcls').find((x) => x.VpcId === vpcB && x.IsDefault)!.NetworkAclId,
    defaultSgB: E.list(doc, 'SecurityGroups').find((x) => x.VpcId === vpcB && x.GroupName === 'default')!.GroupId!,
  };
}

describe('vpcOfSelection', () => {
  it('finds the VPC of every selectable kind, not the first VPC', () => {
    const n = network();
    for (const id of [n.vpcB, n.subnet, n.inst, n.eni, n.igw, n.nat, n.mainB, 'rtb-custom', 'acl-custom', n.defaultAclB, n.sg, n.defaultSgB, n.fl]) {
      expect([id, vpcOfSelection(n.doc, id)]).toEqual([id, n.vpcB]);
    }
  });
  it("gives a peering connection's requester VPC", () => {
    const n = network();
    expect(vpcOfSelection(n.doc, n.pcx)).toBe(n.vpcA);
  });
  it('falls back to the first VPC for nothing, the internet or an unknown id; vpcOfResource says null', () => {
    const n = network();
    expect(vpcOfSelection(n.doc, null)).toBe(n.vpcA);
    expect(vpcOfSelection(n.doc, 'internet')).toBe(n.vpcA);
    expect(vpcOfSelection(n.doc, 'rtb-gone')).toBe(n.vpcA);
    expect(vpcOfResource(n.doc, 'rtb-gone')).toBeNull();
    expect(vpcOfResource(n.doc, 'vpc-gone')).toBeNull();
    expect(vpcOfSelection({}, null)).toBeNull();
  });
  it('gives null for a detached internet gateway (it belongs to no VPC)', () => {
    const n = network();
    const d = must(E.detachInternetGateway(n.doc, { igwId: n.igw }));
    expect(vpcOfResource(d, n.igw)).toBeNull();
  });
});

describe('the subnet, ACL, route table and groups a selection means', () => {
  it("uses the subnet's custom ACL, not the VPC's default one, for a subnet, an instance, an interface and a NAT gateway", () => {
    const n = network();
    expect(aclOfSubnet(n.doc, n.subnet)).toBe('acl-custom');
    for (const id of [n.subnet, n.inst, n.eni, n.nat]) expect(aclOfSelection(n.doc, id)).toBe('acl-custom');
    expect(aclOfSelection(n.doc, n.defaultAclB)).toBe(n.defaultAclB);
    expect(aclOfSelection(n.doc, n.vpcB)).toBeNull();
    expect(aclOfSelection(n.doc, null)).toBeNull();
  });
  it("falls back to the VPC's default ACL for a subnet with no association", () => {
    const n = network();
    const doc = { ...n.doc, NetworkAcls: E.list(n.doc, 'NetworkAcls').filter((a) => a.NetworkAclId !== 'acl-custom') };
    expect(aclOfSubnet(doc, n.subnet)).toBe(n.defaultAclB);
  });
  it('gives the selected route table itself, else the subnet’s table', () => {
    const n = network();
    expect(routeTableOfSelection(n.doc, n.mainB)).toBe(n.mainB);
    expect(routeTableOfSelection(n.doc, n.subnet)).toBe('rtb-custom');
    expect(routeTableOfSelection(n.doc, n.inst)).toBe('rtb-custom');
    expect(routeTableOfSelection(n.doc, n.pcx)).toBeNull();
  });
  it("gives an instance's or interface's groups, or the selected group", () => {
    const n = network();
    expect(groupsOfSelection(n.doc, n.inst)).toEqual([n.sg]);
    expect(groupsOfSelection(n.doc, n.eni)).toEqual([n.sg]);
    expect(groupsOfSelection(n.doc, n.defaultSgB)).toEqual([n.defaultSgB]);
    expect(groupsOfSelection(n.doc, n.subnet)).toEqual([]);
  });
  it('gives the subnet of an interface and a NAT gateway', () => {
    const n = network();
    expect(subnetOfSelection(n.doc, n.eni)).toBe(n.subnet);
    expect(subnetOfSelection(n.doc, n.nat)).toBe(n.subnet);
    expect(subnetOfSelection(n.doc, n.mainB)).toBeNull();
  });
  it('gives the other side of a peering connection', () => {
    const n = network();
    expect(peerVpcOf(n.doc, n.pcx, n.vpcA)).toBe(n.vpcB);
    expect(peerVpcOf(n.doc, n.pcx, n.vpcB)).toBe(n.vpcA);
    expect(peerVpcOf(n.doc, n.pcx, 'vpc-other')).toBeNull();
  });
});

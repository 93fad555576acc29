import { describe, expect, it } from 'vitest';
import * as E from '../../../src/engine/edit/index.ts';
import { ids as makeIds, must } from './helpers.ts';

function network() {
  const ids = makeIds();
  const a = E.createVpc({}, { cidr: '10.1.0.0/16', name: 'a' }, ids);
  const b = E.createVpc(a.doc, { cidr: '10.2.0.0/16', name: 'b' }, ids);
  const s = E.createSubnet(b.doc, { vpcId: a.created![0], cidr: '10.1.0.0/24' }, ids);
  const i = E.createInstance(must(s), { subnetId: s.created![0], name: 'web' }, ids);
  let doc = must(i);
  const eni = E.list(doc, 'NetworkInterfaces')[0].NetworkInterfaceId;
  doc = { ...doc, FlowLogs: [{ FlowLogId: 'fl-eni', ResourceId: eni, Tags: [{ Key: 'Name', Value: 'web-logs' }] }, { FlowLogId: 'fl-vpc-b', ResourceId: b.created![0] }, { FlowLogId: 'fl-gone', ResourceId: 'subnet-gone' }] };
  return { doc, vpcA: a.created![0], vpcB: b.created![0] };
}

describe('vpcParts: what the Resources list shows under each VPC', () => {
  it("lists route tables, ACLs, groups and flow logs (on the VPC, a subnet or an interface) under their VPC, by name or id", () => {
    const { doc, vpcA, vpcB } = network();
    const parts = E.vpcParts(doc);
    const a = parts.get(vpcA)!;
    expect(a.map((p) => p.kind)).toEqual(['route table', 'network acl', 'security group', 'security group', 'flow log']);
    expect(a[0].label).toMatch(/^rtb-\S+ \(main\)$/);
    expect(a[1].label).toMatch(/^acl-\S+ \(default\)$/);
    expect(a.slice(2, 4).map((p) => p.label)).toEqual(['default', 'launch-wizard-1']);
    expect(a[4]).toEqual({ id: 'fl-eni', kind: 'flow log', label: 'web-logs' });
    expect(parts.get(vpcB)!.at(-1)).toEqual({ id: 'fl-vpc-b', kind: 'flow log', label: 'fl-vpc-b' });
    // A flow log on something no longer in the document belongs to no VPC.
    expect([...parts.values()].flat().some((p) => p.id === 'fl-gone')).toBe(false);
    expect(E.vpcOfPart(parts, 'fl-eni')).toBe(vpcA);
    expect(E.vpcOfPart(parts, vpcA)).toBeNull();
    expect(E.vpcOfPart(parts, null)).toBeNull();
  });
});

describe('deleting a route table or a network ACL', () => {
  it('refuses the main table, the default ACL and any with subnets; deletes a spare one', () => {
    const { doc, vpcA } = network();
    const main = E.list(doc, 'RouteTables').find((t) => t.VpcId === vpcA)!;
    const acl = E.list(doc, 'NetworkAcls').find((t) => t.VpcId === vpcA)!;
    const subnet = E.list(doc, 'Subnets')[0].SubnetId;
    expect(E.deleteResource(doc, { id: main.RouteTableId }).error).toMatch(/^DependencyViolation: .* main route table/);
    expect(E.deleteResource(doc, { id: acl.NetworkAclId }).error).toMatch(/^InvalidParameterValue: cannot delete default network ACL/);
    const more = {
      ...doc,
      RouteTables: [...doc.RouteTables!, { ...main, RouteTableId: 'rtb-used', Associations: [{ SubnetId: subnet }] }, { ...main, RouteTableId: 'rtb-spare', Associations: [] }],
      NetworkAcls: [...doc.NetworkAcls!, { ...acl, NetworkAclId: 'acl-used', IsDefault: false, Associations: [{ SubnetId: subnet }] }, { ...acl, NetworkAclId: 'acl-spare', IsDefault: false, Associations: [] }],
    };
    expect(E.deleteResource(more, { id: 'rtb-used' }).error).toMatch(new RegExp(`^DependencyViolation: .*${subnet} is associated`));
    expect(E.deleteResource(more, { id: 'acl-used' }).error).toMatch(/^DependencyViolation/);
    expect(E.list(must(E.deleteResource(more, { id: 'rtb-spare' })), 'RouteTables').some((t) => t.RouteTableId === 'rtb-spare')).toBe(false);
    expect(E.list(must(E.deleteResource(more, { id: 'acl-spare' })), 'NetworkAcls').some((t) => t.NetworkAclId === 'acl-spare')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import * as E from '../../../src/engine/edit/index.ts';
import type { Snapshot } from '../../../src/engine/index.ts';
import { ids as makeIds, must } from './helpers.ts';

/** Two peered VPCs (a 10.1/16 with an internet gateway, b 10.2/16), a subnet in a, a route 10.2.0.0/16 → igw in a's table. */
function network() {
  const ids = makeIds();
  const a = E.createVpc({}, { cidr: '10.1.0.0/16', name: 'a' }, ids);
  const b = E.createVpc(a.doc, { cidr: '10.2.0.0/16', name: 'b' }, ids);
  const [vpcA, vpcB] = [a.created![0], b.created![0]];
  const g = E.createInternetGateway(b.doc, { vpcId: vpcA }, ids);
  const p = E.requestPeering(must(g), { requesterVpcId: vpcA, accepterVpcId: vpcB }, ids);
  let doc = must(E.acceptPeering(must(p), { peeringId: p.created![0] }));
  const rtb = E.list(doc, 'RouteTables').find((t) => t.VpcId === vpcA)!.RouteTableId;
  doc = must(E.addRoute(doc, { routeTableId: rtb, destination: '10.2.0.0/16', target: { GatewayId: g.created![0] } }));
  return { doc, ids, vpcA, vpcB, igw: g.created![0], pcx: p.created![0], rtb };
}

const routesOf = (doc: Snapshot, rtb: string) => E.list(doc, 'RouteTables').find((t) => t.RouteTableId === rtb)!.Routes!;

describe('replace-route: a destination that exists gets a new target', () => {
  it('finds the existing route however the destination is written, and names its target', () => {
    const { doc, rtb, igw } = network();
    expect(E.findRoute(doc, rtb, ' 10.2.0.0/16 ')).toMatchObject({ DestinationCidrBlock: '10.2.0.0/16', GatewayId: igw });
    expect(E.routeTargetId(E.findRoute(doc, rtb, '10.2.0.0/16')!)).toBe(igw);
    expect(E.routeTargetId(E.findRoute(doc, rtb, '10.1.0.0/16')!)).toBe('local');
    expect(E.findRoute(doc, rtb, '10.3.0.0/16')).toBeNull();
    expect(E.findRoute(doc, 'rtb-missing', '10.2.0.0/16')).toBeNull();
  });
  it('CreateRoute refuses the existing destination; ReplaceRoute swaps the target in place, one edit', () => {
    const { doc, rtb, pcx } = network();
    expect(E.addRoute(doc, { routeTableId: rtb, destination: '10.2.0.0/16', target: { VpcPeeringConnectionId: pcx } }).error).toMatch(/^RouteAlreadyExists/);
    const next = must(E.replaceRoute(doc, { routeTableId: rtb, destination: '10.2.0.0/16', target: { VpcPeeringConnectionId: pcx } }));
    expect(routesOf(next, rtb)).toEqual([
      { DestinationCidrBlock: '10.1.0.0/16', GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' },
      { DestinationCidrBlock: '10.2.0.0/16', VpcPeeringConnectionId: pcx, Origin: 'CreateRoute', State: 'active' },
    ]);
    // The old document is untouched: undo puts it back as it was.
    expect(routesOf(doc, rtb)[1]).toMatchObject({ GatewayId: expect.stringMatching(/^igw-/) });
  });
  it('refuses to replace the local route', () => {
    const { doc, rtb, pcx } = network();
    expect(E.replaceRoute(doc, { routeTableId: rtb, destination: '10.1.0.0/16', target: { VpcPeeringConnectionId: pcx } }).error).toMatch(/local route .* cannot be replaced/);
  });
});

describe('a new gateway given a table that already routes 0.0.0.0/0', () => {
  it('is refused by default (RouteAlreadyExists); with replaceRoute the route is replaced, as setRoute does', () => {
    const { doc, rtb, igw, vpcA, ids } = network();
    const withDefault = must(E.setRoute(doc, { routeTableId: rtb, destination: '0.0.0.0/0', target: { GatewayId: igw } }));
    expect(E.findRoute(withDefault, rtb, '0.0.0.0/0')).toMatchObject({ GatewayId: igw });
    const s = E.createSubnet(withDefault, { vpcId: vpcA, cidr: '10.1.0.0/24' }, ids);
    expect(E.createNatGateway(must(s), { subnetId: s.created![0], routeTableId: rtb }, ids).error).toMatch(/^RouteAlreadyExists/);
    const nat = E.createNatGateway(must(s), { subnetId: s.created![0], routeTableId: rtb, replaceRoute: true }, ids);
    expect(E.findRoute(must(nat), rtb, '0.0.0.0/0')).toEqual({ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat.created![0], Origin: 'CreateRoute', State: 'active' });
    expect(E.list(must(nat), 'RouteTables').find((t) => t.RouteTableId === rtb)!.Routes).toHaveLength(3);
  });
});

describe('removing a route', () => {
  it('deletes a non-local route, whatever spacing its destination is given with; never the local route', () => {
    const { doc, rtb } = network();
    const next = must(E.deleteRoute(doc, { routeTableId: rtb, destination: ' 10.2.0.0/16' }));
    expect(routesOf(next, rtb).map((r) => r.DestinationCidrBlock)).toEqual(['10.1.0.0/16']);
    expect(E.deleteRoute(doc, { routeTableId: rtb, destination: '10.1.0.0/16' }).error).toMatch(/^InvalidParameterValue: cannot remove local route/);
    expect(E.deleteRoute(doc, { routeTableId: rtb, destination: '10.9.0.0/16' }).error).toMatch(/^InvalidRoute.NotFound/);
  });
});

describe('security group rules, one source per row', () => {
  function withRules() {
    const n = network();
    const sg = E.list(n.doc, 'SecurityGroups').find((g) => g.VpcId === n.vpcA)!.GroupId;
    let doc = must(E.addSgRule(n.doc, { groupId: sg, direction: 'ingress', permission: { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] } }));
    doc = must(E.addSgRule(doc, { groupId: sg, direction: 'ingress', permission: { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/8' }] } }));
    return { ...n, doc, sg };
  }
  it('lists each source of a permission as a row of its own, as the console does', () => {
    const { doc, sg } = withRules();
    const rows = E.sgRuleRows(doc, sg, 'ingress');
    expect(rows.map((r) => [r.index, r.source.kind, r.source.value])).toEqual([[0, 'group', sg], [1, 'cidr', '0.0.0.0/0'], [1, 'cidr', '10.0.0.0/8']]);
    expect(E.sgRuleRows(doc, sg, 'egress').map((r) => r.source)).toEqual([{ kind: 'cidr', value: '0.0.0.0/0' }]);
  });
  it('revokes one source and keeps the others of its permission; the last source takes the permission with it', () => {
    const { doc, sg } = withRules();
    const one = must(E.revokeSgRule(doc, { groupId: sg, direction: 'ingress', index: 1, source: { kind: 'cidr', value: '0.0.0.0/0' } }));
    expect(E.sgRuleRows(one, sg, 'ingress').map((r) => r.source.value)).toEqual([sg, '10.0.0.0/8']);
    const two = must(E.revokeSgRule(one, { groupId: sg, direction: 'ingress', index: 1, source: { kind: 'cidr', value: '10.0.0.0/8' } }));
    expect(E.list(two, 'SecurityGroups').find((g) => g.GroupId === sg)!.IpPermissions).toHaveLength(1);
    const out = must(E.revokeSgRule(two, { groupId: sg, direction: 'egress', index: 0, source: { kind: 'cidr', value: '0.0.0.0/0' } }));
    expect(E.list(out, 'SecurityGroups').find((g) => g.GroupId === sg)!.IpPermissionsEgress).toEqual([]);
  });
  it('refuses a rule the group does not have', () => {
    const { doc, sg } = withRules();
    expect(E.revokeSgRule(doc, { groupId: sg, direction: 'ingress', index: 1, source: { kind: 'cidr', value: '192.0.2.0/24' } }).error).toMatch(/^InvalidPermission.NotFound/);
    expect(E.revokeSgRule(doc, { groupId: 'sg-missing', direction: 'ingress', index: 0, source: { kind: 'cidr', value: '0.0.0.0/0' } }).error).toMatch(/^InvalidGroup.NotFound/);
  });
  it('lists and removes a permission that names no source at all', () => {
    const { doc, sg } = withRules();
    const bare = { ...doc, SecurityGroups: E.list(doc, 'SecurityGroups').map((g) => (g.GroupId === sg ? { ...g, IpPermissionsEgress: [{ IpProtocol: '-1' }] } : g)) };
    expect(E.sgRuleRows(bare, sg, 'egress')).toEqual([{ index: 0, permission: { IpProtocol: '-1' }, source: { kind: 'none', value: '' } }]);
    expect(E.list(must(E.revokeSgRule(bare, { groupId: sg, direction: 'egress', index: 0, source: { kind: 'none', value: '' } })), 'SecurityGroups').find((g) => g.GroupId === sg)!.IpPermissionsEgress).toEqual([]);
  });
});

describe('network ACL entries', () => {
  it('removes a numbered entry of one direction, never the "*" rule', () => {
    const { doc, vpcA } = network();
    const acl = E.list(doc, 'NetworkAcls').find((a) => a.VpcId === vpcA)!.NetworkAclId;
    const next = must(E.removeAclEntry(doc, { networkAclId: acl, egress: false, ruleNumber: 100 }));
    expect(E.list(next, 'NetworkAcls').find((a) => a.NetworkAclId === acl)!.Entries!.map((e) => `${e.Egress}:${e.RuleNumber}`)).toEqual(['true:100', 'true:32767', 'false:32767']);
    expect(E.removeAclEntry(doc, { networkAclId: acl, egress: false, ruleNumber: 32767 }).error).toMatch(/"\*" rule/);
  });
});

describe('Edit CIDRs → Remove (DisassociateVpcCidrBlock)', () => {
  function withSecondary() {
    const n = network();
    const vpc = E.list(n.doc, 'Vpcs').find((v) => v.VpcId === n.vpcA)!;
    const doc = must(E.putVpc(n.doc, { vpc: { ...vpc, CidrBlockAssociationSet: [...vpc.CidrBlockAssociationSet!, { AssociationId: 'vpc-cidr-assoc-2', CidrBlock: '10.20.0.0/16', CidrBlockState: { State: 'associated' } }] } }));
    return { ...n, doc };
  }
  it('lists the primary block first, then the secondary ones, with the subnets inside each', () => {
    const { doc, vpcA, ids } = withSecondary();
    const s = E.createSubnet(doc, { vpcId: vpcA, cidr: '10.20.1.0/24' }, ids);
    expect(E.vpcCidrRows(s.doc, vpcA)).toEqual([{ cidr: '10.1.0.0/16', primary: true, subnets: [] }, { cidr: '10.20.0.0/16', primary: false, subnets: [s.created![0]] }]);
    expect(E.vpcCidrRows(s.doc, 'vpc-missing')).toEqual([]);
  });
  it('removes a secondary block and its local route from every table of the VPC', () => {
    const { doc, vpcA, rtb } = withSecondary();
    expect(routesOf(doc, rtb).map((r) => r.DestinationCidrBlock)).toContain('10.20.0.0/16');
    const next = must(E.disassociateVpcCidrBlock(doc, { vpcId: vpcA, cidr: '10.20.0.0/16' }));
    expect(E.vpcCidrRows(next, vpcA).map((r) => r.cidr)).toEqual(['10.1.0.0/16']);
    expect(routesOf(next, rtb).map((r) => r.DestinationCidrBlock)).toEqual(['10.1.0.0/16', '10.2.0.0/16']);
  });
  it('refuses the primary block, a block a subnet uses (InvalidCidrBlock.InUse), and a block the VPC does not have', () => {
    const { doc, vpcA, ids } = withSecondary();
    expect(E.disassociateVpcCidrBlock(doc, { vpcId: vpcA, cidr: '10.1.0.0/16' }).error).toMatch(/^OperationNotPermitted: 10.1.0.0\/16 is the primary CIDR block/);
    const used = must(E.createSubnet(doc, { vpcId: vpcA, cidr: '10.20.1.0/24' }, ids));
    expect(E.disassociateVpcCidrBlock(used, { vpcId: vpcA, cidr: '10.20.0.0/16' }).error).toMatch(/^InvalidCidrBlock.InUse: The vpc vpc-\S+ currently has a subnet within CIDR block 10.20.0.0\/16/);
    expect(E.disassociateVpcCidrBlock(doc, { vpcId: vpcA, cidr: '10.99.0.0/16' }).error).toMatch(/^InvalidVpcCidrBlockAssociationID.NotFound/);
    expect(E.disassociateVpcCidrBlock(doc, { vpcId: 'vpc-missing', cidr: '10.20.0.0/16' }).error).toMatch(/^InvalidVpcID.NotFound/);
  });
});

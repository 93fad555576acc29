/**
 * The reachability matrix on small hand-built snapshots: each case states what AWS does and
 * checks every pair against the packet walk as well.
 */
import { describe, expect, it } from 'vitest';
import { SnapshotBuilder } from '../../support/builder.ts';
import { buildReachabilityMatrix } from '../../../src/engine/matrix/index.ts';
import { ALLOW_ALL, DNS, ICMP, SSH, cell, checked, natToPeer, net, sameMatrix } from './helpers.ts';

const acl = (n: number, egress: boolean, action: 'allow' | 'deny', cidr: string, proto = '-1', ports?: [number, number]) =>
  ({ RuleNumber: n, Protocol: proto, RuleAction: action, Egress: egress, CidrBlock: cidr, ...(ports ? { PortRange: { From: ports[0], To: ports[1] } } : {}) });

/** One VPC, two subnets, two instances in the first and one in the second, all allowing everything. */
function twoSubnets() {
  const b = new SnapshotBuilder();
  const v = b.vpc('10.0.0.0/16', 'lab');
  const s1 = b.subnet(v.vpcId, '10.0.1.0/24', 'one');
  const s2 = b.subnet(v.vpcId, '10.0.2.0/24', 'two');
  const sg = b.securityGroup(v.vpcId, 'open', ALLOW_ALL);
  const a = b.instance(s1, '10.0.1.10', 'a', { sgs: [sg] }).eniId;
  const a2 = b.instance(s1, '10.0.1.11', 'a2', { sgs: [sg] }).eniId;
  const c = b.instance(s2, '10.0.2.10', 'c', { sgs: [sg] }).eniId;
  return { b, v, s1, s2, sg, a, a2, c };
}

describe('reachability matrix', () => {
  it('orders interfaces by private IP, leaves the diagonal false and counts pairs', () => {
    const { b, a, a2, c } = twoSubnets();
    const m = checked(net(b.build()), ICMP);
    expect(m.enis.map((e) => e.id)).toEqual([a, a2, c]);
    for (let i = 0; i < m.size; i++) expect(m.reachable(i, i)).toBe(false);
    expect(m.reachableCount).toBe(6);
    expect(m.rowCount(0)).toBe(2);
    expect(m.columnCount(2)).toBe(2);
    expect(m.row(0)[0]).toBe(0b110);
  });

  it('skips network ACLs between interfaces of the same subnet', () => {
    const { b, v, s1, a, a2, c } = twoSubnets();
    b.networkAcl(v.vpcId, [s1], []); // denies everything, both ways
    const m = checked(net(b.build()), SSH);
    expect(cell(m, a, a2)).toBe(true);
    expect(cell(m, a, c)).toBe(false);
    expect(cell(m, c, a)).toBe(false);
  });

  it('applies a NACL deny across subnets, first matching rule number wins', () => {
    const { b, v, s2, a, a2, c } = twoSubnets();
    b.networkAcl(v.vpcId, [s2], [acl(50, false, 'deny', '10.0.1.11/32'), acl(100, false, 'allow', '0.0.0.0/0'), acl(100, true, 'allow', '0.0.0.0/0')]);
    const m = checked(net(b.build()), ICMP);
    expect(cell(m, a, c)).toBe(true);
    expect(cell(m, a2, c)).toBe(false);
    // The reply of c's ping to a2 is dropped by the same inbound entry (stateless).
    expect(cell(m, c, a2)).toBe(false);
  });

  it('needs the reply for TCP (ephemeral ports) but not for UDP', () => {
    const { b, v, s2, a, c } = twoSubnets();
    // Inbound allows SSH and DNS; outbound allows only DNS replies... and nothing ephemeral.
    b.networkAcl(v.vpcId, [s2], [acl(100, false, 'allow', '0.0.0.0/0', '6', [22, 22]), acl(110, false, 'allow', '0.0.0.0/0', '17', [53, 53]), acl(100, true, 'allow', '0.0.0.0/0', '6', [22, 22])]);
    const n = net(b.build());
    expect(cell(checked(n, SSH), a, c)).toBe(false);
    expect(cell(checked(n, DNS), a, c)).toBe(true);
  });

  it('reaches across an active peering only with routes both ways', () => {
    const b = new SnapshotBuilder();
    const x = b.vpc('10.0.0.0/16', 'x');
    const y = b.vpc('10.1.0.0/16', 'y');
    const sx = b.subnet(x.vpcId, '10.0.1.0/24', 'sx');
    const sy = b.subnet(y.vpcId, '10.1.1.0/24', 'sy');
    const gx = b.securityGroup(x.vpcId, 'gx', ALLOW_ALL);
    const gy = b.securityGroup(y.vpcId, 'gy', ALLOW_ALL);
    const ex = b.instance(sx, '10.0.1.10', 'ex', { sgs: [gx] }).eniId;
    const ey = b.instance(sy, '10.1.1.10', 'ey', { sgs: [gy] }).eniId;
    const pcx = b.peering(x.vpcId, y.vpcId);
    b.route(x.rtb, '10.1.0.0/16', { VpcPeeringConnectionId: pcx });
    const oneWay = net(b.build());
    // Missing return route: the request arrives, the reply has no way back.
    expect(cell(checked(oneWay, ICMP), ex, ey)).toBe(false);
    expect(cell(checked(oneWay, DNS), ex, ey)).toBe(true);
    expect(cell(checked(oneWay, DNS), ey, ex)).toBe(false);
    b.route(y.rtb, '10.0.0.0/16', { VpcPeeringConnectionId: pcx });
    const both = net(b.build());
    const m = checked(both, ICMP);
    expect(cell(m, ex, ey)).toBe(true);
    expect(cell(m, ey, ex)).toBe(true);
    b.doc.VpcPeeringConnections[0].Status = { Code: 'pending-acceptance' };
    expect(cell(checked(net(b.build()), ICMP), ex, ey)).toBe(false);
  });

  it('matches security group references in the VPC and across same-region peerings only', () => {
    const b = new SnapshotBuilder();
    const x = b.vpc('10.0.0.0/16', 'x');
    const y = b.vpc('10.1.0.0/16', 'y');
    const z = b.vpc('10.2.0.0/16', 'z', { region: 'eu-west-1' });
    const sx = b.subnet(x.vpcId, '10.0.1.0/24', 'sx');
    const sy = b.subnet(y.vpcId, '10.1.1.0/24', 'sy');
    const sz = b.subnet(z.vpcId, '10.2.1.0/24', 'sz', 'eu-west-1a');
    const app = b.securityGroup(x.vpcId, 'app', []);
    const db = b.securityGroup(x.vpcId, 'db', [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, UserIdGroupPairs: [{ GroupId: app }] }]);
    const appY = b.securityGroup(y.vpcId, 'app-y', []);
    const appZ = b.securityGroup(z.vpcId, 'app-z', []);
    const dbEni = b.instance(sx, '10.0.1.20', 'db', { sgs: [db] }).eniId;
    const appEni = b.instance(sx, '10.0.1.10', 'app', { sgs: [app] }).eniId;
    const other = b.instance(sx, '10.0.1.11', 'other', { sgs: [appY] }).eniId;
    const yEni = b.instance(sy, '10.1.1.10', 'y-app', { sgs: [appY, app] }).eniId;
    const zEni = b.instance(sz, '10.2.1.10', 'z-app', { sgs: [appZ, app] }).eniId;
    for (const [peer, cidr] of [[y, '10.1.0.0/16'], [z, '10.2.0.0/16']] as const) {
      const pcx = b.peering(x.vpcId, peer.vpcId);
      b.route(x.rtb, cidr, { VpcPeeringConnectionId: pcx });
      b.route(peer.rtb, '10.0.0.0/16', { VpcPeeringConnectionId: pcx });
    }
    const m = checked(net(b.build()), SSH);
    expect(cell(m, appEni, dbEni)).toBe(true);
    expect(cell(m, other, dbEni)).toBe(false);
    expect(cell(m, yEni, dbEni)).toBe(true);
    expect(cell(m, zEni, dbEni)).toBe(false); // inter-region: references do not match
  });

  it('leaves NAT gateway interfaces and terminated instances out', () => {
    const { b, v, s1, a } = twoSubnets();
    b.natGateway(s1, '10.0.1.200', '198.51.100.9');
    const dead = b.instance(s1, '10.0.1.30', 'dead').instanceId;
    b.doc.Reservations.find((r: { Instances: { InstanceId: string }[] }) => r.Instances[0].InstanceId === dead).Instances[0].State = { Name: 'terminated', Code: 48 };
    void v;
    const m = checked(net(b.build()), ICMP);
    expect(m.size).toBe(3);
    expect(m.indexOf(a)).toBe(0);
  });

  it('reaches a peer through its own NAT gateway: the reply to the NAT address is translated back', () => {
    // The private subnet sends everything to the NAT gateway; only the NAT's subnet knows the peering.
    const { b, src, dst } = natToPeer();
    const n = net(b.build());
    expect(cell(checked(n, SSH), src, dst)).toBe(true);
    expect(cell(checked(n, DNS), src, dst)).toBe(true);
    // From dst, the request arrives over the peering but src's reply leaves through the NAT
    // gateway (its subnet's only route): an asymmetric return, so TCP from dst fails.
    expect(cell(checked(n, SSH), dst, src)).toBe(false);
  });

  it('through a NAT gateway to a peer, TCP replies pass the NACLs with the port the NAT picks for each flow', () => {
    const { b, x, y, pub, priv, sy, gx, gy, src, dst } = natToPeer();
    const srcs = [src, ...[11, 12, 13, 14, 15].map((k) => b.instance(priv, `10.0.1.${k}`, `src${k}`, { sgs: [gx] }).eniId)];
    const dsts = [dst, ...[11, 12, 13].map((k) => b.instance(sy, `10.1.1.${k}`, `dst${k}`, { sgs: [gy] }).eniId)];
    // The peer's replies to the NAT's address leave only to ports 34690-34760 (the NAT's ports here are 34665-34823).
    b.networkAcl(y.vpcId, [sy], [acl(100, false, 'allow', '0.0.0.0/0'), acl(100, true, 'allow', '10.0.0.0/16', '6', [34690, 34760])]);
    const n = net(b.build());
    const m = checked(n, SSH);
    const cells = srcs.flatMap((s) => dsts.map((d) => cell(m, s, d)));
    expect(cells).toContain(true);
    expect(cells).toContain(false);
    expect(cell(checked(n, ICMP), srcs[0], dsts[0])).toBe(false);
    // Translated back, the reply leaves the NAT's subnet towards the client: its NACL outbound applies.
    b.networkAcl(x.vpcId, [pub], [acl(100, false, 'allow', '0.0.0.0/0'), acl(90, true, 'deny', '10.0.1.0/24'), acl(100, true, 'allow', '0.0.0.0/0')]);
    const m2 = checked(net(b.build()), SSH);
    expect(srcs.flatMap((s) => dsts.map((d) => cell(m2, s, d)))).not.toContain(true);
  });

  it('updates paths through a NAT gateway when its subnet\'s ACL or route table changes', () => {
    const { b, x, pub, src, dst } = natToPeer();
    const aclId = b.networkAcl(x.vpcId, [pub], [acl(100, false, 'allow', '0.0.0.0/0'), acl(100, true, 'allow', '0.0.0.0/0')]);
    const m = buildReachabilityMatrix(net(b.build()), DNS);
    expect(cell(m, src, dst)).toBe(true);
    b.doc.NetworkAcls.find((a: { NetworkAclId: string }) => a.NetworkAclId === aclId).Entries.unshift(acl(10, true, 'deny', '10.1.0.0/16'));
    const denied = net(b.build());
    m.update(denied, { kind: 'network-acl', aclId });
    expect(sameMatrix(m, checked(denied, DNS))).toEqual([]);
    expect(cell(m, src, dst)).toBe(false);
    b.doc.NetworkAcls.find((a: { NetworkAclId: string }) => a.NetworkAclId === aclId).Entries.shift();
    m.update(net(b.build()), { kind: 'network-acl', aclId });
    expect(cell(m, src, dst)).toBe(true);
    b.doc.RouteTables.find((r: { RouteTableId: string }) => r.RouteTableId === x.rtb).Routes.pop();
    const unrouted = net(b.build());
    m.update(unrouted, { kind: 'route-table', routeTableId: x.rtb });
    expect(sameMatrix(m, checked(unrouted, DNS))).toEqual([]);
    expect(cell(m, src, dst)).toBe(false);
  });

  it('follows edits of the peer\'s security group one after another, through the NAT gateway (TCP: replies translated back)', () => {
    const { b, gy, src, dst } = natToPeer();
    const m = buildReachabilityMatrix(net(b.build()), SSH);
    expect(cell(m, src, dst)).toBe(true);
    // The request arrives from the NAT's address: only the NAT gateway's own arrival changes.
    const group = b.doc.SecurityGroups.find((g: { GroupId: string }) => g.GroupId === gy);
    const steps: Array<[unknown[], boolean]> = [
      [[{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.1.0/24' }] }], false],
      [[{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.200/32' }] }], true],
      [[], false],
      [ALLOW_ALL, true],
    ];
    for (const [rules, reachable] of steps) {
      group.IpPermissions = rules;
      const n = net(b.build());
      m.update(n, { kind: 'security-group', groupId: gy });
      expect(sameMatrix(m, checked(n, SSH))).toEqual([]);
      expect(cell(m, src, dst)).toBe(reachable);
    }
  });

  it('does not count a reply that leaves through a NAT gateway of the destination VPC (asymmetric return)', () => {
    const b = new SnapshotBuilder();
    const x = b.vpc('10.0.0.0/16', 'x');
    const y = b.vpc('10.1.0.0/16', 'y');
    const sx = b.subnet(x.vpcId, '10.0.1.0/24', 'sx');
    const pub = b.subnet(y.vpcId, '10.1.0.0/24', 'y-public');
    const priv = b.subnet(y.vpcId, '10.1.1.0/24', 'y-private');
    const gx = b.securityGroup(x.vpcId, 'gx', ALLOW_ALL);
    const gy = b.securityGroup(y.vpcId, 'gy', ALLOW_ALL);
    const ex = b.instance(sx, '10.0.1.10', 'ex', { sgs: [gx] }).eniId;
    const ey = b.instance(priv, '10.1.1.10', 'ey', { sgs: [gy] }).eniId;
    const nat = b.natGateway(pub, '10.1.0.200', '198.51.100.9');
    const pcx = b.peering(x.vpcId, y.vpcId);
    b.route(x.rtb, '10.1.0.0/16', { VpcPeeringConnectionId: pcx });
    b.route(y.rtb, '10.0.0.0/16', { VpcPeeringConnectionId: pcx });
    const privRt = b.routeTable(y.vpcId, [priv]);
    b.route(privRt, '0.0.0.0/0', { NatGatewayId: nat });
    const n = net(b.build());
    const m = checked(n, ICMP);
    expect(cell(m, ex, ey)).toBe(false);
    expect(cell(checked(n, DNS), ex, ey)).toBe(true);
  });

  it('agrees when VPCs overlap: a column is its own interface, not another VPC\'s at the same address', () => {
    const b = new SnapshotBuilder();
    const x = b.vpc('10.0.0.0/16', 'x');
    const y = b.vpc('10.0.0.0/16', 'y');
    const sx = b.subnet(x.vpcId, '10.0.1.0/24', 'sx');
    const sy = b.subnet(y.vpcId, '10.0.1.0/24', 'sy');
    const gx = b.securityGroup(x.vpcId, 'gx', ALLOW_ALL);
    const gy = b.securityGroup(y.vpcId, 'gy', ALLOW_ALL);
    const x1 = b.instance(sx, '10.0.1.10', 'x1', { sgs: [gx] }).eniId;
    const x2 = b.instance(sx, '10.0.1.11', 'x2', { sgs: [gx] }).eniId;
    const y1 = b.instance(sy, '10.0.1.10', 'y1', { sgs: [gy] }).eniId;
    const m = checked(net(b.build()), ICMP);
    // x2's packets to 10.0.1.10 reach x1, the interface of x at that address: never y1.
    expect(cell(m, x2, y1)).toBe(false);
    expect(cell(m, x2, x1)).toBe(true);
    expect(cell(m, y1, x2)).toBe(false);
  });

  it('matches a group reference against the interface the route leads to when two peers share an address', () => {
    // Hub peers with b and c, which use the same block; hub routes it to c. An outbound rule
    // naming c's group must see c's interface at 10.1.1.10, not b's (first in peering order).
    const bd = new SnapshotBuilder();
    const hub = bd.vpc('10.0.0.0/16', 'hub');
    const vb = bd.vpc('10.1.0.0/16', 'b');
    const vc = bd.vpc('10.1.0.0/16', 'c');
    const sh = bd.subnet(hub.vpcId, '10.0.1.0/24', 'sh');
    const sb = bd.subnet(vb.vpcId, '10.1.1.0/24', 'sb');
    const sc = bd.subnet(vc.vpcId, '10.1.1.0/24', 'sc');
    const gb = bd.securityGroup(vb.vpcId, 'gb', ALLOW_ALL);
    const gc = bd.securityGroup(vc.vpcId, 'gc', ALLOW_ALL);
    const gh = bd.securityGroup(hub.vpcId, 'gh', ALLOW_ALL, [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: gc }] }]);
    const pb = bd.peering(hub.vpcId, vb.vpcId);
    const pc = bd.peering(hub.vpcId, vc.vpcId);
    bd.route(hub.rtb, '10.1.0.0/16', { VpcPeeringConnectionId: pc });
    bd.route(vb.rtb, '10.0.0.0/16', { VpcPeeringConnectionId: pb });
    bd.route(vc.rtb, '10.0.0.0/16', { VpcPeeringConnectionId: pc });
    const h = bd.instance(sh, '10.0.1.10', 'h', { sgs: [gh] }).eniId;
    const eb = bd.instance(sb, '10.1.1.10', 'eb', { sgs: [gb] }).eniId;
    const ec = bd.instance(sc, '10.1.1.10', 'ec', { sgs: [gc] }).eniId;
    const m = checked(net(bd.build()), ICMP);
    // 10.1.1.10 is routed to c: ec receives it (its group is the one the rule names), eb never does.
    expect(cell(m, h, ec)).toBe(true);
    expect(cell(m, h, eb)).toBe(false);
    // Routed to b instead, the rule no longer matches.
    bd.doc.RouteTables.find((t: { RouteTableId: string }) => t.RouteTableId === hub.rtb).Routes.find((r: { DestinationCidrBlock: string }) => r.DestinationCidrBlock === '10.1.0.0/16').VpcPeeringConnectionId = pb;
    const toB = checked(net(bd.build()), ICMP);
    expect(cell(toB, h, ec)).toBe(false);
  });

  it('updates after an edit exactly as a rebuild would', () => {
    const { b, v, s2, sg, a, c } = twoSubnets();
    const aclId = b.networkAcl(v.vpcId, [s2], [acl(100, false, 'allow', '0.0.0.0/0'), acl(100, true, 'allow', '0.0.0.0/0')]);
    const m = buildReachabilityMatrix(net(b.build()), SSH);
    expect(cell(m, a, c)).toBe(true);
    b.doc.SecurityGroups.find((g: { GroupId: string }) => g.GroupId === sg).IpPermissions = [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }];
    const afterSg = net(b.build());
    expect(m.update(afterSg, { kind: 'security-group', groupId: sg }).rebuilt).toBe(false);
    expect(cell(m, a, c)).toBe(false);
    expect(m.reachableCount).toBe(buildReachabilityMatrix(afterSg, SSH).reachableCount);
    b.doc.SecurityGroups.find((g: { GroupId: string }) => g.GroupId === sg).IpPermissions = ALLOW_ALL;
    b.doc.NetworkAcls.find((x: { NetworkAclId: string }) => x.NetworkAclId === aclId).Entries.unshift(acl(10, false, 'deny', '10.0.1.10/32'));
    const afterAcl = net(b.build());
    m.update(afterAcl, { kind: 'security-group', groupId: sg });
    m.update(afterAcl, { kind: 'network-acl', aclId });
    expect(cell(m, a, c)).toBe(false);
    expect(cell(m, c, a)).toBe(false);
    expect(m.reachableCount).toBe(buildReachabilityMatrix(afterAcl, SSH).reachableCount);
    b.instance(s2, '10.0.2.11', 'new', { sgs: [sg] });
    expect(m.update(net(b.build()), { kind: 'network-acl', aclId }).rebuilt).toBe(true);
    expect(m.size).toBe(4);
  });
});

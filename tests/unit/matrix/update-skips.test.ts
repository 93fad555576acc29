/**
 * Matrix.update leaves a row alone when nothing it reads in the edited target words moved
 * (its transposed arrival bits, its VPC's NAT gateways' answers) and its kind needs nothing
 * else (Lowering.rowKinds). Each case here edits so that a row's own arrival bits stay the
 * same while its reachability changes through something else: a skip that missed that
 * something would leave the row stale, and the update would differ from a rebuild.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SnapshotBuilder } from '../../support/builder.ts';
import { compileNetwork } from '../../../src/engine/index.ts';
import { buildReachabilityMatrix, type MatrixQuery } from '../../../src/engine/matrix/index.ts';
import { ALLOW_ALL, DNS, ICMP, SSH, cell, checked, natToPeer, net, sameMatrix } from './helpers.ts';
import { randomEdit, randomNatSnapshot, randomSnapshot } from './random-network.ts';

const from = (cidr: string) => [{ IpProtocol: '-1', IpRanges: [{ CidrIp: cidr }] }];

/** src (private subnet of x) reaches dst (in peer y) only through x's NAT gateway at 10.0.0.200. */
const throughNat = () => natToPeer(from('10.0.0.200/32'));

/** Sets the ingress rules of `groupId`, updates `m`, and checks it against a rebuild and the walk. */
function editGroup(b: SnapshotBuilder, m: ReturnType<typeof buildReachabilityMatrix>, groupId: string, rules: unknown[], q: MatrixQuery): void {
  b.doc.SecurityGroups.find((g: { GroupId: string }) => g.GroupId === groupId).IpPermissions = rules;
  const n = net(b.build());
  m.update(n, { kind: 'security-group', groupId });
  expect(sameMatrix(m, checked(n, q))).toEqual([]);
}

describe('matrix update: rows left alone', () => {
  it('UDP through a NAT gateway: the NAT\'s own arrival moves while the client\'s stays denied', () => {
    const { b, gy, src, dst } = throughNat();
    const m = buildReachabilityMatrix(net(b.build()), DNS);
    expect(cell(m, src, dst)).toBe(true);
    // dst never admits src's own address: only the NAT gateway's arrival changes.
    for (const [rules, reachable] of [[[], false], [from('10.0.0.200/32'), true], [from('10.0.1.0/24'), false], [from('10.0.0.0/24'), true]] as const) {
      editGroup(b, m, gy, [...rules], DNS);
      expect(cell(m, src, dst)).toBe(reachable);
    }
  });

  it('across an inter-region peering: an address rule added beside a group reference', () => {
    const b = new SnapshotBuilder();
    const x = b.vpc('10.0.0.0/16', 'x');
    const y = b.vpc('10.1.0.0/16', 'y', { region: 'us-west-2' });
    const sx = b.subnet(x.vpcId, '10.0.1.0/24', 'sx');
    const sy = b.subnet(y.vpcId, '10.1.1.0/24', 'sy', 'us-west-2a');
    const gx = b.securityGroup(x.vpcId, 'gx', ALLOW_ALL);
    // A reference to the sender's group: it matches in the walk only within a region.
    const gy = b.securityGroup(y.vpcId, 'gy', [{ IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: gx }] }]);
    const src = b.instance(sx, '10.0.1.10', 'src', { sgs: [gx] }).eniId;
    const dst = b.instance(sy, '10.1.1.10', 'dst', { sgs: [gy] }).eniId;
    const pcx = b.peering(x.vpcId, y.vpcId);
    b.route(x.rtb, '10.1.0.0/16', { VpcPeeringConnectionId: pcx });
    b.route(y.rtb, '10.0.0.0/16', { VpcPeeringConnectionId: pcx });
    const m = checked(net(b.build()), ICMP);
    expect(cell(m, src, dst)).toBe(false);
    // With or without the address rule, the reference still admits src in the arrival row with
    // groups: only the cross-region arrival (without references) moves.
    const ref = { IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: gx }] };
    for (const [rules, reachable] of [[[ref, ...from('10.0.1.10/32')], true], [[ref], false], [[ref, ...from('10.0.0.0/16')], true]] as const) {
      editGroup(b, m, gy, [...rules], ICMP);
      expect(cell(m, src, dst)).toBe(reachable);
    }
  });

  it('a VPC that gains an inter-region peering gets its arrival rows without group references then', () => {
    // Columns.fill makes those rows only for VPCs with an active inter-region peering.
    const b = new SnapshotBuilder();
    const x = b.vpc('10.0.0.0/16', 'x');
    const y = b.vpc('10.1.0.0/16', 'y', { region: 'us-west-2' });
    const sx = b.subnet(x.vpcId, '10.0.1.0/24', 'sx');
    const sy = b.subnet(y.vpcId, '10.1.1.0/24', 'sy', 'us-west-2a');
    const src = b.instance(sx, '10.0.1.10', 'src', { sgs: [b.securityGroup(x.vpcId, 'gx', ALLOW_ALL)] }).eniId;
    const dst = b.instance(sy, '10.1.1.10', 'dst', { sgs: [b.securityGroup(y.vpcId, 'gy', from('10.0.0.0/16'))] }).eniId;
    const pcx = b.peering(x.vpcId, y.vpcId, 'pending-acceptance');
    b.route(x.rtb, '10.1.0.0/16', { VpcPeeringConnectionId: pcx });
    b.route(y.rtb, '10.0.0.0/16', { VpcPeeringConnectionId: pcx });
    // Another inter-region peering, active throughout: the rows exist from the build, but not y's.
    const w = b.vpc('10.2.0.0/16', 'w', { region: 'us-west-2' });
    b.instance(b.subnet(w.vpcId, '10.2.1.0/24', 'sw', 'us-west-2a'), '10.2.1.10', 'other', { sgs: [b.securityGroup(w.vpcId, 'gw', ALLOW_ALL)] });
    const pxw = b.peering(x.vpcId, w.vpcId);
    b.route(x.rtb, '10.2.0.0/16', { VpcPeeringConnectionId: pxw });
    b.route(w.rtb, '10.0.0.0/16', { VpcPeeringConnectionId: pxw });
    const m = checked(net(b.build()), ICMP);
    expect(cell(m, src, dst)).toBe(false);
    for (const [status, reachable] of [['active', true], ['deleted', false], ['active', true]] as const) {
      b.doc.VpcPeeringConnections.find((p: { VpcPeeringConnectionId: string }) => p.VpcPeeringConnectionId === pcx).Status = { Code: status };
      const n = net(b.build());
      m.update(n, { kind: 'peering', peeringId: pcx });
      expect(sameMatrix(m, checked(n, ICMP))).toEqual([]);
      expect(cell(m, src, dst)).toBe(reachable);
    }
  });

  it('through a NAT gateway whose address another interface holds too (left to the walk)', () => {
    const { b, gy, src, dst } = throughNat();
    // A third VPC reuses x's block: the NAT's private address is also an interface's there.
    const z = b.vpc('10.0.0.0/16', 'z');
    const sz = b.subnet(z.vpcId, '10.0.0.0/24', 'sz');
    b.instance(sz, '10.0.0.200', 'twin', { sgs: [b.securityGroup(z.vpcId, 'gz', ALLOW_ALL)] });
    for (const q of [SSH, ICMP]) {
      const m = checked(net(b.build()), q);
      for (const rules of [[], from('10.0.0.200/32'), from('10.0.1.0/24'), ALLOW_ALL]) editGroup(b, m, gy, rules, q);
      // Back where it started, for the next query.
      editGroup(b, m, gy, from('10.0.0.200/32'), q);
      expect(cell(m, src, dst)).toBe(cell(checked(net(b.build()), q), src, dst));
    }
  });

  it('stays equal to a rebuild over long sequences of edits, every query', () => {
    const queries: MatrixQuery[] = [{ protocol: 1 }, { protocol: 6, port: 22 }, { protocol: 17, port: 53 }, { protocol: 6, port: 443 }];
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.boolean(), fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { minLength: 3, maxLength: 8 }), fc.constantFrom(...queries), (seed, nat, edits, q) => {
      let doc = nat ? randomNatSnapshot(seed) : randomSnapshot(seed);
      const m = buildReachabilityMatrix(compileNetwork(doc), q);
      for (const e of edits) {
        const edit = randomEdit(doc, e);
        doc = edit.doc;
        const n = compileNetwork(doc);
        m.update(n, edit.change);
        expect(sameMatrix(m, buildReachabilityMatrix(n, q)), `seed ${seed} nat ${nat} edit ${e} ${JSON.stringify(edit.change)} ${JSON.stringify(q)}`).toEqual([]);
      }
    }), { seed: 29, numRuns: 120 });
  });
});

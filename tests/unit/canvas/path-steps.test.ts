import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../../../src/engine/model/compile.ts';
import { traceProbe } from '../../../src/engine/walk/index.ts';
import { pathSteps } from '../../../src/ui/canvas/path.ts';
import { SnapshotBuilder } from '../../support/builder.ts';

/** Two peered VPCs; the destination subnet's network ACL denies inbound ICMP; both subnets share no ACL. */
function network(denyAt: 'nacl' | 'sg') {
  const b = new SnapshotBuilder();
  const a = b.vpc('10.1.0.0/16', 'vpc-a');
  const c = b.vpc('10.2.0.0/16', 'vpc-b');
  const sa = b.subnet(a.vpcId, '10.1.0.0/24', 'public-a');
  const sc = b.subnet(c.vpcId, '10.2.0.0/24', 'public-b');
  const icmp = [{ IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }];
  const ga = b.securityGroup(a.vpcId, 'a', icmp);
  const gc = b.securityGroup(c.vpcId, 'b', denyAt === 'sg' ? [] : icmp);
  const ia = b.instance(sa, '10.1.0.10', 'web-a', { sgs: [ga] });
  const ic = b.instance(sc, '10.2.0.20', 'web-b', { sgs: [gc] });
  const pcx = b.peering(a.vpcId, c.vpcId);
  b.route(a.rtb, '10.2.0.0/16', { VpcPeeringConnectionId: pcx });
  b.route(c.rtb, '10.1.0.0/16', { VpcPeeringConnectionId: pcx });
  if (denyAt === 'nacl') {
    b.networkAcl(c.vpcId, [sc], [
      { RuleNumber: 90, Protocol: '1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0', IcmpTypeCode: { Type: -1, Code: -1 } },
      { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' },
      { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0' },
    ]);
  }
  return { net: compileNetwork(b.build()), ia, ic, sc };
}

describe('the canvas path of a trace', () => {
  // The destination is named by its address, so the canvas has no interface to guess from:
  // the engine says where each filter applied.
  it('marks the destination subnet when its network ACL denies the request', () => {
    const { net, ia, sc } = network('nacl');
    const out = traceProbe(net, { from: ia.instanceId, to: '10.2.0.20', protocol: 1 });
    if (!out.ok) throw new Error(out.error);
    const blocked = pathSteps(net, out.details, null).filter((s) => s.blocked).map((s) => s.id);
    expect(blocked).toEqual([sc]);
  });

  it('marks the destination instance when its security group denies the request', () => {
    const { net, ia, ic } = network('sg');
    const out = traceProbe(net, { from: ia.instanceId, to: '10.2.0.20', protocol: 1 });
    if (!out.ok) throw new Error(out.error);
    const blocked = pathSteps(net, out.details, null).filter((s) => s.blocked).map((s) => s.id);
    expect(blocked).toEqual([ic.instanceId]);
  });

  it('says where each filter and route table applied, and nothing for other hops', () => {
    const { net, ia, ic, sc } = network('nacl');
    const out = traceProbe(net, { from: ia.instanceId, to: ic.instanceId, protocol: 1 });
    if (!out.ok) throw new Error(out.error);
    const places = out.details.result.forward.hops.map((h) => [h.kind, out.details.appliedTo(h)]);
    expect(places.find(([k]) => k === 'network-acl')).toEqual(['network-acl', expect.stringMatching(/^subnet-/)]);
    expect(places.at(-1)).toEqual(['network-acl', sc]);
    expect(places.filter(([k]) => k === 'vpc-peering-connection' || k === 'network-interface').every(([, p]) => p === null)).toBe(true);
    expect(places.find(([k]) => k === 'security-group')).toEqual(['security-group', ia.eniId]);
  });
});

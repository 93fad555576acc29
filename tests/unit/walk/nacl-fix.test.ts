import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../../../src/engine/model/compile.ts';
import { traceProbe } from '../../../src/engine/walk/index.ts';
import { applyFix } from '../../../src/engine/edit/index.ts';
import { SnapshotBuilder } from '../../support/builder.ts';
import type { Snapshot } from '../../../src/engine/model/schema.ts';

const ALLOW_ALL = (egress: boolean, n = 100) => ({ RuleNumber: n, Protocol: '-1', RuleAction: 'allow', Egress: egress, CidrBlock: '0.0.0.0/0' });

/** Two instances in two subnets of one VPC; the target's subnet has the network ACL given. */
function twoSubnets(entries: object[]) {
  const b = new SnapshotBuilder();
  const v = b.vpc('10.0.0.0/16', 'app');
  const a = b.subnet(v.vpcId, '10.0.0.0/24', 'a');
  const z = b.subnet(v.vpcId, '10.0.1.0/24', 'b');
  const ssh = b.securityGroup(v.vpcId, 'ssh', [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/16' }] }]);
  const from = b.instance(a, '10.0.0.10', 'client', { sgs: [ssh] });
  const to = b.instance(z, '10.0.1.10', 'server', { sgs: [ssh] });
  const acl = b.networkAcl(v.vpcId, [z], entries);
  return { doc: b.build(), from: from.instanceId, to: to.instanceId, acl };
}

function firstExplanation(doc: Snapshot, from: string, to: string, sourcePort?: number) {
  const out = traceProbe(compileNetwork(doc), { from, to, protocol: 6, port: 22, sourcePort });
  if (!out.ok) throw new Error(out.error);
  return { result: out.details.result, first: out.details.result.explanations[0] };
}

describe('network ACL fixes', () => {
  it('when the denying entry is rule 1, says to replace it (no number can come first), with no one-click add', () => {
    const { doc, from, to, acl } = twoSubnets([
      { RuleNumber: 1, Protocol: '6', RuleAction: 'deny', Egress: false, CidrBlock: '10.0.0.0/16', PortRange: { From: 22, To: 22 } },
      ALLOW_ALL(false), ALLOW_ALL(true),
    ]);
    const { first } = firstExplanation(doc, from, to);
    expect(first.code).toBe('SUBNET_ACL_RESTRICTION');
    expect(first.fix).toBe(`Rule 1 is evaluated first, so no rule can come before it: replace inbound rule 1 of ${acl} with one allowing TCP port 22 from 10.0.0.0/16 (aws ec2 replace-network-acl-entry), or renumber so that an allow comes first.`);
    expect(first.action).toBeUndefined();
  });

  it('when every number below the denying entry is taken, says so and to replace it', () => {
    const { doc, from, to } = twoSubnets([
      { RuleNumber: 1, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '192.168.0.0/16' },
      { RuleNumber: 2, Protocol: '6', RuleAction: 'deny', Egress: false, CidrBlock: '10.0.0.0/16', PortRange: { From: 22, To: 22 } },
      ALLOW_ALL(false), ALLOW_ALL(true),
    ]);
    const { first } = firstExplanation(doc, from, to);
    expect(first.fix).toMatch(/^Every rule number before 2 is taken, and rules are evaluated lowest number first: replace inbound rule 2 of acl-\w+ with one allowing TCP port 22 from 10\.0\.0\.0\/16/);
    expect(first.action).toBeUndefined();
  });

  it('numbers the added entry in a free slot before the denying one, and the one-click fix lets the traffic through', () => {
    const { doc, from, to } = twoSubnets([
      { RuleNumber: 1, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '192.168.0.0/16' },
      { RuleNumber: 3, Protocol: '6', RuleAction: 'deny', Egress: false, CidrBlock: '10.0.0.0/16', PortRange: { From: 22, To: 22 } },
      ALLOW_ALL(false), ALLOW_ALL(true),
    ]);
    const { first } = firstExplanation(doc, from, to);
    expect(first.fix).toMatch(/^Add an inbound rule 2 allowing TCP port 22 from 10\.0\.0\.0\/16 to acl-/);
    const fixed = applyFix(doc, first.action!);
    expect(fixed.error).toBeUndefined();
    expect(firstExplanation(fixed.doc, from, to).result.reachable).toBe(true);
  });

  it('for a reply to a client port below 1024, allows that port (the ephemeral range 1024-65535 would not)', () => {
    const { doc, from, to } = twoSubnets([ALLOW_ALL(false), { RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0', PortRange: { From: 1024, To: 65535 } }]);
    const { first } = firstExplanation(doc, from, to, 1000);
    expect(first).toMatchObject({ code: 'SUBNET_ACL_RESTRICTION', path: 'return' });
    expect(first.fix).toMatch(/^Add an outbound rule 200 allowing TCP port 1000 to 10\.0\.0\.0\/16 to acl-/);
    const fixed = applyFix(doc, first.action!);
    expect(firstExplanation(fixed.doc, from, to, 1000).result.reachable).toBe(true);
  });

  it('for a reply to an ephemeral client port, allows the whole range 1024-65535', () => {
    const { doc, from, to } = twoSubnets([ALLOW_ALL(false)]);
    const { first } = firstExplanation(doc, from, to);
    expect(first.fix).toMatch(/^Add an outbound rule 100 allowing TCP ports 1024-65535 to 10\.0\.0\.0\/16 to acl-/);
  });
});

import { describe, expect, it } from 'vitest';
import { checkLabel, createCheckContext, evaluateCheck, evaluateLab, parseLabIndex, type Check } from '../../../src/engine/labs/index.ts';
import { fieldsText, resourceMatchPhrase, some } from '../../../src/engine/labs/match-text.ts';
import type { Snapshot } from '../../../src/engine/model/schema.ts';
import { loadLab, playLab, readLabText } from './helpers.ts';

/** Matcher syntax a learner must never read: operators and JSON objects. */
const SYNTAX = /\$[a-z]+|[{}"]/;

describe('check texts are sentences, not matcher syntax', () => {
  it('a route reads "route 0.0.0.0/0 → a NAT gateway (nat-…)"', () => {
    const nat = loadLab('nat-gateway.json');
    const check = nat.steps.find((s) => s.id === 'route-via-nat')!.checks[0];
    const detail = evaluateCheck(check, createCheckContext(nat.start as Snapshot, [])).detail;
    expect(detail).toBe('route table rtb-03d48fe1351d77fdd: no route 0.0.0.0/0 → a NAT gateway (nat-…).');
    expect(checkLabel({ ...check, label: undefined } as Check)).toBe('private-rt has a route 0.0.0.0/0 → a NAT gateway (nat-…)');
  });

  it('network ACL entries, security group rules, CIDR blocks and where-clauses read as words', () => {
    expect(some(resourceMatchPhrase('Entries', { Egress: true, RuleAction: 'allow', Protocol: '6', PortRange: { From: { $lte: 1024 }, To: 65535 } })))
      .toBe('an outbound allow entry for TCP to ports covering 1024-65535');
    expect(some(resourceMatchPhrase('Entries', { Egress: true, RuleAction: 'allow', Protocol: { $in: ['1', '-1'] } }))).toBe('an outbound allow entry for ICMP or all traffic');
    expect(some(resourceMatchPhrase('IpPermissions', { FromPort: { $lte: 22 }, ToPort: { $gte: 22 }, IpRanges: { CidrIp: '0.0.0.0/0' } }))).toBe('an inbound rule for port 22 from 0.0.0.0/0');
    expect(some(resourceMatchPhrase('IpPermissionsEgress', { IpProtocol: '-1' }))).toBe('an outbound rule for all traffic');
    expect(some(resourceMatchPhrase('CidrBlockAssociationSet', { CidrBlock: '10.20.0.0/16', CidrBlockState: { State: 'associated' } }))).toBe('a CIDR block 10.20.0.0/16 (associated)');
    expect(some(resourceMatchPhrase('NatGatewayAddresses', { PublicIp: { $exists: true } }))).toBe('NatGatewayAddresses with PublicIp set');
  });

  it('record fields read as field=value, with operators in words', () => {
    expect(fieldsText({ interfaceId: 'name:app-1', trafficPath: { $in: [2, 8] }, dstAddr: { $ne: '198.51.100.80' }, srcAddr: { $cidr: '10.20.0.0/24' }, instanceId: null }))
      .toBe('interfaceId=app-1, trafficPath=2 or 8, dstAddr other than 198.51.100.80, srcAddr in 10.20.0.0/24, instanceId=-');
  });

  it('the Logs Insights advice names a log group, or says to pick the flow log\'s', () => {
    const lab = loadLab('peering-and-flow-logs.json');
    const check = lab.steps.find((s) => s.id === 'top-talkers')!.checks[0];
    const detail = evaluateCheck(check, createCheckContext(lab.start as Snapshot, [])).detail;
    expect(detail).toMatch(/^Open Logs Insights, select your flow log's log group and run a query such as /);
    expect(detail).not.toContain('select log group your');
  });
});

const index = parseLabIndex(readLabText('index.json'));
if (!index.ok) throw new Error('index');

describe.each(index.index.labs)('built-in lab $id: no label or detail shows matcher syntax', ({ file }) => {
  it('at the start and after every step', () => {
    const lab = loadLab(file);
    const all = [evaluateLab(lab, lab.start as Snapshot), ...playLab(lab).map((s) => s.progress)];
    const bad = all.flatMap((p) => p.steps.flatMap((s) => s.checks.flatMap((c) => [c.label, c.detail]))).filter((t) => SYNTAX.test(t.replace(/"[^"]*"/g, (q) => (q.includes('{') || q.includes('$') ? q : ''))));
    expect(bad).toEqual([]);
  });
  it('in the default label of every check (as an author who writes no label sees it)', () => {
    const lab = loadLab(file);
    const labels = lab.steps.flatMap((s) => s.checks.map((c) => checkLabel({ ...c, label: undefined } as Check)));
    expect(labels.filter((l) => SYNTAX.test(l.replace(/"[^"]*"/g, '')))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  Resolver, applyChanges, createCheckContext, evaluateCheck, evaluateLab, matchEnv, matches, sendTraffic,
  type Check, type CheckContext, type Lab,
} from '../../../src/engine/labs/index.ts';
import type { FlowLogRecord } from '../../../src/engine/flowlog/index.ts';
import type { Snapshot } from '../../../src/engine/model/schema.ts';
import { loadLab } from './helpers.ts';

// Lab 1's documents: the start, after the flow log (step 2), and solved.
const lab1 = loadLab('peering-and-flow-logs.json');
const solvedUpTo = (lab: Lab, n: number): Snapshot => lab.steps.slice(0, n).reduce((doc, s) => {
  const r = applyChanges(doc, s.solution ?? []);
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}, lab.start as Snapshot);
const start = lab1.start as Snapshot;
const logged = solvedUpTo(lab1, 2);
const solved = solvedUpTo(lab1, lab1.steps.length);
const ping = { from: 'name:web-1', to: 'name:web-2', protocol: 'icmp' as const };

const run = (check: Check, doc: Snapshot, records: FlowLogRecord[] = []) => evaluateCheck(check, createCheckContext(doc, records));
const passes = (check: Check, doc: Snapshot, records?: FlowLogRecord[]) => run(check, doc, records).passed;

describe('reachable', () => {
  const check: Check = { kind: 'reachable', ...ping };
  it('passes when the request and the reply get through, fails with the first explanation otherwise', () => {
    expect(run(check, solved)).toEqual({ passed: true, detail: 'ping from web-1 to web-2: delivered, and the reply gets back.' });
    const r = run(check, start);
    expect(r.passed).toBe(false);
    expect(r.detail).toMatch(/^ping from web-1 to web-2 does not get through: Internet gateway igw-\w+ drops traffic to 10\.2\.1\.20/);
  });
  it('with expect: false, passes only when the traffic is stopped', () => {
    expect(passes({ ...check, expect: false }, start)).toBe(true);
    expect(passes({ ...check, expect: false }, solved)).toBe(false);
  });
  it('fails with a reason when an end cannot be resolved', () => {
    expect(run({ kind: 'reachable', from: 'name:web-9', to: 'name:web-2' }, solved).detail).toBe('The traffic cannot be sent: from: no resource is named "web-9".');
    expect(run({ kind: 'reachable', from: 'name:vpc-1', to: 'name:web-2' }, solved).detail).toMatch(/from: "vpc-1" names VPC vpc-\w+, which cannot be used here/);
    expect(run({ kind: 'reachable', from: 'i-0000000000000dead', to: 'name:web-2' }, solved).detail).toMatch(/--from: instance i-0000000000000dead is not in the snapshot/);
  });
});

describe('explanation', () => {
  const toPrivate = { from: 'name:web-1', to: '10.2.1.20', protocol: 'icmp' as const };
  it('passes when an explanation has the code (and component, path, direction)', () => {
    expect(passes({ kind: 'explanation', ...toPrivate, code: 'IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS', component: 'name:vpc-1-igw', path: 'forward' }, start)).toBe(true);
    expect(passes({ kind: 'explanation', ...toPrivate, code: 'IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS', component: 'name:vpc-2-igw' }, start)).toBe(false);
    expect(passes({ kind: 'explanation', ...toPrivate, code: 'IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS', path: 'return' }, start)).toBe(false);
    const other = run({ kind: 'explanation', ...toPrivate, code: 'NO_ROUTE_TO_DESTINATION' }, start);
    expect(other.detail).toMatch(/^The trace explains it otherwise: IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS at igw-\w+\.$/);
  });
  it('fails when the traffic gets through', () => {
    expect(run({ kind: 'explanation', ...ping, code: 'NO_ROUTE_TO_DESTINATION' }, solved).detail).toBe('ping from web-1 to web-2 gets through, so there is nothing to explain.');
  });
  it('an instance stands for its network interface, and return-path NACL blocks are found', () => {
    const lab2 = loadLab('sg-vs-nacl.json');
    const doc = lab2.start as Snapshot;
    expect(passes({ kind: 'explanation', from: 'internet', to: 'name:web-1', protocol: 'tcp', port: 8080, code: 'ENI_SG_RULES_MISMATCH', component: 'name:web-1' }, doc)).toBe(true);
    const reply = { kind: 'explanation' as const, from: 'internet', to: 'name:web-1', protocol: 'icmp' as const, code: 'SUBNET_ACL_RESTRICTION' as const, component: 'name:web-nacl' };
    expect(passes({ ...reply, path: 'return', direction: 'egress' }, doc)).toBe(true);
    expect(passes({ ...reply, path: 'forward' }, doc)).toBe(false);
  });
});

describe('flow-log-exists', () => {
  const check: Check = { kind: 'flow-log-exists', resource: 'name:vpc-1', trafficType: 'ALL', destinationType: 'cloud-watch-logs', delivering: true };
  it('passes for a matching flow log and says why otherwise', () => {
    expect(run(check, start).detail).toMatch(/^No flow log on vpc-\w+ exists yet\.$/);
    expect(run(check, logged)).toMatchObject({ passed: true, detail: expect.stringMatching(/^Flow log fl-\w+ on vpc-\w+: ALL traffic to cloud-watch-logs \(vpc-1-flow-logs\)\.$/) });
    expect(run({ ...check, trafficType: 'REJECT' }, logged).detail).toMatch(/keeps ALL traffic, not REJECT/);
    expect(run({ ...check, destinationType: 's3' }, logged).detail).toMatch(/sends to cloud-watch-logs, not s3/);
    expect(run({ ...check, logGroup: 'other' }, logged).detail).toMatch(/writes to log group vpc-1-flow-logs, not other/);
    expect(run({ ...check, fields: ['flow-direction'] }, logged).detail).toMatch(/lacks \$\{flow-direction\}/);
  });
  it('with delivering, needs a role the service can assume', () => {
    const noTrust = applyChanges(logged, [{ op: 'replace', path: '/Playground/iamRoles/0/AssumeRolePolicyDocument/Statement/0/Principal', value: { Service: 'ec2.amazonaws.com' } }]);
    expect(noTrust.ok).toBe(true);
    if (!noTrust.ok) return;
    const r = run(check, noTrust.doc);
    expect(r.passed).toBe(false);
    expect(r.detail).toMatch(/cannot deliver \(DeliverLogsStatus FAILED, "Access error"\): The trust policy of role flowlogsRole does not let vpc-flow-logs\.amazonaws\.com assume it/);
    expect(passes({ ...check, delivering: undefined }, noTrust.doc)).toBe(true);
  });
  it('"covers" accepts a flow log on the interface, its subnet or its VPC', () => {
    expect(passes({ kind: 'flow-log-exists', covers: 'name:web-1' }, logged)).toBe(true);
    expect(passes({ kind: 'flow-log-exists', covers: 'name:web-2' }, logged)).toBe(false);
  });
});

describe('flow-log-record', () => {
  const echoIn: Check = { kind: 'flow-log-record', match: { interfaceId: 'name:web-1', srcAddr: 'name:web-2', protocol: 1, action: 'ACCEPT' } };
  const records = sendTraffic(solved, [ping]).records;
  it('looks at the records it is given', () => {
    expect(records.map((r) => r.line.split(' ').slice(3, 5).join(' '))).toEqual(['10.1.1.10 10.2.1.20', '10.2.1.20 10.1.1.10']);
    expect(run(echoIn, solved, records)).toMatchObject({ passed: true, detail: expect.stringMatching(/^1 matching record\(s\), e\.g\. "2 123456789012 eni-\w+ 10\.2\.1\.20 10\.1\.1\.10 0 0 1 4 336 /) });
    expect(run(echoIn, solved).detail).toBe('No flow-log records yet: is a flow log watching, and has traffic been sent?');
    expect(run({ ...echoIn, min: 2 }, solved, records).detail).toBe('1 of the 2 record(s) match interfaceId=web-1, srcAddr=web-2, protocol=1, action=ACCEPT (2 needed).');
  });
  it('sends its own traffic when it has some, on the current document', () => {
    const own: Check = { ...echoIn, traffic: [ping] };
    expect(passes(own, solved)).toBe(true);
    expect(passes(own, logged)).toBe(false);
    expect(passes({ ...own, match: { ...echoIn.match, action: 'REJECT' } } as Check, solved)).toBe(false);
  });
  it('matches with operators', () => {
    expect(passes({ kind: 'flow-log-record', match: { srcAddr: { $cidr: '10.2.0.0/16' }, bytes: { $gte: 336 }, flowDirection: 'ingress', trafficPath: null } }, solved, records)).toBe(true);
    expect(passes({ kind: 'flow-log-record', match: { srcAddr: { $cidr: '10.3.0.0/16' } } }, solved, records)).toBe(false);
  });
  it('with expect: false, passes only if a flow log that keeps the traffic watches the interface', () => {
    const none: Check = { kind: 'flow-log-record', match: { interfaceId: 'name:web-2', protocol: 1 }, expect: false, traffic: [ping] };
    expect(run(none, solved).detail).toMatch(/^No flow log watches eni-\w+, so its silence proves nothing\.$/);
    const dns: Check = { kind: 'flow-log-record', match: { interfaceId: 'name:web-1', dstAddr: '10.1.0.2' }, expect: false, traffic: [{ from: 'name:web-1', to: '10.1.0.2', protocol: 'udp', port: 53 }] };
    expect(passes(dns, solved)).toBe(true);
    expect(run({ ...dns, match: { interfaceId: 'name:web-1', protocol: 1 }, traffic: [ping] } as Check, solved).detail).toMatch(/^2 record\(s\) match/);
  });
  it('says when a name in the match does not resolve', () => {
    expect(run({ kind: 'flow-log-record', match: { srcAddr: 'name:nobody' } }, solved, records).detail).toBe('The check cannot be evaluated: no resource is named "nobody".');
  });
});

describe('resource', () => {
  const route: Check = { kind: 'resource', resource: 'name:vpc-1-rt', path: 'Routes', match: { DestinationCidrBlock: '10.2.0.0/16', VpcPeeringConnectionId: { $prefix: 'pcx-' } } };
  it('finds a value in a list at a path', () => {
    expect(passes(route, solved)).toBe(true);
    expect(run(route, start).detail).toMatch(/^route table rtb-\w+: no route 10\.2\.0\.0\/16 → a peering connection \(pcx-…\)\.$/);
    expect(passes({ ...route, expect: false }, start)).toBe(true);
  });
  it('selects items of a collection with where', () => {
    expect(passes({ kind: 'resource', collection: 'VpcPeeringConnections', where: { RequesterVpcInfo: { VpcId: 'name:vpc-1' } }, path: 'Status.Code', match: 'active' }, solved)).toBe(true);
    expect(run({ kind: 'resource', collection: 'NatGateways' }, solved).detail).toBe('There is no NAT gateway yet.');
    expect(passes({ kind: 'resource', collection: 'Instances', where: { Tags: { Key: 'Name', Value: 'web-2' } }, path: 'PrivateIpAddress', match: { $cidr: '10.2.0.0/16' } }, solved)).toBe(true);
  });
  it('compares numbers written as text and as numbers, and IAM roles by name', () => {
    expect(passes({ kind: 'resource', collection: 'NetworkAcls', path: 'Entries', match: { RuleNumber: '100', Protocol: -1 } }, start)).toBe(true);
    expect(passes({ kind: 'resource', resource: 'flowlogsRole', collection: 'IamRoles', path: 'Policies[0].PolicyDocument.Statement[0].Action', match: 'logs:PutLogEvents' }, solved)).toBe(true);
  });
  it('reports unknown names and ambiguity', () => {
    expect(run({ kind: 'resource', resource: 'name:nope' }, solved).detail).toBe('resource: no resource is named "nope".');
    const twice = applyChanges(solved, [{ op: 'add', path: '/Vpcs/1/Tags/0/Value', value: 'vpc-1' }]);
    expect(twice.ok && run({ kind: 'resource', resource: 'name:vpc-1' }, twice.doc).detail).toMatch(/the name "vpc-1" is ambiguous: VPC vpc-\w+, VPC vpc-\w+/);
  });
});

describe('peering-state', () => {
  it('finds a peering between two VPCs in either order', () => {
    const check: Check = { kind: 'peering-state', between: ['name:vpc-2', 'name:vpc-1'] };
    expect(passes(check, solved)).toBe(true);
    expect(run(check, start).detail).toMatch(/^No peering connects vpc-\w+ and vpc-\w+ yet\.$/);
    const pending = solvedUpTo(lab1, 4);
    expect(run(check, pending).detail).toMatch(/^pcx-\w+ is pending-acceptance, not active\.$/);
    expect(passes({ ...check, status: ['pending-acceptance', 'active'] }, pending)).toBe(true);
    expect(passes({ ...check, expect: false }, start)).toBe(true);
  });
});

describe('insights-query with "evidence": "records" (the engine runs the query itself)', () => {
  const top: Check = {
    kind: 'insights-query', evidence: 'records', query: 'stats sum(bytes) as bytesTransferred by srcAddr, dstAddr | sort bytesTransferred desc | limit 10',
    traffic: [{ from: 'name:web-1', to: 'name:web-2', protocol: 'tcp', port: 22, count: 20 }], topRow: { srcAddr: 'name:web-1', dstAddr: '10.2.1.20' },
  };
  it('runs the query over the records and compares the top row', () => {
    expect(run(top, solved)).toEqual({ passed: true, detail: 'Top row: srcAddr=10.1.1.10, dstAddr=10.2.1.20, bytesTransferred=3256.' });
    expect(run({ ...top, topRow: { srcAddr: 'name:web-2' } } as Check, solved).detail).toBe('The top row is srcAddr=10.1.1.10, dstAddr=10.2.1.20, bytesTransferred=3256.');
    expect(run({ ...top, topRow: { bytes: 1 } } as Check, solved).detail).toBe('The result has no column bytes (columns: srcAddr, dstAddr, bytesTransferred).');
    expect(run(top, start).detail).toBe('No flow-log records yet.');
  });
  it('filters by log group and counts rows', () => {
    expect(run({ ...top, logGroup: 'elsewhere' } as Check, solved).detail).toBe('No flow-log records in log group elsewhere yet.');
    expect(passes({ kind: 'insights-query', evidence: 'records', query: 'fields srcAddr', traffic: [ping], logGroup: 'vpc-1-flow-logs', minRows: 2 }, solved)).toBe(true);
    expect(run({ kind: 'insights-query', evidence: 'records', query: 'fields srcAddr', traffic: [ping], minRows: 3 }, solved).detail).toBe('The query returns 2 row(s), fewer than 3.');
  });
  it('replays the lab\'s background traffic when asked to', () => {
    const lab5 = loadLab('flow-logs-security.json');
    const check: Check = { kind: 'insights-query', evidence: 'records', query: 'filter action="REJECT" | stats count(*) as n by srcAddr | sort n desc', traffic: 'background', topRow: { srcAddr: '192.0.2.44', n: 5 } };
    const ctx = createCheckContext(lab5.start as Snapshot, [], lab5.background);
    expect(evaluateCheck(check, ctx)).toEqual({ passed: true, detail: 'Top row: srcAddr=192.0.2.44, n=5.' });
    expect(evaluateCheck(check, createCheckContext(lab5.start as Snapshot)).detail).toBe('No flow-log records yet.');
  });

  it('reports a query that fails at run time', () => {
    const r = run({ kind: 'insights-query', evidence: 'records', query: 'stats count(*) as n by srcAddr | sort nope desc', traffic: [ping], minRows: 1 }, solved);
    expect(r.passed).toBe(false);
    expect(r.detail).toMatch(/^The query does not run: line 1, column \d+: /);
  });
});

describe('evaluateLab', () => {
  it('gives each step its checks, the current step and whether the lab is done, deterministically', () => {
    const a = evaluateLab(lab1, logged);
    expect(a.current).toBe(2);
    expect(a.done).toBe(false);
    expect(a.steps.map((s) => s.complete)).toEqual([true, true, false, false, false, false, false, false]);
    expect(a.steps[0].checks[0]).toMatchObject({ passed: true, guard: false, label: 'An IAM role trusts vpc-flow-logs.amazonaws.com to assume it' });
    expect(JSON.stringify(evaluateLab(lab1, logged))).toBe(JSON.stringify(a));
  });
  it('writes a label when a check has none', () => {
    const ctx: CheckContext = createCheckContext(solved);
    const lab: Lab = { ...lab1, steps: [{ id: 'x', title: 'X', instructions: '', hints: [], checks: [{ kind: 'reachable', ...ping, port: undefined, expect: false }] }] } as Lab;
    expect(evaluateLab(lab, solved).steps[0].checks[0].label).toBe('ping from web-1 to web-2 does not get through');
    expect(evaluateCheck({ kind: 'peering-state', between: ['name:vpc-1', 'name:vpc-2'] }, ctx).passed).toBe(true);
  });
});

describe('robustness', () => {
  it('evaluates any document and any records without throwing', () => {
    const junk = { Vpcs: 'x', Subnets: [null, 5], RouteTables: {}, Playground: 3, FlowLogs: [{}], Reservations: [{ Instances: [null, { InstanceId: 5 }] }] } as unknown as Snapshot;
    for (const file of ['peering-and-flow-logs.json', 'flow-logs-security.json']) {
      const lab = loadLab(file);
      for (const doc of [{} as Snapshot, junk]) {
        const p = evaluateLab(lab, doc, [{} as FlowLogRecord, null as unknown as FlowLogRecord]);
        expect(p.current).toBe(0);
        expect(p.steps.flatMap((s) => s.checks).filter((c) => /could not be evaluated/.test(c.detail))).toEqual([]);
      }
    }
  });
});

describe('references and matchers', () => {
  const r = new Resolver(solved);
  it('turn names into what each field needs', () => {
    expect(r.address('name:web-2')).toEqual({ ok: true, value: '10.2.1.20' });
    const eni = r.interfaceId('name:web-1');
    expect(eni.ok && eni.value).toMatch(/^eni-/);
    const inst = r.endpoint('name:web-1');
    expect(inst.ok && inst.value).toMatch(/^i-/);
    expect(r.endpoint('10.1.1.10')).toEqual({ ok: true, value: '10.1.1.10' });
    expect(r.resourceId('name:vpc-1-rt').ok).toBe(true);
  });
  it('operators', () => {
    const env = matchEnv(r);
    expect(matches('10.2.0.0/24', { $cidr: '10.2.0.0/16' }, env)).toBe(true);
    expect(matches('10.0.0.0/8', { $cidr: '10.2.0.0/16' }, env)).toBe(false);
    expect(matches(undefined, { $exists: false }, env)).toBe(true);
    expect(matches('a', { $in: ['b', 'a'], $ne: 'c', $not: { $prefix: 'x' } }, env)).toBe(true);
    expect(matches([{ a: 1 }, { a: 2 }], [{ a: 2 }, { a: 1 }], env)).toBe(true);
    expect(matches([{ a: 1 }], [{ a: 2 }], env)).toBe(false);
    expect(matches({ a: 1 }, { $bogus: 1 }, env)).toBe(false);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { traceCommand } from '../../../src/cli/trace-command.ts';
import { SnapshotBuilder } from '../../support/builder.ts';

const shared = join(import.meta.dirname, '../../../../shared/aws-snapshots');

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await traceCommand(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vpc-lab-'));
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

describe('vpc-lab trace', () => {
  it('the contract example: no route, one egress ACCEPT on the source interface', async () => {
    const r = await run('--snapshot', join(shared, 'test-vpc-peering'), '--from', 'i-06ba034d88c84ef07', '--to', '192.168.100.1', '--protocol', 'tcp', '--port', '22', '--flow-logs', 'all');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.reachable).toBe(false);
    expect(out.return).toBeNull();
    expect(out.explanations[0]).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION', path: 'forward', component: 'rtb-0891861fffaea6d52' });
    expect(out.explanations[0].action).toBeUndefined();
    expect(out.flowLogs).toHaveLength(1);
    expect(out.flowLogs[0].fields).toMatchObject({ interfaceId: 'eni-0f0708220e812876c', action: 'ACCEPT', flowDirection: 'egress', dstAddr: '192.168.100.1', dstPort: 22, protocol: 6 });
    expect(Object.keys(out)).toEqual(['warnings', 'reachable', 'forward', 'return', 'explanations', 'flowLogs']);
  });

  it('is deterministic: the same arguments give byte-identical output', async () => {
    const args = ['--snapshot', join(shared, 'test-nat-gateway'), '--from', 'internet', '--to', '8.8.8.8'];
    const b = new SnapshotBuilder();
    const v = b.vpc('10.0.0.0/16', 'x');
    const s = b.subnet(v.vpcId, '10.0.1.0/24', 's');
    const i = b.instance(s, '10.0.1.10', 'a');
    b.instance(s, '10.0.1.11', 'b');
    const file = tempFile('doc.json', JSON.stringify(b.build()));
    const first = await run('--snapshot', file, '--from', i.instanceId, '--to', '10.0.1.11', '--flow-logs', 'all', '--protocol', 'tcp', '--port', '443');
    const second = await run('--snapshot', file, '--from', i.instanceId, '--to', '10.0.1.11', '--flow-logs', 'all', '--protocol', 'tcp', '--port', '443');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    expect(JSON.parse(first.stdout).reachable).toBe(true);
    expect((await run(...args)).code).toBe(2); // both ends outside the snapshot
  });

  it.each([
    [['--from', 'a', '--to', 'b'], /--snapshot is required/],
    [['--snapshot', '/no/such/file.json', '--from', 'a', '--to', 'b'], /cannot read \/no\/such\/file\.json/],
    [['--snapshot', 'X', '--from', 'a', '--to', 'b', '--verbose'], /unknown option --verbose/],
    [['--snapshot', 'X', '--from', 'a', '--to', 'b', '--port', '65536'], /--port: 65536 is out of range/],
    [['--snapshot', 'X', '--from', 'a', '--to', 'b', '--protocol', 'gre'], /--protocol: "gre"/],
    [['--snapshot', 'X', '--from', 'a', '--to', 'b', '--flow-logs', 'some'], /--flow-logs/],
    [['--snapshot', 'X', '--from', 'a', '--to', 'b', '--count', '0'], /--count: 0 is out of range/],
    [['--snapshot', 'X', '--from'], /--from needs a value/],
  ])('bad command line %j exits 2 with one line', async (argv, message) => {
    const r = await run(...(argv as string[]));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('malformed JSON names the file, line and column', async () => {
    const file = tempFile('broken.json', '{\n  "Vpcs": [\n    { "VpcId": "vpc-1", }\n  ]\n}');
    const r = await run('--snapshot', file, '--from', 'i-1', '--to', '10.0.0.1');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.json: malformed JSON at line 3, column \d+/);
  });

  it('a document with an error diagnostic names its JSON path', async () => {
    const b = new SnapshotBuilder();
    const v = b.vpc('10.0.0.0/16', 'x');
    b.subnet(v.vpcId, '10.0.1.1/24', 'bad');
    const r = await run('--snapshot', tempFile('doc.json', JSON.stringify(b.build())), '--from', 'internet', '--to', '10.0.1.5');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\$\.Subnets\[0\]\.CidrBlock/);
    expect(r.stderr).toMatch(/host bits/);
  });

  it('unknown ids, stray private sources and terminated instances are bad input', async () => {
    const b = new SnapshotBuilder();
    const v = b.vpc('10.0.0.0/16', 'x');
    const s = b.subnet(v.vpcId, '10.0.1.0/24', 's');
    const i = b.instance(s, '10.0.1.10', 'a');
    const gone = b.instance(s, '10.0.1.11', 'gone');
    b.doc.Reservations[1].Instances[0].State = { Name: 'terminated', Code: 48 };
    const file = tempFile('doc.json', JSON.stringify(b.build()));
    expect((await run('--snapshot', file, '--from', 'i-0000000000000dead', '--to', '10.0.1.10')).stderr).toMatch(/--from: instance i-0000000000000dead is not in the snapshot/);
    expect((await run('--snapshot', file, '--from', 'eni-0000000000000dead', '--to', '10.0.1.10')).code).toBe(2);
    expect((await run('--snapshot', file, '--from', '10.0.1.99', '--to', '10.0.1.10')).stderr).toMatch(/belongs to no network interface/);
    expect((await run('--snapshot', file, '--from', i.instanceId, '--to', gone.instanceId)).stderr).toMatch(/--to: instance .* is terminated/);
    // Any IPv4 may be a destination.
    expect((await run('--snapshot', file, '--from', i.instanceId, '--to', '10.0.1.99')).code).toBe(0);
  });

  it('a NAT gateway is no source: its interface or its Elastic IP as --from is bad input', async () => {
    const b = new SnapshotBuilder();
    const v = b.vpc('10.0.0.0/16', 'x');
    const s = b.subnet(v.vpcId, '10.0.0.0/24', 'public');
    b.internetGateway(v.vpcId);
    b.natGateway(s, '10.0.0.50', '52.0.0.50');
    const file = tempFile('doc.json', JSON.stringify(b.build()));
    const eni = b.doc.NatGateways[0].NatGatewayAddresses[0].NetworkInterfaceId;
    for (const from of [eni, '52.0.0.50', '10.0.0.50']) {
      const r = await run('--snapshot', file, '--from', from, '--to', '93.184.216.34');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--from: .* belongs to NAT gateway nat-.*, which starts no traffic of its own/);
    }
  });

  it('hostile documents: __proto__ keys, wrong types and 5 MB never crash', async () => {
    const proto = tempFile('proto.json', '{"__proto__": {"polluted": true}, "constructor": {"x": 1}, "Vpcs": []}');
    const r1 = await run('--snapshot', proto, '--from', 'internet', '--to', '10.0.0.1');
    expect(r1.code).toBe(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const wrong = tempFile('wrong.json', '{"Vpcs": 3, "Subnets": [{"SubnetId": 7}]}');
    const r2 = await run('--snapshot', wrong, '--from', 'internet', '--to', '10.0.0.1');
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/\$\.(Vpcs|Subnets)/);
    const big = new SnapshotBuilder();
    const v = big.vpc('10.0.0.0/16', 'big');
    const s = big.subnet(v.vpcId, '10.0.0.0/19', 's');
    for (let k = 0; k < 4200; k++) big.instance(s, `10.0.${4 + Math.floor(k / 240)}.${10 + (k % 240)}`, `n${k}`);
    const text = JSON.stringify(big.build());
    expect(text.length).toBeGreaterThan(5_000_000);
    const r3 = await run('--snapshot', tempFile('big.json', text), '--from', '10.0.4.10', '--to', '10.0.5.10');
    expect(r3.code).toBe(0);
    expect(JSON.parse(r3.stdout).reachable).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { compileNetwork, traceProbe, type Probe } from '../../../src/engine/index.ts';
import { traceIsStale } from '../../../src/state/trace-staleness.ts';
import { SnapshotBuilder } from '../../support/builder.ts';

function network(route: boolean, renamed = false) {
  const b = new SnapshotBuilder();
  const a = b.vpc('10.1.0.0/16', renamed ? 'vpc-a-renamed' : 'vpc-a');
  const c = b.vpc('10.2.0.0/16', 'vpc-b');
  const open = (v: string) => [b.securityGroup(v, 'open', [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '10.0.0.0/8' }] }])];
  const src = b.instance(b.subnet(a.vpcId, '10.1.0.0/24', 'a'), '10.1.0.4', 'web-a', { sgs: open(a.vpcId) });
  b.instance(b.subnet(c.vpcId, '10.2.0.0/24', 'b'), '10.2.0.4', 'web-b', { sgs: open(c.vpcId) });
  const pcx = b.peering(a.vpcId, c.vpcId);
  if (route) b.route(a.rtb, '10.2.0.0/16', { VpcPeeringConnectionId: pcx });
  return { net: compileNetwork(b.build()), from: src.instanceId };
}

describe('a trace after the network changed', () => {
  const probe = (from: string): Probe => ({ from, to: '10.2.0.4', protocol: 1, count: 1, start: 1767225600 });
  const sent = (route: boolean) => {
    const { net, from } = network(route);
    const out = traceProbe(net, probe(from));
    if (!out.ok) throw new Error(out.error);
    return { result: out.details.result, from };
  };

  it('is stale when the probe, sent again, would show another verdict, path or explanation', () => {
    const { result, from } = sent(false);
    expect(traceIsStale(result, probe(from), network(true).net, [])).toBe(true);
  });

  it('is not stale when the change does not touch what it shows (a Name tag elsewhere)', () => {
    const { result, from } = sent(false);
    expect(traceIsStale(result, probe(from), network(false, true).net, [])).toBe(false);
  });

  it('is stale when its source is gone', () => {
    const { result } = sent(false);
    expect(traceIsStale(result, probe('i-0000000000000dead'), network(false).net, [])).toBe(true);
  });
});

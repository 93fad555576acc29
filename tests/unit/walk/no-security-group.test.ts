import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../../../src/engine/model/compile.ts';
import { traceProbe } from '../../../src/engine/walk/index.ts';
import { SnapshotBuilder } from '../../support/builder.ts';
import { cell, checked } from '../matrix/helpers.ts';

/**
 * A Network Load Balancer created without security groups keeps none, and AWS then filters none
 * of its traffic (ELB guide, "Update the security groups for your Network Load Balancer"). An
 * ordinary interface always has one in AWS; a document that gives it none allows it nothing.
 */
function network() {
  const b = new SnapshotBuilder();
  const v = b.vpc('10.0.0.0/16', 'app');
  const s = b.subnet(v.vpcId, '10.0.0.0/24', 'public');
  const client = b.instance(s, '10.0.0.10', 'client');
  const eni = (id: string, ip: string, type: string) => ({
    NetworkInterfaceId: id, SubnetId: s, VpcId: v.vpcId, OwnerId: b.account, PrivateIpAddress: ip, InterfaceType: type, Groups: [],
    PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: ip }],
  });
  b.doc.NetworkInterfaces.push(eni('eni-0000000000000a1b1', '10.0.0.50', 'network_load_balancer'), eni('eni-0000000000000a1b2', '10.0.0.60', 'interface'));
  return { net: compileNetwork(b.build()), client: client.eniId };
}

describe('interfaces without security groups', () => {
  it('a Network Load Balancer interface without one is filtered by none, the walk says why, and the matrix agrees', () => {
    const { net, client } = network();
    const out = traceProbe(net, { from: client, to: 'eni-0000000000000a1b1', protocol: 6, port: 80 });
    if (!out.ok) throw new Error(out.error);
    expect(out.details.result.reachable).toBe(true);
    const hop = out.details.result.forward.hops.find((h) => h.kind === 'security-group' && h.component === 'eni-0000000000000a1b1');
    expect(hop?.detail).toMatch(/created without one, so AWS filters none of its traffic/);
    const m = checked(net, { protocol: 6, port: 80 });
    expect(cell(m, client, 'eni-0000000000000a1b1')).toBe(true);
  });

  it('an ordinary interface without one allows nothing, and the fix is to attach a group', () => {
    const { net, client } = network();
    const out = traceProbe(net, { from: client, to: 'eni-0000000000000a1b2', protocol: 6, port: 80 });
    if (!out.ok) throw new Error(out.error);
    expect(out.details.result.explanations[0]).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', fix: 'Attach a security group to eni-0000000000000a1b2 that allows it.' });
    const m = checked(net, { protocol: 6, port: 80 });
    expect(cell(m, client, 'eni-0000000000000a1b2')).toBe(false);
  });
});

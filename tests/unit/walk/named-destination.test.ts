/**
 * A destination named by its id (instance or interface) is reached only when the packet arrives
 * at it, as Reachability Analyzer analyses a path to that resource. The routes may deliver its
 * address to another end: an interface of an overlapping VPC that holds the same address, or the
 * internet (a VPC block outside RFC 1918 is still private to its VPC). A destination named by
 * an address keeps the address's meaning: whoever the routes deliver it to answers.
 */
import { describe, expect, it } from 'vitest';
import { compileNetwork, traceProbe, type Snapshot } from '../../../src/engine/index.ts';
import { SnapshotBuilder } from '../../support/builder.ts';

const ALLOW_ALL = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }];

function trace(doc: Snapshot, from: string, to: string) {
  const out = traceProbe(compileNetwork(doc), { from, to, protocol: 1 });
  if (!out.ok) throw new Error(out.error);
  return out.details.result;
}

describe('a destination named by id', () => {
  it('is not reached when an overlapping VPC\'s interface at the same address gets the packet', () => {
    const b = new SnapshotBuilder();
    const x = b.vpc('10.0.0.0/16', 'x');
    const y = b.vpc('10.0.0.0/16', 'y');
    const sx = b.subnet(x.vpcId, '10.0.1.0/24', 'sx');
    const sy = b.subnet(y.vpcId, '10.0.1.0/24', 'sy');
    const g = b.securityGroup(x.vpcId, 'g', ALLOW_ALL);
    const a = b.instance(sx, '10.0.1.10', 'a', { sgs: [g] });
    const twin = b.instance(sx, '10.0.1.20', 'twin', { sgs: [g] });
    const far = b.instance(sy, '10.0.1.20', 'far');
    const doc = b.build();
    const r = trace(doc, a.instanceId, far.instanceId);
    expect(r.reachable).toBe(false);
    expect(r.forward.delivered).toBe(false);
    expect(r.return).toBeNull();
    expect(r.forward.hops.at(-1)).toMatchObject({ component: twin.eniId, action: 'deliver' });
    expect(r.explanations).toEqual([expect.objectContaining({ code: 'NO_ROUTE_TO_DESTINATION', component: x.rtb, path: 'forward' })]);
    expect(r.explanations[0].message).toContain(`to ${twin.eniId} ("twin")`);
    expect(r.explanations[0].fix).toContain('overlapping CIDR blocks');
    // The traffic itself happened: the twin answered, and the flow logs would say so.
    expect(trace(doc, a.instanceId, twin.instanceId).reachable).toBe(true);
    // Named by its address, 10.0.1.20 means whoever the routes deliver it to: the twin.
    expect(trace(doc, a.instanceId, '10.0.1.20').reachable).toBe(true);
  });

  it('is not reached when its VPC uses public address space and the route leads to the internet', () => {
    const b = new SnapshotBuilder();
    const x = b.vpc('10.0.0.0/16', 'x');
    const pub = b.vpc('54.10.0.0/16', 'public-space');
    const sx = b.subnet(x.vpcId, '10.0.1.0/24', 'sx');
    const sp = b.subnet(pub.vpcId, '54.10.4.0/24', 'sp');
    const igw = b.internetGateway(x.vpcId);
    b.route(x.rtb, '0.0.0.0/0', { GatewayId: igw });
    const a = b.instance(sx, '10.0.1.10', 'a', { sgs: [b.securityGroup(x.vpcId, 'g', ALLOW_ALL)], publicIp: '198.51.100.7' });
    const far = b.instance(sp, '54.10.4.4', 'far', { sgs: [b.securityGroup(pub.vpcId, 'gp', ALLOW_ALL)] });
    const r = trace(b.build(), a.instanceId, far.instanceId);
    expect(r.reachable).toBe(false);
    expect(r.forward.hops.at(-1)).toMatchObject({ component: 'internet', action: 'deliver' });
    expect(r.explanations[0]).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION', component: x.rtb });
    expect(r.explanations[0].message).toContain(`route 0.0.0.0/0 → ${igw} sends 54.10.4.4 to the internet`);
    // The fix names what would connect them: a peering connection.
    expect(r.explanations[0].fix).toContain('Create a VPC peering connection');
  });
});

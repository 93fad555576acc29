import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../../../src/engine/model/compile.ts';
import { traceProbe } from '../../../src/engine/walk/index.ts';
import { SnapshotBuilder } from '../../support/builder.ts';
import { cell, checked } from '../matrix/helpers.ts';

/**
 * VPC A is peered with B and with C, which hold the same block (AWS allows it, B and C not being
 * peered). A's table sends the block to B, and one /24 of it to C. A client in that /24 of B is
 * answered into C: the peering guide warns of exactly this ("ensure that your route tables are
 * configured to avoid sending response traffic from your VPC to the incorrect VPC").
 */
function network(fixed: boolean) {
  const b = new SnapshotBuilder();
  const a = b.vpc('10.0.0.0/16', 'hub');
  const vb = b.vpc('10.1.0.0/16', 'spoke-b');
  const vc = b.vpc('10.1.0.0/16', 'spoke-c');
  const open = (vpcId: string) => [b.securityGroup(vpcId, 'private', [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '10.0.0.0/8' }] }])];
  const server = b.instance(b.subnet(a.vpcId, '10.0.1.0/24', 'hub-app'), '10.0.1.10', 'server', { sgs: open(a.vpcId) });
  const client = b.instance(b.subnet(vb.vpcId, '10.1.5.0/24', 'b-app'), '10.1.5.10', 'client', { sgs: open(vb.vpcId) });
  const twin = b.instance(b.subnet(vc.vpcId, '10.1.5.0/24', 'c-app'), '10.1.5.10', 'twin', { sgs: open(vc.vpcId) });
  const ab = b.peering(a.vpcId, vb.vpcId);
  const ac = b.peering(a.vpcId, vc.vpcId);
  b.route(a.rtb, '10.1.0.0/16', { VpcPeeringConnectionId: ab });
  b.route(a.rtb, '10.1.5.0/24', { VpcPeeringConnectionId: ac });
  if (fixed) b.route(a.rtb, '10.1.5.10/32', { VpcPeeringConnectionId: ab });
  b.route(vb.rtb, '10.0.0.0/16', { VpcPeeringConnectionId: ab });
  b.route(vc.rtb, '10.0.0.0/16', { VpcPeeringConnectionId: ac });
  return { net: compileNetwork(b.build()), server, client, twin, rtb: a.rtb, ab };
}

describe('a reply routed to a peered VPC that holds the same addresses', () => {
  it('is explained on the return path: the route that sent it, where it went, and the /32 route back that fixes it', () => {
    const { net, server, client, twin, rtb, ab } = network(false);
    const out = traceProbe(net, { from: client.eniId, to: '10.0.1.10', protocol: 1 });
    if (!out.ok) throw new Error(out.error);
    const r = out.details.result;
    expect(r.reachable).toBe(false);
    expect(r.forward.delivered).toBe(true);
    expect(r.return?.delivered).toBe(false);
    expect(r.explanations).toHaveLength(1);
    const [e] = r.explanations;
    expect(e).toMatchObject({ code: 'NO_ROUTE_TO_DESTINATION', path: 'return', component: rtb });
    expect(e.message).toContain(`route 10.1.5.0/24 → `);
    expect(e.message).toContain(`to ${twin.instanceId} ("twin")`);
    expect(e.message).toContain(`${client.instanceId} never receives the reply`);
    expect(e.fix).toBe(`Add a route 10.1.5.10/32 → ${ab} to ${rtb}: the longest prefix wins, so replies to the client then go back over the peering connection the request came by.`);
    expect(e.action).toEqual({ kind: 'add-route', routeTableId: rtb, destination: '10.1.5.10/32', target: { VpcPeeringConnectionId: ab } });
    // The network does deliver it, to the twin; the hop says it was not the client.
    const last = r.return!.hops.at(-1)!;
    expect(last).toMatchObject({ component: twin.eniId, action: 'deliver' });
    expect(last.detail).toContain(`did not send the request: ${client.instanceId} never gets its answer`);
    const m = checked(net, { protocol: 1 });
    expect(cell(m, client.eniId, server.eniId)).toBe(false);
  });

  it('with the fix applied the ping is answered, and the matrix agrees', () => {
    const { net, server, client } = network(true);
    const out = traceProbe(net, { from: client.eniId, to: '10.0.1.10', protocol: 1 });
    if (!out.ok) throw new Error(out.error);
    expect(out.details.result.reachable).toBe(true);
    expect(out.details.result.explanations).toEqual([]);
    expect(cell(checked(net, { protocol: 1 }), client.eniId, server.eniId)).toBe(true);
  });
});

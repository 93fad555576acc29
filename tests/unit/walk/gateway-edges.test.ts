import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../../../src/engine/model/compile.ts';
import { traceProbe } from '../../../src/engine/walk/index.ts';
import { SnapshotBuilder } from '../../support/builder.ts';
import type { Snapshot } from '../../../src/engine/model/schema.ts';

/** A private instance behind a NAT gateway in a public subnet. */
function natNetwork() {
  const b = new SnapshotBuilder();
  const v = b.vpc('10.0.0.0/16', 'app');
  const pub = b.subnet(v.vpcId, '10.0.0.0/24', 'public');
  const priv = b.subnet(v.vpcId, '10.0.1.0/24', 'private');
  const igw = b.internetGateway(v.vpcId);
  b.route(v.rtb, '0.0.0.0/0', { GatewayId: igw });
  const nat = b.natGateway(pub, '10.0.0.50', '52.0.0.50');
  b.route(b.routeTable(v.vpcId, [priv]), '0.0.0.0/0', { NatGatewayId: nat });
  const i = b.instance(priv, '10.0.1.25', 'worker');
  return { b, v, pub, igw, i };
}

function explain(doc: Snapshot, from: string, to: string, protocol = 6) {
  const out = traceProbe(compileNetwork(doc), { from, to, protocol, port: 443 });
  if (!out.ok) throw new Error(out.error);
  return out.details.result.explanations;
}

describe('gateways at the edge', () => {
  it('a private NAT gateway (no Elastic IP) is stopped at the internet gateway, and the fix points to a public one', () => {
    const { b, i } = natNetwork();
    const nat = b.doc.NatGateways[0];
    nat.ConnectivityType = 'private';
    delete nat.NatGatewayAddresses[0].PublicIp;
    b.doc.Addresses = [];
    const [first] = explain(b.build(), i.instanceId, '93.184.216.34');
    expect(first.code).toBe('IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS');
    expect(first.fix).toMatch(/has no Elastic IP \(a private NAT gateway cannot reach the internet\).*public NAT gateway/);
  });

  it('a blackhole route in the internet gateway\'s own route table drops what enters', () => {
    const { b, v, pub, igw } = natNetwork();
    const web = b.instance(pub, '10.0.0.10', 'web', { publicIp: '54.0.0.10', sgs: [b.securityGroup(v.vpcId, 'https', [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }])] });
    const edge = b.routeTable(v.vpcId, []);
    b.route(edge, '10.0.0.0/24', { NetworkInterfaceId: 'eni-0000000000000gone' }, 'blackhole');
    b.doc.RouteTables.find((t: { RouteTableId: string }) => t.RouteTableId === edge).Associations.push({ Main: false, GatewayId: igw, RouteTableId: edge });
    const [first] = explain(b.build(), 'internet', web.instanceId);
    expect(first).toMatchObject({ code: 'BAD_STATE_ROUTE', component: edge });
    expect(first.message).toMatch(/blackhole/);
  });

  it('a private instance with no route out and no NAT gateway is told to add the route and a public address, not the route alone', () => {
    const b = new SnapshotBuilder();
    const v = b.vpc('10.0.0.0/16', 'app');
    const priv = b.subnet(v.vpcId, '10.0.1.0/24', 'private');
    b.internetGateway(v.vpcId);
    const i = b.instance(priv, '10.0.1.25', 'worker');
    const [first] = explain(b.build(), i.instanceId, '93.184.216.34');
    expect(first.code).toBe('NO_ROUTE_TO_DESTINATION');
    expect(first.fix).toMatch(new RegExp(`^Add a route 0\\.0\\.0\\.0/0 → igw-\\w+ to rtb-\\w+; ${i.eniId} has no public IP, so also associate an Elastic IP with it, or send through a NAT gateway in a public subnet\\.$`));
  });
});

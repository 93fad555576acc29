/**
 * Middlebox routing: AWS lets a route table replace the target of a local route (the route to a
 * VPC CIDR) with a network interface, a NAT gateway or a Gateway Load Balancer endpoint
 * (https://docs.aws.amazon.com/vpc/latest/userguide/replace-local-route-target.html). The
 * replacing route then carries the VPC's traffic: the compiled table must hold it, not a local
 * route the compiler would add because the document "lacks" one.
 */
import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../../../src/engine/model/compile.ts';
import { formatCidr } from '../../../src/engine/ip/index.ts';
import type { Snapshot } from '../../../src/engine/model/schema.ts';
import { traceProbe, type TraceResult } from '../../../src/engine/walk/index.ts';
import { cleanDoc, type Doc } from '../validate/fixtures.ts';

/** cleanDoc plus an interface in subnet-2 and a second one in subnet-1, both in sg-1 (which allows ICMP). */
function doc(): Doc {
  const d = cleanDoc();
  d.NetworkInterfaces.push(
    { NetworkInterfaceId: 'eni-2', SubnetId: 'subnet-2', VpcId: 'vpc-1', PrivateIpAddress: '10.0.2.10', Groups: [{ GroupId: 'sg-1' }] },
    { NetworkInterfaceId: 'eni-4', SubnetId: 'subnet-1', VpcId: 'vpc-1', PrivateIpAddress: '10.0.1.30', Groups: [{ GroupId: 'sg-1' }] },
  );
  return d;
}

/** Replaces the target of `table`'s local route 10.0.0.0/16, as describe-route-tables prints the result. */
function replaceLocal(d: Doc, table: number, target: Doc): Doc {
  const routes: Doc[] = d.RouteTables[table].Routes;
  const i = routes.findIndex((r) => r.GatewayId === 'local');
  routes[i] = { DestinationCidrBlock: '10.0.0.0/16', ...target, Origin: 'CreateRouteTable', State: 'active' };
  return d;
}

function ping(d: Doc, from: string, to: string): TraceResult {
  const out = traceProbe(compileNetwork(d as Snapshot), { from, to, protocol: 1 });
  if (!out.ok) throw new Error(out.error);
  return out.details.result;
}

const routesTo = (d: Doc, table: string, cidr: string) =>
  compileNetwork(d as Snapshot).routeTables.get(table)!.routes.filter((r) => formatCidr(r.destination) === cidr);

describe('a replaced local route', () => {
  it('is the only route to the VPC CIDR in the compiled table: no implicit local route beside it', () => {
    const routes = routesTo(replaceLocal(doc(), 0, { NetworkInterfaceId: 'eni-fw' }), 'rtb-1', '10.0.0.0/16');
    expect(routes.map((r) => [r.target, r.implicit, r.path])).toEqual([
      [{ kind: 'unsupported', id: 'eni-fw', what: 'network interface (appliance routing)' }, false, '$.RouteTables[0].Routes[0]'],
    ]);
  });

  it('sends traffic to another subnet to the appliance interface, which the simulator does not model', () => {
    const r = ping(replaceLocal(doc(), 0, { NetworkInterfaceId: 'eni-fw' }), 'eni-1', 'eni-2');
    expect(r.forward.delivered).toBe(false);
    expect(r.explanations[0]).toMatchObject({ code: 'UNSUPPORTED_COMPONENT', component: 'eni-fw', path: 'forward' });
    expect(r.forward.hops.at(-1)).toMatchObject({ component: 'rtb-1', kind: 'route-table', rule: { DestinationCidrBlock: '10.0.0.0/16', NetworkInterfaceId: 'eni-fw' } });
  });

  it('sends it to a Gateway Load Balancer endpoint (GatewayId vpce-…)', () => {
    const r = ping(replaceLocal(doc(), 0, { GatewayId: 'vpce-0123456789abcdef0' }), 'eni-1', 'eni-2');
    expect(r.explanations[0]).toMatchObject({ code: 'UNSUPPORTED_COMPONENT', component: 'vpce-0123456789abcdef0' });
  });

  it('sends it through a NAT gateway of another subnet', () => {
    // subnet-2 (rtb-2) routes its VPC's traffic through nat-1, which sits in subnet-1 (rtb-1, local kept).
    const d = replaceLocal(doc(), 1, { NatGatewayId: 'nat-1' });
    d.NatGateways[0].NatGatewayAddresses[0].NetworkInterfaceId = 'eni-nat';
    const r = ping(d, 'eni-2', 'eni-1');
    expect(r.forward.hops.find((h) => h.kind === 'route-table')).toMatchObject({ component: 'rtb-2', rule: { NatGatewayId: 'nat-1' } });
    expect(r.forward.hops.some((h) => h.component === 'nat-1' && h.kind === 'nat-gateway')).toBe(true);
  });

  it('replaces only the local route of its own CIDR: a VPC block the table has no route for still gets one', () => {
    const d = replaceLocal(doc(), 0, { NetworkInterfaceId: 'eni-fw' });
    d.Vpcs[0].CidrBlockAssociationSet.push({ CidrBlock: '10.5.0.0/16', CidrBlockState: { State: 'associated' } });
    const secondary = routesTo(d, 'rtb-1', '10.5.0.0/16');
    expect(secondary.map((r) => [r.target.kind, r.implicit])).toEqual([['local', true]]);
    expect(routesTo(d, 'rtb-1', '10.0.0.0/16').map((r) => r.target.kind)).toEqual(['unsupported']);
  });

  it('is not what a propagated VPN route to the VPC CIDR does: AWS prefers the local route over propagated ones', () => {
    const d = doc();
    d.RouteTables[0].Routes.splice(0, 1, { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'vgw-1', Origin: 'EnableVgwRoutePropagation', State: 'active' });
    expect(routesTo(d, 'rtb-1', '10.0.0.0/16').map((r) => r.target.kind)).toEqual(['local', 'unsupported']);
  });

  // AWS does not route traffic between two interfaces of one subnet (it is delivered at layer
  // 2), so a replaced local route does not take it: the walk delivers a destination inside the
  // sender's own subnet before the route lookup (decideRoute), and the matrix does the same.
  it('still delivers traffic between two interfaces of the same subnet', () => {
    const r = ping(replaceLocal(doc(), 0, { NetworkInterfaceId: 'eni-fw' }), 'eni-1', 'eni-4');
    expect(r.forward.delivered).toBe(true);
  });
});

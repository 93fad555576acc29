/**
 * Routes to a prefix list (`DestinationPrefixListId`): a gateway endpoint's route to the AWS-
 * managed list of a service's ranges, or a route to a customer-managed list. AWS matches the
 * packet against each CIDR of the list by longest prefix, and where a CIDR route is exactly as
 * specific, the CIDR route wins; a prefix-list route wins over a propagated one ("How route
 * priority works", Amazon VPC User Guide). The simulator reads a list's CIDRs from the
 * snapshot's "PrefixLists" (describe-prefix-lists); without them the route routes nothing and
 * validation says so.
 */
import { describe, expect, it } from 'vitest';
import { compileNetwork, traceProbe, validateSnapshot, type Snapshot } from '../../../src/engine/index.ts';
import { SnapshotBuilder } from '../../support/builder.ts';
import { buildReachabilityMatrix } from '../../../src/engine/matrix/index.ts';
import { disagreements } from '../matrix/helpers.ts';

const ALLOW_ALL = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }];
const S3 = { PrefixListId: 'pl-63a5400a', PrefixListName: 'com.amazonaws.us-east-1.s3', Cidrs: ['52.216.0.0/15', '54.231.0.0/16'] };

/** A public subnet (0.0.0.0/0 → igw) with one instance that has a public IP, and a second VPC peered to it. */
function network() {
  const b = new SnapshotBuilder();
  const a = b.vpc('10.0.0.0/16', 'a');
  const p = b.vpc('10.2.0.0/16', 'peer');
  const sa = b.subnet(a.vpcId, '10.0.1.0/24', 'sa');
  const sp = b.subnet(p.vpcId, '10.2.1.0/24', 'sp');
  const ga = b.securityGroup(a.vpcId, 'ga', ALLOW_ALL);
  const gp = b.securityGroup(p.vpcId, 'gp', ALLOW_ALL);
  const igw = b.internetGateway(a.vpcId);
  b.route(a.rtb, '0.0.0.0/0', { GatewayId: igw });
  const pcx = b.peering(a.vpcId, p.vpcId);
  b.route(p.rtb, '10.0.0.0/16', { VpcPeeringConnectionId: pcx });
  const web = b.instance(sa, '10.0.1.10', 'web', { sgs: [ga], publicIp: '198.51.100.10' });
  const db = b.instance(sp, '10.2.1.20', 'db', { sgs: [gp] });
  return { b, a, p, pcx, igw, web, db };
}

const withRoute = (b: SnapshotBuilder, rtb: string, route: Record<string, unknown>) => {
  b.doc.RouteTables.find((t: { RouteTableId: string }) => t.RouteTableId === rtb).Routes.push({ State: 'active', Origin: 'CreateRoute', ...route });
};

function trace(doc: Snapshot, from: string, to: string, protocol = 6, port = 443) {
  const out = traceProbe(compileNetwork(doc), { from, to, protocol, port });
  if (!out.ok) throw new Error(out.error);
  return out.details.result;
}

describe('a route to a gateway endpoint\'s prefix list', () => {
  it('takes traffic to the service\'s ranges away from the internet gateway: the endpoint is not simulated', () => {
    const { b, a, web } = network();
    b.doc.PrefixLists = [S3];
    withRoute(b, a.rtb, { DestinationPrefixListId: S3.PrefixListId, GatewayId: 'vpce-0a1b2c3d4e5f60718' });
    const r = trace(b.build(), web.instanceId, '52.217.4.4');
    expect(r.reachable).toBe(false);
    expect(r.explanations[0]).toMatchObject({ code: 'UNSUPPORTED_COMPONENT', component: 'vpce-0a1b2c3d4e5f60718' });
    const hop = r.forward.hops.find((h) => h.kind === 'route-table')!;
    expect(hop.detail).toContain('pl-63a5400a (52.216.0.0/15) → vpce-0a1b2c3d4e5f60718');
    expect(hop.rule).toMatchObject({ DestinationPrefixListId: 'pl-63a5400a', GatewayId: 'vpce-0a1b2c3d4e5f60718' });
    // Other internet addresses still leave through the internet gateway.
    expect(trace(b.build(), web.instanceId, '8.8.8.8').reachable).toBe(true);
  });

  it('routes nothing when the snapshot lacks the list\'s CIDRs, and validation warns at the route', () => {
    const { b, a, web } = network();
    b.doc.PrefixLists = [{ PrefixListId: S3.PrefixListId, PrefixListName: S3.PrefixListName }];
    withRoute(b, a.rtb, { DestinationPrefixListId: S3.PrefixListId, GatewayId: 'vpce-0a1b2c3d4e5f60718' });
    const doc = b.build();
    expect(trace(doc, web.instanceId, '52.217.4.4').reachable).toBe(true);
    const d = validateSnapshot(doc).filter((x) => x.code === 'ROUTE_PREFIX_LIST_MISSING');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: 'warning', path: '$.RouteTables[0].Routes[2].DestinationPrefixListId' });
    expect(d[0].message).toContain('lists without its CIDRs');
    delete doc.PrefixLists;
    expect(validateSnapshot(doc).find((x) => x.code === 'ROUTE_PREFIX_LIST_MISSING')?.message).toContain('not in the snapshot');
  });
});

describe('a route to a customer-managed prefix list', () => {
  it('carries traffic to a peer through each CIDR of the list, and the matrix agrees', () => {
    const { b, a, pcx, web, db } = network();
    b.doc.PrefixLists = [{ PrefixListId: 'pl-0peers', Cidrs: ['10.2.0.0/16', '10.9.0.0/16'] }];
    withRoute(b, a.rtb, { DestinationPrefixListId: 'pl-0peers', VpcPeeringConnectionId: pcx });
    const doc = b.build();
    const r = trace(doc, web.instanceId, db.instanceId, 1);
    expect(r.reachable).toBe(true);
    expect(r.forward.hops.map((h) => h.component)).toContain(pcx);
    const net = compileNetwork(doc);
    expect(disagreements(net, buildReachabilityMatrix(net, { protocol: 1 }))).toEqual([]);
  });

  it('loses to a CIDR route exactly as specific, and wins over a less specific one', () => {
    const { b, a, pcx, web, db, igw } = network();
    b.doc.PrefixLists = [{ PrefixListId: 'pl-0peers', Cidrs: ['10.2.0.0/16'] }];
    withRoute(b, a.rtb, { DestinationPrefixListId: 'pl-0peers', VpcPeeringConnectionId: pcx });
    withRoute(b, a.rtb, { DestinationCidrBlock: '10.2.0.0/16', GatewayId: igw });
    // The static 10.2.0.0/16 → igw wins: a private address to an internet gateway is dropped.
    expect(trace(b.build(), web.instanceId, db.instanceId, 1).explanations[0]?.code).toBe('IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS');
    // Made less specific, the CIDR route loses to the list's /16.
    b.doc.RouteTables.find((t: { RouteTableId: string }) => t.RouteTableId === a.rtb).Routes.at(-1).DestinationCidrBlock = '10.0.0.0/8';
    expect(trace(b.build(), web.instanceId, db.instanceId, 1).reachable).toBe(true);
  });

  it('does not stand in for the local route of a block it lists', () => {
    const { b, a, pcx, web } = network();
    const other = b.instance(b.doc.Subnets[0].SubnetId, '10.0.1.11', 'web2', { sgs: [b.doc.SecurityGroups[2].GroupId] });
    b.doc.PrefixLists = [{ PrefixListId: 'pl-0mine', Cidrs: ['10.0.0.0/16'] }];
    withRoute(b, a.rtb, { DestinationPrefixListId: 'pl-0mine', VpcPeeringConnectionId: pcx });
    const table = compileNetwork(b.build()).routeTables.get(a.rtb)!;
    expect(table.routes.filter((r) => r.destination.prefix === 16 && r.destination.base === 0x0a000000).map((r) => [r.target.kind, r.prefixListId])).toEqual([
      ['local', null], ['vpc-peering-connection', 'pl-0mine'],
    ]);
    expect(trace(b.build(), web.instanceId, other.instanceId, 1).reachable).toBe(true);
  });
});

describe('route priority at equal prefix length', () => {
  it('prefers a static route to a route propagated from a virtual private gateway, whatever their order', () => {
    const { b, a, web, igw } = network();
    withRoute(b, a.rtb, { DestinationCidrBlock: '203.0.113.0/24', GatewayId: 'vgw-0123456789abcdef0', Origin: 'EnableVgwRoutePropagation' });
    withRoute(b, a.rtb, { DestinationCidrBlock: '203.0.113.0/24', GatewayId: igw });
    const r = trace(b.build(), web.instanceId, '203.0.113.5');
    expect(r.reachable).toBe(true);
    expect(r.forward.hops.find((h) => h.kind === 'route-table')?.detail).toContain(`203.0.113.0/24 → ${igw}`);
  });
});

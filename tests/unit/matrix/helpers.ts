/** Shared checks for the matrix tests: the packet walk is the oracle, pair by pair. */
import { expect } from 'vitest';
import { compileNetwork, traceProbe, type Network, type Snapshot } from '../../../src/engine/index.ts';
import { buildReachabilityMatrix, type MatrixQuery, type ReachabilityMatrix } from '../../../src/engine/matrix/index.ts';
import { SnapshotBuilder } from '../../support/builder.ts';

export const ICMP: MatrixQuery = { protocol: 1 };
export const SSH: MatrixQuery = { protocol: 6, port: 22 };
export const DNS: MatrixQuery = { protocol: 17, port: 53 };

export const net = (doc: Snapshot): Network => compileNetwork(doc);

/** traceProbe's `reachable` for one pair (false when the walk refuses the pair). */
export function walkSays(n: Network, from: string, to: string, q: MatrixQuery): boolean {
  const r = traceProbe(n, { from, to, protocol: q.protocol, port: q.port });
  return r.ok && r.details.result.reachable;
}

/** Every pair where the matrix and the walk disagree, as readable strings. */
export function disagreements(n: Network, m: ReachabilityMatrix): string[] {
  const out: string[] = [];
  for (let i = 0; i < m.size; i++) {
    for (let j = 0; j < m.size; j++) {
      const want = i !== j && walkSays(n, m.enis[i].id, m.enis[j].id, m.query);
      if (m.reachable(i, j) !== want) out.push(`${m.enis[i].id} -> ${m.enis[j].id}: walk ${want}, matrix ${m.reachable(i, j)}`);
    }
  }
  return out;
}

/** Builds the matrix and checks it against the walk; returns it for further assertions. */
export function checked(n: Network, q: MatrixQuery): ReachabilityMatrix {
  const m = buildReachabilityMatrix(n, q);
  expect(disagreements(n, m)).toEqual([]);
  return m;
}

/** Reachability of a pair by interface id, from the matrix. */
export function cell(m: ReachabilityMatrix, from: string, to: string): boolean {
  const i = m.indexOf(from);
  const j = m.indexOf(to);
  if (i < 0 || j < 0) throw new Error(`not in the matrix: ${i < 0 ? from : to}`);
  return m.reachable(i, j);
}

/** Bit-for-bit equality of two matrices (same order, same cells, same counts). */
export function sameMatrix(a: ReachabilityMatrix, b: ReachabilityMatrix): string[] {
  const out: string[] = [];
  if (a.size !== b.size) return [`size ${a.size} vs ${b.size}`];
  for (let i = 0; i < a.size; i++) {
    if (a.enis[i].id !== b.enis[i].id) out.push(`order ${i}: ${a.enis[i].id} vs ${b.enis[i].id}`);
    for (let j = 0; j < a.size; j++) if (a.reachable(i, j) !== b.reachable(i, j)) out.push(`${a.enis[i].id} -> ${a.enis[j].id}: ${a.reachable(i, j)} vs ${b.reachable(i, j)}`);
  }
  if (a.reachableCount !== b.reachableCount) out.push(`count ${a.reachableCount} vs ${b.reachableCount}`);
  return out;
}

export const ALLOW_ALL = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }];

/**
 * VPC x (public 10.0.0.0/24 with a NAT gateway at 10.0.0.200, private 10.0.1.0/24) peered with
 * y (10.1.1.0/24): src (10.0.1.10) sends everything to the NAT gateway; only the NAT's subnet
 * (x's main table) routes to y over the peering. dst (10.1.1.10) is in group gy with `gyIngress`.
 */
export function natToPeer(gyIngress: unknown[] = ALLOW_ALL) {
  const b = new SnapshotBuilder();
  const x = b.vpc('10.0.0.0/16', 'x');
  const y = b.vpc('10.1.0.0/16', 'y');
  const pub = b.subnet(x.vpcId, '10.0.0.0/24', 'public');
  const priv = b.subnet(x.vpcId, '10.0.1.0/24', 'private');
  const sy = b.subnet(y.vpcId, '10.1.1.0/24', 'sy');
  const gx = b.securityGroup(x.vpcId, 'gx', ALLOW_ALL);
  const gy = b.securityGroup(y.vpcId, 'gy', gyIngress as never);
  const src = b.instance(priv, '10.0.1.10', 'src', { sgs: [gx] }).eniId;
  const dst = b.instance(sy, '10.1.1.10', 'dst', { sgs: [gy] }).eniId;
  const nat = b.natGateway(pub, '10.0.0.200', '198.51.100.9');
  const pcx = b.peering(x.vpcId, y.vpcId);
  const privRt = b.routeTable(x.vpcId, [priv]);
  b.route(privRt, '0.0.0.0/0', { NatGatewayId: nat });
  b.route(x.rtb, '10.1.0.0/16', { VpcPeeringConnectionId: pcx });
  b.route(y.rtb, '10.0.0.0/16', { VpcPeeringConnectionId: pcx });
  return { b, x, y, pub, priv, sy, gx, gy, src, dst, nat, pcx, privRt };
}

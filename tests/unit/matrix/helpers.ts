/** Shared checks for the matrix tests: the packet walk is the oracle, pair by pair. */
import { expect } from 'vitest';
import { compileNetwork, traceProbe, type Network, type Snapshot } from '../../../src/engine/index.ts';
import { buildReachabilityMatrix, type MatrixQuery, type ReachabilityMatrix } from '../../../src/engine/matrix/index.ts';

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

/**
 * The matrix agrees with the packet walk on random networks (overlapping VPCs, peerings in
 * every state and region, NAT gateways, public address space, group references...), and an
 * incremental update after a random edit equals a rebuild.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileNetwork, type Snapshot } from '../../src/engine/index.ts';
import { buildReachabilityMatrix, type MatrixQuery } from '../../src/engine/matrix/index.ts';
import { disagreements, sameMatrix } from '../unit/matrix/helpers.ts';
import { randomEdit, randomNatSnapshot, randomSnapshot } from '../unit/matrix/random-network.ts';

/** Applies random edits one after another, checking the updated matrix against a rebuild each time; returns the last document. */
function editAndCompare(doc: Snapshot, edits: number[], q: MatrixQuery, seed: number): Snapshot {
  const m = buildReachabilityMatrix(compileNetwork(doc), q);
  for (const e of edits) {
    const edit = randomEdit(doc, e);
    doc = edit.doc;
    const net = compileNetwork(doc);
    m.update(net, edit.change);
    expect(sameMatrix(m, buildReachabilityMatrix(net, q)), `seed ${seed} edit ${e} ${JSON.stringify(edit.change)} ${JSON.stringify(q)}`).toEqual([]);
  }
  // And the updated matrix still agrees with the walk itself.
  expect(disagreements(compileNetwork(doc), m), `seed ${seed} after edits ${edits}`).toEqual([]);
  return doc;
}

const QUERIES: MatrixQuery[] = [{ protocol: 1 }, { protocol: 6, port: 22 }, { protocol: 17, port: 53 }, { protocol: 6, port: 443 }, { protocol: 6 }, { protocol: 17, port: 123 }, { protocol: 50 }];
const arbQuery = fc.constantFrom(...QUERIES);

describe('reachability matrix (property)', () => {
  it('equals traceProbe(...).result.reachable for every pair of 200 random networks', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), arbQuery, arbQuery, (seed, q1, q2) => {
      const net = compileNetwork(randomSnapshot(seed));
      for (const q of q1 === q2 ? [q1] : [q1, q2]) {
        expect(disagreements(net, buildReachabilityMatrix(net, q)), `seed ${seed} ${JSON.stringify(q)}`).toEqual([]);
      }
    }), { seed: 20260101, numRuns: 200 });
  });

  it('update(...) after random edits equals a full rebuild', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { minLength: 1, maxLength: 3 }), arbQuery, (seed, edits, q) => {
      editAndCompare(randomSnapshot(seed), edits, q, seed);
    }), { seed: 7, numRuns: 150 });
  });

  it('equals traceProbe where NAT gateways forward to private destinations (replies translated back), before and after edits', () => {
    const natQuery = fc.constantFrom<MatrixQuery>({ protocol: 1 }, { protocol: 6, port: 22 }, { protocol: 6, port: 443 }, { protocol: 17, port: 53 });
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), natQuery, (seed, e, q) => {
      const doc = randomNatSnapshot(seed);
      const net = compileNetwork(doc);
      const m = buildReachabilityMatrix(net, q);
      expect(disagreements(net, m), `seed ${seed} ${JSON.stringify(q)}`).toEqual([]);
      const edit = randomEdit(doc, e);
      const after = compileNetwork(edit.doc);
      m.update(after, edit.change);
      expect(sameMatrix(m, buildReachabilityMatrix(after, q)), `seed ${seed} edit ${e} ${JSON.stringify(q)}`).toEqual([]);
      expect(disagreements(after, m), `seed ${seed} after edit ${e} ${JSON.stringify(q)}`).toEqual([]);
    }), { seed: 11, numRuns: 150 });
  });

  it('stays equal to a rebuild over a sequence of edits on NAT networks (results patched from one update to the next)', () => {
    const natQuery = fc.constantFrom<MatrixQuery>({ protocol: 1 }, { protocol: 6, port: 22 }, { protocol: 17, port: 53 });
    fc.assert(fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { minLength: 2, maxLength: 5 }), natQuery, (seed, edits, q) => {
      editAndCompare(randomNatSnapshot(seed), edits, q, seed);
    }), { seed: 13, numRuns: 100 });
  });
});

/**
 * What the speed work on the walk must keep: results are plain data (the CLI prints them as
 * JSON, the UI posts them between threads), hops and explanations keep their key order, and
 * quiet walks (the reachability matrix) record no hop and no sentence.
 */
import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../../../src/engine/model/compile.ts';
import { traceProbe, type Probe } from '../../../src/engine/walk/index.ts';
import { walkBothWays } from '../../../src/engine/walk/bidirectional.ts';
import { syntheticSnapshot } from '../../../bench/synthetic-network.ts';
import type { Snapshot } from '../../../src/engine/model/schema.ts';

const net = compileNetwork(syntheticSnapshot({ vpcs: 8, enis: 40, activePeerings: 10, seed: 4 }) as Snapshot);
const enis = [...net.enis.values()].filter((e) => e.natGatewayId === null);
const probes: Omit<Probe, 'from' | 'to'>[] = [{ protocol: 1 }, { protocol: 6, port: 22 }, { protocol: 17, port: 53 }, { protocol: 6, port: 443, flowLogs: 'all' }];

function* traces() {
  for (let i = 0; i < enis.length; i += 3) {
    for (let j = 1; j < enis.length; j += 7) {
      if (i === j) continue;
      const out = traceProbe(net, { from: enis[i].id, to: enis[j].id, ...probes[(i + j) % probes.length] });
      if (out.ok) yield out.details;
    }
  }
  const inbound = traceProbe(net, { from: 'internet', to: enis[0].id, protocol: 6, port: 443 });
  if (inbound.ok) yield inbound.details;
}

const isPlain = (x: unknown): boolean => {
  if (x === null || typeof x !== 'object') return true;
  const proto = Object.getPrototypeOf(x);
  if (proto !== Object.prototype && proto !== Array.prototype) return false;
  return Object.values(x).every(isPlain);
};

describe('trace results', () => {
  it('are plain data: own enumerable properties only, unchanged by structuredClone', () => {
    let n = 0;
    for (const d of traces()) {
      expect(isPlain(d.result)).toBe(true);
      expect(structuredClone(d.result)).toEqual(d.result);
      expect(JSON.parse(JSON.stringify(d.result))).toEqual(JSON.parse(JSON.stringify(structuredClone(d.result))));
      n++;
    }
    expect(n).toBeGreaterThan(50);
  });

  it('keep the key order of hops and explanations', () => {
    let explained = 0;
    for (const d of traces()) {
      for (const hop of [...d.result.forward.hops, ...(d.result.return?.hops ?? [])]) {
        expect(Object.keys(hop)).toEqual(hop.rule === undefined ? ['component', 'kind', 'action', 'detail'] : ['component', 'kind', 'action', 'detail', 'rule']);
        expect(hop.detail).not.toBe('');
      }
      for (const e of d.result.explanations) {
        const keys = ['code', 'direction', 'component', 'message', ...(e.fix ? ['fix'] : []), ...(e.action ? ['action'] : []), 'path'];
        expect(Object.keys(e)).toEqual(keys);
        explained++;
      }
    }
    expect(explained).toBeGreaterThan(0);
  });

  it('are the same when traced again (per-network caches change nothing)', () => {
    const first = [...traces()].map((d) => JSON.stringify(d.result));
    const again = [...traces()].map((d) => JSON.stringify(d.result));
    expect(again).toEqual(first);
  });
});

describe('quiet walks', () => {
  it('record no hop and no explanation, and decide as the full walk does', () => {
    for (let i = 0; i < enis.length; i += 2) {
      const from = enis[i];
      const to = enis[(i * 7 + 3) % enis.length];
      if (from === to) continue;
      const h = { protocol: 6, srcIp: from.privateIp, dstIp: to.privateIp, srcPort: 44321, dstPort: 22, icmpType: 0, icmpCode: 0 };
      const quiet = walkBothWays(net, { kind: 'eni', eni: from }, h, null, true, true);
      const loud = walkBothWays(net, { kind: 'eni', eni: from }, h, null, true, false);
      expect(quiet.forward.hops).toEqual([]);
      expect(quiet.explanations).toEqual([]);
      expect(loud.forward.hops.length).toBeGreaterThan(0);
      expect([quiet.forward.disposition, quiet.returned]).toEqual([loud.forward.disposition, loud.returned]);
    }
  });
});

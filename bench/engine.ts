/**
 * Engine speed on the synthetic estate (bench/synthetic-network.ts: 100 VPCs, 400 subnets,
 * 2,000 interfaces): compiling the snapshot, one traceProbe between random interfaces, the
 * full 2,000 x 2,000 reachability matrix, and its incremental update after one rule edit.
 * Budgets: trace ~20 µs, matrix <= 50 ms, update <= 2 ms. Measured, never asserted in tests.
 * Run: node --import tsx bench/engine.ts
 *
 * Steady state: warm-up runs, then the median of repeated runs. No forced GC right before a
 * timed run: V8's forced full GC (--expose-gc) drops compiled code, and the next run would
 * measure the JIT warming up again (about 3x slower here), not the engine.
 */
import { pathToFileURL } from 'node:url';
import { compileNetwork } from '../src/engine/model/compile.ts';
import type { Snapshot } from '../src/engine/model/schema.ts';
import type { Network } from '../src/engine/model/network.ts';
import { traceProbe } from '../src/engine/walk/index.ts';
import { buildReachabilityMatrix, type MatrixChange, type MatrixQuery } from '../src/engine/matrix/index.ts';
import { seededRandom, syntheticSnapshot } from './synthetic-network.ts';

type Json = Record<string, any>;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function time(run: () => void): number {
  const t = performance.now();
  run();
  return performance.now() - t;
}

/**
 * Median microseconds of traceProbe between seeded random interface pairs, mixed protocols:
 * `cold` is the first pass (JIT warming, per-interface caches filled on first touch), `warm`
 * the second pass over the same pairs, the steady state a learner's repeated probes see.
 */
function benchTrace(net: Network, calls: number): { cold: number; warm: number } {
  const enis = [...net.enis.values()].filter((e) => e.natGatewayId === null && e.instanceState !== 'terminated');
  const rand = seededRandom(42);
  const probes = [{ protocol: 1 }, { protocol: 6, port: 22 }, { protocol: 6, port: 443 }, { protocol: 17, port: 53 }, { protocol: 6, port: 5432 }];
  const pairs = Array.from({ length: calls + 200 }, (_, k) => {
    const a = enis[Math.floor(rand() * enis.length)];
    let b = enis[Math.floor(rand() * enis.length)];
    if (b === a) b = enis[(enis.indexOf(a) + 1) % enis.length];
    return { from: a.id, to: b.id, flowLogs: 'snapshot' as const, ...probes[k % probes.length] };
  });
  const pass = () => pairs.map((p) => time(() => traceProbe(net, p)) * 1000).slice(200);
  const cold = median(pass());
  const warm = median(pass());
  return { cold, warm };
}

/** Documents with one edited security group rule / NACL entry, each followed by its revert. */
function edits(doc: Json): { doc: Snapshot; change: MatrixChange }[] {
  const out: { doc: Snapshot; change: MatrixChange }[] = [];
  const rand = seededRandom(7);
  for (let k = 0; k < 10; k++) {
    const sgs: Json[] = doc.SecurityGroups;
    const target = sgs[Math.floor(rand() * sgs.length)];
    const edited = { ...target, IpPermissions: [...target.IpPermissions, { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: `10.${k}.0.0/16` }] }] };
    const change: MatrixChange = { kind: 'security-group', groupId: target.GroupId };
    out.push({ doc: { ...doc, SecurityGroups: sgs.map((g) => (g === target ? edited : g)) } as Snapshot, change });
    out.push({ doc: doc as Snapshot, change });
  }
  for (let k = 0; k < 10; k++) {
    const acls: Json[] = doc.NetworkAcls.filter((a: Json) => !a.IsDefault);
    const target = acls[Math.floor(rand() * acls.length)];
    const edited = { ...target, Entries: target.Entries.map((e: Json) => (e.RuleNumber === 100 && !e.Egress ? { ...e, PortRange: { From: 22, To: 23 + k } } : e)) };
    const change: MatrixChange = { kind: 'network-acl', aclId: target.NetworkAclId };
    out.push({ doc: { ...doc, NetworkAcls: doc.NetworkAcls.map((a: Json) => (a === target ? edited : a)) } as Snapshot, change });
    out.push({ doc: doc as Snapshot, change });
  }
  return out;
}

export async function runEngineBench(): Promise<Record<string, number>> {
  const doc = syntheticSnapshot();
  const compileTimes: number[] = [];
  let net = compileNetwork(doc);
  for (let k = 0; k < 9; k++) {
    const ms = time(() => (net = compileNetwork(doc)));
    if (k >= 2) compileTimes.push(ms);
  }
  const trace = benchTrace(net, 2000);

  const query: MatrixQuery = { protocol: 6, port: 22 };
  const builds: Record<string, number[]> = { tcp: [], icmp: [], udp: [] };
  for (let k = 0; k < 12; k++) {
    for (const [name, q] of [['tcp', query], ['icmp', { protocol: 1 }], ['udp', { protocol: 17, port: 53 }]] as const) {
      const ms = time(() => buildReachabilityMatrix(net, q));
      if (k >= 3) builds[name].push(ms);
    }
  }

  const matrix = buildReachabilityMatrix(net, query);
  const updates = { 'security-group': [] as number[], 'network-acl': [] as number[] };
  let rebuilt = 0;
  const edited = edits(doc as Json).map((e) => ({ net: compileNetwork(e.doc), change: e.change }));
  // Two passes over the 40 edits; the first warms up.
  for (let pass = 0; pass < 2; pass++) {
    for (const e of edited) {
      let stats = { rebuilt: false };
      const ms = time(() => (stats = matrix.update(e.net, e.change)));
      if (stats.rebuilt) rebuilt++;
      if (pass === 1) updates[e.change.kind as keyof typeof updates].push(ms);
    }
  }
  if (rebuilt) throw new Error(`${rebuilt} updates fell back to a rebuild`);
  return {
    compileMs: round(median(compileTimes)),
    traceMedianMicros: round(trace.warm, 1),
    traceColdMedianMicros: round(trace.cold, 1),
    matrixMs: round(median(builds.tcp)),
    matrixIcmpMs: round(median(builds.icmp)),
    matrixUdpMs: round(median(builds.udp)),
    matrixUpdateMs: round(median([...updates['security-group'], ...updates['network-acl']]), 3),
    matrixUpdateSgMs: round(median(updates['security-group']), 3),
    matrixUpdateAclMs: round(median(updates['network-acl']), 3),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = await runEngineBench();
  console.table(Object.entries(out).map(([metric, value]) => ({ metric, value })));
}

/** Every real AWS export in ../shared/aws-snapshots loads, validates without errors, and traces. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileNetwork, loadSnapshotFiles, traceProbe, validateSnapshot } from '../../src/engine/index.ts';

const root = join(import.meta.dirname, '../../../shared/aws-snapshots');
const jsonFiles = (d: string): string[] => readdirSync(d).flatMap((f) => {
  const p = join(d, f);
  return statSync(p).isDirectory() ? jsonFiles(p) : p.endsWith('.json') ? [p] : [];
});
const folders = readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory()).sort();

describe('shared AWS snapshots', () => {
  it('are all here', () => expect(folders.length).toBe(7));
  for (const folder of folders) {
    it(`${folder} loads, validates and traces between two instances`, () => {
      const dir = join(root, folder);
      const loaded = loadSnapshotFiles(jsonFiles(dir).map((p) => ({ path: relative(dir, p), text: readFileSync(p, 'utf8') })));
      expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const doc = loaded.snapshot!;
      const diagnostics = validateSnapshot(doc);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const net = compileNetwork(doc);
      const instances = [...net.instances.values()].filter((i) => i.state !== 'terminated' && i.primaryEni?.subnet);
      expect(instances.length).toBeGreaterThan(0);
      const from = instances[0];
      const to = instances[1] ?? instances[0];
      for (const protocol of [1, 6, 17]) {
        const target = to === from ? '8.8.8.8' : to.id;
        const outcome = traceProbe(net, { from: from.id, to: target, protocol, flowLogs: 'all' }, diagnostics);
        expect(outcome.ok).toBe(true);
        if (!outcome.ok) continue;
        const r = outcome.details.result;
        expect(r.forward.hops[0].component).toBe(from.primaryEni!.id);
        expect(r.reachable || r.explanations.length > 0).toBe(true);
        expect(r.flowLogs.length).toBeGreaterThan(0);
      }
    });
  }
});

/**
 * Golden scenarios: each folder holds snapshot.json and probe.json; the trace and flow-log
 * lines must equal expected/. Regenerate with UPDATE_SNAPSHOTS=1; run one with FILTER=name.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileNetwork, loadSnapshotText, traceProbe, validateSnapshot, type Probe } from '../../src/engine/index.ts';
import { renderFlowLogs, renderTrace } from './render.ts';

const root = join(import.meta.dirname, 'cases');
const update = !!process.env.UPDATE_SNAPSHOTS;
const filter = process.env.FILTER;
const cases = readdirSync(root).filter((d) => !filter || d.includes(filter)).sort();

describe('golden scenarios', () => {
  it('exist', () => expect(cases.length).toBeGreaterThan(0));
  for (const name of cases) {
    it(name, () => {
      const dir = join(root, name);
      const loaded = loadSnapshotText(readFileSync(join(dir, 'snapshot.json'), 'utf8'));
      const doc = loaded.snapshot!;
      const diagnostics = validateSnapshot(doc);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const probe = JSON.parse(readFileSync(join(dir, 'probe.json'), 'utf8')) as Probe;
      const outcome = traceProbe(compileNetwork(doc), probe, diagnostics);
      if (!outcome.ok) throw new Error(outcome.error);
      const actual = { 'trace.txt': renderTrace(outcome.details.result), 'flowlogs.txt': renderFlowLogs(outcome.details.result) };
      const expectedDir = join(dir, 'expected');
      for (const [file, text] of Object.entries(actual)) {
        const path = join(expectedDir, file);
        if (update) {
          mkdirSync(expectedDir, { recursive: true });
          writeFileSync(path, text);
        } else {
          if (!existsSync(path)) throw new Error(`${name}/expected/${file} is missing: run UPDATE_SNAPSHOTS=1 FILTER=${name} npx vitest run tests/scenarios`);
          expect(text).toBe(readFileSync(path, 'utf8'));
        }
      }
    });
  }
});

// The learner's Logs Insights runs in lab progress: saved and restored with it, damaged saves
// refused cleanly, older saves' unproven Insights passes dropped, and the report shows the runs.
import { describe, expect, it } from 'vitest';
import { evaluateLab, queryRunOf, type QueryRun } from '../../../src/engine/index.ts';
import { reportData, buildReportHtml } from '../../../src/state/lab-report.ts';
import { PROGRESS_KEY, checkKey, keepHistory, loadProgress, saveProgress, type SavedProgress } from '../../../src/ui/labs/progress.ts';
import { withoutUnprovenPasses } from '../../../src/ui/labs/query-runs.ts';
import { loadLab } from '../labs/helpers.ts';

function memoryStore() {
  const m = new Map<string, string>();
  return { m, getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
}
const lab = loadLab('peering-and-flow-logs.json');
const top = lab.steps.findIndex((s) => s.id === 'top-talkers');
const run: QueryRun = queryRunOf({
  query: 'stats sum(bytes) as bytesTransferred by srcAddr, dstAddr | sort bytesTransferred desc | limit 10', groups: ['vpc-1-flow-logs'], files: [],
  columns: ['srcAddr', 'dstAddr', 'bytesTransferred'], rows: [['10.1.1.10', '10.2.1.20', 3256], ['10.2.1.20', '10.1.1.10', 1152]],
}, 'top-talkers', { sim: 1_767_226_000, wall: 1_767_226_000_123 });
const base: SavedProgress = { labId: lab.id, title: lab.title, source: { kind: 'builtin', id: lab.id }, step: top, passed: {}, hints: {} };

describe('runs in saved lab progress', () => {
  it('survive a save and a reload', () => {
    const s = memoryStore();
    expect(saveProgress(s, { ...base, runs: [run] })).toBeNull();
    expect(loadProgress(s)).toEqual({ ...base, runs: [run] });
  });

  it('damaged runs are left out, a damaged list reads as none, and the rest of the progress still loads', () => {
    const s = memoryStore();
    s.m.set(PROGRESS_KEY, JSON.stringify({ ...base, runs: [run, { ...run, rows: [[1]] }, null, { ...run, at: null }, 'x'] }));
    expect(loadProgress(s)?.runs).toEqual([run]);
    for (const runs of ['all of them', 7, null, { 0: run }]) {
      s.m.set(PROGRESS_KEY, JSON.stringify({ ...base, runs }));
      expect(loadProgress(s)).toEqual({ ...base, runs: [] });
    }
  });

  it('a save from before runs were recorded has none, and its Insights passes are dropped (they came from the records alone)', () => {
    const s = memoryStore();
    const passed = { [checkKey('top-talkers', 0)]: { sim: 1, wall: 2 }, [checkKey('create-role', 0)]: { sim: 1, wall: 2 } };
    s.m.set(PROGRESS_KEY, JSON.stringify({ ...base, passed }));
    const old = loadProgress(s)!;
    expect(old.runs).toBeUndefined();
    expect(withoutUnprovenPasses(lab, old.passed)).toEqual({ [checkKey('create-role', 0)]: { sim: 1, wall: 2 } });
    const none = { [checkKey('create-role', 0)]: { sim: 1, wall: 2 } };
    expect(withoutUnprovenPasses(lab, none)).toBe(none);
  });

  it('a query the learner ran stays passed, and says so', () => {
    const live = evaluateLab(lab, lab.start);
    const shown = keepHistory(lab, live, { [checkKey('top-talkers', 0)]: { sim: 1, wall: 2 } });
    expect(shown.steps[top].checks[0]).toMatchObject({ passed: true, detail: 'You ran a matching Logs Insights query earlier.' });
  });
});

describe('the completion report', () => {
  it('lists the queries the learner ran, with the step, the log groups, the top row and when; all of it escaped', () => {
    const hostile = { ...run, query: 'fields @message | filter @message like /<script>alert(1)<\\/script>/' };
    const input = { lab, learner: 'Ada', progress: evaluateLab(lab, lab.start), passed: {}, doc: lab.start, now: 0, runs: [run, hostile] };
    const data = reportData(input);
    expect(data.queries[0]).toEqual({
      query: run.query, logGroups: ['vpc-1-flow-logs'], importedFiles: [], step: 'Step 8: Copy a file and find the top talkers',
      rowCount: 2, columns: ['srcAddr', 'dstAddr', 'bytesTransferred'], topRow: ['10.1.1.10', '10.2.1.20', 3256], at: run.at,
    });
    const html = buildReportHtml(input);
    expect(html).toContain('top row: srcAddr=10.1.1.10, dstAddr=10.2.1.20, bytesTransferred=3256');
    expect(html).not.toContain('<script>alert');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    // Each check's sentence is in the report too: an unrun Insights step says what to do.
    expect(data.steps[top].checks[0].detail).toMatch(/^Open Logs Insights/);
    expect(reportData({ ...input, runs: undefined }).queries).toEqual([]);
  });
});

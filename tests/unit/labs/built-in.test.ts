import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { applyChanges, evaluateLab, parseLabIndex, type Lab } from '../../../src/engine/labs/index.ts';
import type { Snapshot } from '../../../src/engine/model/schema.ts';
import { validateSnapshot } from '../../../src/engine/validate/index.ts';
import { needsLearnerRun } from '../../../src/ui/labs/progress.ts';
import { LABS_DIR, loadLab, playLab, readLabText } from './helpers.ts';

const index = parseLabIndex(readLabText('index.json'));
if (!index.ok) throw new Error(JSON.stringify(index.errors));
const entries = index.index.labs;

const errorsOf = (doc: Snapshot) => validateSnapshot(doc).filter((d) => d.severity === 'error');

describe('the built-in lab index', () => {
  it('lists the six labs, one file each, with their titles and step counts', () => {
    expect(entries.map((e) => e.id)).toEqual(['peering-and-flow-logs', 'sg-vs-nacl', 'nat-gateway', 'peering-not-transitive', 'flow-logs-security', 'flow-logs-blind-spots']);
    const files = readdirSync(LABS_DIR).filter((f) => f !== 'index.json').sort();
    expect(files).toEqual(entries.map((e) => e.file).sort());
    for (const e of entries) {
      const lab = loadLab(e.file);
      expect({ id: lab.id, title: lab.title, summary: lab.summary, level: lab.level, minutes: lab.minutes, steps: lab.steps.length })
        .toEqual({ id: e.id, title: e.title, summary: e.summary, level: e.level, minutes: e.minutes, steps: e.steps });
    }
  });
});

describe.each(entries)('built-in lab $id', ({ file }) => {
  const lab: Lab = loadLab(file);

  it('parses, tells a complete story of 4 to 10 steps, and starts from a valid snapshot', () => {
    expect(lab.steps.length).toBeGreaterThanOrEqual(4);
    expect(lab.steps.length).toBeLessThanOrEqual(10);
    for (const s of lab.steps) {
      expect(s.instructions.length, s.id).toBeGreaterThan(200);
      expect(s.hints.length, s.id).toBeGreaterThan(0);
      expect(s.checks.filter((c) => !c.guard).length, s.id).toBeGreaterThan(0);
    }
    expect(errorsOf(lab.start as Snapshot)).toEqual([]);
  });

  it('no check is trivially true: before any solution every check fails (guards aside)', () => {
    const progress = evaluateLab(lab, lab.start as Snapshot, []);
    lab.steps.forEach((s, i) => s.checks.forEach((c, k) => {
      if (c.guard) return;
      expect(progress.steps[i].checks[k].passed, `${s.id} / ${progress.steps[i].checks[k].label}: ${progress.steps[i].checks[k].detail}`).toBe(false);
    }));
    expect(progress.current).toBe(0);
  });

  it('is solved step by step: each solution (and the traffic and Logs Insights queries the step asks for) completes its step and keeps the earlier ones', () => {
    const states = playLab(lab);
    for (const st of states) {
      const failing = st.progress.steps.slice(0, st.step + 1).flatMap((s) => s.checks.filter((c) => !c.passed).map((c) => `${s.id}: ${c.label}: ${c.detail}`));
      expect(failing, `after step ${lab.steps[st.step].id}`).toEqual([]);
      expect(st.progress.current).toBeGreaterThan(st.step);
      expect(errorsOf(st.doc), `document after step ${lab.steps[st.step].id}`).toEqual([]);
    }
    const last = states.at(-1)!;
    expect(last.progress.done).toBe(true);
    expect(last.progress.steps.every((s) => s.checks.every((c) => c.passed))).toBe(true);
  });

  it('needs each step: before a step\'s solution, traffic and queries, its own checks fail', () => {
    const states = playLab(lab);
    lab.steps.forEach((s, i) => {
      if (!s.solution && !s.traffic && !s.checks.some(needsLearnerRun)) return;
      const before = i === 0 ? evaluateLab(lab, lab.start as Snapshot, []) : states[i - 1].progress;
      const passing = before.steps[i].checks.filter((c) => c.passed && !c.guard);
      expect(passing.map((c) => c.label), `step ${s.id}`).toEqual([]);
    });
  });

  it('an Insights step is done only once the learner runs a query in the console: the records alone do not do it', () => {
    const states = playLab(lab);
    lab.steps.forEach((s, i) => s.checks.forEach((c, k) => {
      if (!needsLearnerRun(c)) return;
      const before = states[i].beforeQueries.steps[i].checks[k];
      expect(before.passed, `${s.id} before the learner's run`).toBe(false);
      expect(before.detail).toMatch(/^Open Logs Insights, select (log group .+|your flow log's log group) and run a query such as ".+" — you have not run a query since reaching this step\.$/);
      expect(states[i].progress.steps[i].checks[k].passed, `${s.id} after the learner's run`).toBe(true);
    }));
  });

  it('never changes the lab while being played', () => {
    const text = JSON.stringify(lab);
    playLab(lab);
    expect(JSON.stringify(lab)).toBe(text);
  });
});

describe('the built-in Insights steps', () => {
  it('need the learner\'s own run (no built-in lab opts out with "evidence": "records")', () => {
    const checks = entries.flatMap((e) => loadLab(e.file).steps.flatMap((s) => s.checks)).filter((c) => c.kind === 'insights-query');
    expect(checks.length).toBe(3);
    expect(checks.every(needsLearnerRun)).toBe(true);
  });
});

describe('lab stories match the engine', () => {
  it('peering-not-transitive: peering team-b with legacy-d while 10.20.0.0/16 is still associated is an error', () => {
    const lab = loadLab('peering-not-transitive.json');
    const last = lab.steps.at(-1)!;
    const skip = applyChanges(lab.start as Snapshot, [...lab.steps.slice(0, 4).flatMap((s) => s.solution ?? []), ...(last.solution ?? [])]);
    expect(skip.ok).toBe(true);
    if (skip.ok) expect(errorsOf(skip.doc).map((d) => d.code)).toContain('PEERING_CIDR_OVERLAP');
  });

  it('peering-and-flow-logs: without the role, the flow log cannot deliver', () => {
    const lab = loadLab('peering-and-flow-logs.json');
    const r = applyChanges(lab.start as Snapshot, lab.steps[1].solution ?? []);
    expect(r.ok).toBe(true);
    if (r.ok) expect(evaluateLab(lab, r.doc).steps[1].checks[0].detail).toMatch(/cannot deliver \(DeliverLogsStatus FAILED, "Access error"\): The IAM role arn:aws:iam::123456789012:role\/flowlogsRole .* does not exist/);
  });
});

describe('the playthrough can fail', () => {
  it('notices a solution that forgets the return route', () => {
    const lab = loadLab('peering-and-flow-logs.json');
    const i = lab.steps.findIndex((s) => s.id === 'add-routes');
    const broken: Lab = { ...lab, steps: lab.steps.map((s, k) => (k === i ? { ...s, solution: s.solution!.slice(0, 1) } : s)) };
    const after = playLab(broken)[i].progress.steps[i].checks;
    expect(after.filter((c) => !c.passed).map((c) => c.label)).toEqual(['vpc-2-rt routes 10.1.0.0/16 to the peering connection', 'web-1 pings web-2 and gets replies']);
  });

  it('notices a check that already holds at the start', () => {
    const lab = loadLab('sg-vs-nacl.json');
    const trivial: Lab = { ...lab, steps: lab.steps.map((s, k) => (k === 0 ? { ...s, checks: [...s.checks, { kind: 'reachable', from: 'internet', to: 'name:web-1', protocol: 'icmp', expect: false }] } : s)) };
    const atStart = evaluateLab(trivial, trivial.start as Snapshot).steps[0].checks;
    expect(atStart.map((c) => c.passed)).toEqual([false, false, true]);
  });
});

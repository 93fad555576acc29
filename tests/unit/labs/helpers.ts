/** Reading the built-in labs and playing them as a learner would, for the lab tests. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FlowLogRecord } from '../../../src/engine/flowlog/index.ts';
import { runQuery } from '../../../src/engine/insights/index.ts';
import { compileNetwork } from '../../../src/engine/model/compile.ts';
import type { Snapshot } from '../../../src/engine/model/schema.ts';
import {
  applyChanges, evaluateLab, parseLab, sendTraffic, storeOf, type CompletedQuery, type Lab, type LabProgress, type QueryRun,
} from '../../../src/engine/labs/index.ts';
import { needsLearnerRun } from '../../../src/ui/labs/progress.ts';
import { recordCompletedQuery } from '../../../src/ui/labs/query-runs.ts';

export const LABS_DIR = fileURLToPath(new URL('../../../static/labs/', import.meta.url));

export function readLabText(file: string): string {
  return readFileSync(LABS_DIR + file, 'utf8');
}

export function loadLab(file: string): Lab {
  const r = parseLab(readLabText(file));
  if (!r.ok) throw new Error(`${file}: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  return r.lab;
}

/** One moment of a playthrough: after step `step`'s solution, traffic and Logs Insights queries. */
export interface PlayState {
  step: number;
  doc: Snapshot;
  records: FlowLogRecord[];
  /** The learner's Logs Insights runs so far. */
  runs: QueryRun[];
  progress: LabProgress;
  /** The progress after the step's solution and traffic, before the learner ran the step's queries. */
  beforeQueries: LabProgress;
}

/**
 * What the Logs Insights console reports when the learner runs `query` on some log groups (all
 * those with records when none is named, as the console picks them): the records each group
 * holds, as the query worker reads them (storeOf: the flow log's format, ordered by time), over
 * all time.
 */
export function consoleRun(doc: Snapshot, records: readonly FlowLogRecord[], query: string, groups?: string[]): CompletedQuery {
  const chosen = groups ?? [...new Set(records.flatMap((r) => (r.logGroup ? [r.logGroup] : [])))];
  const res = runQuery(storeOf(records.filter((r) => r.logGroup !== null && chosen.includes(r.logGroup)), compileNetwork(doc)), query);
  if (!res.ok) throw new Error(`the query does not run: ${res.error.message}`);
  return { query, groups: chosen, files: [], columns: res.columns, rows: res.rows };
}

/**
 * The learner runs each Logs Insights query a step suggests, in the console: each completed run
 * goes through the labs state's own recording (recordCompletedQuery, with the progress as it is
 * then), so it counts for the step reached, exactly as in the app.
 */
export function runStepQueries(lab: Lab, stepIndex: number, doc: Snapshot, records: readonly FlowLogRecord[], runs: QueryRun[], clock: number): QueryRun[] {
  let out = runs;
  for (const c of lab.steps[stepIndex].checks) {
    if (c.kind !== 'insights-query' || !needsLearnerRun(c)) continue;
    const progress = evaluateLab(lab, doc, records, out);
    out = recordCompletedQuery(out, lab, progress, consoleRun(doc, records, c.query, c.logGroup ? [c.logGroup] : undefined), { sim: clock, wall: clock * 1000 });
  }
  return out;
}

/**
 * Plays a lab as a learner who follows every step: the background traffic first, then for each
 * step its solution, then the traffic it asks for, then the Logs Insights queries it suggests.
 * The clock advances a minute per step.
 */
export function playLab(lab: Lab): PlayState[] {
  let doc = lab.start as Snapshot;
  let clock = 1_767_225_600;
  const records: FlowLogRecord[] = [...sendTraffic(doc, lab.background ?? [], { clock }).records];
  let runs: QueryRun[] = [];
  const states: PlayState[] = [];
  lab.steps.forEach((step, i) => {
    clock += 60;
    if (step.solution) {
      const r = applyChanges(doc, step.solution);
      if (!r.ok) throw new Error(`step ${step.id}: ${r.error}`);
      doc = r.doc;
    }
    const sent = sendTraffic(doc, step.traffic ?? [], { clock });
    for (const s of sent.sent) if (!s.ok) throw new Error(`step ${step.id}: traffic cannot be sent: ${s.error}`);
    records.push(...sent.records);
    const beforeQueries = evaluateLab(lab, doc, records, runs);
    runs = runStepQueries(lab, i, doc, records, runs, clock);
    states.push({ step: i, doc, records: [...records], runs, progress: evaluateLab(lab, doc, records, runs), beforeQueries });
  });
  return states;
}

/**
 * Recording the learner's Logs Insights runs during a lab: the labs state calls these when the
 * console reports a completed query (and the lab tests call the same functions to play a lab).
 * Pure: the caller passes the clock.
 */
import { appendQueryRun, queryRunOf, type CompletedQuery, type Lab, type LabProgress, type QueryRun } from '../../engine/index.ts';
import { checkKey, needsLearnerRun, type PassTimes } from './progress.ts';

/** The id of the step a run made now counts for: the first unfinished step (the last one once the lab is done). */
export function reachedStep(lab: Pick<Lab, 'steps'>, progress: Pick<LabProgress, 'current'> | null): string {
  const i = Math.max(0, Math.min(progress?.current ?? 0, lab.steps.length - 1));
  return lab.steps[i].id;
}

/** The runs after the console completed a query while the lab was in progress. */
export function recordCompletedQuery(runs: readonly QueryRun[], lab: Pick<Lab, 'steps'>, progress: Pick<LabProgress, 'current'> | null, done: CompletedQuery, at: { sim: number; wall: number }): QueryRun[] {
  return appendQueryRun(runs, queryRunOf(done, reachedStep(lab, progress), at));
}

/**
 * Pass times of a save made before runs were recorded: its `insights-query` checks passed from
 * the records alone, not from a query the learner ran, so those times are dropped (the learner
 * runs the query again). Returns the same object when there is nothing to drop.
 */
export function withoutUnprovenPasses(lab: Pick<Lab, 'steps'>, passed: PassTimes): PassTimes {
  let out = passed;
  lab.steps.forEach((s) => s.checks.forEach((c, k) => {
    const key = checkKey(s.id, k);
    if (!needsLearnerRun(c) || !Object.hasOwn(out, key)) return;
    if (out === passed) out = { ...passed };
    delete out[key];
  }));
  return out;
}

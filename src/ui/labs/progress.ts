/**
 * Lab progress as data: when each check first passed (simulated and wall-clock seconds), the
 * step in view, the hints revealed and the Logs Insights queries the learner ran (the evidence of
 * `insights-query` checks), saved in localStorage so a reload continues the lab.
 * Pure apart from the Storage passed in (tests give a Map-backed one).
 */
import { parseQueryRuns, type Lab, type LabProgress, type QueryRun } from '../../engine/index.ts';
import type { SharedLab } from '../../state/share-link.ts';

export const PROGRESS_KEY = 'vpc-lab:lab-progress:v1';

export type PassTimes = Record<string, { sim: number; wall: number }>;

export interface SavedProgress extends SharedLab {
  labId: string;
  title: string;
  /** Hints revealed, per step id. */
  hints: Record<string, number>;
  /** The learner's Logs Insights runs; absent in a save made before runs were recorded. */
  runs?: QueryRun[];
}

/** The key of one check: its step id and its index in the step (check labels can repeat). */
export const checkKey = (stepId: string, index: number) => `${stepId}#${index}`;

/** Records the first time each check passes; returns the same object when nothing new passed. */
export function recordPasses(passed: PassTimes, progress: LabProgress, now: { sim: number; wall: number }): PassTimes {
  let out = passed;
  for (const s of progress.steps) {
    s.checks.forEach((c, i) => {
      const k = checkKey(s.id, i);
      if (c.passed && !Object.hasOwn(out, k)) out = { ...out, [k]: { ...now } };
    });
  }
  return out;
}

/** Check kinds about flow-log records: history, which a reload (it empties the simulated logs) must not undo. */
const HISTORY_KINDS = new Set(['flow-log-record', 'insights-query']);

/** True for an `insights-query` check that needs the learner's own run (the default evidence). */
export function needsLearnerRun(check: { kind: string; evidence?: string } | undefined): boolean {
  return check?.kind === 'insights-query' && check.evidence !== 'records';
}

/**
 * The progress to show: a check about flow-log records that passed once stays passed (records,
 * once delivered, stay in CloudWatch Logs; the simulated logs are not saved across a reload),
 * and so does a query the learner ran (its pass time was recorded from the run).
 * Checks on the network itself are always live, so breaking a route un-ticks its check.
 */
export function keepHistory(lab: Lab, progress: LabProgress, passed: PassTimes): LabProgress {
  let changed = false;
  const steps = progress.steps.map((s, i) => {
    const checks = s.checks.map((c, k) => {
      const check = lab.steps[i]?.checks[k];
      if (c.passed || !HISTORY_KINDS.has(check?.kind) || !Object.hasOwn(passed, checkKey(s.id, k))) return c;
      changed = true;
      return { ...c, passed: true, detail: needsLearnerRun(check) ? 'You ran a matching Logs Insights query earlier.' : 'Seen earlier in the flow logs.' };
    });
    return { ...s, checks, complete: checks.every((c) => c.passed) };
  });
  if (!changed) return progress;
  const first = steps.findIndex((s) => !s.complete);
  return { steps, current: first < 0 ? steps.length : first, done: first < 0 };
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Saves progress; an inline lab too big for storage is saved without its text (with a message). */
export function saveProgress(store: Store, p: SavedProgress): string | null {
  try {
    store.setItem(PROGRESS_KEY, JSON.stringify(p));
    return null;
  } catch (e) {
    return `Lab progress could not be saved (${(e as Error).message}).`;
  }
}

export function clearProgress(store: Store): void {
  try {
    store.removeItem(PROGRESS_KEY);
  } catch {
    /* storage unavailable: nothing to clear */
  }
}

/** Reads saved progress; anything malformed reads as none. */
export function loadProgress(store: Store): SavedProgress | null {
  let text: string | null;
  try {
    text = store.getItem(PROGRESS_KEY);
  } catch {
    return null;
  }
  if (!text) return null;
  try {
    const p = JSON.parse(text) as SavedProgress;
    const srcOk = p.source && ['builtin', 'url', 'inline'].includes(p.source.kind);
    if (typeof p.labId !== 'string' || typeof p.title !== 'string' || !srcOk || !Number.isInteger(p.step) || p.step < 0) return null;
    const passed: PassTimes = {};
    for (const [k, t] of Object.entries(p.passed ?? {})) if (t && typeof t.sim === 'number' && typeof t.wall === 'number') passed[k] = { sim: t.sim, wall: t.wall };
    const hints: Record<string, number> = {};
    for (const [k, n] of Object.entries(p.hints ?? {})) if (Number.isInteger(n) && n >= 0) hints[k] = n;
    const out: SavedProgress = { labId: p.labId, title: p.title, source: p.source, step: p.step, passed, hints };
    // Runs that do not check out are left out; a save without any is an older one (see withoutUnprovenPasses).
    if (Object.hasOwn(p, 'runs')) out.runs = parseQueryRuns(p.runs);
    return out;
  } catch {
    return null;
  }
}

/** A step the learner only reads: no solution to apply and no traffic to send (its checks may pass by themselves). */
export const isReadingStep = (step: { solution?: readonly unknown[]; traffic?: readonly unknown[] }): boolean => !step.solution?.length && !step.traffic?.length;

/**
 * The step to show after an evaluation, so that the card always agrees with the checks:
 * - the step in view has just become complete: the first unfinished step; but a reading step
 *   right after it (its checks pass by themselves, so it may be complete already) is shown rather
 *   than skipped, or its text would never be read; when the whole lab is done, the card stays;
 * - an earlier step is no longer complete (an undo, a broken route): the first unfinished step,
 *   since the card must not sit on "Step 6" while step 5 is undone;
 * - otherwise the step the learner chose, so looking back at a finished step, or ahead, never moves the card.
 * `reading[i]` says whether step i is a reading step (isReadingStep); absent, none is.
 */
export function stepAfterEvaluation(viewed: number, before: LabProgress | null, after: LabProgress, reading: readonly boolean[] = []): number {
  if (!before) return viewed;
  const was = before.steps[viewed]?.complete ?? true;
  const now = after.steps[viewed]?.complete ?? false;
  if (!was && now) {
    // The steps that follow, up to the next unfinished one: the first reading step among them is next.
    for (let i = viewed + 1; i < after.steps.length; i++) {
      if (reading[i]) return i;
      if (!after.steps[i].complete) break;
    }
    return after.done ? viewed : Math.min(after.current, after.steps.length - 1);
  }
  const undone = after.steps.findIndex((s, i) => i < viewed && !s.complete && before.steps[i]?.complete);
  return undone >= 0 ? after.current : viewed;
}

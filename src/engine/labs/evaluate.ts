/**
 * Progress through a lab: every check of every step evaluated against the learner's current
 * document, flow-log records and Logs Insights runs. Pure and deterministic; the UI calls it
 * after every change.
 */
import type { FlowLogRecord } from '../flowlog/index.ts';
import type { Snapshot } from '../model/schema.ts';
import { type Check, checkLabel, evaluateCheck } from './checks/index.ts';
import { type CheckContext, type CheckResult, createCheckContext } from './context.ts';
import { type QueryRun, runsForStep } from './query-runs.ts';
import type { Lab } from './schema.ts';

/** One check's state, with the label the learner sees. */
export interface CheckState extends CheckResult {
  label: string;
  /** A condition to keep rather than a goal (see the check's `guard`). */
  guard: boolean;
}

/** One step's state: complete when every check passes (a step without checks is complete). */
export interface StepState {
  id: string;
  checks: CheckState[];
  complete: boolean;
}

/** The whole lab's state. */
export interface LabProgress {
  steps: StepState[];
  /** Index of the first incomplete step; `steps.length` when the lab is done. */
  current: number;
  done: boolean;
}

/** Evaluates the checks of one step in a context (shared between steps so traces are reused). */
export function evaluateStep(checks: readonly Check[], ctx: CheckContext): CheckState[] {
  return checks.map((c) => ({ ...evaluateCheck(c, ctx), label: checkLabel(c), guard: c.guard === true }));
}

/**
 * Evaluates a lab against the learner's document, the flow-log records produced so far (the
 * caller keeps them: flow logs are history, and a check about them must not depend on what the
 * current document would log now unless it sends its own traffic), and the Logs Insights queries
 * the learner ran (each step sees the runs made once it was reached).
 */
export function evaluateLab(lab: Lab, doc: Snapshot, records: readonly FlowLogRecord[] = [], runs: readonly QueryRun[] = []): LabProgress {
  const ctx = createCheckContext(doc, records, lab.background ?? [], runs);
  const steps = lab.steps.map((s, i): StepState => {
    // The same context (its traces are memoized), with the runs this step may use.
    const checks = evaluateStep(s.checks, { ...ctx, runs: runsForStep(lab, ctx.runs, i) });
    return { id: s.id, checks, complete: checks.every((c) => c.passed) };
  });
  const first = steps.findIndex((s) => !s.complete);
  const current = first < 0 ? steps.length : first;
  return { steps, current, done: first < 0 };
}

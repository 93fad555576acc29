/**
 * `insights-query` with the learner's own run as evidence (the default). The step is done only
 * when the learner has run, in the Logs Insights console, a query whose result satisfies the
 * check. Any run made since the step was reached counts, newest first (so exploring further
 * afterwards does not undo it); the check's `logGroup` must be among the log groups the run read,
 * and a run that also read an imported file does not count (its rows may come from the file).
 * The learner may write the query their own way: what counts is the result. When nothing counts,
 * the message says what to do and what the last run returned.
 */
import type { CheckContext, CheckResult } from '../context.ts';
import type { QueryRun } from '../query-runs.ts';
import { fail, pass } from './common.ts';
import { type ResultExpectation, type Verdict, judgeResult } from './insights-result.ts';

/** What this evaluation needs of the check. */
export interface RunExpectation extends ResultExpectation {
  query: string;
  logGroup?: string;
}

const oneLine = (q: string) => q.replace(/\s*\n\s*/g, ' ').trim();
const short = (q: string) => {
  const t = oneLine(q);
  return t.length > 120 ? `${t.slice(0, 117)}…` : t;
};
const groupsText = (run: QueryRun) => (run.groups.length ? run.groups.join(', ') : 'no log group');

/** What the learner should do, as the start of every failing message. */
export const adviceOf = (c: RunExpectation): string =>
  `Open Logs Insights, select ${c.logGroup ? `log group ${c.logGroup}` : 'your flow log\'s log group'} and run a query such as "${oneLine(c.query)}"`;

type RunVerdict = Verdict | { ok: false; why: 'group' | 'files' };

function verdictOf(c: RunExpectation, run: QueryRun, ctx: CheckContext): RunVerdict {
  if (run.files.length > 0) return { ok: false, why: 'files' };
  if (c.logGroup !== undefined ? !run.groups.includes(c.logGroup) : run.groups.length === 0) return { ok: false, why: 'group' };
  return judgeResult(c, run, ctx);
}

/** Why a run does not satisfy the check, as the end of "your last run (…) …". */
function reason(c: RunExpectation, run: QueryRun, v: Exclude<RunVerdict, { ok: true }>): string {
  switch (v.why) {
    case 'files': return `also read the imported file${run.files.length > 1 ? 's' : ''} ${run.files.join(', ')}, so its rows are not only from the lab's flow logs`;
    case 'group': return c.logGroup !== undefined ? `did not read ${c.logGroup}` : 'read no CloudWatch Logs log group';
    case 'few-rows': return `returned ${v.rowCount} row(s), fewer than ${v.min}`;
    case 'no-rows': return 'returned no rows (is the time range wide enough?)';
    case 'no-column': return `returned no column ${v.missing.join(', ')} (its columns: ${v.columns.join(', ') || 'none'})`;
    case 'top-row': return `returned the top row ${v.top}`;
    case 'unresolved': return `could not be compared: ${v.errors.join('; ')}`;
  }
}

/** Evaluates the check against the learner's runs in the context (those that count for its step). */
export function fromLearnerRuns(c: RunExpectation, ctx: CheckContext): CheckResult {
  const runs = ctx.runs;
  if (runs.length === 0) return fail(`${adviceOf(c)} — you have not run a query since reaching this step.`);
  let last: string | null = null;
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i];
    const v = verdictOf(c, run, ctx);
    if (v.ok) return pass(`Your query "${short(run.query)}" on ${groupsText(run)} returned ${v.top !== null ? `the top row ${v.top}` : `${v.rowCount} row(s)`}.`);
    // A name the check uses does not resolve in the document: no run can pass; say so once.
    if (v.why === 'unresolved') return fail(`The check cannot be evaluated: ${v.errors.join('; ')}.`);
    last ??= `your last run ("${short(run.query)}" on ${groupsText(run)}) ${reason(c, run, v)}`;
  }
  return fail(`${adviceOf(c)} — ${last}.`);
}

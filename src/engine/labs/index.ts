/**
 * Labs: a lab is data (a start snapshot, steps with Markdown instructions, hints, checks and
 * solutions); the engine parses it safely, evaluates its checks against the learner's
 * document and flow-log records, applies solutions as JSON Patch, and renders its Markdown.
 *
 * ```ts
 * const parsed = parseLab(text);               // { ok, lab } | { ok: false, errors: [{ path, message }] }
 * const progress = evaluateLab(lab, doc, records, runs);  // runs: the learner's Logs Insights queries
 * const next = applyChanges(doc, lab.steps[i].solution ?? []);
 * const html = renderMarkdown(lab.steps[i].instructions);
 * ```
 */
export { LAB_FORMAT, LAB_INDEX_FORMAT, LabSchema, LabIndexSchema, StepSchema, labJsonSchema, type Lab, type LabInput, type LabStep, type LabIndex } from './schema.ts';
export { parseLab, parseLabIndex, validateLab, MAX_LAB_BYTES, type ParseLabResult } from './parse.ts';
export type { LabError } from './issues.ts';
export { applyChanges, parsePointer, jsonEqual, ChangeSchema, type Change, type ApplyResult } from './changes.ts';
export { CheckSchema, CHECK_KINDS, checkLabel, evaluateCheck, type Check, type CheckKindName } from './checks/index.ts';
export { createCheckContext, type CheckContext, type CheckResult } from './context.ts';
export { evaluateLab, evaluateStep, type LabProgress, type StepState, type CheckState } from './evaluate.ts';
export { TrafficSchema, probeOf, trafficText, MAX_COUNT, type Traffic, type TrafficInput } from './traffic.ts';
export { Resolver, NAME_PREFIX, isNameRef, type Resolved } from './refs.ts';
export { MATCH_OPERATORS, matches, matchEnv } from './match.ts';
export { renderMarkdown, markupProblems, escapeHtml } from './markdown.ts';
export { insightsRecordOf, storeOf } from './insights-records.ts';
export { MAX_RUNS, MAX_RUN_ROWS, appendQueryRun, isQueryRun, parseQueryRuns, queryRunOf, runsForStep, type CompletedQuery, type QueryRun } from './query-runs.ts';
export { INSIGHTS_EVIDENCE } from './checks/insights-query.ts';
export { sendTraffic, type SentTraffic } from './traffic-run.ts';

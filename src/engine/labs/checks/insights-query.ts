/**
 * `insights-query`: the learner ran, in the CloudWatch Logs Insights console, a query whose
 * result has a given top row and/or at least N rows (e.g. the "top 10 byte transfers by source
 * and destination IP" sample). The evidence is the learner's own run (see insights-run.ts): the
 * check's `query` is the suggestion the learner sees, and what the lab's solution tests run.
 * With `"evidence": "records"` a lab opts out: the engine runs the query itself over the
 * flow-log records (the learner's plus those of the check's own traffic), so the check passes as
 * soon as the records exist, whether or not the learner looked.
 */
import { z } from 'zod';
import { runQuery } from '../../insights/index.ts';
import { storeOf } from '../insights-records.ts';
import type { CheckContext, CheckResult } from '../context.ts';
import { COMMON_FIELDS, CheckTrafficSchema, type CheckKind, fail, pass } from './common.ts';
import { recordsFor } from './flow-log-record.ts';
import { judgeResult } from './insights-result.ts';
import { fromLearnerRuns } from './insights-run.ts';

/** What counts as evidence for an `insights-query` check. */
export const INSIGHTS_EVIDENCE = ['learner-run', 'records'] as const;

export const InsightsQueryCheckSchema = z.strictObject({
  kind: z.literal('insights-query'),
  query: z.string().min(1).max(4000).describe('The Logs Insights query to suggest, e.g. "stats sum(bytes) as bytesTransferred by srcAddr, dstAddr | sort bytesTransferred desc | limit 10". The learner may write their own: what counts is the result of a query they run. Solution tests run this one.'),
  logGroup: z.string().min(1).max(512).describe('The CloudWatch Logs log group the learner\'s run must read (among the groups selected in the console). With "evidence": "records", only records delivered to it.').optional(),
  evidence: z.enum(INSIGHTS_EVIDENCE).describe('"learner-run" (default): the learner must run, in the Logs Insights console, a query whose result matches (any run since the step was reached). "records": the engine runs `query` itself over the flow-log records, so the check passes once the records exist, without the learner running anything.').optional(),
  traffic: CheckTrafficSchema.describe('Only with "evidence": "records": traffic the check sends through the current document before running the query ("background" replays the lab\'s background traffic).').optional(),
  topRow: z.record(z.string().max(200), z.unknown()).describe('Columns of the first row and their values (or matchers; "name:web-1" in an address column is that instance\'s private IP).').optional(),
  minRows: z.number().int().min(0).max(100_000).describe('At least this many rows.').optional(),
  ...COMMON_FIELDS,
}).refine((c) => c.topRow !== undefined || c.minRows !== undefined, { message: 'give "topRow", "minRows", or both' })
  .refine((c) => c.traffic === undefined || c.evidence === 'records', { message: '"traffic" only applies with "evidence": "records": by default the check reads the result of a query the learner runs on their own flow logs', path: ['traffic'] })
  .describe('The learner runs a Logs Insights query that returns a given top row (or at least N rows).');

export type InsightsQueryCheck = z.input<typeof InsightsQueryCheckSchema>;

const quoted = (q: string) => `"${q.length > 60 ? `${q.slice(0, 57)}…` : q}"`;
const expected = (c: InsightsQueryCheck) => (c.topRow ? `a top row with ${Object.keys(c.topRow).join(', ')}` : `${c.minRows} row(s) or more`);

/** The query run by the engine over the records (`"evidence": "records"`), with today's messages. */
function fromRecords(c: InsightsQueryCheck, ctx: CheckContext): CheckResult {
  const got = recordsFor(ctx, c.traffic);
  if (!got.ok) return fail(`The check's traffic cannot be sent: ${got.error}.`);
  const records = c.logGroup === undefined ? got.records : got.records.filter((r) => r.logGroup === c.logGroup);
  if (records.length === 0) return fail(`No flow-log records${c.logGroup ? ` in log group ${c.logGroup}` : ''} yet.`);
  const res = runQuery(storeOf(records, ctx.net), c.query);
  if (!res.ok) return fail(`The query does not run: line ${res.error.line}, column ${res.error.column}: ${res.error.message}`);
  const v = judgeResult(c, { columns: res.columns, rows: res.rows, rowCount: res.rows.length }, ctx);
  if (v.ok) return pass(v.top !== null ? `Top row: ${v.top}.` : `The query returns ${v.rowCount} row(s).`);
  switch (v.why) {
    case 'few-rows': return fail(`The query returns ${v.rowCount} row(s), fewer than ${v.min}.`);
    case 'no-rows': return fail('The query returns no rows.');
    case 'no-column': return fail(`The result has no column ${v.missing.join(', ')} (columns: ${v.columns.join(', ')}).`);
    case 'unresolved': return fail(`The check cannot be evaluated: ${v.errors.join('; ')}.`);
    case 'top-row': return fail(`The top row is ${v.top}.`);
  }
}

export const insightsQueryCheck: CheckKind<InsightsQueryCheck> = {
  kind: 'insights-query',
  describe: (c) => (c.evidence === 'records'
    ? `the query ${quoted(c.query)} returns ${expected(c)}`
    : `you run a Logs Insights query${c.logGroup ? ` on ${c.logGroup}` : ''} (such as ${quoted(c.query)}) that returns ${expected(c)}`),
  evaluate: (c, ctx) => (c.evidence === 'records' ? fromRecords(c, ctx) : fromLearnerRuns(c, ctx)),
};

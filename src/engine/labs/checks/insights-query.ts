/**
 * `insights-query`: a CloudWatch Logs Insights query over the flow-log records returns a given
 * top row (e.g. the "top 10 byte transfers by source and destination IP" sample). Records are
 * the learner's plus those of the check's own traffic, optionally only one log group's.
 */
import { z } from 'zod';
import { runQuery } from '../../insights/index.ts';
import { matchEnv, matches } from '../match.ts';
import { storeOf } from '../insights-records.ts';
import { COMMON_FIELDS, CheckTrafficSchema, type CheckKind, fail, pass } from './common.ts';
import { recordsFor } from './flow-log-record.ts';

export const InsightsQueryCheckSchema = z.strictObject({
  kind: z.literal('insights-query'),
  query: z.string().min(1).max(4000).describe('The Logs Insights query, e.g. "stats sum(bytes) as bytesTransferred by srcAddr, dstAddr | sort bytesTransferred desc | limit 10".'),
  logGroup: z.string().min(1).max(512).describe('Only records delivered to this CloudWatch Logs log group (the group selected in the console).').optional(),
  traffic: CheckTrafficSchema.optional(),
  topRow: z.record(z.string().max(200), z.unknown()).describe('Columns of the first row and their values (or matchers; "name:web-1" in an address column is that instance\'s private IP).').optional(),
  minRows: z.number().int().min(0).max(100_000).describe('At least this many rows.').optional(),
  ...COMMON_FIELDS,
}).refine((c) => c.topRow !== undefined || c.minRows !== undefined, { message: 'give "topRow", "minRows", or both' })
  .describe('A Logs Insights query over the flow-log records returns a given top row.');

export type InsightsQueryCheck = z.input<typeof InsightsQueryCheckSchema>;

const rowText = (columns: string[], row: unknown[]) => columns.map((c, i) => `${c}=${row[i] ?? '-'}`).join(', ');

export const insightsQueryCheck: CheckKind<InsightsQueryCheck> = {
  kind: 'insights-query',
  describe: (c) => `the query "${c.query.length > 60 ? `${c.query.slice(0, 57)}…` : c.query}" returns ${c.topRow ? `a top row with ${Object.keys(c.topRow).join(', ')}` : `${c.minRows} row(s) or more`}`,
  evaluate(c, ctx) {
    const got = recordsFor(ctx, c.traffic);
    if (!got.ok) return fail(`The check's traffic cannot be sent: ${got.error}.`);
    const records = c.logGroup === undefined ? got.records : got.records.filter((r) => r.logGroup === c.logGroup);
    if (records.length === 0) return fail(`No flow-log records${c.logGroup ? ` in log group ${c.logGroup}` : ''} yet.`);
    const res = runQuery(storeOf(records, ctx.net), c.query);
    if (!res.ok) return fail(`The query does not run: line ${res.error.line}, column ${res.error.column}: ${res.error.message}`);
    if (c.minRows !== undefined && res.rows.length < c.minRows) return fail(`The query returns ${res.rows.length} row(s), fewer than ${c.minRows}.`);
    if (c.topRow === undefined) return pass(`The query returns ${res.rows.length} row(s).`);
    const top = res.rows[0];
    if (!top) return fail('The query returns no rows.');
    const row = Object.fromEntries(res.columns.map((col, i) => [col, top[i]]));
    const missing = Object.keys(c.topRow).filter((k) => !res.columns.includes(k));
    if (missing.length > 0) return fail(`The result has no column ${missing.join(', ')} (columns: ${res.columns.join(', ')}).`);
    const env = matchEnv(ctx.resolver);
    const ok = matches(row, c.topRow, env);
    if (env.errors.length > 0) return fail(`The check cannot be evaluated: ${env.errors.join('; ')}.`);
    const shownRow = rowText(res.columns, top);
    return ok ? pass(`Top row: ${shownRow}.`) : fail(`The top row is ${shownRow}.`);
  },
};

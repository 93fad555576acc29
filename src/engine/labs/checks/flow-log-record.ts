/**
 * `flow-log-record`: the flow-log records contain (at least `min`) records matching given
 * fields, e.g. an ingress ACCEPT and an egress REJECT for ICMP on one interface. Records are
 * the learner's history (passed in by the caller: logs are append-only, so what was logged
 * stays logged) plus, when the check names `traffic`, the records that traffic writes now.
 * With `expect: false` no record may match; then, when `match.interfaceId` is given, a flow log
 * must cover that interface and keep the matched action (both, when the match names none),
 * because a silent log that watches nothing, or keeps only REJECTs, proves nothing.
 */
import { z } from 'zod';
import type { FlowLogRecord } from '../../flowlog/index.ts';
import { flowLogsCovering, keepsAction } from '../../flowlog/index.ts';
import { type CheckContext, recordsOf, trafficOf } from '../context.ts';
import { matchEnv, matches } from '../match.ts';
import { fieldsText as matchFieldsText } from '../match-text.ts';
import { COMMON_FIELDS, CheckTrafficSchema, type CheckKind, fail, pass } from './common.ts';

/** The fields a record match may name: the trace contract's `fields`, plus flowLogId and logGroup. */
export const RECORD_FIELDS = [
  'flowLogId', 'logGroup', 'version', 'accountId', 'interfaceId', 'srcAddr', 'dstAddr', 'srcPort', 'dstPort', 'protocol',
  'packets', 'bytes', 'start', 'end', 'action', 'logStatus', 'vpcId', 'subnetId', 'instanceId', 'tcpFlags', 'type',
  'pktSrcAddr', 'pktDstAddr', 'region', 'azId', 'flowDirection', 'trafficPath',
] as const;

const matcher = z.unknown().describe('A value or a matcher ({"$in": […]}, {"$ne": …}, {"$cidr": "10.0.0.0/8"}, "name:web-1" …).');
const RecordMatchSchema = z.strictObject(Object.fromEntries(RECORD_FIELDS.map((f) => [f, matcher.optional()])) as Record<(typeof RECORD_FIELDS)[number], z.ZodOptional<z.ZodUnknown>>)
  .describe('Fields the record must have, by their Logs Insights names (interfaceId, srcAddr, action, flowDirection …). Protocols are numbers: 1 ICMP, 6 TCP, 17 UDP.');

export const FlowLogRecordCheckSchema = z.strictObject({
  kind: z.literal('flow-log-record'),
  match: RecordMatchSchema,
  traffic: CheckTrafficSchema.optional(),
  min: z.number().int().min(1).max(10_000).describe('How many matching records are needed (default 1).').optional(),
  expect: z.boolean().describe('true (default): matching records exist; false: none does.').optional(),
  ...COMMON_FIELDS,
}).describe('The flow-log records contain a record matching given fields.');

export type FlowLogRecordCheck = z.input<typeof FlowLogRecordCheckSchema>;

/** The fields a check wants, as a learner reads them: "interfaceId=app-1, trafficPath=2 or 8" (see match-text.ts). */
const fieldsText = (m: Record<string, unknown>) => matchFieldsText(m);

/** The records a record check looks at: the learner's, then those its own traffic writes. */
export function recordsFor(ctx: CheckContext, traffic: FlowLogRecordCheck['traffic']): { ok: true; records: FlowLogRecord[] } | { ok: false; error: string } {
  const own = recordsOf(ctx, trafficOf(ctx, traffic));
  return own.ok ? { ok: true, records: [...ctx.records, ...own.value] } : { ok: false, error: own.error };
}

export const flowLogRecordCheck: CheckKind<FlowLogRecordCheck> = {
  kind: 'flow-log-record',
  describe: (c) => `${c.expect === false ? 'no' : 'a'} flow-log record with ${fieldsText(c.match)}`,
  evaluate(c, ctx) {
    const got = recordsFor(ctx, c.traffic);
    if (!got.ok) return fail(`The check's traffic cannot be sent: ${got.error}.`);
    const env = matchEnv(ctx.resolver);
    const hits = got.records.filter((r) => matches({ ...r.fields, flowLogId: r.flowLogId, logGroup: r.logGroup }, c.match, env));
    if (env.errors.length > 0) return fail(`The check cannot be evaluated: ${env.errors.join('; ')}.`);
    const want = c.min ?? 1;
    if (c.expect === false) {
      if (hits.length > 0) return fail(`${hits.length} record(s) match, e.g. "${hits[0].line}".`);
      const silent = coverageProblem(c, ctx);
      return silent ? fail(silent) : pass(`No record among ${got.records.length} matches ${fieldsText(c.match)}.`);
    }
    if (hits.length >= want) return pass(`${hits.length} matching record(s), e.g. "${hits[0].line}".`);
    if (got.records.length === 0) return fail('No flow-log records yet: is a flow log watching, and has traffic been sent?');
    return fail(`${hits.length} of the ${got.records.length} record(s) match ${fieldsText(c.match)}${want > 1 ? ` (${want} needed)` : ''}.`);
  },
};

/** A "no record" check proves something only if a flow log watches the interface. */
function coverageProblem(c: FlowLogRecordCheck, ctx: CheckContext): string | null {
  const ref = c.match.interfaceId;
  if (typeof ref !== 'string') return null;
  const id = ctx.resolver.interfaceId(ref);
  if (!id.ok) return `interfaceId: ${id.error}.`;
  const eni = ctx.net.enis.get(id.value) ?? [...ctx.net.natGateways.values()].find((n) => n.eni?.id === id.value)?.eni;
  if (!eni) return `interfaceId: ${id.value} is not in the snapshot.`;
  const action = c.match.action;
  const needed: ('ACCEPT' | 'REJECT')[] = action === 'ACCEPT' || action === 'REJECT' ? [action] : ['ACCEPT', 'REJECT'];
  const covering = flowLogsCovering(ctx.net, eni, 'snapshot');
  if (covering.length === 0) return `No flow log watches ${id.value}, so its silence proves nothing.`;
  const unseen = needed.filter((a) => !covering.some((fl) => keepsAction(fl.trafficType, a)));
  if (unseen.length > 0) {
    const words = unseen.map((a) => (a === 'ACCEPT' ? 'accepted' : 'rejected')).join(' or ');
    return `The flow logs on ${id.value} keep only ${[...new Set(covering.map((fl) => fl.trafficType))].join(', ')} traffic, so their silence about ${words} traffic proves nothing.`;
  }
  return null;
}

/**
 * `flow-log-exists`: a flow log watches a resource (or covers an interface), with a traffic
 * type, destination, log group, fields in its format, and, when asked, a delivery role that
 * works (CloudWatch Logs needs a role trusted by vpc-flow-logs.amazonaws.com).
 */
import { z } from 'zod';
import { DEFAULT_LOG_FORMAT, IamRoleSchema, type IamRole, flowLogDeliveryStatus, flowLogsCovering, parseLogFormat } from '../../flowlog/index.ts';
import type { NFlowLog } from '../../model/network.ts';
import type { CheckContext } from '../context.ts';
import { RefSchema } from '../traffic.ts';
import { COMMON_FIELDS, type CheckKind, fail, pass, shown } from './common.ts';

const TrafficType = z.enum(['ACCEPT', 'REJECT', 'ALL']);

export const FlowLogExistsCheckSchema = z.strictObject({
  kind: z.literal('flow-log-exists'),
  resource: RefSchema.describe('The resource the flow log is created on: a VPC, subnet or network interface ("name:vpc-1").').optional(),
  covers: RefSchema.describe('Instead of `resource`: any flow log whose scope includes this interface (its own, its subnet\'s or its VPC\'s); an instance or NAT gateway stands for its interface.').optional(),
  trafficType: z.union([TrafficType, z.array(TrafficType).min(1)]).describe('The traffic type it must have (or one of a list).').optional(),
  destinationType: z.enum(['cloud-watch-logs', 's3', 'kinesis-data-firehose']).optional(),
  logGroup: z.string().min(1).max(512).describe('The CloudWatch Logs log group name it must write to.').optional(),
  fields: z.array(z.string().min(1).max(64)).max(40).describe('Fields its format must include, as AWS names them ("pkt-srcaddr", "flow-direction").').optional(),
  delivering: z.boolean().describe('true: its delivery must work (for CloudWatch Logs, an IAM role in Playground.iamRoles that vpc-flow-logs.amazonaws.com may assume, with the logs: permissions).').optional(),
  ...COMMON_FIELDS,
}).refine((c) => (c.resource === undefined) !== (c.covers === undefined), { message: 'give exactly one of "resource" and "covers"' })
  .describe('A flow log exists with a given scope, traffic type and destination.');

export type FlowLogExistsCheck = z.input<typeof FlowLogExistsCheckSchema>;

function rolesOf(ctx: CheckContext): IamRole[] {
  const pg = ctx.doc.Playground as { iamRoles?: unknown } | undefined;
  const list = Array.isArray(pg?.iamRoles) ? pg.iamRoles : [];
  return list.flatMap((r) => {
    const p = IamRoleSchema.safeParse(r);
    return p.success ? [p.data] : [];
  });
}

/** Why a flow log does not meet the check, or null when it does. */
function mismatch(c: FlowLogExistsCheck, fl: NFlowLog, ctx: CheckContext): string | null {
  const types = c.trafficType === undefined ? null : Array.isArray(c.trafficType) ? c.trafficType : [c.trafficType];
  if (types && !types.includes(fl.trafficType)) return `${fl.id} keeps ${fl.trafficType} traffic, not ${types.join(' or ')}`;
  if (c.destinationType && fl.destinationType !== c.destinationType) return `${fl.id} sends to ${fl.destinationType}, not ${c.destinationType}`;
  if (c.logGroup && fl.logGroup !== c.logGroup) return `${fl.id} writes to log group ${fl.logGroup ?? '(none)'}, not ${c.logGroup}`;
  if (c.fields) {
    const f = fl.format === null ? { ok: true as const, format: DEFAULT_LOG_FORMAT } : parseLogFormat(fl.format);
    if (!f.ok) return `the format of ${fl.id} does not parse: ${f.error}`;
    const missing = c.fields.filter((x) => !f.format.names.includes(x));
    if (missing.length > 0) return `the format of ${fl.id} lacks ${missing.map((m) => '${' + m + '}').join(', ')}`;
  }
  if (c.delivering) {
    const st = flowLogDeliveryStatus(fl, rolesOf(ctx));
    if (!st.ok) return `${fl.id} cannot deliver (DeliverLogsStatus FAILED, "${st.errorMessage}"): ${st.reason}`;
  }
  return null;
}

export const flowLogExistsCheck: CheckKind<FlowLogExistsCheck> = {
  kind: 'flow-log-exists',
  describe: (c) => `a flow log ${c.resource ? `on ${shown(c.resource)}` : `covering ${shown(c.covers ?? '')}`}${c.destinationType ? ` to ${c.destinationType}` : ''}${c.delivering ? ' that can deliver' : ''}`,
  evaluate(c, ctx) {
    let candidates: NFlowLog[];
    let where: string;
    if (c.resource !== undefined) {
      const id = ctx.resolver.resourceId(c.resource);
      if (!id.ok) return fail(`resource: ${id.error}.`);
      candidates = ctx.net.flowLogs.filter((f) => f.resourceId === id.value);
      where = `on ${id.value}`;
    } else {
      const id = ctx.resolver.interfaceId(c.covers ?? '');
      if (!id.ok) return fail(`covers: ${id.error}.`);
      const eni = ctx.net.enis.get(id.value) ?? [...ctx.net.natGateways.values()].find((n) => n.eni?.id === id.value)?.eni;
      if (!eni) return fail(`covers: network interface ${id.value} is not in the snapshot.`);
      candidates = flowLogsCovering(ctx.net, eni, 'snapshot');
      where = `covering ${id.value}`;
    }
    if (candidates.length === 0) return fail(`No flow log ${where} exists yet.`);
    const reasons: string[] = [];
    for (const fl of candidates) {
      const why = mismatch(c, fl, ctx);
      if (why === null) return pass(`Flow log ${fl.id} ${where}: ${fl.trafficType} traffic to ${fl.destinationType}${fl.logGroup ? ` (${fl.logGroup})` : ''}.`);
      reasons.push(why);
    }
    return fail(`A flow log ${where} exists, but ${reasons.join('; ')}.`);
  },
};

import { parseLogFormat } from '../flowlog/format.ts';
import type { Ctx } from './context.ts';
import { allEnis } from './eni-list.ts';
import { describe } from './names.ts';
import { clip, items, str } from './read.ts';

/**
 * Flow logs: the resource each one watches, and its record format.
 * - A flow log watches a VPC, a subnet or an interface: one the snapshot does not hold records nothing.
 * - A custom `LogFormat` must be `${field}` tokens of fields AWS defines, separated by single
 *   spaces: CreateFlowLogs refuses anything else ("Value '...' at 'logFormat' has an invalid
 *   format"), so such a flow log cannot exist, and the simulator would write no record for it.
 */
export function checkFlowLogs(ctx: Ctx): void {
  const flowLogs = items(ctx.doc.FlowLogs);
  if (flowLogs.length === 0) return;
  const enis = new Set(allEnis(ctx).flatMap((e) => (e.id === undefined ? [] : [e.id])));
  for (const [fl, i] of flowLogs) {
    const label = describe('flowLog', fl, ['FlowLogs', i]);
    // An absent LogFormat means AWS's default format; a non-string one is WRONG_TYPE (shape check).
    const format = str(fl.LogFormat);
    if (format !== undefined) {
      const parsed = parseLogFormat(format);
      if (!parsed.ok) {
        ctx.report('FLOW_LOG_FORMAT_INVALID', ['FlowLogs', i, 'LogFormat'], `${label} has a LogFormat that AWS refuses (CreateFlowLogs: "has an invalid format"), and it would write no record: ${parsed.error}.`);
      }
    }
    const id = str(fl.ResourceId);
    if (id === undefined || ctx.vpcs.byId.has(id) || ctx.subnets.byId.has(id) || enis.has(id)) continue;
    ctx.report('FLOW_LOG_RESOURCE_MISSING', ['FlowLogs', i, 'ResourceId'], `${label} watches ${clip(id)}, which is not a VPC, subnet or network interface of the snapshot: it records nothing (point ResourceId at one that is).`);
  }
}

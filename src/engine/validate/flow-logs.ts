import type { Ctx } from './context.ts';
import { allEnis } from './eni-list.ts';
import { describe } from './names.ts';
import { clip, items, str } from './read.ts';

/** A flow log watches a VPC, a subnet or an interface: one the snapshot does not hold records nothing. */
export function checkFlowLogs(ctx: Ctx): void {
  const flowLogs = items(ctx.doc.FlowLogs);
  if (flowLogs.length === 0) return;
  const enis = new Set(allEnis(ctx).flatMap((e) => (e.id === undefined ? [] : [e.id])));
  for (const [fl, i] of flowLogs) {
    const id = str(fl.ResourceId);
    if (id === undefined || ctx.vpcs.byId.has(id) || ctx.subnets.byId.has(id) || enis.has(id)) continue;
    const label = describe('flowLog', fl, ['FlowLogs', i]);
    ctx.report('FLOW_LOG_RESOURCE_MISSING', ['FlowLogs', i, 'ResourceId'], `${label} watches ${clip(id)}, which is not a VPC, subnet or network interface of the snapshot: it records nothing (point ResourceId at one that is).`);
  }
}


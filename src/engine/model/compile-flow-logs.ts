import { jsonPath } from '../diagnostics.ts';
import type { Network, NFlowLog } from './network.ts';
import type { Snapshot } from './schema.ts';

/** Reads the snapshot's flow logs with AWS's defaults filled in (ALL is not a default: the field is required by AWS). */
export function compileFlowLogs(s: Snapshot, net: Network): NFlowLog[] {
  const out: NFlowLog[] = [];
  (Array.isArray(s.FlowLogs) ? s.FlowLogs : []).forEach((f, i) => {
    if (!f || typeof f.FlowLogId !== 'string' || typeof f.ResourceId !== 'string') return;
    const destinationType = f.LogDestinationType ?? 'cloud-watch-logs';
    let logGroup = typeof f.LogGroupName === 'string' ? f.LogGroupName : null;
    if (!logGroup && destinationType === 'cloud-watch-logs' && typeof f.LogDestination === 'string') {
      const m = /:log-group:([^:]+)/.exec(f.LogDestination);
      if (m) logGroup = m[1];
    }
    out.push({
      id: f.FlowLogId,
      resourceId: f.ResourceId,
      ownerId: (net.vpcs.get(f.ResourceId) ?? net.subnets.get(f.ResourceId) ?? net.enis.get(f.ResourceId))?.ownerId ?? null,
      trafficType: f.TrafficType ?? 'ALL',
      destinationType,
      logGroup,
      destination: typeof f.LogDestination === 'string' ? f.LogDestination : null,
      format: typeof f.LogFormat === 'string' && f.LogFormat.trim() !== '' ? f.LogFormat : null,
      interval: f.MaxAggregationInterval === 60 ? 60 : 600,
      doc: f,
      path: jsonPath(['FlowLogs', i]),
    });
  });
  return out;
}

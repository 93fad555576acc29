/** The seed network with a CloudWatch Logs flow log on both VPCs. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileNetwork } from '../../../src/engine/model/compile.ts';
import type { Network } from '../../../src/engine/model/network.ts';
import type { Snapshot } from '../../../src/engine/model/schema.ts';

export function seedNetwork(extra: (doc: Record<string, unknown>) => void = () => {}): Network {
  const doc = JSON.parse(readFileSync(join(import.meta.dirname, '../../../static/samples/seed.json'), 'utf8')) as Record<string, unknown>;
  const vpcs = (doc.Vpcs as { VpcId: string }[]).map((v) => v.VpcId);
  doc.FlowLogs = vpcs.map((v, i) => ({
    FlowLogId: `fl-0000000000000000${i}`, ResourceId: v, TrafficType: 'ALL', LogDestinationType: 'cloud-watch-logs',
    LogGroupName: 'vpc-flow-logs', MaxAggregationInterval: 60,
  }));
  extra(doc);
  return compileNetwork(doc as unknown as Snapshot);
}

/**
 * Flow-log field names as CloudWatch Logs Insights discovers them (`srcAddr`, `logStatus`) and
 * as the flow-log format writes them (`srcaddr`, `log-status`, Athena's `log_status`).
 */

/** The default (version 2) format, in order. */
export const DEFAULT_FORMAT = [
  'version', 'account-id', 'interface-id', 'srcaddr', 'dstaddr', 'srcport', 'dstport',
  'protocol', 'packets', 'bytes', 'start', 'end', 'action', 'log-status',
];

/** Format fields whose Insights name is not the plain camelCase of the format name. */
const SPECIAL: Record<string, string> = {
  srcaddr: 'srcAddr', dstaddr: 'dstAddr', srcport: 'srcPort', dstport: 'dstPort',
  'pkt-srcaddr': 'pktSrcAddr', 'pkt-dstaddr': 'pktDstAddr',
};

/** Every flow-log field a custom format may use (versions 2 to 5, plus the ECS fields of v7). */
export const KNOWN_FORMAT_FIELDS = new Set([
  ...DEFAULT_FORMAT, 'vpc-id', 'subnet-id', 'instance-id', 'tcp-flags', 'type', 'pkt-srcaddr', 'pkt-dstaddr',
  'region', 'az-id', 'sublocation-type', 'sublocation-id', 'pkt-src-aws-service', 'pkt-dst-aws-service',
  'flow-direction', 'traffic-path', 'ecs-cluster-arn', 'ecs-cluster-name', 'ecs-container-instance-arn',
  'ecs-container-instance-id', 'ecs-container-id', 'ecs-second-container-id', 'ecs-service-name',
  'ecs-task-definition-arn', 'ecs-task-arn', 'ecs-task-id', 'reject-reason',
]);

/** Fields whose values are numbers; every other flow-log field is text. */
export const NUMERIC_FIELDS = new Set([
  'version', 'srcPort', 'dstPort', 'protocol', 'packets', 'bytes', 'start', 'end', 'tcpFlags', 'trafficPath', '@timestamp',
]);

const cache = new Map<string, string>();

/**
 * The Insights name of a field: `account-id` → `accountId`, `srcaddr` → `srcAddr`,
 * `log_status` → `logStatus`. Names already in Insights form, and `@` fields, pass through.
 */
export function insightsName(name: string): string {
  let out = cache.get(name);
  if (out !== undefined) return out;
  const plain = name.replace(/^\$\{|\}$/g, '');
  const lower = plain.toLowerCase().replace(/_/g, '-');
  if (plain.startsWith('@')) out = plain;
  else if (SPECIAL[lower]) out = SPECIAL[lower];
  else if (KNOWN_FORMAT_FIELDS.has(lower)) out = lower.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
  else out = plain;
  cache.set(name, out);
  return out;
}

/** Insights names of the flow-log fields that hold text (a number given for one is stored as text). */
export const KNOWN_TEXT_FIELDS = new Set([...KNOWN_FORMAT_FIELDS].map(insightsName).filter((n) => !NUMERIC_FIELDS.has(n)));

/**
 * The flow-log record fields AWS defines, with the version that introduced each one, and the
 * typed record the engine hands out. Field names are AWS's (`${srcaddr}`, `${tcp-flags}` ...);
 * the typed `FlowLogFields` uses the camelCase names CloudWatch Logs Insights discovers.
 */

/** Every field a `LogFormat` may name, in AWS's table order, with the version that added it. */
export const FIELD_SPECS = [
  ['version', 2], ['account-id', 2], ['interface-id', 2], ['srcaddr', 2], ['dstaddr', 2],
  ['srcport', 2], ['dstport', 2], ['protocol', 2], ['packets', 2], ['bytes', 2],
  ['start', 2], ['end', 2], ['action', 2], ['log-status', 2],
  ['vpc-id', 3], ['subnet-id', 3], ['instance-id', 3], ['tcp-flags', 3], ['type', 3],
  ['pkt-srcaddr', 3], ['pkt-dstaddr', 3],
  ['region', 4], ['az-id', 4], ['sublocation-type', 4], ['sublocation-id', 4],
  ['pkt-src-aws-service', 5], ['pkt-dst-aws-service', 5], ['flow-direction', 5], ['traffic-path', 5],
  // Version 7 (ECS) and 8 (reject-reason, VPC Block Public Access) are accepted; the simulator
  // models neither ECS tasks nor BPA, so they are always "-".
  ['ecs-cluster-arn', 7], ['ecs-cluster-name', 7], ['ecs-container-instance-arn', 7],
  ['ecs-container-instance-id', 7], ['ecs-container-id', 7], ['ecs-second-container-id', 7],
  ['ecs-service-name', 7], ['ecs-task-definition-arn', 7], ['ecs-task-arn', 7], ['ecs-task-id', 7],
  ['reject-reason', 8],
] as const satisfies ReadonlyArray<readonly [string, number]>;

/** An AWS field name, e.g. "pkt-srcaddr". */
export type FieldName = (typeof FIELD_SPECS)[number][0];

/** Field codes: the index of the field in FIELD_SPECS (a precompiled format is a list of these). */
export const F = {
  version: 0, accountId: 1, interfaceId: 2, srcAddr: 3, dstAddr: 4, srcPort: 5, dstPort: 6,
  protocol: 7, packets: 8, bytes: 9, start: 10, end: 11, action: 12, logStatus: 13,
  vpcId: 14, subnetId: 15, instanceId: 16, tcpFlags: 17, type: 18, pktSrcAddr: 19, pktDstAddr: 20,
  region: 21, azId: 22, flowDirection: 27, trafficPath: 28,
} as const;

/** Field name -> code. */
export const FIELD_CODES: ReadonlyMap<string, number> = new Map(FIELD_SPECS.map(([name], i) => [name, i]));

/** The version that introduced each field, by code. */
export const FIELD_VERSIONS: readonly number[] = FIELD_SPECS.map(([, v]) => v);

/** The fields of a record, whatever its format: numbers as numbers, absent values as null. */
export interface FlowLogFields {
  /** The flow log format's version: the highest version among its fields (2 for the default format). */
  version: number;
  accountId: string;
  interfaceId: string;
  srcAddr: string | null;
  dstAddr: string | null;
  srcPort: number | null;
  dstPort: number | null;
  protocol: number | null;
  packets: number | null;
  bytes: number | null;
  /** Unix seconds of the first packet in the window (the window's start for NODATA). */
  start: number;
  /** Unix seconds of the last packet in the window (the window's end for NODATA). */
  end: number;
  action: 'ACCEPT' | 'REJECT' | null;
  logStatus: 'OK' | 'NODATA' | 'SKIPDATA';
  vpcId: string | null;
  subnetId: string | null;
  /** Null for requester-managed interfaces such as a NAT gateway's. */
  instanceId: string | null;
  /** OR of the TCP flags seen (FIN 1, SYN 2, RST 4, SYN-ACK 18); 0 when none. */
  tcpFlags: number | null;
  type: 'IPv4' | null;
  pktSrcAddr: string | null;
  pktDstAddr: string | null;
  region: string | null;
  azId: string | null;
  flowDirection: 'ingress' | 'egress' | null;
  /** Egress only: 1 same VPC, 2 IGW, 4 intra-region peering, 5 inter-region peering, 8 IGW (Nitro). */
  trafficPath: number | null;
}

/** One record as written by one flow log (the `flowLogs` entries of the trace result). */
export interface FlowLogRecord {
  /** The flow log that wrote it. */
  flowLogId: string;
  /** The CloudWatch Logs log group for cloud-watch-logs destinations, else null. */
  logGroup: string | null;
  interfaceId: string;
  /** The record as AWS writes it, in the flow log's own format. */
  line: string;
  fields: FlowLogFields;
}

const num = (v: number | null): string => (v === null ? '-' : String(v));
const str = (v: string | null): string => (v === null ? '-' : v);

/** The text of one field of a record: "-" for absent values and for fields the simulator does not model. */
export function fieldText(code: number, f: FlowLogFields): string {
  switch (code) {
    case 0: return String(f.version);
    case 1: return f.accountId;
    case 2: return f.interfaceId;
    case 3: return str(f.srcAddr);
    case 4: return str(f.dstAddr);
    case 5: return num(f.srcPort);
    case 6: return num(f.dstPort);
    case 7: return num(f.protocol);
    case 8: return num(f.packets);
    case 9: return num(f.bytes);
    case 10: return String(f.start);
    case 11: return String(f.end);
    case 12: return str(f.action);
    case 13: return f.logStatus;
    case 14: return str(f.vpcId);
    case 15: return str(f.subnetId);
    case 16: return str(f.instanceId);
    case 17: return num(f.tcpFlags);
    case 18: return str(f.type);
    case 19: return str(f.pktSrcAddr);
    case 20: return str(f.pktDstAddr);
    case 21: return str(f.region);
    case 22: return str(f.azId);
    case 27: return str(f.flowDirection);
    case 28: return num(f.trafficPath);
    default: return '-';
  }
}

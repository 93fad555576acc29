/**
 * Turning an aggregated flow (a row of the flow table) into a record: its typed fields and its
 * line, written through the flow log's compiled line template.
 */
import type { NFlowLog } from '../model/network.ts';
import { formatIpv4 } from '../ip/index.ts';
import type { EniInfo } from './eni-info.ts';
import { F, type FlowLogFields, type FlowLogRecord } from './fields.ts';
import type { LogFormat } from './format.ts';
import type { LineTemplate } from './line-template.ts';
import type { FlowTable } from './flow-table.ts';
import { flat } from './flat.ts';

/** One flow log watching one interface, with everything a record needs precomputed. */
export interface Target {
  id: number;
  flowLog: NFlowLog;
  trafficType: NFlowLog['trafficType'];
  format: LogFormat;
  interval: number;
  info: EniInfo;
  logGroup: string | null;
  template: LineTemplate;
}

// Field codes copied into module constants: the switch below runs for every field of every line.
const {
  srcAddr: SRC_ADDR, dstAddr: DST_ADDR, srcPort: SRC_PORT, dstPort: DST_PORT, protocol: PROTOCOL, packets: PACKETS, bytes: BYTES,
  start: START, end: END, action: ACTION, tcpFlags: TCP_FLAGS, pktSrcAddr: PKT_SRC, pktDstAddr: PKT_DST, flowDirection: DIRECTION,
  trafficPath: TRAFFIC_PATH,
} = F;

/** Bits of a flow's `kind` besides the protocol number. */
export const INGRESS = 0;
export const EGRESS = 1 << 8;
export const REJECT = 1 << 9;

/** The records of a filled flow table, in `rows` order (row order when null). */
export function materialize(table: FlowTable, rows: readonly number[] | null, targets: readonly Target[]): FlowLogRecord[] {
  const texts = new TextCache();
  const out: FlowLogRecord[] = new Array(table.size);
  for (let i = 0; i < table.size; i++) out[i] = toRecord(table, rows === null ? i : rows[i], targets, texts);
  return out;
}

// Direct-mapped caches of number → text, shared by every call: the mapping is pure, and
// allocating them per call cost a fifth of a single trace.
const INT_KEYS = new Float64Array(2048).fill(-1);
const INT_TEXTS: string[] = new Array<string>(2048).fill('');
const TIME_KEYS = new Float64Array(1024).fill(-1);
const TIME_TEXTS: string[] = new Array<string>(1024).fill('');
// Remote addresses: a flow's other end is usually one of a few hundred addresses per call.
const IP_KEYS = new Float64Array(4096).fill(-1);
const IP_TEXTS: string[] = new Array<string>(4096).fill('');

/** Text of addresses, counts and times, from caches shared by every call (the mappings are pure). */
class TextCache {
  private ipKeys = IP_KEYS;
  private ipTexts = IP_TEXTS;
  private intKeys = INT_KEYS;
  private intTexts = INT_TEXTS;
  private timeKeys = TIME_KEYS;
  private timeTexts = TIME_TEXTS;

  /** Text of a count, port, protocol or flag value. */
  int(n: number): string {
    const slot = n & 2047;
    if (this.intKeys[slot] === n) return this.intTexts[slot];
    this.intKeys[slot] = n;
    return (this.intTexts[slot] = String(n));
  }

  address(info: EniInfo, ip: number): string {
    if (ip === info.eni.privateIp) return info.privateIpText;
    const slot = (ip ^ (ip >>> 12)) & 4095;
    if (this.ipKeys[slot] === ip) return this.ipTexts[slot];
    this.ipKeys[slot] = ip;
    return (this.ipTexts[slot] = flat(formatIpv4(ip)));
  }

  time(t: number): string {
    const slot = t & 1023;
    if (this.timeKeys[slot] === t) return this.timeTexts[slot];
    this.timeKeys[slot] = t;
    return (this.timeTexts[slot] = String(t));
  }
}

/**
 * A count or time read from the flow table's doubles, as a small integer where it fits: the
 * table's doubles would otherwise be stored in each record as boxed numbers, one allocation
 * per field per record (a third of the writer's garbage).
 */
function int(x: number): number {
  return x <= 0x7fffffff ? x | 0 : x;
}

function toRecord(table: FlowTable, row: number, targets: readonly Target[], texts: TextCache): FlowLogRecord {
  const target = targets[table.target(row)];
  const info = target.info;
  const srcIp = table.src(row);
  const dstIp = table.dst(row);
  const pktSrcIp = table.pktSrc(row);
  const pktDstIp = table.pktDst(row);
  const ports = table.ports(row);
  const kind = table.kind(row);
  const egress = (kind & EGRESS) !== 0;
  const src = texts.address(info, srcIp);
  const dst = texts.address(info, dstIp);
  const path = table.trafficPath(row);
  const fields: FlowLogFields = {
    version: target.format.version,
    accountId: info.accountId,
    interfaceId: info.interfaceId,
    srcAddr: src,
    dstAddr: dst,
    srcPort: ports >>> 16,
    dstPort: ports & 0xffff,
    protocol: kind & 255,
    packets: int(table.packets(row)),
    bytes: int(table.bytes(row)),
    start: int(table.start(row)),
    end: int(table.end(row)),
    action: (kind & REJECT) !== 0 ? 'REJECT' : 'ACCEPT',
    logStatus: 'OK',
    vpcId: info.vpcId,
    subnetId: info.subnetId,
    instanceId: info.instanceId,
    tcpFlags: table.flags(row) | 0,
    type: 'IPv4',
    pktSrcAddr: pktSrcIp === srcIp ? src : texts.address(info, pktSrcIp),
    pktDstAddr: pktDstIp === dstIp ? dst : texts.address(info, pktDstIp),
    region: info.region,
    azId: info.azId,
    flowDirection: egress ? 'egress' : 'ingress',
    trafficPath: egress && path >= 0 ? path | 0 : null,
  };
  const { vars, at, items } = target.template;
  for (let k = 0; k < vars.length; k++) items[at[k]] = varText(vars[k], fields, texts);
  // join builds one flat string; concatenation would keep a rope of small strings per record.
  return { flowLogId: target.flowLog.id, logGroup: target.logGroup, interfaceId: info.interfaceId, line: items.join(' '), fields };
}

/** Text of a per-flow field (see line-template.ts); every value is set for an OK record but traffic-path. */
function varText(code: number, f: FlowLogFields, texts: TextCache): string {
  switch (code) {
    case SRC_ADDR: return f.srcAddr as string;
    case DST_ADDR: return f.dstAddr as string;
    case SRC_PORT: return texts.int(f.srcPort as number);
    case DST_PORT: return texts.int(f.dstPort as number);
    case PROTOCOL: return texts.int(f.protocol as number);
    case PACKETS: return texts.int(f.packets as number);
    case BYTES: return texts.int(f.bytes as number);
    case START: return texts.time(f.start);
    case END: return texts.time(f.end);
    case ACTION: return f.action as string;
    case TCP_FLAGS: return texts.int(f.tcpFlags as number);
    case PKT_SRC: return f.pktSrcAddr as string;
    case PKT_DST: return f.pktDstAddr as string;
    case DIRECTION: return f.flowDirection as string;
    case TRAFFIC_PATH: return f.trafficPath === null ? '-' : texts.int(f.trafficPath);
    default: return '-';
  }
}

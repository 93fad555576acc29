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
import { LineBytes, asciiBytes, canWriteLineBytes, putBytes, putDash, putIpv4, putNumber } from './line-bytes.ts';

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

/**
 * From this many records on, lines are written as bytes and decoded once (line-bytes.ts);
 * below it, the one decode call costs more than joining each line's items.
 */
export const BYTE_LINES_FROM = 64;

/** The records of a filled flow table, in `rows` order (row order when null). */
export function materialize(table: FlowTable, rows: readonly number[] | null, targets: readonly Target[]): FlowLogRecord[] {
  const texts = new TextCache();
  const size = table.size;
  const out: FlowLogRecord[] = new Array(size);
  if (size < BYTE_LINES_FROM || !canWriteLineBytes) {
    for (let i = 0; i < size; i++) out[i] = toRecord(table, rows === null ? i : rows[i], targets, texts, null);
    return out;
  }
  // About 100 bytes a line in the default format; the writer grows for longer custom formats.
  const w = new LineBytes(size * 128);
  const ends = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    const row = rows === null ? i : rows[i];
    writeLine(w, table, row, targets[table.target(row)]);
    ends[i] = w.pos;
  }
  const text = w.text();
  let start = 0;
  for (let i = 0; i < size; i++) {
    const row = rows === null ? i : rows[i];
    // A line written as bytes is a slice of the shared text (which every line keeps alive: they
    // are used together); a template with non-ASCII constants wrote nothing and is joined.
    const line = ends[i] === start ? null : text.slice(start, ends[i]);
    out[i] = toRecord(table, row, targets, texts, line);
    start = ends[i];
  }
  return out;
}

const SPACE = 32;
const ACCEPT_BYTES = asciiBytes('ACCEPT') as Uint8Array;
const REJECT_BYTES = asciiBytes('REJECT') as Uint8Array;
const INGRESS_BYTES = asciiBytes('ingress') as Uint8Array;
const EGRESS_BYTES = asciiBytes('egress') as Uint8Array;

/** Writes a row's line as bytes: the same text toRecord's join would give. */
function writeLine(w: LineBytes, table: FlowTable, row: number, target: Target): void {
  const template = target.template.bytes;
  if (template === null) return;
  const vars = target.template.vars;
  const lead = template.lead;
  const bytes = w.reserve(template.maxLength);
  let p = w.pos;
  for (let k = 0; k < vars.length; k++) {
    const run = lead[k];
    if (run === null) bytes[p++] = SPACE;
    else p = putBytes(bytes, p, run);
    switch (vars[k]) {
      case SRC_ADDR: p = putIpv4(bytes, p, table.src(row)); break;
      case DST_ADDR: p = putIpv4(bytes, p, table.dst(row)); break;
      case SRC_PORT: p = putNumber(bytes, p, table.ports(row) >>> 16); break;
      case DST_PORT: p = putNumber(bytes, p, table.ports(row) & 0xffff); break;
      case PROTOCOL: p = putNumber(bytes, p, table.kind(row) & 255); break;
      case PACKETS: p = putNumber(bytes, p, table.packets(row)); break;
      case BYTES: p = putNumber(bytes, p, table.bytes(row)); break;
      case START: p = putNumber(bytes, p, table.start(row)); break;
      case END: p = putNumber(bytes, p, table.end(row)); break;
      case ACTION: p = putBytes(bytes, p, (table.kind(row) & REJECT) !== 0 ? REJECT_BYTES : ACCEPT_BYTES); break;
      case TCP_FLAGS: p = putNumber(bytes, p, table.flags(row)); break;
      case PKT_SRC: p = putIpv4(bytes, p, table.pktSrc(row)); break;
      case PKT_DST: p = putIpv4(bytes, p, table.pktDst(row)); break;
      case DIRECTION: p = putBytes(bytes, p, (table.kind(row) & EGRESS) !== 0 ? EGRESS_BYTES : INGRESS_BYTES); break;
      case TRAFFIC_PATH: {
        const path = table.trafficPath(row);
        p = (table.kind(row) & EGRESS) !== 0 && path >= 0 ? putNumber(bytes, p, path) : putDash(bytes, p);
        break;
      }
      default: p = putDash(bytes, p);
    }
  }
  w.pos = putBytes(bytes, p, template.trail);
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

function toRecord(table: FlowTable, row: number, targets: readonly Target[], texts: TextCache, bytesLine: string | null): FlowLogRecord {
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
  return { flowLogId: target.flowLog.id, logGroup: target.logGroup, interfaceId: info.interfaceId, line: bytesLine ?? joinLine(target, fields, texts), fields };
}

function joinLine(target: Target, fields: FlowLogFields, texts: TextCache): string {
  const { vars, at, items } = target.template;
  for (let k = 0; k < vars.length; k++) items[at[k]] = varText(vars[k], fields, texts);
  // join builds one flat string; concatenation would keep a rope of small strings per record.
  return items.join(' ');
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

/**
 * From packet events to flow-log records: one record per flow log, interface, direction,
 * 5-tuple and aggregation window (and action, when a window holds both ACCEPT and REJECT
 * packets of one flow), with packets and bytes summed and TCP flags OR-ed.
 */
import type { EniPacketEvent } from './events.ts';
import type { NEni, Network, NFlowLog } from '../model/network.ts';
import { formatIpv4 } from '../ip/index.ts';
import { type FlowLogMode, flowLogsByResource, flowLogsCovering, keepsAction, windowSeconds } from './coverage.ts';
import { type EniInfo, eniInfo, isNeverLogged } from './eni-info.ts';
import { F, type FlowLogFields, type FlowLogRecord } from './fields.ts';
import { type LogFormat, formatOfFlowLog } from './format.ts';
import { type LineTemplate, compileLineTemplate } from './line-template.ts';
import { type FlowKey, FlowTable } from './flow-table.ts';

/** Options of writeFlowLogRecords. */
export interface WriteOptions {
  /** `snapshot`: the snapshot's flow logs only; `all`: plus an ALL-traffic flow log for every uncovered interface. */
  mode: FlowLogMode;
}

/** One flow log watching one interface, with everything a record needs precomputed. */
interface Target {
  id: number;
  flowLog: NFlowLog;
  format: LogFormat;
  interval: number;
  info: EniInfo;
  logGroup: string | null;
  template: LineTemplate;
}

const INGRESS = 0;
const EGRESS = 1 << 8;
const REJECT = 1 << 9;

/**
 * Aggregates the packet events of a trace into the records AWS would write, in the order
 * written: by window start, then by the position of the record's first event in `events`,
 * then by flow log (document order). A flow log whose `LogFormat` does not parse writes
 * nothing (AWS refuses to create it; validation reports the format).
 */
export function writeFlowLogRecords(net: Network, events: readonly EniPacketEvent[], opts: WriteOptions): FlowLogRecord[] {
  const T0=(globalThis as any).performance.now();
  const targetsByEni = new Map<NEni, Target[]>();
  const allTargets: Target[] = [];
  const byResource = flowLogsByResource(net);
  const formats = new Map<NFlowLog, LogFormat | null>();
  const table = new FlowTable(Math.min(events.length, 1 << 16));
  const key: FlowKey = { target: 0, window: 0, src: 0, dst: 0, ports: 0, kind: 0, pktSrc: 0, pktDst: 0 };
  for (let i = 0; i < events.length; i++) {
    const ev = events[i];
    let targets = targetsByEni.get(ev.eni);
    if (targets === undefined) {
      targets = targetsFor(net, ev.eni, opts.mode, byResource, formats, allTargets);
      targetsByEni.set(ev.eni, targets);
    }
    if (targets.length === 0) continue;
    if (isNeverLogged(targets[0].info, ev.srcAddr, ev.dstAddr, ev.protocol, ev.srcPort, ev.dstPort)) continue;
    const time = Math.floor(ev.time);
    key.src = ev.srcAddr;
    key.dst = ev.dstAddr;
    key.ports = ev.srcPort * 65536 + ev.dstPort;
    key.kind = ev.protocol | (ev.direction === 'egress' ? EGRESS : INGRESS) | (ev.action === 'REJECT' ? REJECT : 0);
    key.pktSrc = ev.pktSrcAddr;
    key.pktDst = ev.pktDstAddr;
    for (let t = 0; t < targets.length; t++) {
      const target = targets[t];
      if (!keepsAction(target.flowLog.trafficType, ev.action)) continue;
      key.target = target.id;
      key.window = time - (((time % target.interval) + target.interval) % target.interval);
      table.add(key, ev.bytes, time, ev.tcpFlags, i);
    }
  }
  // Rows are in creation order (first event, then flow log); a stable sort by window keeps that order within a window.
  let rows: number[] | null = null;
  if (!isSortedByWindow(table)) {
    rows = Array.from({ length: table.size }, (_, i) => i);
    rows.sort((a, b) => table.window(a) - table.window(b));
  }
  const T1=(globalThis as any).performance.now();
  const texts = new TextCache();
  const out: FlowLogRecord[] = new Array(table.size);
  for (let i = 0; i < table.size; i++) out[i] = toRecord(table, rows === null ? i : rows[i], allTargets, events, texts);
  (globalThis as any).__agg.push([T1-T0,(globalThis as any).performance.now()-T1]);
  return out;
}

function targetsFor(
  net: Network, eni: NEni, mode: FlowLogMode, byResource: Map<string, NFlowLog[]>, formats: Map<NFlowLog, LogFormat | null>, allTargets: Target[],
): Target[] {
  const covering = flowLogsCovering(net, eni, mode, byResource);
  if (covering.length === 0) return [];
  const info = eniInfo(net, eni);
  const out: Target[] = [];
  for (const flowLog of covering) {
    let format = formats.get(flowLog);
    if (format === undefined) {
      const parsed = formatOfFlowLog(flowLog);
      format = parsed.ok ? parsed.format : null;
      formats.set(flowLog, format);
    }
    if (format === null) continue;
    const target: Target = {
      id: allTargets.length, flowLog, format, info, interval: windowSeconds(flowLog, eni),
      logGroup: flowLog.destinationType === 'cloud-watch-logs' ? flowLog.logGroup : null,
      template: compileLineTemplate(format, info),
    };
    allTargets.push(target);
    out.push(target);
  }
  return out;
}

function isSortedByWindow(table: FlowTable): boolean {
  for (let i = 1; i < table.size; i++) if (table.window(i) < table.window(i - 1)) return false;
  return true;
}

/** Text of addresses and times, computed once per call. */
class TextCache {
  private ips = new Map<number, string>();
  private timeKeys = new Float64Array(1024).fill(-1);
  private timeTexts: string[] = new Array(1024).fill('');

  address(info: EniInfo, ip: number): string {
    if (ip === info.eni.privateIp) return info.privateIpText;
    let text = this.ips.get(ip);
    if (text === undefined) this.ips.set(ip, (text = formatIpv4(ip)));
    return text;
  }

  time(t: number): string {
    const slot = t & 1023;
    if (this.timeKeys[slot] === t) return this.timeTexts[slot];
    this.timeKeys[slot] = t;
    return (this.timeTexts[slot] = String(t));
  }
}

function toRecord(table: FlowTable, row: number, targets: readonly Target[], events: readonly EniPacketEvent[], texts: TextCache): FlowLogRecord {
  const target = targets[table.target(row)];
  const ev = events[table.first(row)];
  const info = target.info;
  const src = texts.address(info, ev.srcAddr);
  const dst = texts.address(info, ev.dstAddr);
  const fields: FlowLogFields = {
    version: target.format.version,
    accountId: info.accountId,
    interfaceId: info.interfaceId,
    srcAddr: src,
    dstAddr: dst,
    srcPort: ev.srcPort,
    dstPort: ev.dstPort,
    protocol: ev.protocol,
    packets: table.packets(row),
    bytes: table.bytes(row),
    start: table.start(row),
    end: table.end(row),
    action: ev.action,
    logStatus: 'OK',
    vpcId: info.vpcId,
    subnetId: info.subnetId,
    instanceId: info.instanceId,
    tcpFlags: table.flags(row),
    type: 'IPv4',
    pktSrcAddr: ev.pktSrcAddr === ev.srcAddr ? src : texts.address(info, ev.pktSrcAddr),
    pktDstAddr: ev.pktDstAddr === ev.dstAddr ? dst : texts.address(info, ev.pktDstAddr),
    region: info.region,
    azId: info.azId,
    flowDirection: ev.direction,
    trafficPath: ev.direction === 'egress' ? ev.trafficPath : null,
  };
  const { vars, at, items } = target.template;
  for (let k = 0; k < vars.length; k++) items[at[k]] = varText(vars[k], fields, texts);
  // join builds one flat string; concatenation would keep a rope of small strings per record.
  return { flowLogId: target.flowLog.id, logGroup: target.logGroup, interfaceId: info.interfaceId, line: items.join(' '), fields: null as any };
}

/** Text of a per-flow field (see line-template.ts); every value is set for an OK record but traffic-path. */
function varText(code: number, f: FlowLogFields, texts: TextCache): string {
  switch (code) {
    case F.srcAddr: return f.srcAddr as string;
    case F.dstAddr: return f.dstAddr as string;
    case F.srcPort: return String(f.srcPort);
    case F.dstPort: return String(f.dstPort);
    case F.protocol: return String(f.protocol);
    case F.packets: return String(f.packets);
    case F.bytes: return String(f.bytes);
    case F.start: return texts.time(f.start);
    case F.end: return texts.time(f.end);
    case F.action: return f.action as string;
    case F.tcpFlags: return String(f.tcpFlags);
    case F.pktSrcAddr: return f.pktSrcAddr as string;
    case F.pktDstAddr: return f.pktDstAddr as string;
    case F.flowDirection: return f.flowDirection as string;
    case F.trafficPath: return f.trafficPath === null ? '-' : String(f.trafficPath);
    default: return '-';
  }
}

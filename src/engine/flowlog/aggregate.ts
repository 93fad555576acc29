/**
 * From packet events to flow-log records: one record per flow log, interface, direction,
 * 5-tuple and aggregation window (and action, when a window holds both ACCEPT and REJECT
 * packets of one flow; and packet-level addresses, which differ on a NAT gateway's interface),
 * with packets and bytes summed, TCP flags OR-ed, start/end the first and last packet.
 */
import type { EniPacketEvent } from './events.ts';
import type { NEni, Network, NFlowLog } from '../model/network.ts';
import { type FlowLogMode, flowLogsByResource, flowLogsCovering, windowSeconds } from './coverage.ts';
import { eniInfo, isNeverLogged } from './eni-info.ts';
import type { FlowLogRecord } from './fields.ts';
import { type LogFormat, formatOfFlowLog } from './format.ts';
import { compileLineTemplate } from './line-template.ts';
import { type FlowKey, FlowTable } from './flow-table.ts';
import { EGRESS, INGRESS, REJECT, type Target, materialize } from './records.ts';

/** Options of writeFlowLogRecords. */
export interface WriteOptions {
  /** `snapshot`: the snapshot's flow logs only; `all`: plus an ALL-traffic flow log for every uncovered interface. */
  mode: FlowLogMode;
}

// A module-local alias: the per-packet call stays direct even when modules are compiled to
// CommonJS (tsx), where every use of an imported binding goes through a getter.
const neverLogged = isNeverLogged;

/** Targets per interface, computed once per compiled (immutable) network and mode. */
interface TargetCache {
  targetsByEni: Map<NEni, Target[]>;
  allTargets: Target[];
  formats: Map<NFlowLog, LogFormat | null>;
}
const TARGETS = new WeakMap<Network, { snapshot?: TargetCache; all?: TargetCache }>();

function targetCache(net: Network, mode: FlowLogMode): TargetCache {
  let byMode = TARGETS.get(net);
  if (byMode === undefined) TARGETS.set(net, (byMode = {}));
  let cache = byMode[mode];
  if (cache === undefined) byMode[mode] = cache = { targetsByEni: new Map(), allTargets: [], formats: new Map() };
  return cache;
}

// One flow table reused by every call (rows are copied out before a call returns), so a small
// trace does not allocate typed arrays. A large table (megabytes) is kept only weakly: reused
// while the garbage collector leaves it, never holding memory against it.
let sharedTable: FlowTable | null = null;
let largeTable: WeakRef<FlowTable> | null = null;
const KEEP_ROWS = 1 << 12;

/**
 * Aggregates packets into records (see writeFlowLogRecords). Feed packets with `packet`, then
 * call `finish` once; only one writer may be open at a time (they share one flow table).
 */
export class FlowLogWriter {
  private readonly net: Network;
  private readonly mode: FlowLogMode;
  private readonly cache: TargetCache;
  private readonly byResource: Map<string, NFlowLog[]>;
  private readonly table: FlowTable;
  private readonly key: FlowKey = { target: 0, window: 0, src: 0, dst: 0, ports: 0, kind: 0, pktSrc: 0, pktDst: 0 };

  constructor(net: Network, mode: FlowLogMode, expectedPackets: number) {
    this.net = net;
    this.mode = mode;
    this.cache = targetCache(net, mode);
    this.byResource = flowLogsByResource(net);
    const rows = Math.min(expectedPackets, 1 << 17);
    let table = rows <= KEEP_ROWS ? sharedTable : (largeTable?.deref() ?? null);
    if (table === null || table.rowCapacity() < rows) table = new FlowTable(rows);
    else table.reset();
    if (table === sharedTable) sharedTable = null;
    else largeTable = null;
    this.table = table;
  }

  /** The flow logs writing records for an interface, or null when none does or AWS never logs this traffic. */
  private targetsOf(eni: NEni, srcAddr: number, dstAddr: number, protocol: number, srcPort: number, dstPort: number): Target[] | null {
    const cache = this.cache;
    let targets = cache.targetsByEni.get(eni);
    if (targets === undefined) {
      targets = targetsFor(this.net, eni, this.mode, this.byResource, cache.formats, cache.allTargets);
      cache.targetsByEni.set(eni, targets);
    }
    if (targets.length === 0) return null;
    if (neverLogged(targets[0].info, srcAddr, dstAddr, protocol, srcPort, dstPort)) return null;
    return targets;
  }

  /** Adds one packet as one interface saw it (the fields of an EniPacketEvent). */
  packet(
    eni: NEni, egress: boolean, srcAddr: number, dstAddr: number, srcPort: number, dstPort: number, protocol: number,
    pktSrcAddr: number, pktDstAddr: number, bytes: number, evTime: number, tcpFlags: number, reject: boolean, trafficPath: number,
  ): void {
    const targets = this.targetsOf(eni, srcAddr, dstAddr, protocol, srcPort, dstPort);
    if (targets === null) return;
    const time = Math.floor(evTime);
    const key = this.key;
    key.src = srcAddr;
    key.dst = dstAddr;
    key.ports = srcPort * 65536 + dstPort;
    key.kind = protocol | (egress ? EGRESS : INGRESS) | (reject ? REJECT : 0);
    key.pktSrc = pktSrcAddr;
    key.pktDst = pktDstAddr;
    const action = reject ? 'REJECT' : 'ACCEPT';
    for (let t = 0; t < targets.length; t++) {
      const target = targets[t];
      const kept = target.trafficType;
      if (kept !== 'ALL' && kept !== action) continue;
      key.target = target.id;
      key.window = time - (((time % target.interval) + target.interval) % target.interval);
      this.table.add(key, bytes, time, tcpFlags, trafficPath);
    }
  }

  /** Adds packet events (as `packet` does for each; one loop, for large batches). */
  events(events: readonly EniPacketEvent[]): void {
    const key = this.key;
    const table = this.table;
    for (let i = 0; i < events.length; i++) {
      const ev = events[i];
      const targets = this.targetsOf(ev.eni, ev.srcAddr, ev.dstAddr, ev.protocol, ev.srcPort, ev.dstPort);
      if (targets === null) continue;
      const time = Math.floor(ev.time);
      key.src = ev.srcAddr;
      key.dst = ev.dstAddr;
      key.ports = ev.srcPort * 65536 + ev.dstPort;
      key.kind = ev.protocol | (ev.direction === 'egress' ? EGRESS : INGRESS) | (ev.action === 'REJECT' ? REJECT : 0);
      key.pktSrc = ev.pktSrcAddr;
      key.pktDst = ev.pktDstAddr;
      for (let t = 0; t < targets.length; t++) {
        const target = targets[t];
        const kept = target.trafficType;
        if (kept !== 'ALL' && kept !== ev.action) continue;
        key.target = target.id;
        key.window = time - (((time % target.interval) + target.interval) % target.interval);
        table.add(key, ev.bytes, time, ev.tcpFlags, ev.trafficPath ?? -1);
      }
    }
  }

  /** The records, in the order written. */
  finish(): FlowLogRecord[] {
    const table = this.table;
    // Rows are in creation order (first event, then flow log); a stable sort by window keeps the order of each window intact.
    let rows: number[] | null = null;
    if (!isSortedByWindow(table)) {
      rows = Array.from({ length: table.size }, (_, i) => i);
      rows.sort((a, b) => table.window(a) - table.window(b));
    }
    const out = materialize(table, rows, this.cache.allTargets);
    if (table.rowCapacity() <= KEEP_ROWS) sharedTable = table;
    else largeTable = new WeakRef(table);
    return out;
  }
}

/**
 * Aggregates the packet events of a trace into the records AWS would write, in the order
 * written: by window start, then by the position of the record's first event in `events`,
 * then by flow log (document order). A flow log whose `LogFormat` does not parse writes
 * nothing (AWS refuses to create it; validation reports the format).
 */
export function writeFlowLogRecords(net: Network, events: readonly EniPacketEvent[], opts: WriteOptions): FlowLogRecord[] {
  const writer = new FlowLogWriter(net, opts.mode, events.length);
  writer.events(events);
  return writer.finish();
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
      id: allTargets.length, flowLog, trafficType: flowLog.trafficType, format, info, interval: windowSeconds(flowLog, eni),
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

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

/**
 * Aggregates the packet events of a trace into the records AWS would write, in the order
 * written: by window start, then by the position of the record's first event in `events`,
 * then by flow log (document order). A flow log whose `LogFormat` does not parse writes
 * nothing (AWS refuses to create it; validation reports the format).
 */
export function writeFlowLogRecords(net: Network, events: readonly EniPacketEvent[], opts: WriteOptions): FlowLogRecord[] {
  const targetsByEni = new Map<NEni, Target[]>();
  const allTargets: Target[] = [];
  const byResource = flowLogsByResource(net);
  const formats = new Map<NFlowLog, LogFormat | null>();
  const table = new FlowTable(Math.min(events.length, 1 << 17));
  const key: FlowKey = { target: 0, window: 0, src: 0, dst: 0, ports: 0, kind: 0, pktSrc: 0, pktDst: 0 };
  for (let i = 0; i < events.length; i++) {
    const ev = events[i];
    let targets = targetsByEni.get(ev.eni);
    if (targets === undefined) {
      targets = targetsFor(net, ev.eni, opts.mode, byResource, formats, allTargets);
      targetsByEni.set(ev.eni, targets);
    }
    if (targets.length === 0) continue;
    if (neverLogged(targets[0].info, ev.srcAddr, ev.dstAddr, ev.protocol, ev.srcPort, ev.dstPort)) continue;
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
  // Rows are in creation order (first event, then flow log); a stable sort by window keeps that order within a window.
  let rows: number[] | null = null;
  if (!isSortedByWindow(table)) {
    rows = Array.from({ length: table.size }, (_, i) => i);
    rows.sort((a, b) => table.window(a) - table.window(b));
  }
  return materialize(table, rows, allTargets);
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

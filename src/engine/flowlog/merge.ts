/**
 * Records of one flow written by separate traces. AWS aggregates every packet of a flow that an
 * interface sees in one aggregation window into one record, whatever sent it: two pings a few
 * seconds apart are one record per interface and direction, with the packets and bytes of both.
 * The writer aggregates within one call; these merge what later calls add to earlier records.
 */
import type { Network } from '../model/network.ts';
import { windowSeconds } from './coverage.ts';
import type { FlowLogRecord } from './fields.ts';
import { formatOfFlowLog, formatRecordLine } from './format.ts';

/**
 * The flow and window a record belongs to (flow log, interface, direction, 5-tuple, packet
 * addresses, action, window start), or null for a record nothing may merge into: not OK (NODATA,
 * SKIPDATA), or of a flow log or interface the network no longer has.
 */
export function flowRecordKey(net: Network, r: FlowLogRecord): string | null {
  const f = r.fields;
  if (f.logStatus !== 'OK') return null;
  const flowLog = net.flowLogs.find((x) => x.id === r.flowLogId);
  const eni = net.enis.get(r.interfaceId);
  if (!flowLog || !eni) return null;
  const interval = windowSeconds(flowLog, eni);
  const window = f.start - (((f.start % interval) + interval) % interval);
  return [r.flowLogId, r.interfaceId, f.flowDirection, f.srcAddr, f.dstAddr, f.srcPort, f.dstPort, f.protocol, f.pktSrcAddr, f.pktDstAddr, f.action, window].join('|');
}

/**
 * One record for two of the same flow and window (same flowRecordKey): packets and bytes
 * summed, the first packet's start, the last packet's end and traffic path, TCP flags OR-ed,
 * and the line written again in the flow log's format.
 */
export function combineFlowLogRecords(net: Network, earlier: FlowLogRecord, later: FlowLogRecord): FlowLogRecord {
  const a = earlier.fields;
  const b = later.fields;
  const fields = {
    ...a,
    packets: (a.packets ?? 0) + (b.packets ?? 0),
    bytes: (a.bytes ?? 0) + (b.bytes ?? 0),
    start: Math.min(a.start, b.start),
    end: Math.max(a.end, b.end),
    tcpFlags: a.tcpFlags === null && b.tcpFlags === null ? null : (a.tcpFlags ?? 0) | (b.tcpFlags ?? 0),
    // The latest packets' path, as the writer keeps it (flow-table.ts).
    trafficPath: b.end >= a.end ? b.trafficPath ?? a.trafficPath : a.trafficPath ?? b.trafficPath,
  };
  const flowLog = net.flowLogs.find((x) => x.id === earlier.flowLogId);
  const parsed = flowLog ? formatOfFlowLog(flowLog) : null;
  // Without its flow log (deleted since), the earlier line stays: nothing merges then (flowRecordKey is null).
  const line = parsed?.ok ? formatRecordLine(parsed.format, fields) : earlier.line;
  return { ...earlier, line, fields };
}

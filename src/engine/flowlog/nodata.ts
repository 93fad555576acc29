/**
 * NODATA and SKIPDATA records: what a flow log writes for an interface in a window with no
 * traffic (NODATA) or whose records were skipped (SKIPDATA). Flow fields are "-".
 */
import type { NEni, Network, NFlowLog } from '../model/network.ts';
import { eniInfo } from './eni-info.ts';
import type { FlowLogFields, FlowLogRecord } from './fields.ts';
import { DEFAULT_LOG_FORMAT, type LogFormat, formatOfFlowLog, formatRecordLine } from './format.ts';

/** A record status other than OK. */
export type NoDataStatus = 'NODATA' | 'SKIPDATA';

/**
 * The NODATA (or SKIPDATA) record a flow log writes for an interface and window, e.g. in the
 * default format `2 123456789010 eni-… - - - - - - - 1431280876 1431280934 - NODATA`.
 * Interface metadata (VPC, subnet, instance, region, AZ) stays filled in custom formats;
 * a flow log whose format does not parse falls back to the default format.
 */
export function noDataRecord(net: Network, flowLog: NFlowLog, eni: NEni, start: number, end: number, status: NoDataStatus = 'NODATA'): FlowLogRecord {
  const parsed = formatOfFlowLog(flowLog);
  const format: LogFormat = parsed.ok ? parsed.format : DEFAULT_LOG_FORMAT;
  const info = eniInfo(net, eni);
  const fields: FlowLogFields = {
    version: format.version, accountId: info.accountId, interfaceId: info.interfaceId,
    srcAddr: null, dstAddr: null, srcPort: null, dstPort: null, protocol: null, packets: null, bytes: null,
    start: Math.floor(start), end: Math.floor(end), action: null, logStatus: status,
    vpcId: info.vpcId, subnetId: info.subnetId, instanceId: info.instanceId, tcpFlags: null, type: null,
    pktSrcAddr: null, pktDstAddr: null, region: info.region, azId: info.azId, flowDirection: null, trafficPath: null,
  };
  return {
    flowLogId: flowLog.id,
    logGroup: flowLog.destinationType === 'cloud-watch-logs' ? flowLog.logGroup : null,
    interfaceId: eni.id,
    line: formatRecordLine(format, fields),
    fields,
  };
}

/** The NODATA (or SKIPDATA) line alone. */
export function noDataLine(net: Network, flowLog: NFlowLog, eni: NEni, start: number, end: number, status: NoDataStatus = 'NODATA'): string {
  return noDataRecord(net, flowLog, eni, start, end, status).line;
}

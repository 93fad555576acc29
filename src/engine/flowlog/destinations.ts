/**
 * Where each record lands: a CloudWatch Logs stream, an S3 object, or a Firehose delivery
 * stream, depending on its flow log's destination type.
 */
import type { NFlowLog } from '../model/network.ts';
import { type LogStream, groupLogStreams, logStreamName } from './cloudwatch.ts';
import type { FlowLogRecord } from './fields.ts';
import { type FirehoseRecord, deliveryStreamName, firehoseRecordOf } from './firehose.ts';
import { type S3LogFile, buildS3Files } from './s3.ts';

/** The place one record is delivered to. */
export type RecordLocation =
  /** A log event in a log group's per-interface stream; its timestamp is the record's start. */
  | { kind: 'cloud-watch-logs'; logGroup: string | null; logStream: string; timestampMs: number }
  /** A line in an S3 log file. */
  | { kind: 's3'; bucket: string | null; key: string; fileName: string }
  /** A record put to a Firehose delivery stream. */
  | { kind: 'kinesis-data-firehose'; deliveryStream: string | null }
  /** The record's flow log is not in the list given. */
  | { kind: 'unknown' };

/** Everything the flow logs deliver for a set of records. */
export interface Deliveries {
  /** One location per record, in the records' order. */
  locations: RecordLocation[];
  logStreams: LogStream[];
  s3Files: S3LogFile[];
  firehose: FirehoseRecord[];
}

/**
 * Delivers records to their flow logs' destinations. Pass the flow logs in effect
 * (effectiveFlowLogs(net, mode)), so that `all` mode's synthesized logs are found.
 */
export function deliverRecords(flowLogs: readonly NFlowLog[], records: readonly FlowLogRecord[]): Deliveries {
  const byId = new Map<string, NFlowLog>();
  for (const fl of flowLogs) if (!byId.has(fl.id)) byId.set(fl.id, fl);
  const cwl: FlowLogRecord[] = [];
  const s3ByLog = new Map<NFlowLog, FlowLogRecord[]>();
  const firehose: FirehoseRecord[] = [];
  for (const r of records) {
    const fl = byId.get(r.flowLogId);
    if (fl?.destinationType === 'cloud-watch-logs') cwl.push(r);
    else if (fl?.destinationType === 's3') {
      const list = s3ByLog.get(fl);
      if (list) list.push(r);
      else s3ByLog.set(fl, [r]);
    } else if (fl?.destinationType === 'kinesis-data-firehose') firehose.push(firehoseRecordOf(fl.destination, r));
  }
  const s3Files: S3LogFile[] = [];
  const fileOf = new Map<FlowLogRecord, S3LogFile>();
  for (const [fl, list] of s3ByLog) {
    for (const file of buildS3Files(fl, list)) {
      s3Files.push(file);
      for (const r of file.records) fileOf.set(r, file);
    }
  }
  const locations = records.map((r): RecordLocation => {
    const fl = byId.get(r.flowLogId);
    if (!fl) return { kind: 'unknown' };
    if (fl.destinationType === 'cloud-watch-logs') {
      return { kind: 'cloud-watch-logs', logGroup: fl.logGroup, logStream: logStreamName(r.interfaceId), timestampMs: r.fields.start * 1000 };
    }
    if (fl.destinationType === 'kinesis-data-firehose') return { kind: 'kinesis-data-firehose', deliveryStream: deliveryStreamName(fl.destination) };
    const file = fileOf.get(r);
    return file ? { kind: 's3', bucket: file.bucket, key: file.key, fileName: file.fileName } : { kind: 'unknown' };
  });
  return { locations, logStreams: groupLogStreams(cwl), s3Files, firehose };
}

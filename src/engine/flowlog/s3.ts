/**
 * Amazon S3 delivery: records are batched into a file every 5 minutes per flow log, named
 * `<account>_vpcflowlogs_<region>_<flow-log-id>_YYYYMMDDTHHmmZ_<hash>.log.gz` under
 * `prefix/AWSLogs/<account>/vpcflowlogs/<region>/YYYY/MM/DD/` (or the Hive-compatible
 * `aws-account-id=…/aws-service=vpcflowlogs/aws-region=…/year=…/month=…/day=…/`, plus an
 * hour folder with per-hour partitions). The file begins with a header line of field names.
 * The body is returned as text; the browser gzips it.
 */
import type { NFlowLog } from '../model/network.ts';
import { contentHash } from './digest.ts';
import type { FlowLogRecord } from './fields.ts';
import { DEFAULT_LOG_FORMAT, formatOfFlowLog, headerLine } from './format.ts';

/** Seconds per S3 file batch. */
export const S3_BATCH_SECONDS = 300;

/** A bucket and optional folder, from `arn:aws:s3:::bucket/folder/`. */
export interface S3Destination {
  bucket: string;
  /** The folder without leading or trailing slashes; "" for none. */
  prefix: string;
}

/** The S3 folder options of a flow log (`DestinationOptions` in describe-flow-logs). */
export interface S3Options {
  hiveCompatiblePartitions: boolean;
  perHourPartition: boolean;
  fileFormat: 'plain-text' | 'parquet';
}

/** One log file as AWS would publish it. */
export interface S3LogFile {
  flowLogId: string;
  /** Null when the flow log's destination is not a valid S3 ARN. */
  bucket: string | null;
  /** The object key (without the bucket): folder path + file name. */
  key: string;
  fileName: string;
  /** Unix seconds of the batch the file name carries: records whose end is in [batchStart, batchStart + 300). */
  batchStart: number;
  /** The uncompressed text: header line, then one line per record, each ending in "\n" (text even for Parquet, which is not encoded). */
  body: string;
  records: FlowLogRecord[];
}

/** Reads `arn:aws:s3:::bucket/optional/folder/`. */
export function parseS3Destination(arn: string | null): S3Destination | null {
  const m = arn ? /^arn:aws[a-z-]*:s3:::([^/]+)(?:\/(.*))?$/.exec(arn) : null;
  if (!m) return null;
  return { bucket: m[1], prefix: (m[2] ?? '').replace(/^\/+|\/+$/g, '') };
}

/** The folder options a flow log was created with (AWS defaults: plain text, no Hive, daily folders). */
export function s3OptionsOf(flowLog: NFlowLog): S3Options {
  const o = flowLog.doc?.DestinationOptions;
  return {
    hiveCompatiblePartitions: o?.HiveCompatiblePartitions === true,
    perHourPartition: o?.PerHourPartition === true,
    fileFormat: o?.FileFormat === 'parquet' ? 'parquet' : 'plain-text',
  };
}

/** The 5-minute batch a record's file belongs to, from its end time. */
export function s3BatchStart(end: number): number {
  return end - (((end % S3_BATCH_SECONDS) + S3_BATCH_SECONDS) % S3_BATCH_SECONDS);
}

const pad = (n: number) => String(n).padStart(2, '0');

function utcParts(unixSeconds: number): { y: string; mo: string; d: string; h: string; mi: string } {
  const t = new Date(unixSeconds * 1000);
  return { y: String(t.getUTCFullYear()), mo: pad(t.getUTCMonth() + 1), d: pad(t.getUTCDate()), h: pad(t.getUTCHours()), mi: pad(t.getUTCMinutes()) };
}

/** The folder path of a file (ends in "/"), e.g. "logs/AWSLogs/123456789012/vpcflowlogs/us-east-1/2018/06/20/". */
export function s3Folder(prefix: string, accountId: string, region: string, batchStart: number, options: Pick<S3Options, 'hiveCompatiblePartitions' | 'perHourPartition'>): string {
  const t = utcParts(batchStart);
  const head = prefix ? `${prefix}/AWSLogs/` : 'AWSLogs/';
  if (options.hiveCompatiblePartitions) {
    const hour = options.perHourPartition ? `hour=${t.h}/` : '';
    return `${head}aws-account-id=${accountId}/aws-service=vpcflowlogs/aws-region=${region}/year=${t.y}/month=${t.mo}/day=${t.d}/${hour}`;
  }
  return `${head}${accountId}/vpcflowlogs/${region}/${t.y}/${t.mo}/${t.d}/${options.perHourPartition ? `${t.h}/` : ''}`;
}

/** A file name, e.g. "123456789012_vpcflowlogs_us-east-1_fl-1234abcd_20180620T1620Z_fe123456.log.gz". */
export function s3FileName(accountId: string, region: string, flowLogId: string, batchStart: number, hash: string, fileFormat: S3Options['fileFormat'] = 'plain-text'): string {
  const t = utcParts(batchStart);
  return `${accountId}_vpcflowlogs_${region}_${flowLogId}_${t.y}${t.mo}${t.d}T${t.h}${t.mi}Z_${hash}.log.${fileFormat === 'parquet' ? 'parquet' : 'gz'}`;
}

/**
 * The files a flow log publishes for its records: one per 5-minute batch (and per region of the
 * interfaces), in the flow log owner's folder, in batch order. Records of other flow logs are ignored.
 */
export function buildS3Files(flowLog: NFlowLog, records: readonly FlowLogRecord[]): S3LogFile[] {
  const dest = parseS3Destination(flowLog.destination);
  const options = s3OptionsOf(flowLog);
  const parsed = formatOfFlowLog(flowLog);
  const header = headerLine(parsed.ok ? parsed.format : DEFAULT_LOG_FORMAT);
  const batches = new Map<string, { batchStart: number; accountId: string; region: string; records: FlowLogRecord[] }>();
  for (const r of records) {
    if (r.flowLogId !== flowLog.id) continue;
    const batchStart = s3BatchStart(r.fields.end);
    const region = r.fields.region ?? 'us-east-1';
    // The folder is the flow log owner's; a record's account-id field is its interface's owner,
    // which differs in a shared VPC (the S3 path guide: "a flow log created by AWS account …").
    const accountId = flowLog.ownerId ?? r.fields.accountId;
    const key = `${batchStart}|${accountId}|${region}`;
    let b = batches.get(key);
    if (!b) batches.set(key, (b = { batchStart, accountId, region, records: [] }));
    b.records.push(r);
  }
  const files: S3LogFile[] = [];
  for (const b of batches.values()) {
    const body = header + '\n' + b.records.map((r) => r.line + '\n').join('');
    const fileName = s3FileName(b.accountId, b.region, flowLog.id, b.batchStart, contentHash(body), options.fileFormat);
    const key = s3Folder(dest?.prefix ?? '', b.accountId, b.region, b.batchStart, options) + fileName;
    files.push({ flowLogId: flowLog.id, bucket: dest?.bucket ?? null, key, fileName, batchStart: b.batchStart, body, records: b.records });
  }
  return files.sort((a, b) => a.batchStart - b.batchStart);
}

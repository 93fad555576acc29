/**
 * How much data each flow log writes (bytes of its record lines) and what that would cost per
 * month at the current rate, delivered to CloudWatch Logs or to S3: the numbers behind "the
 * destination and the traffic-type filter matter".
 */
import {
  CWL_STORAGE_PER_GB_MONTH, CWL_VENDED_INGESTION, GB, HOURS_PER_MONTH, S3_STANDARD_PER_GB_MONTH, S3_VENDED_DELIVERY, tiered,
} from './prices.ts';

/** The part of a record the estimate needs. */
export interface RecordLike {
  flowLogId: string;
  line: string;
  fields: { action: 'ACCEPT' | 'REJECT' | null };
}

/** Data written by one flow log. */
export interface FlowLogVolume {
  flowLogId: string;
  records: number;
  /** Bytes of the record lines, one newline each (UTF-8; the lines are ASCII). */
  bytes: number;
  acceptBytes: number;
  rejectBytes: number;
}

/** A monthly estimate at one destination. */
export interface DestinationCost {
  /** Delivery or ingestion charge. */
  delivery: number;
  /** Storing one month of data for a month. */
  storage: number;
  total: number;
}

/** The estimate for one flow log. */
export interface FlowLogEstimate extends FlowLogVolume {
  /** GB per month at the observed rate. */
  monthlyGB: number;
  cloudWatch: DestinationCost;
  s3: DestinationCost;
  /** The CloudWatch Logs total if only REJECT records were captured. */
  rejectOnlyCloudWatch: number;
}

/** Bytes per flow log, split by action. */
export function flowLogVolumes(records: Iterable<RecordLike>): FlowLogVolume[] {
  const out = new Map<string, FlowLogVolume>();
  for (const r of records) {
    let v = out.get(r.flowLogId);
    if (!v) out.set(r.flowLogId, (v = { flowLogId: r.flowLogId, records: 0, bytes: 0, acceptBytes: 0, rejectBytes: 0 }));
    const b = r.line.length + 1;
    v.records++;
    v.bytes += b;
    if (r.fields.action === 'ACCEPT') v.acceptBytes += b;
    else if (r.fields.action === 'REJECT') v.rejectBytes += b;
  }
  return [...out.values()];
}

/** Scales bytes seen over `seconds` to GB per month (730 hours). */
export function monthlyGB(bytes: number, seconds: number): number {
  return seconds > 0 ? (bytes / seconds) * HOURS_PER_MONTH * 3600 / GB : 0;
}

/** CloudWatch Logs: vended ingestion plus a month of storage of the raw size (an upper bound: storage is billed compressed). */
export function cloudWatchCost(gb: number): DestinationCost {
  const delivery = tiered(gb, CWL_VENDED_INGESTION);
  const storage = gb * CWL_STORAGE_PER_GB_MONTH;
  return { delivery, storage, total: delivery + storage };
}

/** S3: vended delivery plus a month of S3 Standard storage of the gzip objects (`compression` = gzip size / raw size). */
export function s3Cost(gb: number, compression = 1): DestinationCost {
  const delivery = tiered(gb, S3_VENDED_DELIVERY);
  const storage = gb * compression * S3_STANDARD_PER_GB_MONTH;
  return { delivery, storage, total: delivery + storage };
}

/**
 * The monthly estimate of each flow log from the records it wrote over `seconds` of simulated
 * time. Volumes from a few simulated minutes are tiny: the point is the rate and the ratios.
 */
export function estimateCosts(records: Iterable<RecordLike>, seconds: number, compression = 1): FlowLogEstimate[] {
  return flowLogVolumes(records).map((v) => {
    const gb = monthlyGB(v.bytes, seconds);
    return {
      ...v, monthlyGB: gb,
      cloudWatch: cloudWatchCost(gb),
      s3: s3Cost(gb, compression),
      rejectOnlyCloudWatch: cloudWatchCost(monthlyGB(v.rejectBytes, seconds)).total,
    };
  });
}

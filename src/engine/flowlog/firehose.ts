/** Amazon Data Firehose delivery: each record is sent as one Firehose record holding its line. */
import type { FlowLogRecord } from './fields.ts';

/** One record as put to the delivery stream. */
export interface FirehoseRecord {
  /** The delivery stream's name from `arn:aws:firehose:region:account:deliverystream/NAME`, or null. */
  deliveryStream: string | null;
  data: string;
}

/** The delivery stream named by a Firehose ARN. */
export function deliveryStreamName(arn: string | null): string | null {
  if (!arn) return null;
  const m = /^arn:aws[a-z-]*:firehose:[^:]*:[^:]*:deliverystream\/(.+)$/.exec(arn);
  return m ? m[1] : null;
}

/** The Firehose record of a flow-log record. */
export function firehoseRecordOf(destinationArn: string | null, record: FlowLogRecord): FirehoseRecord {
  return { deliveryStream: deliveryStreamName(destinationArn), data: record.line };
}

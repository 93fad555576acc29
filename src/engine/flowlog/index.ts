/** Flow logs: from the packet walk's per-interface events to records, lines and deliveries as AWS writes them. */
export type { EniPacketEvent } from './events.ts';
export { FIELD_SPECS, type FieldName, type FlowLogFields, type FlowLogRecord, fieldText } from './fields.ts';
export {
  DEFAULT_LOG_FORMAT, DEFAULT_LOG_FORMAT_TEXT, type LogFormat, type LogFormatResult,
  formatOfFlowLog, formatRecordLine, headerLine, parseLogFormat,
} from './format.ts';
export {
  type FlowLogMode, effectiveFlowLogs, flowLogsByResource, flowLogsCovering, keepsAction,
  synthesizedFlowLog, synthesizedFlowLogId, windowSeconds,
} from './coverage.ts';
export { type EniInfo, eniInfo, isNeverLogged } from './eni-info.ts';
export { type WriteOptions, writeFlowLogRecords } from './aggregate.ts';
export { combineFlowLogRecords, flowRecordKey } from './merge.ts';
export { type NoDataStatus, noDataLine, noDataRecord } from './nodata.ts';
export { type LogEvent, type LogStream, groupLogStreams, logEventOf, logStreamName } from './cloudwatch.ts';
export {
  S3_BATCH_SECONDS, type S3Destination, type S3LogFile, type S3Options, buildS3Files,
  parseS3Destination, s3BatchStart, s3FileName, s3Folder, s3OptionsOf,
} from './s3.ts';
export { type FirehoseRecord, deliveryStreamName, firehoseRecordOf } from './firehose.ts';
export { type Deliveries, type RecordLocation, deliverRecords } from './destinations.ts';
export { contentHash } from './digest.ts';
export {
  IamRoleSchema, PolicyDocumentSchema, StatementSchema,
  type IamRole, type PolicyDocument, type Principal, type Statement,
} from './iam-schema.ts';
export { type PolicyDecision, type PolicyRequest, evaluatePolicies, wildcardMatch } from './iam-policy.ts';
export {
  ACCESS_ERROR, FLOW_LOGS_SERVICE, FLOW_LOG_DELIVERY_ACTIONS, type DeliveryProblem, type DeliveryScope,
  type DeliveryStatus, flowLogDeliveryStatus, recommendedFlowLogRolePolicies,
} from './iam.ts';

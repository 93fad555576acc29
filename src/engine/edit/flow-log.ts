/** CreateFlowLogs / DeleteFlowLogs, and the IAM role CloudWatch delivery needs. A flow log cannot be modified. */
import type { FlowLog, Snapshot } from '../model/schema.ts';
import { DEFAULT_LOG_FORMAT_TEXT, parseLogFormat, recommendedFlowLogRolePolicies } from '../flowlog/index.ts';
import { append, defaultAccount, list, playground, removeFrom, vpcRegion, withPlayground } from './doc.ts';
import { fail, type EditResult, type IdGenerator, ok } from './types.ts';

export interface CreateFlowLogArgs {
  resourceId: string;
  trafficType: 'ACCEPT' | 'REJECT' | 'ALL';
  destinationType: 'cloud-watch-logs' | 's3' | 'kinesis-data-firehose';
  /** CloudWatch Logs: the log group name. */
  logGroupName?: string;
  /** S3: arn:aws:s3:::bucket/prefix; Firehose: the delivery stream ARN. */
  destination?: string;
  /** CloudWatch Logs: the role vpc-flow-logs.amazonaws.com assumes. */
  roleArn?: string;
  logFormat?: string;
  interval?: 60 | 600;
  /** ISO time of creation, from the caller's clock (edit actions read none). */
  creationTime?: string;
}

/** The VPC a VPC, subnet or ENI id belongs to, or null when the resource is unknown. */
function vpcOfResource(doc: Snapshot, id: string): string | null {
  if (list(doc, 'Vpcs').some((v) => v.VpcId === id)) return id;
  const sn = list(doc, 'Subnets').find((s) => s.SubnetId === id);
  if (sn) return sn.VpcId;
  return list(doc, 'NetworkInterfaces').find((e) => e.NetworkInterfaceId === id)?.VpcId ?? null;
}

export function createFlowLog(doc: Snapshot, a: CreateFlowLogArgs, ids: IdGenerator): EditResult {
  const vpcId = vpcOfResource(doc, a.resourceId);
  if (!vpcId) return fail(doc, `InvalidParameter: the resource ${a.resourceId} does not exist (a flow log watches a VPC, a subnet or a network interface).`);
  // CreateFlowLogs validates the format before anything else is created: an unknown field, a
  // token that is not ${field}, or a stray space is refused with "Value '...' at 'logFormat'
  // has an invalid format", and no flow log exists afterwards.
  // An empty format means AWS's default; spaces around a given one are refused like any other stray space.
  const logFormat = a.logFormat === undefined || a.logFormat.trim() === '' ? DEFAULT_LOG_FORMAT_TEXT : a.logFormat;
  const parsed = parseLogFormat(logFormat);
  if (!parsed.ok) return fail(doc, `InvalidParameter: Value '${logFormat}' at 'logFormat' has an invalid format: ${parsed.error}.`);
  const region = vpcRegion(doc, vpcId);
  const account = defaultAccount(doc);
  let dest: Partial<FlowLog>;
  if (a.destinationType === 'cloud-watch-logs') {
    if (!a.logGroupName?.trim()) return fail(doc, 'MissingParameter: a log group name is required for CloudWatch Logs.');
    if (!a.roleArn?.trim()) return fail(doc, 'InvalidParameter: DeliverLogsPermissionArn is required for CloudWatch Logs: choose an IAM role that vpc-flow-logs.amazonaws.com can assume.');
    const g = a.logGroupName.trim();
    dest = { LogGroupName: g, LogDestination: `arn:aws:logs:${region}:${account}:log-group:${g}`, DeliverLogsPermissionArn: a.roleArn.trim() };
  } else if (a.destinationType === 's3') {
    if (!/^arn:aws[a-z-]*:s3:::[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/.*)?$/.test(a.destination ?? '')) return fail(doc, `InvalidParameter: ${a.destination || '(empty)'} is not an S3 bucket ARN (arn:aws:s3:::bucket-name/optional-folder).`);
    dest = { LogDestination: a.destination, DestinationOptions: { FileFormat: 'plain-text', HiveCompatiblePartitions: false, PerHourPartition: false } };
  } else {
    if (!/^arn:aws[a-z-]*:firehose:/.test(a.destination ?? '')) return fail(doc, `InvalidParameter: ${a.destination || '(empty)'} is not a Kinesis Data Firehose delivery stream ARN.`);
    dest = { LogDestination: a.destination };
  }
  const id = ids.next('fl');
  const fl: FlowLog = {
    ...(a.creationTime ? { CreationTime: a.creationTime } : {}),
    DeliverLogsStatus: 'SUCCESS', FlowLogId: id, FlowLogStatus: 'ACTIVE', ...dest,
    ResourceId: a.resourceId, TrafficType: a.trafficType, LogDestinationType: a.destinationType,
    LogFormat: logFormat,
    MaxAggregationInterval: a.interval ?? 600,
    Tags: [],
  };
  return ok(append(doc, 'FlowLogs', fl), [id]);
}

export function deleteFlowLog(doc: Snapshot, a: { flowLogId: string }): EditResult {
  if (!list(doc, 'FlowLogs').some((f) => f.FlowLogId === a.flowLogId)) return fail(doc, `InvalidFlowLogId.NotFound: ${a.flowLogId} does not exist.`);
  return ok(removeFrom(doc, 'FlowLogs', (f) => f.FlowLogId === a.flowLogId));
}

/** The roles stored in Playground.iamRoles (the playground's stand-in for IAM). */
export function iamRoles(doc: Snapshot): Record<string, unknown>[] {
  const r = playground(doc).iamRoles;
  return Array.isArray(r) ? (r as Record<string, unknown>[]) : [];
}

/** Creates a role with AWS's recommended trust and permissions policies for flow-log delivery. */
export function createFlowLogRole(doc: Snapshot, a: { roleName: string; accountId?: string }): EditResult {
  const name = a.roleName.trim();
  if (!/^[\w+=,.@-]{1,64}$/.test(name)) return fail(doc, `ValidationError: ${name || '(empty)'} is not a valid role name.`);
  if (iamRoles(doc).some((r) => r.RoleName === name)) return fail(doc, `EntityAlreadyExists: Role with name ${name} already exists.`);
  const { trustPolicy, permissionsPolicy } = recommendedFlowLogRolePolicies();
  const role = { RoleName: name, Arn: `arn:aws:iam::${a.accountId ?? defaultAccount(doc)}:role/${name}`, Path: '/', AssumeRolePolicyDocument: trustPolicy, Policies: [{ PolicyName: 'flow-logs-delivery', PolicyDocument: permissionsPolicy }] };
  return ok(withPlayground(doc, { iamRoles: [...iamRoles(doc), role] }), [role.Arn]);
}

/** Replaces a role (the IAM editor); the caller validates it with IamRoleSchema first. */
export function putIamRole(doc: Snapshot, a: { role: Record<string, unknown> }): EditResult {
  const roles = iamRoles(doc);
  const i = roles.findIndex((r) => r.RoleName === a.role.RoleName);
  return ok(withPlayground(doc, { iamRoles: i < 0 ? [...roles, a.role] : roles.map((r, j) => (j === i ? a.role : r)) }));
}

/**
 * Whether a flow log can deliver: CloudWatch Logs delivery needs the IAM role named by
 * DeliverLogsPermissionArn, trusted by vpc-flow-logs.amazonaws.com (sts:AssumeRole) and allowed
 * the CloudWatch Logs actions AWS lists. When it is not, describe-flow-logs shows
 * DeliverLogsStatus "FAILED" with DeliverLogsErrorMessage "Access error".
 */
import type { NFlowLog } from '../model/network.ts';
import type { IamRole, PolicyDocument } from './iam-schema.ts';
import { evaluatePolicies } from './iam-policy.ts';

/** The service principal that assumes the delivery role. */
export const FLOW_LOGS_SERVICE = 'vpc-flow-logs.amazonaws.com';

/** The actions AWS says the delivery role's policy must allow. */
export const FLOW_LOG_DELIVERY_ACTIONS = [
  'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogGroups', 'logs:DescribeLogStreams',
] as const;

/** AWS's DeliverLogsErrorMessage for a role problem (the others are "Rate limited" and "Unknown error"). */
export const ACCESS_ERROR = 'Access error';

/** Why delivery fails. */
export type DeliveryProblem =
  /** The flow log names no role. */
  | 'NO_ROLE'
  /** The named role is not among the roles given. */
  | 'ROLE_NOT_FOUND'
  /** The trust policy does not allow vpc-flow-logs.amazonaws.com to sts:AssumeRole. */
  | 'TRUST_MISSING'
  /** The trust policy explicitly denies it. */
  | 'TRUST_DENIED'
  /** A required logs: action is not allowed. */
  | 'PERMISSION_MISSING'
  /** A required logs: action is explicitly denied. */
  | 'PERMISSION_DENIED';

/** The delivery status of a flow log. */
export type DeliveryStatus =
  | { ok: true }
  | { ok: false; deliverLogsStatus: 'FAILED'; errorMessage: string; code: DeliveryProblem; reason: string };

/** Account and region used to build the ARNs that conditions and resources are matched against. */
export interface DeliveryScope {
  accountId?: string;
  region?: string;
}

const fail = (code: DeliveryProblem, reason: string): DeliveryStatus => ({ ok: false, deliverLogsStatus: 'FAILED', errorMessage: ACCESS_ERROR, code, reason });

/**
 * Decides whether a flow log can deliver its records. S3 and Firehose destinations need no
 * role here (S3 uses a bucket policy for delivery.logs.amazonaws.com), nor do the flow logs the
 * playground synthesizes (`doc` null). The account defaults to the role ARN's, the region to
 * the log group ARN's, else us-east-1.
 */
export function flowLogDeliveryStatus(flowLog: NFlowLog, roles: readonly IamRole[], scope: DeliveryScope = {}): DeliveryStatus {
  if (flowLog.destinationType !== 'cloud-watch-logs' || flowLog.doc === null) return { ok: true };
  const arn = flowLog.doc.DeliverLogsPermissionArn;
  if (!arn) return fail('NO_ROLE', `Flow log ${flowLog.id} names no IAM role (DeliverLogsPermissionArn): publishing to CloudWatch Logs needs a role that ${FLOW_LOGS_SERVICE} can assume.`);
  const roleName = arn.split('/').pop() ?? arn;
  const role = roles.find((r) => r.Arn === arn) ?? roles.find((r) => r.RoleName === roleName);
  if (!role) return fail('ROLE_NOT_FOUND', `The IAM role ${arn} that flow log ${flowLog.id} uses does not exist: create it, or re-create the flow log with an existing role.`);
  const account = scope.accountId ?? /^arn:aws[a-z-]*:iam::(\d+):/.exec(role.Arn)?.[1] ?? '*';
  const region = scope.region ?? /^arn:aws[a-z-]*:logs:([^:]+):/.exec(flowLog.destination ?? '')?.[1] ?? 'us-east-1';
  const trust = evaluatePolicies([role.AssumeRolePolicyDocument], {
    action: 'sts:AssumeRole', resources: [role.Arn], service: FLOW_LOGS_SERVICE,
    conditionValues: { 'aws:sourceaccount': account, 'aws:sourcearn': `arn:aws:ec2:${region}:${account}:vpc-flow-log/${flowLog.id}` },
  });
  if (trust.decision === 'deny') {
    return fail('TRUST_DENIED', `The trust policy of role ${role.RoleName} has a Deny statement${sid(trust.statement.Sid)} that stops ${FLOW_LOGS_SERVICE} from assuming it; an explicit Deny always wins over an Allow.`);
  }
  if (trust.decision === 'implicit-deny') {
    return fail('TRUST_MISSING', `The trust policy of role ${role.RoleName} does not let ${FLOW_LOGS_SERVICE} assume it: add a statement with "Effect": "Allow", "Principal": {"Service": "${FLOW_LOGS_SERVICE}"} and "Action": "sts:AssumeRole".`);
  }
  const group = `arn:aws:logs:${region}:${account}:log-group:${flowLog.logGroup ?? '*'}`;
  const resources = [group, `${group}:*`, `${group}:log-stream:*`, `arn:aws:logs:${region}:${account}:log-group:*`];
  const docs: PolicyDocument[] = (role.Policies ?? []).map((p) => p.PolicyDocument);
  const missing: string[] = [];
  for (const action of FLOW_LOG_DELIVERY_ACTIONS) {
    const d = evaluatePolicies(docs, { action, resources });
    if (d.decision === 'deny') {
      return fail('PERMISSION_DENIED', `Role ${role.RoleName} explicitly denies ${action}${sid(d.statement.Sid)}, so flow log ${flowLog.id} cannot write to log group ${flowLog.logGroup ?? '(none)'}; an explicit Deny always wins over an Allow.`);
    }
    if (d.decision === 'implicit-deny') missing.push(action);
  }
  if (missing.length > 0) {
    return fail('PERMISSION_MISSING', `Role ${role.RoleName} does not allow ${missing.join(', ')} on log group ${flowLog.logGroup ?? '(none)'}, so flow log ${flowLog.id} cannot deliver records: allow ${FLOW_LOG_DELIVERY_ACTIONS.join(', ')}.`);
  }
  return { ok: true };
}

const sid = (s: string | undefined) => (s ? ` ("Sid": "${s}")` : '');

/** AWS's recommended trust policy and permissions policy for a flow-log delivery role, as JSON objects. */
export function recommendedFlowLogRolePolicies(): { trustPolicy: PolicyDocument; permissionsPolicy: PolicyDocument } {
  return {
    trustPolicy: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: FLOW_LOGS_SERVICE }, Action: 'sts:AssumeRole' }],
    },
    permissionsPolicy: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: [...FLOW_LOG_DELIVERY_ACTIONS], Resource: '*' }],
    },
  };
}

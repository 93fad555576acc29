import { describe, expect, it } from 'vitest';
import {
  FLOW_LOG_DELIVERY_ACTIONS, type IamRole, IamRoleSchema, flowLogDeliveryStatus, recommendedFlowLogRolePolicies, wildcardMatch,
} from '../../../src/engine/flowlog/index.ts';
import { flowLog, lab } from './helpers.ts';

const ROLE_ARN = 'arn:aws:iam::123456789010:role/publishFlowLogs';
const { trustPolicy, permissionsPolicy } = recommendedFlowLogRolePolicies();

function role(over: Record<string, unknown> = {}): IamRole {
  return IamRoleSchema.parse({
    RoleName: 'publishFlowLogs', Arn: ROLE_ARN, AssumeRolePolicyDocument: trustPolicy,
    Policies: [{ PolicyName: 'deliver', PolicyDocument: permissionsPolicy }], ...over,
  });
}

function cwlFlowLog(more: Record<string, unknown> = {}) {
  return lab([flowLog('fl-1', 'vpc-0123', { DeliverLogsPermissionArn: ROLE_ARN, ...more })]).flowLogs[0];
}

const statement = (s: Record<string, unknown>) => ({ Version: '2012-10-17', Statement: [s] });

describe('flowLogDeliveryStatus', () => {
  it('accepts AWS\'s recommended role', () => {
    expect(flowLogDeliveryStatus(cwlFlowLog(), [role()])).toEqual({ ok: true });
  });

  it('returns AWS\'s recommended documents', () => {
    expect(trustPolicy).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'vpc-flow-logs.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    expect(permissionsPolicy.Statement).toEqual([{ Effect: 'Allow', Action: [...FLOW_LOG_DELIVERY_ACTIONS], Resource: '*' }]);
  });

  it('accepts wildcards, a scoped log group resource and documents given as URL-encoded JSON text', () => {
    const perms = statement({ Effect: 'Allow', Action: 'logs:*', Resource: 'arn:aws:logs:*:*:log-group:vpc-flow-logs:*' });
    const r = role({ AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(trustPolicy)), Policies: [{ PolicyName: 'p', PolicyDocument: JSON.stringify(perms) }] });
    expect(flowLogDeliveryStatus(cwlFlowLog(), [r])).toEqual({ ok: true });
  });

  it('fails with "Access error" when the trust policy names another principal', () => {
    const r = role({ AssumeRolePolicyDocument: statement({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }) });
    const s = flowLogDeliveryStatus(cwlFlowLog(), [r]);
    expect(s).toMatchObject({ ok: false, deliverLogsStatus: 'FAILED', errorMessage: 'Access error', code: 'TRUST_MISSING' });
    if (!s.ok) expect(s.reason).toContain('vpc-flow-logs.amazonaws.com');
  });

  it('fails when a permission is missing, naming it', () => {
    const perms = statement({ Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogGroups', 'logs:DescribeLogStreams'], Resource: '*' });
    const s = flowLogDeliveryStatus(cwlFlowLog(), [role({ Policies: [{ PolicyName: 'p', PolicyDocument: perms }] })]);
    expect(s).toMatchObject({ ok: false, errorMessage: 'Access error', code: 'PERMISSION_MISSING' });
    if (!s.ok) expect(s.reason).toContain('does not allow logs:PutLogEvents on log group vpc-flow-logs');
  });

  it('fails when the permissions cover another log group only', () => {
    const perms = statement({ Effect: 'Allow', Action: 'logs:*', Resource: 'arn:aws:logs:*:*:log-group:other-group:*' });
    expect(flowLogDeliveryStatus(cwlFlowLog(), [role({ Policies: [{ PolicyName: 'p', PolicyDocument: perms }] })])).toMatchObject({ ok: false, code: 'PERMISSION_MISSING' });
  });

  it('lets an explicit Deny win over an Allow', () => {
    const deny = statement({ Sid: 'NoWrites', Effect: 'Deny', Action: 'logs:Put*', Resource: '*' });
    const s = flowLogDeliveryStatus(cwlFlowLog(), [role({ Policies: [{ PolicyName: 'allow', PolicyDocument: permissionsPolicy }, { PolicyName: 'deny', PolicyDocument: deny }] })]);
    expect(s).toMatchObject({ ok: false, errorMessage: 'Access error', code: 'PERMISSION_DENIED' });
    if (!s.ok) expect(s.reason).toContain('"Sid": "NoWrites"');
    const trustDeny = { Version: '2012-10-17', Statement: [...(trustPolicy.Statement as object[]), { Effect: 'Deny', Principal: '*', Action: 'sts:*' }] };
    expect(flowLogDeliveryStatus(cwlFlowLog(), [role({ AssumeRolePolicyDocument: trustDeny })])).toMatchObject({ ok: false, code: 'TRUST_DENIED' });
  });

  it('checks the confused-deputy conditions against the flow log\'s account and ARN', () => {
    const withCondition = (account: string) => statement({
      Effect: 'Allow', Principal: { Service: 'vpc-flow-logs.amazonaws.com' }, Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': account }, ArnLike: { 'aws:SourceArn': `arn:aws:ec2:us-east-1:${account}:vpc-flow-log/*` } },
    });
    expect(flowLogDeliveryStatus(cwlFlowLog(), [role({ AssumeRolePolicyDocument: withCondition('123456789010') })])).toEqual({ ok: true });
    expect(flowLogDeliveryStatus(cwlFlowLog(), [role({ AssumeRolePolicyDocument: withCondition('999999999999') })])).toMatchObject({ ok: false, code: 'TRUST_MISSING' });
  });

  it('fails when the role is missing or not named', () => {
    expect(flowLogDeliveryStatus(cwlFlowLog(), [])).toMatchObject({ ok: false, code: 'ROLE_NOT_FOUND', errorMessage: 'Access error' });
    expect(flowLogDeliveryStatus(cwlFlowLog({ DeliverLogsPermissionArn: undefined }), [role()])).toMatchObject({ ok: false, code: 'NO_ROLE' });
  });

  it('needs no role for S3 and Firehose', () => {
    expect(flowLogDeliveryStatus(cwlFlowLog({ LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::b' }), [])).toEqual({ ok: true });
    expect(flowLogDeliveryStatus(cwlFlowLog({ LogDestinationType: 'kinesis-data-firehose' }), [])).toEqual({ ok: true });
  });
});

describe('IAM role schema and matching', () => {
  it('refuses a statement without a valid Effect', () => {
    expect(IamRoleSchema.safeParse({ RoleName: 'r', Arn: ROLE_ARN, AssumeRolePolicyDocument: statement({ Effect: 'Maybe', Action: '*' }) }).success).toBe(false);
    expect(IamRoleSchema.safeParse({ RoleName: 'r', Arn: ROLE_ARN, AssumeRolePolicyDocument: 'not json' }).success).toBe(false);
  });

  it('matches wildcards: actions ignore case, resources do not', () => {
    expect(wildcardMatch('logs:put*', 'logs:PutLogEvents', true)).toBe(true);
    expect(wildcardMatch('logs:Put?ogEvents', 'logs:PutLogEvents', true)).toBe(true);
    expect(wildcardMatch('arn:aws:logs:*:*:log-group:A', 'arn:aws:logs:x:y:log-group:a')).toBe(false);
    expect(wildcardMatch('a.b', 'axb')).toBe(false);
  });
});

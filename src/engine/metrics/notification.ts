/**
 * The simulated SNS notification of an alarm state change: the JSON message CloudWatch
 * publishes to the topic (what an SQS or Lambda subscriber receives in `Message`) and the email
 * an email subscription gets.
 */
import type { AlarmConfig, AlarmTransition } from './alarm.ts';
import { javaDouble } from './alarm.ts';

/** Where the alarm lives and what it watches. */
export interface AlarmContext {
  accountId: string;
  /** Region code, e.g. `us-east-1`. */
  region: string;
  metricName: string;
  namespace: string;
  /** SNS topic the alarm notifies. */
  topicArn: string;
  /** Epoch ms of the alarm's last configuration change. */
  configuredAt: number;
}

const REGION_NAMES: Record<string, string> = {
  'us-east-1': 'US East (N. Virginia)', 'us-east-2': 'US East (Ohio)', 'us-west-1': 'US West (N. California)', 'us-west-2': 'US West (Oregon)',
  'eu-west-1': 'Europe (Ireland)', 'eu-central-1': 'Europe (Frankfurt)', 'eu-west-2': 'Europe (London)', 'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-southeast-2': 'Asia Pacific (Sydney)', 'ap-northeast-1': 'Asia Pacific (Tokyo)', 'ap-south-1': 'Asia Pacific (Mumbai)', 'sa-east-1': 'South America (São Paulo)',
};

/** The region's long name as alarm messages print it. */
export const regionName = (code: string): string => REGION_NAMES[code] ?? code;

/** `2026-01-01T00:10:00.000+0000`, the timestamp format of alarm messages. */
export const alarmTimestamp = (t: number): string => new Date(t).toISOString().replace('Z', '+0000');

/** The JSON message published to the SNS topic. */
export function snsMessage(c: AlarmConfig, tr: AlarmTransition, ctx: AlarmContext): Record<string, unknown> {
  return {
    AlarmName: c.name,
    AlarmDescription: c.description ?? null,
    AWSAccountId: ctx.accountId,
    AlarmConfigurationUpdatedTimestamp: alarmTimestamp(ctx.configuredAt),
    NewStateValue: tr.to,
    NewStateReason: tr.reason,
    StateChangeTime: alarmTimestamp(tr.t),
    Region: regionName(ctx.region),
    AlarmArn: `arn:aws:cloudwatch:${ctx.region}:${ctx.accountId}:alarm:${c.name}`,
    OldStateValue: tr.from,
    OKActions: [],
    AlarmActions: [ctx.topicArn],
    InsufficientDataActions: [],
    Trigger: {
      MetricName: ctx.metricName, Namespace: ctx.namespace, StatisticType: 'Statistic', Statistic: 'SUM', Unit: null,
      Dimensions: [], Period: c.period, EvaluationPeriods: c.evaluationPeriods, DatapointsToAlarm: c.datapointsToAlarm,
      ComparisonOperator: c.comparison, Threshold: c.threshold, TreatMissingData: c.treatMissingData, EvaluateLowSampleCountPercentile: '',
    },
  };
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `Thursday 01 January, 2026 00:10:00 UTC`, as alarm emails print times. */
export function emailTime(t: number): string {
  const d = new Date(t);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]}, ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC`;
}

/** The email an email subscription of the topic receives: subject and body. */
export function alarmEmail(c: AlarmConfig, tr: AlarmTransition, ctx: AlarmContext): { subject: string; body: string } {
  const region = regionName(ctx.region);
  const op = c.comparison.replace('Threshold', '');
  const body = [
    `You are receiving this email because your Amazon CloudWatch Alarm "${c.name}" in the ${region} region has entered the ${tr.to} state, because "${tr.reason}" at "${emailTime(tr.t)}".`,
    '',
    'Alarm Details:',
    `- Name:                       ${c.name}`,
    `- Description:                ${c.description ?? ''}`,
    `- State Change:               ${tr.from} -> ${tr.to}`,
    `- Reason for State Change:    ${tr.reason}`,
    `- Timestamp:                  ${emailTime(tr.t)}`,
    `- AWS Account:                ${ctx.accountId}`,
    `- Alarm Arn:                  arn:aws:cloudwatch:${ctx.region}:${ctx.accountId}:alarm:${c.name}`,
    '',
    'Threshold:',
    `- The alarm is in the ALARM state when the metric is ${op} ${javaDouble(c.threshold)} for at least ${c.datapointsToAlarm} of the last ${c.evaluationPeriods} period(s) of ${c.period} seconds.`,
    '',
    'Monitored Metric:',
    `- MetricNamespace:                     ${ctx.namespace}`,
    `- MetricName:                          ${ctx.metricName}`,
    '- Dimensions:                          ',
    `- Period:                              ${c.period} seconds`,
    '- Statistic:                           Sum',
    '- Unit:                                not specified',
    `- TreatMissingData:                    ${c.treatMissingData}`,
    '',
    'State Change Actions:',
    '- OK: ',
    `- ALARM: [${ctx.topicArn}]`,
    '- INSUFFICIENT_DATA: ',
  ].join('\n');
  return { subject: `${tr.to}: "${c.name}" in ${region}`, body };
}

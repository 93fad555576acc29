/**
 * CloudWatch beyond queries, over flow-log events: metric filters (filter-pattern syntax),
 * the metric per period, alarms with CloudWatch's M-out-of-N evaluation and their simulated
 * SNS notifications, and Contributor Insights top contributors.
 *
 * ```ts
 * const p = parseFilterPattern('[version, account, eni, source, destination, srcport, destport="22", protocol="6", packets, bytes, windowstart, windowend, action="REJECT", flowlogstatus]');
 * const points = metricSeries({ pattern: p.pattern, metricName: 'RejectedSSH', namespace: 'VPC', metricValue: '1' }, events, { start, end, period: 60 });
 * const history = evaluateAlarm(config, points);
 * ```
 */
export { parseFilterPattern, type CompareOp, type CondExpr, type Condition, type FilterPattern, type ParsedPattern, type PatternError, type PatternField, type PatternValue } from './filter-pattern.ts';
export { matchEvent, type Captures } from './filter-match.ts';
export { metricSeries, publishedValues, type Datapoint, type LogEventLike, type MetricFilter, type Statistic } from './series.ts';
export { alarmConfigError, breaches, evaluateAlarm, javaDouble, reasonTime, type AlarmConfig, type AlarmHistory, type AlarmState, type AlarmTransition, type ComparisonOperator, type TreatMissingData } from './alarm.ts';
export { alarmEmail, alarmTimestamp, emailTime, regionName, snsMessage, type AlarmContext } from './notification.ts';
export { clfFields, flowLogRule, topContributors, type Contributor, type ContributorRule, type RuleFilter } from './contributors.ts';

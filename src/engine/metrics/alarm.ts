/**
 * CloudWatch alarm evaluation over a metric's datapoints: at the end of every period the alarm
 * looks at the last `evaluationPeriods` datapoints and goes to ALARM when at least
 * `datapointsToAlarm` of them breach the threshold ("M out of N"). Missing data is treated as
 * TreatMissingData says: `missing` (all missing → INSUFFICIENT_DATA), `notBreaching`,
 * `breaching`, or `ignore` (the state stays as it was).
 */
import type { Datapoint } from './series.ts';

export type ComparisonOperator = 'GreaterThanOrEqualToThreshold' | 'GreaterThanThreshold' | 'LessThanThreshold' | 'LessThanOrEqualToThreshold';
export type TreatMissingData = 'missing' | 'notBreaching' | 'breaching' | 'ignore';
export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/** An alarm on one metric (PutMetricAlarm's fields that matter here). */
export interface AlarmConfig {
  name: string;
  description?: string;
  threshold: number;
  comparison: ComparisonOperator;
  evaluationPeriods: number;
  datapointsToAlarm: number;
  treatMissingData: TreatMissingData;
  /** Seconds. */
  period: number;
}

/** A state change, with the reason CloudWatch would give. */
export interface AlarmTransition {
  /** Epoch ms: the end of the period that was evaluated. */
  t: number;
  from: AlarmState;
  to: AlarmState;
  reason: string;
  /** The datapoints looked at, newest first. */
  datapoints: Datapoint[];
}

/** The state after each period, and the transitions. */
export interface AlarmHistory {
  states: { t: number; state: AlarmState }[];
  transitions: AlarmTransition[];
}

const WORDS: Record<ComparisonOperator, string> = {
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  GreaterThanThreshold: 'greater than',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
};

/** True when a value breaches the threshold. */
export function breaches(c: ComparisonOperator, v: number, threshold: number): boolean {
  switch (c) {
    case 'GreaterThanOrEqualToThreshold': return v >= threshold;
    case 'GreaterThanThreshold': return v > threshold;
    case 'LessThanThreshold': return v < threshold;
    case 'LessThanOrEqualToThreshold': return v <= threshold;
  }
}

/** A number as CloudWatch prints it in reasons: `5.0`, `2.5`. */
export const javaDouble = (n: number): string => (Number.isInteger(n) ? n.toFixed(1) : String(n));

/** `dd/MM/yy HH:mm:ss` (UTC), as in alarm reasons. */
export function reasonTime(t: number): string {
  const d = new Date(t);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCFullYear() % 100)} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** Checks an alarm's settings; null when valid. */
export function alarmConfigError(c: AlarmConfig): string | null {
  if (!c.name.trim()) return 'the alarm needs a name';
  if (!Number.isFinite(c.threshold)) return 'the threshold must be a number';
  if (!(Number.isInteger(c.evaluationPeriods) && c.evaluationPeriods >= 1)) return 'evaluation periods must be a whole number of at least 1';
  if (!(Number.isInteger(c.datapointsToAlarm) && c.datapointsToAlarm >= 1 && c.datapointsToAlarm <= c.evaluationPeriods)) return 'datapoints to alarm must be between 1 and the number of evaluation periods';
  if (![10, 30].includes(c.period) && !(c.period >= 60 && c.period % 60 === 0)) return 'the period must be 10, 30 or a multiple of 60 seconds';
  return null;
}

/** Evaluates the alarm after every datapoint; the state starts as INSUFFICIENT_DATA. */
export function evaluateAlarm(c: AlarmConfig, points: readonly Datapoint[]): AlarmHistory {
  let state: AlarmState = 'INSUFFICIENT_DATA';
  const states: AlarmHistory['states'] = [];
  const transitions: AlarmTransition[] = [];
  const word = WORDS[c.comparison];
  for (let i = 0; i < points.length; i++) {
    const span = points.slice(Math.max(0, i - c.evaluationPeriods + 1), i + 1).reverse();
    let bad = 0;
    let good = 0;
    for (const p of span) {
      if (p.value === null) {
        if (c.treatMissingData === 'breaching') bad++;
        else if (c.treatMissingData === 'notBreaching') good++;
      } else if (breaches(c.comparison, p.value, c.threshold)) bad++;
      else good++;
    }
    let next: AlarmState = state;
    if (bad >= c.datapointsToAlarm) next = 'ALARM';
    else if (good + bad === 0) next = c.treatMissingData === 'ignore' ? state : 'INSUFFICIENT_DATA';
    else next = 'OK';
    const t = points[i].t + c.period * 1000;
    if (next !== state) {
      const present = span.filter((p) => p.value !== null);
      const list = present.map((p) => `${javaDouble(p.value!)} (${reasonTime(p.t)})`).join(', ');
      const reason = next === 'INSUFFICIENT_DATA'
        ? `Insufficient Data: ${span.length} datapoint${span.length === 1 ? ' was' : 's were'} unknown.`
        : next === 'ALARM'
          ? `Threshold Crossed: ${bad} out of the last ${span.length} datapoints [${list}] ${bad === 1 ? 'was' : 'were'} ${word} the threshold (${javaDouble(c.threshold)}) (minimum ${c.datapointsToAlarm} datapoint${c.datapointsToAlarm === 1 ? '' : 's'} for OK -> ALARM transition).`
          : `Threshold Crossed: ${present.length} datapoint${present.length === 1 ? '' : 's'} [${list}] ${present.length === 1 ? 'was' : 'were'} not ${word} the threshold (${javaDouble(c.threshold)}).`;
      transitions.push({ t, from: state, to: next, reason, datapoints: span });
      state = next;
    }
    states.push({ t, state });
  }
  return { states, transitions };
}

import { describe, expect, it } from 'vitest';
import {
  alarmConfigError, alarmEmail, evaluateAlarm, flowLogRule, metricSeries, parseFilterPattern, snsMessage, topContributors,
  type AlarmConfig, type Datapoint,
} from '../../../src/engine/metrics/index.ts';

const T0 = Date.UTC(2026, 0, 1, 0, 0, 0);
const pts = (...vs: (number | null)[]): Datapoint[] => vs.map((v, i) => ({ t: T0 + i * 60_000, value: v, samples: v === null ? 0 : 1 }));
const cfg = (o: Partial<AlarmConfig> = {}): AlarmConfig => ({ name: 'ssh', threshold: 5, comparison: 'GreaterThanOrEqualToThreshold', evaluationPeriods: 1, datapointsToAlarm: 1, treatMissingData: 'missing', period: 60, ...o });

describe('evaluateAlarm', () => {
  it('goes INSUFFICIENT_DATA → OK → ALARM → OK', () => {
    const h = evaluateAlarm(cfg(), pts(1, 7, 2));
    expect(h.states.map((s) => s.state)).toEqual(['OK', 'ALARM', 'OK']);
    expect(h.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(['INSUFFICIENT_DATA>OK', 'OK>ALARM', 'ALARM>OK']);
    expect(h.transitions[1].reason).toBe('Threshold Crossed: 1 out of the last 1 datapoints [7.0 (01/01/26 00:01:00)] was greater than or equal to the threshold (5.0) (minimum 1 datapoint for OK -> ALARM transition).');
    expect(h.transitions[1].t).toBe(T0 + 2 * 60_000);
  });

  it('needs M out of N breaching datapoints', () => {
    const h = evaluateAlarm(cfg({ evaluationPeriods: 3, datapointsToAlarm: 2 }), pts(9, 1, 1, 9, 9));
    expect(h.states.map((s) => s.state)).toEqual(['OK', 'OK', 'OK', 'OK', 'ALARM']);
  });

  it('treats missing data as configured', () => {
    expect(evaluateAlarm(cfg(), pts(null, null)).states.map((s) => s.state)).toEqual(['INSUFFICIENT_DATA', 'INSUFFICIENT_DATA']);
    expect(evaluateAlarm(cfg({ treatMissingData: 'notBreaching' }), pts(null)).states[0].state).toBe('OK');
    expect(evaluateAlarm(cfg({ treatMissingData: 'breaching' }), pts(null)).states[0].state).toBe('ALARM');
    expect(evaluateAlarm(cfg({ treatMissingData: 'ignore' }), pts(9, null)).states.map((s) => s.state)).toEqual(['ALARM', 'ALARM']);
  });

  it('rejects impossible settings', () => {
    expect(alarmConfigError(cfg({ datapointsToAlarm: 3, evaluationPeriods: 2 }))).toMatch(/datapoints to alarm/);
    expect(alarmConfigError(cfg({ period: 45 }))).toMatch(/period/);
    expect(alarmConfigError(cfg())).toBeNull();
  });

  it('formats the SNS message and email as CloudWatch does', () => {
    const c = cfg();
    const tr = evaluateAlarm(c, pts(1, 7)).transitions[1];
    const ctx = { accountId: '123456789012', region: 'us-east-1', metricName: 'RejectedSSH', namespace: 'VPCFlowLogs', topicArn: 'arn:aws:sns:us-east-1:123456789012:alerts', configuredAt: T0 };
    const m = snsMessage(c, tr, ctx);
    expect(m).toMatchObject({ AlarmName: 'ssh', NewStateValue: 'ALARM', OldStateValue: 'OK', Region: 'US East (N. Virginia)', StateChangeTime: '2026-01-01T00:02:00.000+0000', AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:ssh' });
    expect((m.Trigger as Record<string, unknown>).ComparisonOperator).toBe('GreaterThanOrEqualToThreshold');
    const mail = alarmEmail(c, tr, ctx);
    expect(mail.subject).toBe('ALARM: "ssh" in US East (N. Virginia)');
    expect(mail.body).toContain('at "Thursday 01 January, 2026 00:02:00 UTC"');
  });
});

describe('metricSeries and contributors', () => {
  const line = (src: string, dport: number, action: string, bytes: number) => `2 123456789012 eni-0a ${src} 10.1.0.10 51234 ${dport} 6 1 ${bytes} 1767225600 1767225660 ${action} OK`;
  const events = [
    { t: T0 + 5_000, message: line('203.0.113.7', 22, 'REJECT', 60) },
    { t: T0 + 9_000, message: line('203.0.113.8', 22, 'REJECT', 60) },
    { t: T0 + 130_000, message: line('203.0.113.7', 22, 'REJECT', 60) },
    { t: T0 + 140_000, message: line('198.51.100.1', 443, 'ACCEPT', 5000) },
  ];
  it('sums per period, with missing periods unless a default value is set', () => {
    const p = parseFilterPattern('[..., destport="22", protocol, packets, bytes, windowstart, windowend, action="REJECT", flowlogstatus]');
    if (!p.ok) throw new Error(p.error.message);
    const f = { pattern: p.pattern, metricName: 'm', namespace: 'n', metricValue: '1' };
    expect(metricSeries(f, events, { start: T0, end: T0 + 180_000, period: 60 }).map((d) => d.value)).toEqual([2, null, 1]);
    expect(metricSeries({ ...f, defaultValue: 0 }, events, { start: T0, end: T0 + 180_000, period: 60 }).map((d) => d.value)).toEqual([2, 0, 1]);
    expect(metricSeries({ ...f, metricValue: '$bytes' }, events, { start: T0, end: T0 + 60_000, period: 60 }).map((d) => d.value)).toEqual([120]);
  });
  it('finds top talkers and top rejected sources', () => {
    const fmt = ['version', 'account-id', 'interface-id', 'srcaddr', 'dstaddr', 'srcport', 'dstport', 'protocol', 'packets', 'bytes', 'start', 'end', 'action', 'log-status'];
    const msgs = events.map((e) => e.message);
    const talkers = topContributors(flowLogRule(['g'], fmt, ['srcaddr', 'dstaddr'], { sumOf: 'bytes' }), msgs);
    expect(talkers[0]).toEqual({ keys: ['198.51.100.1', '10.1.0.10'], value: 5000, events: 1 });
    const rejected = topContributors(flowLogRule(['g'], fmt, ['srcaddr'], { filters: [{ Match: 'action', In: ['REJECT'] }] }), msgs);
    expect(rejected.map((c) => [c.keys[0], c.value])).toEqual([['203.0.113.7', 2], ['203.0.113.8', 1]]);
  });
});

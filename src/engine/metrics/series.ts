/**
 * A metric filter turned into a metric: each matching event publishes its metric value (`1`, or
 * `$field` for a number captured by the pattern), summed per period as CloudWatch's `Sum`
 * statistic (other statistics too). Periods without matches have no datapoint unless the filter
 * sets a default value.
 */
import { matchEvent } from './filter-match.ts';
import type { FilterPattern } from './filter-pattern.ts';

/** One log event: its time (epoch ms) and message. */
export interface LogEventLike { t: number; message: string }

/** A metric filter, as PutMetricFilter takes it (one transformation). */
export interface MetricFilter {
  pattern: FilterPattern;
  metricName: string;
  namespace: string;
  /** `1` (count) or `$field` (a number captured by the pattern, e.g. `$bytes`). */
  metricValue: string;
  /** Published for a period with no match; undefined = no datapoint. */
  defaultValue?: number;
}

export type Statistic = 'Sum' | 'SampleCount' | 'Average' | 'Minimum' | 'Maximum';

/** A period's value: `value` by the statistic; `samples` published values. Missing when null. */
export interface Datapoint { t: number; value: number | null; samples: number }

/** The values a filter publishes, in event order. */
export function publishedValues(filter: MetricFilter, events: readonly LogEventLike[]): { t: number; v: number }[] {
  const out: { t: number; v: number }[] = [];
  const field = filter.metricValue.startsWith('$') ? filter.metricValue.slice(1) : null;
  const constant = field === null ? Number(filter.metricValue) : NaN;
  for (const e of events) {
    const caps = matchEvent(filter.pattern, e.message);
    if (!caps) continue;
    const v = field === null ? constant : Number(caps[field]);
    if (Number.isFinite(v)) out.push({ t: e.t, v });
  }
  return out;
}

/** The metric's datapoints per period over [start, end) (epoch ms; period in seconds). */
export function metricSeries(filter: MetricFilter, events: readonly LogEventLike[], o: { start: number; end: number; period: number; statistic?: Statistic }): Datapoint[] {
  const p = o.period * 1000;
  const first = Math.floor(o.start / p) * p;
  const n = Math.max(0, Math.ceil((o.end - first) / p));
  const buckets: number[][] = Array.from({ length: n }, () => []);
  for (const x of publishedValues(filter, events)) {
    const k = Math.floor((x.t - first) / p);
    if (k >= 0 && k < n) buckets[k].push(x.v);
  }
  return buckets.map((vs, k) => {
    const t = first + k * p;
    if (!vs.length) return filter.defaultValue === undefined ? { t, value: null, samples: 0 } : { t, value: filter.defaultValue, samples: 1 };
    return { t, value: statistic(vs, o.statistic ?? 'Sum'), samples: vs.length };
  });
}

function statistic(vs: number[], s: Statistic): number {
  switch (s) {
    case 'Sum': return vs.reduce((a, b) => a + b, 0);
    case 'SampleCount': return vs.length;
    case 'Average': return vs.reduce((a, b) => a + b, 0) / vs.length;
    case 'Minimum': return Math.min(...vs);
    case 'Maximum': return Math.max(...vs);
  }
}

/**
 * Contributor Insights over flow logs: a rule in CloudWatch's rule syntax (`LogFormat: CLF`,
 * `Fields` mapping 1-based positions of the space-delimited record to names, `Contribution`
 * with `Keys`, `ValueOf` and `Filters`, `AggregateOn` Sum or Count) and the top contributors
 * it finds, as the console's "top talkers" and "top rejected sources" reports show them.
 */

/** One filter of a rule; one operator per filter. */
export interface RuleFilter {
  Match: string;
  In?: (string | number)[];
  NotIn?: (string | number)[];
  StartsWith?: string[];
  GreaterThan?: number;
  LessThan?: number;
  EqualTo?: number | string;
}

/** A Contributor Insights rule for space-delimited logs. */
export interface ContributorRule {
  Schema: { Name: 'CloudWatchLogRule'; Version: 1 };
  LogGroupNames: string[];
  LogFormat: 'CLF';
  Fields: Record<string, string>;
  Contribution: { Keys: string[]; ValueOf?: string; Filters: RuleFilter[] };
  AggregateOn: 'Sum' | 'Count';
}

/** One contributor: its key values and aggregate. */
export interface Contributor { keys: string[]; value: number; events: number }

/** The `Fields` map for a flow-log format: position (from 1) → field name. */
export function clfFields(format: readonly string[]): Record<string, string> {
  return Object.fromEntries(format.map((f, i) => [String(i + 1), f]));
}

/** A rule for a flow-log format: `sumOf` a field (AggregateOn Sum), else a count of events. */
export function flowLogRule(logGroups: string[], format: readonly string[], keys: string[], aggregate: { sumOf?: string; filters?: RuleFilter[] }): ContributorRule {
  return {
    Schema: { Name: 'CloudWatchLogRule', Version: 1 },
    LogGroupNames: logGroups,
    LogFormat: 'CLF',
    Fields: clfFields(format),
    Contribution: { Keys: keys, ...(aggregate.sumOf ? { ValueOf: aggregate.sumOf } : {}), Filters: aggregate.filters ?? [] },
    AggregateOn: aggregate.sumOf ? 'Sum' : 'Count',
  };
}

function passes(f: RuleFilter, v: string | undefined): boolean {
  if (v === undefined) return false;
  const n = Number(v);
  if (f.In) return f.In.map(String).includes(v);
  if (f.NotIn) return !f.NotIn.map(String).includes(v);
  if (f.StartsWith) return f.StartsWith.some((s) => v.startsWith(s));
  if (f.GreaterThan !== undefined) return Number.isFinite(n) && n > f.GreaterThan;
  if (f.LessThan !== undefined) return Number.isFinite(n) && n < f.LessThan;
  if (f.EqualTo !== undefined) return String(f.EqualTo) === v;
  return true;
}

/** The top `limit` contributors of a rule over event messages, largest first (ties by key). */
export function topContributors(rule: ContributorRule, messages: Iterable<string>, limit = 10): Contributor[] {
  const pos = new Map<string, number>(Object.entries(rule.Fields).map(([k, name]) => [name, Number(k) - 1]));
  const keyPos = rule.Contribution.Keys.map((k) => pos.get(k) ?? -1);
  const valuePos = rule.Contribution.ValueOf ? pos.get(rule.Contribution.ValueOf) ?? -1 : -1;
  const filters = rule.Contribution.Filters.map((f) => ({ f, at: pos.get(f.Match) ?? -1 }));
  const agg = new Map<string, Contributor>();
  for (const m of messages) {
    const tokens = m.trim().split(/\s+/);
    if (!filters.every(({ f, at }) => passes(f, tokens[at]))) continue;
    const keys = keyPos.map((p) => tokens[p] ?? '-');
    if (keys.some((k) => k === '-')) continue;
    const v = rule.AggregateOn === 'Sum' ? Number(tokens[valuePos]) : 1;
    if (!Number.isFinite(v)) continue;
    const id = keys.join('\u0000');
    const c = agg.get(id);
    if (c) { c.value += v; c.events++; } else agg.set(id, { keys, value: v, events: 1 });
  }
  return [...agg.values()].sort((a, b) => b.value - a.value || (a.keys.join(' ') < b.keys.join(' ') ? -1 : 1)).slice(0, limit);
}

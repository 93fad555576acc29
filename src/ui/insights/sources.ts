/**
 * The log groups of a run as the query client wants them: a version string that changes when a
 * group's events change, and the events on demand. Versions key on object identity: the
 * logged-records array and the network are replaced (never mutated) on every change.
 */
import { insights } from '../../state/insights.svelte.ts';
import { traces } from '../../state/trace.svelte.ts';
import { workspace } from '../../state/workspace.svelte.ts';
import type { GroupSource } from './query-client.ts';

const ids = new WeakMap<object, number>();
let next = 0;
const idOf = (o: object): number => {
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = ++next));
  return id;
};

/** The chosen log groups as sources for the query worker. */
export function groupSources(): GroupSource[] {
  const sim = insights.simulated;
  const net = workspace.net;
  const out: GroupSource[] = [];
  for (const name of insights.effectiveGroups) {
    const recs = sim.get(name);
    if (recs) {
      const formats: Record<string, string | null> = {};
      for (const f of net.flowLogs) formats[f.id] = f.format;
      out.push({ name, version: `${idOf(traces.logged)}.${recs.length}.${idOf(net)}`, data: () => ({ kind: 'flow', records: recs, formats }) });
      continue;
    }
    const file = insights.files.find((f) => f.group === name);
    if (file) out.push({ name, version: `file.${idOf(file)}`, data: () => ({ kind: 'events', records: file.records }) });
  }
  return out;
}

/** Field names for completion before any run: the default fields plus custom-format fields. */
export function knownFields(insightsName: (n: string) => string): string[] {
  const names = new Set(['@timestamp', '@message', '@logStream', 'version', 'accountId', 'interfaceId', 'srcAddr', 'dstAddr', 'srcPort', 'dstPort', 'protocol', 'packets', 'bytes', 'start', 'end', 'action', 'logStatus']);
  for (const f of workspace.net.flowLogs) if (f.format) for (const t of f.format.match(/\$\{([\w-]+)\}/g) ?? []) names.add(insightsName(t.slice(2, -1)));
  for (const file of insights.files) for (const t of file.format) names.add(insightsName(t));
  return [...names];
}

/** Events and field layout of a log group, for metric filters and Contributor Insights. */
import type { LogEventLike } from '../../engine/metrics/index.ts';
import { insights } from '../../state/insights.svelte.ts';
import { workspace } from '../../state/workspace.svelte.ts';

/** The default (version 2) flow-log format. */
export const V2_FORMAT = ['version', 'account-id', 'interface-id', 'srcaddr', 'dstaddr', 'srcport', 'dstport', 'protocol', 'packets', 'bytes', 'start', 'end', 'action', 'log-status'];

/** A group's events (time in ms, message) and its format fields in order. */
export function groupEvents(name: string): { events: LogEventLike[]; format: string[] } {
  const sim = insights.simulated.get(name);
  if (sim) {
    const fl = workspace.net.flowLogs.find((f) => f.logGroup === name && f.format);
    const format = fl?.format ? fl.format.trim().split(/\s+/).map((t) => t.replace(/^\$\{|\}$/g, '')) : V2_FORMAT;
    return { events: sim.map((r) => ({ t: r.fields.start * 1000, message: r.line })), format };
  }
  const file = insights.files.find((f) => f.group === name);
  if (!file) return { events: [], format: V2_FORMAT };
  const events = file.records.map((e) => ({
    t: typeof e['@timestamp'] === 'number' ? e['@timestamp'] : typeof e.start === 'number' ? e.start * 1000 : 0,
    message: typeof e['@message'] === 'string' ? e['@message'] : '',
  }));
  return { events, format: file.format };
}

/** One-line descriptions of documents and shared state, for confirm dialogs ("what does this link contain?"). */
import type { Snapshot } from '../../engine/index.ts';

const count = (doc: Snapshot, key: string) => {
  const v = (doc as Record<string, unknown>)[key];
  return Array.isArray(v) ? v.length : 0;
};

export function describeDoc(doc: Snapshot): string {
  const instances = ((doc as { Reservations?: { Instances?: unknown[] }[] }).Reservations ?? []).reduce((n, r) => n + (r.Instances?.length ?? 0), 0);
  const parts: [number, string][] = [[count(doc, 'Vpcs'), 'VPC'], [count(doc, 'Subnets'), 'subnet'], [instances, 'instance'], [count(doc, 'VpcPeeringConnections'), 'peering connection'], [count(doc, 'FlowLogs'), 'flow log']];
  const shown = parts.filter(([n]) => n > 0).map(([n, w]) => `${n} ${w}${n === 1 ? '' : 's'}`);
  return shown.length ? shown.join(', ') : 'an empty network';
}

/** True when the document holds anything a learner could have built. */
export function hasWork(doc: Snapshot): boolean {
  return ['Vpcs', 'Subnets', 'Reservations', 'VpcPeeringConnections', 'FlowLogs', 'RouteTables', 'SecurityGroups'].some((k) => count(doc, k) > 0);
}

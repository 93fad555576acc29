/**
 * What an editor tab calls its resource, as the AWS console does: the Name tag (a security
 * group's GroupName when it has none) beside a shortened id, `web-sg · sg-0a1b…cdef`; the full
 * id in the tooltip and the accessible name. An unnamed resource keeps its whole id.
 */
import { nameTag, type Snapshot } from '../../engine/index.ts';
import { locate, resourceValue } from './resource-doc.ts';

export interface TabLabel {
  id: string;
  /** The Name tag or GroupName; null when the resource has neither (or is no longer in the document). */
  name: string | null;
  /** The id as the tab shows it: shortened beside a name, whole without one. */
  shortId: string;
  /** Tooltip: `web-sg · sg-0a1b2c3d4e5f67890`. */
  title: string;
  /** For screen readers: `web-sg (sg-0a1b2c3d4e5f67890)`, never the shortened id. */
  ariaLabel: string;
  /** False when the document holds no such resource (deleted, or undone). */
  exists: boolean;
}

type Json = Record<string, unknown>;

/** `sg-0a1b2c3d4e5f67890` -> `sg-0a1b…7890`: the kind, and both ends of the hex (seed and lab ids differ only at the end). */
export function shortenId(id: string): string {
  const dash = id.indexOf('-');
  const hex = id.slice(dash + 1);
  if (dash < 0 || hex.length <= 10) return id;
  return `${id.slice(0, dash + 1)}${hex.slice(0, 4)}…${hex.slice(-4)}`;
}

/** The Name tag of the resource the id names, else its GroupName (security groups); null when neither or not found. */
export function resourceName(doc: Snapshot, id: string): string | null {
  const loc = locate(doc, id);
  if (!loc) return null;
  const list = resourceValue(doc, loc)[loc.key] as Json[];
  const item = loc.inner === undefined ? list[0] : ((list[0].Instances as Json[])[0] ?? {});
  const name = nameTag(item as never) ?? (typeof item.GroupName === 'string' ? item.GroupName : null);
  return name && name.trim() ? name.trim() : null;
}

/**
 * The labels of the open tabs. Two tabs that would read the same (two `default` groups whose
 * ids share both ends) show their whole ids instead, so every tab can be told apart.
 */
export function tabLabels(doc: Snapshot, ids: readonly string[]): TabLabel[] {
  const named = ids.map((id) => ({ id, name: resourceName(doc, id), exists: locate(doc, id) !== null }));
  const shown = (x: { id: string; name: string | null }) => (x.name === null ? x.id : `${x.name} · ${shortenId(x.id)}`);
  const counts = new Map<string, number>();
  for (const x of named) counts.set(shown(x), (counts.get(shown(x)) ?? 0) + 1);
  return named.map((x) => {
    const shortId = x.name === null || counts.get(shown(x))! > 1 ? x.id : shortenId(x.id);
    return {
      id: x.id,
      name: x.name,
      shortId,
      title: x.name === null ? x.id : `${x.name} · ${x.id}`,
      ariaLabel: x.name === null ? x.id : `${x.name} (${x.id})`,
      exists: x.exists,
    };
  });
}

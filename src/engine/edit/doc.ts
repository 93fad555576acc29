/** Small immutable helpers over the snapshot document's lists. */
import type { Snapshot } from '../model/schema.ts';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../model/compile.ts';

export type ListKey = Exclude<keyof Snapshot & string, 'Playground'>;
type Item<K extends ListKey> = NonNullable<Snapshot[K]> extends Array<infer T> ? T : never;

export function list<K extends ListKey>(doc: Snapshot, key: K): Item<K>[] {
  const v = doc[key];
  return Array.isArray(v) ? (v as Item<K>[]) : [];
}

/** A new document with `key` replaced by `items`. */
export function withList<K extends ListKey>(doc: Snapshot, key: K, items: Item<K>[]): Snapshot {
  return { ...doc, [key]: items };
}

export function append<K extends ListKey>(doc: Snapshot, key: K, ...items: Item<K>[]): Snapshot {
  return withList(doc, key, [...list(doc, key), ...items]);
}

/** Replaces the items that `match` selects with `update(item)`. */
export function mapList<K extends ListKey>(doc: Snapshot, key: K, match: (x: Item<K>) => boolean, update: (x: Item<K>) => Item<K>): Snapshot {
  return withList(doc, key, list(doc, key).map((x) => (match(x) ? update(x) : x)));
}

export function removeFrom<K extends ListKey>(doc: Snapshot, key: K, match: (x: Item<K>) => boolean): Snapshot {
  return withList(doc, key, list(doc, key).filter((x) => !match(x)));
}

export type Playground = {
  region?: string;
  accountId?: string;
  regions?: Record<string, string>;
  iamRoles?: unknown[];
  positions?: Record<string, { x: number; y: number }>;
  [k: string]: unknown;
};

export function playground(doc: Snapshot): Playground {
  return (doc.Playground ?? {}) as Playground;
}

export function withPlayground(doc: Snapshot, patch: Partial<Playground>): Snapshot {
  return { ...doc, Playground: { ...playground(doc), ...patch } };
}

export const defaultAccount = (doc: Snapshot): string => playground(doc).accountId ?? DEFAULT_ACCOUNT_ID;
export const defaultRegion = (doc: Snapshot): string => playground(doc).region ?? DEFAULT_REGION;

export function vpcOf(doc: Snapshot, vpcId: string) {
  return list(doc, 'Vpcs').find((v) => v.VpcId === vpcId);
}

/** The region of a VPC: Playground.regions, else a subnet's AZ, else the default. */
export function vpcRegion(doc: Snapshot, vpcId: string): string {
  const r = playground(doc).regions?.[vpcId];
  if (r) return r;
  const az = list(doc, 'Subnets').find((s) => s.VpcId === vpcId)?.AvailabilityZone;
  return az ? az.replace(/[a-z]$/, '') : defaultRegion(doc);
}

export const vpcOwner = (doc: Snapshot, vpcId: string): string => vpcOf(doc, vpcId)?.OwnerId ?? defaultAccount(doc);

export const nameTags = (name: string | undefined) => (name ? [{ Key: 'Name', Value: name }] : []);

/** A shallow-cloned list element with some fields replaced. */
export function patch<T extends object>(x: T, p: Partial<T>): T {
  return { ...x, ...p };
}

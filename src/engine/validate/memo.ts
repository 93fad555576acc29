/**
 * What an incremental validator remembers between documents. A learner's edit returns a new
 * document that shares every object it did not touch (engine/edit copies only the path to the
 * change), so results that depend on one object alone can be kept in WeakMaps keyed by that
 * object and replayed for the next document, but only for callers whose documents are immutable
 * values (the workspace): an object changed in place after a validation would replay stale
 * results, which is why `validateSnapshot` itself starts from scratch every time.
 *
 * Diagnostics carry JSON paths with array indexes, and a resource's index shifts when one before
 * it is inserted or deleted. Replayed findings are therefore stored relative to their resource
 * and re-anchored at its current path; a resource's label (the name sentences give it) depends
 * on its path only when it has no id, and a changed label makes the entry a miss.
 */
import type { Kind } from './names.ts';
import type { Path } from './read.ts';
import type { DiagnosticCode } from './codes.ts';

/** A finding whose path is relative to the resource it was found in. */
export interface RelativeFinding {
  code: DiagnosticCode;
  rel: Path;
  message: string;
}

/** The findings of one check on one resource, valid while the resource keeps this label. */
export interface LocalResult<X> {
  label: string;
  findings: RelativeFinding[];
  /** What the check hands to its cross-resource part (index-free too). */
  extra: X;
}

export interface ValidationMemo {
  /** Per top-level key: list elements (or the value itself) known to pass the quick shape test. */
  shapeOk: Map<string, WeakSet<object>>;
  /** Top-level values and list elements whose subtree holds no forbidden key. */
  noForbiddenKey: WeakSet<object>;
  /** Per kind: the Entry of a resource, reused while it stays at the same index. */
  entries: Map<Kind, WeakMap<object, unknown>>;
  /** Per top-level list: its Index (entries by id), reused while the list is the same array. */
  indexes: WeakMap<object, unknown>;
  /** Per check: each resource's local findings. */
  local: Map<string, WeakMap<object, LocalResult<unknown>>>;
  /** Per top-level list: its DUPLICATE_ID findings (absolute paths: same array, same indexes). */
  duplicateIds: WeakMap<object, { key: string; findings: Array<{ code: DiagnosticCode; path: Path; message: string }> }>;
  /** Per interface object: what its addresses and groups are, parsed. */
  eniFacts: WeakMap<object, unknown>;
  /** The interface list of a (NetworkInterfaces, Reservations) pair of lists. */
  eniLists: WeakMap<object, { interfaces: unknown; reservations: unknown; list: unknown }>;
  /** Per whole check: what it read last time (compared by identity) and what it found. */
  checks: Map<string, { deps: readonly unknown[]; findings: Array<{ code: DiagnosticCode; path: Path; message: string }> }>;
}

export function createValidationMemo(): ValidationMemo {
  return {
    shapeOk: new Map(), noForbiddenKey: new WeakSet(), entries: new Map(), indexes: new WeakMap(), local: new Map(),
    duplicateIds: new WeakMap(), eniFacts: new WeakMap(), eniLists: new WeakMap(), checks: new Map(),
  };
}

/** The WeakMap of `map` under `key`, created on first use. */
export function slot<K, V extends WeakMap<object, unknown> | WeakSet<object>>(map: Map<K, V>, key: K, make: () => V): V {
  let v = map.get(key);
  if (!v) map.set(key, (v = make()));
  return v;
}

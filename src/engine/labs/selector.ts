/**
 * The path of a `resource` check into one resource: field names separated by dots, list
 * indexes in brackets ("Routes", "Status.Code", "IpPermissions[0].IpRanges"). Deliberately
 * small: which item of a list matters is said with a matcher, not with an index.
 */
import { FORBIDDEN_KEYS } from '../model/safe-json.ts';

export type Segment = string | number;

const SEGMENT = /^([A-Za-z_][A-Za-z0-9_-]*)((?:\[\d+\])*)$/;

/** Parses a path; returns a sentence when it is malformed. */
export function parseSelector(text: string): { ok: true; segments: Segment[] } | { ok: false; error: string } {
  if (text === '') return { ok: true, segments: [] };
  const segments: Segment[] = [];
  for (const part of text.split('.')) {
    const m = SEGMENT.exec(part);
    if (!m) return { ok: false, error: `"${part}" is not a field name (optionally followed by [index]): write paths like "Routes" or "Status.Code"` };
    if (FORBIDDEN_KEYS.has(m[1])) return { ok: false, error: `"${m[1]}" cannot be used in a path` };
    segments.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) segments.push(Number(idx[1]));
  }
  return { ok: true, segments };
}

/** The value at a path, or undefined when any step is missing. */
export function valueAt(root: unknown, segments: readonly Segment[]): unknown {
  let cur: unknown = root;
  for (const s of segments) {
    if (typeof s === 'number') {
      if (!Array.isArray(cur) || s >= cur.length) return undefined;
      cur = cur[s];
    } else {
      if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !Object.hasOwn(cur, s)) return undefined;
      cur = (cur as Record<string, unknown>)[s];
    }
  }
  return cur;
}

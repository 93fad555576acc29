import { type Diagnostic, jsonPath } from '../diagnostics.ts';
import { ID_FIELD, REGION_PATTERN } from './ids.ts';
import { parseJsonSafely } from './safe-json.ts';
import type { Snapshot } from './schema.ts';

/** One file of a snapshot folder (or the single document): its path and its text. */
export interface SnapshotFile {
  path: string;
  text: string;
}

export interface LoadResult {
  /** The merged document, or null when no file could be read as a JSON object. */
  snapshot: Snapshot | null;
  diagnostics: Diagnostic[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Reads a snapshot from one or more files and merges them: top-level keys are combined, and
 * resources with the same id (a peering exported from both accounts) become one, their fields
 * combined. A file's type is decided by its keys, never its name. Files under a folder named
 * after a region (aws_configs/us-west-1/…) record that region for their VPCs in
 * `Playground.regions`, since describe-vpcs output does not say which region it came from.
 */
export function loadSnapshotFiles(files: readonly SnapshotFile[]): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const merged: Json = {};
  const indexes = new Map<string, Map<string, number>>();
  const regions: Record<string, string> = {};
  let readAny = false;
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of sorted) {
    const parsed = parseJsonSafely(file.text);
    for (const p of parsed.dropped) {
      diagnostics.push({ code: 'FORBIDDEN_KEY', severity: 'warning', path: p, file: file.path, message: `The key ${p.slice(p.lastIndexOf('['))} was ignored: it is not part of any AWS output and could corrupt objects.` });
    }
    if (!parsed.ok) {
      diagnostics.push({ code: 'MALFORMED_JSON', severity: 'error', path: '$', file: file.path, message: `${file.path}: ${parsed.error!.message}` });
      continue;
    }
    if (!isObject(parsed.value)) {
      diagnostics.push({ code: 'NOT_A_SNAPSHOT', severity: 'error', path: '$', file: file.path, message: `${file.path} is not a JSON object with describe-* keys such as "Vpcs" or "Subnets".` });
      continue;
    }
    readAny = true;
    const region = regionOfPath(file.path);
    for (const [key, value] of Object.entries(parsed.value)) {
      mergeKey(merged, indexes, key, value);
      if (region && key === 'Vpcs' && Array.isArray(value)) {
        for (const v of value) if (isObject(v) && typeof v.VpcId === 'string') regions[v.VpcId] ??= region;
      }
    }
  }
  if (!readAny) return { snapshot: null, diagnostics };
  if (Object.keys(regions).length > 0) {
    const pg = isObject(merged.Playground) ? merged.Playground : {};
    const existing = isObject(pg.regions) ? pg.regions : {};
    merged.Playground = { ...pg, regions: { ...regions, ...existing } };
  }
  return { snapshot: merged as Snapshot, diagnostics };
}

/** Reads one JSON document (the playground's own export, or a single describe-* output). */
export function loadSnapshotText(text: string, path = 'snapshot.json'): LoadResult {
  return loadSnapshotFiles([{ path, text }]);
}

function regionOfPath(path: string): string | null {
  const parts = path.split(/[\\/]/);
  for (let i = parts.length - 2; i >= 0; i--) if (REGION_PATTERN.test(parts[i])) return parts[i];
  return null;
}

function mergeKey(merged: Json, indexes: Map<string, Map<string, number>>, key: string, value: unknown): void {
  const existing = merged[key];
  if (existing === undefined) {
    merged[key] = Array.isArray(value) ? [] : value;
    if (!Array.isArray(value)) return;
  } else if (!Array.isArray(existing) || !Array.isArray(value)) {
    if (isObject(existing) && isObject(value)) merged[key] = combine(existing, value);
    return; // a non-list value: the first file's copy is kept
  }
  const list = merged[key] as unknown[];
  const idField = ID_FIELD[key];
  let index = indexes.get(key);
  if (!index) indexes.set(key, (index = new Map()));
  for (const item of value) {
    const id = idField && isObject(item) ? item[idField] : undefined;
    if (typeof id === 'string' && index.has(id)) {
      const at = index.get(id)!;
      list[at] = combine(list[at] as Json, item as Json);
    } else {
      if (typeof id === 'string') index.set(id, list.length);
      list.push(item);
    }
  }
}

/** Combines two copies of one resource: a field present in one copy only is kept. */
export function combine(a: Json, b: Json): Json {
  const out: Json = { ...a };
  for (const k of Object.keys(b)) combineField(out, k, b[k]);
  return out;
}

function combineField(out: Json, k: string, v: unknown): void {
  const cur = out[k];
  if (cur === undefined || cur === null) out[k] = v;
  else if (isObject(cur) && isObject(v)) out[k] = combine(cur, v);
  else if (Array.isArray(cur) && cur.length === 0 && Array.isArray(v)) out[k] = v;
}

/**
 * combine(a, { ...b, [key]: value }) without building that copy of b: the same fields in the
 * same order (value where b has the key, or last when it has not).
 */
export function combineReplacing(a: Json, b: Json, key: string, value: unknown): Json {
  const out: Json = { ...a };
  let placed = false;
  for (const k of Object.keys(b)) {
    if (k === key) {
      placed = true;
      combineField(out, k, value);
    } else {
      combineField(out, k, b[k]);
    }
  }
  if (!placed) combineField(out, key, value);
  return out;
}

export { jsonPath };

/**
 * Solutions as changes to the snapshot document: RFC 6902 JSON Patch operations (`add`,
 * `remove`, `replace`, `test`) with RFC 6901 pointers ("/RouteTables/0/Routes/-"). Applying is
 * pure: containers along each path are copied, the input is never mutated, and a bad path or a
 * failed `test` is a message, not an exception. Reusing a standard lets instructors write
 * solutions by hand and check them with any JSON Patch tool.
 */
import { z } from 'zod';
import { FORBIDDEN_KEYS } from '../model/safe-json.ts';
import type { Snapshot } from '../model/schema.ts';

const Pointer = z.string().max(1000).regex(/^(\/.*)?$/, 'a JSON pointer starts with "/" (e.g. "/RouteTables/0/Routes/-"), or is "" for the whole document')
  .describe('An RFC 6901 JSON pointer into the snapshot document: "/RouteTables/0/Routes/-" ("-" appends to a list; "~1" is "/" and "~0" is "~" inside a key).');

export const ChangeSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('add'), path: Pointer, value: z.unknown().describe('The value to insert (a list index inserts before it; "-" appends).') }),
  z.strictObject({ op: z.literal('remove'), path: Pointer }),
  z.strictObject({ op: z.literal('replace'), path: Pointer, value: z.unknown() }),
  z.strictObject({ op: z.literal('test'), path: Pointer, value: z.unknown().describe('The value that must be there for the solution to apply.') }),
]).describe('One JSON Patch (RFC 6902) operation on the snapshot.');

export type Change = z.infer<typeof ChangeSchema>;

/** The outcome of applying changes: the new document, or why it could not be done. */
export type ApplyResult = { ok: true; doc: Snapshot } | { ok: false; error: string; index: number };

type Json = unknown;
type Container = Record<string, Json> | Json[];

const isContainer = (v: Json): v is Container => v !== null && typeof v === 'object';

/** Parses a pointer into its keys; errors are sentences. */
export function parsePointer(path: string): { ok: true; keys: string[] } | { ok: false; error: string } {
  if (path === '') return { ok: true, keys: [] };
  if (!path.startsWith('/')) return { ok: false, error: `"${path}" is not a JSON pointer: it must start with "/"` };
  const keys = path.slice(1).split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  const bad = keys.find((k) => FORBIDDEN_KEYS.has(k));
  if (bad !== undefined) return { ok: false, error: `"${bad}" cannot be used in a path` };
  return { ok: true, keys };
}

/** A deep copy of JSON data (values are inserted as copies, so the lab and the document never share objects). */
function copy(v: Json): Json {
  if (Array.isArray(v)) return v.map(copy);
  if (isContainer(v)) {
    const out: Record<string, Json> = {};
    for (const k of Object.keys(v)) if (!FORBIDDEN_KEYS.has(k)) out[k] = copy((v as Record<string, Json>)[k]);
    return out;
  }
  return v;
}

/** Deep equality of JSON data (key order does not matter). */
export function jsonEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => jsonEqual(x, b[i]));
  if (!isContainer(a) || !isContainer(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && jsonEqual((a as Record<string, Json>)[k], (b as Record<string, Json>)[k]));
}

function arrayIndex(arr: Json[], key: string, forAdd: boolean): number | string {
  if (forAdd && key === '-') return arr.length;
  if (!/^(0|[1-9][0-9]*)$/.test(key)) return `"${key}" is not a list index`;
  const i = Number(key);
  const max = forAdd ? arr.length : arr.length - 1;
  return i <= max ? i : `index ${i} is out of range (the list has ${arr.length} item${arr.length === 1 ? '' : 's'})`;
}

/** Applies one operation under `node`; returns the new node or an error sentence. */
function applyAt(node: Json, keys: string[], op: Change, at: string): { value: Json } | { error: string } {
  if (keys.length === 0) {
    if (op.op === 'test') return jsonEqual(node, op.value) ? { value: node } : { error: `test failed at "${at}": expected ${JSON.stringify(op.value)}, found ${JSON.stringify(node) ?? 'nothing'}` };
    if (op.op === 'remove') return { error: 'the whole document cannot be removed' };
    return { value: copy(op.value) };
  }
  const [key, ...rest] = keys;
  const here = `${at}/${key}`;
  if (!isContainer(node)) return { error: `"${at || '/'}" is not an object or a list, so "${here}" does not exist` };
  const last = rest.length === 0;
  if (Array.isArray(node)) {
    const i = arrayIndex(node, key, last && op.op === 'add');
    if (typeof i === 'string') return { error: `"${here}": ${i}` };
    if (last && op.op === 'add') return { value: [...node.slice(0, i), copy(op.value), ...node.slice(i)] };
    if (last && op.op === 'remove') return { value: [...node.slice(0, i), ...node.slice(i + 1)] };
    const inner = applyAt(node[i], rest, op, here);
    if ('error' in inner) return inner;
    if (op.op === 'test') return { value: node };
    const out = node.slice();
    out[i] = inner.value;
    return { value: out };
  }
  const exists = Object.hasOwn(node, key);
  if (last && op.op === 'add') return { value: { ...node, [key]: copy(op.value) } };
  if (!exists) return { error: `"${here}" does not exist` };
  if (last && op.op === 'remove') {
    const out = { ...node };
    delete out[key];
    return { value: out };
  }
  const inner = applyAt(node[key], rest, op, here);
  if ('error' in inner) return inner;
  if (op.op === 'test') return { value: node };
  return { value: { ...node, [key]: inner.value } };
}

/**
 * Applies changes in order to a document, atomically: either all apply, or none and the error
 * names the failing operation. The input document is never mutated.
 */
export function applyChanges(doc: Snapshot, changes: readonly Change[]): ApplyResult {
  let cur: Json = doc;
  for (let i = 0; i < changes.length; i++) {
    const op = changes[i];
    const p = parsePointer(op.path);
    if (!p.ok) return { ok: false, error: `change ${i} (${op.op} ${op.path}): ${p.error}`, index: i };
    const r = applyAt(cur, p.keys, op, '');
    if ('error' in r) return { ok: false, error: `change ${i} (${op.op} ${op.path}): ${r.error}`, index: i };
    cur = r.value;
  }
  if (!isContainer(cur) || Array.isArray(cur)) return { ok: false, error: 'the result is not a JSON object', index: changes.length - 1 };
  return { ok: true, doc: cur as Snapshot };
}

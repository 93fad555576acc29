/**
 * Reading a lab file: size limit, JSON without prototype pollution, the schema, then the
 * semantic checks. Never throws; every problem comes back with a path and a sentence.
 */
import { parseJsonSafely } from '../model/safe-json.ts';
import { type LabError, describeIssue } from './issues.ts';
import { LabIndexSchema, LabSchema, type Lab, type LabIndex } from './schema.ts';
import { labProblems } from './semantics.ts';

/** The largest lab file accepted, in bytes of UTF-8. */
export const MAX_LAB_BYTES = 2 * 1024 * 1024;
/** The deepest nesting accepted: snapshots nest about 8 levels; checks and matchers a few more. */
const MAX_DEPTH = 64;
/** At most this many problems are reported (a wrong file would otherwise list thousands). */
const MAX_ERRORS = 100;

export type ParseLabResult = { ok: true; lab: Lab } | { ok: false; errors: LabError[] };

/** UTF-8 length without TextEncoder: the engine needs no platform API (flowlog/line-bytes.ts uses TextDecoder only where present, for speed). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) { n += 4; i++; } else n += 3;
  }
  return n;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** Reads JSON text safely; the errors of this stage, or the value. */
function readJson(text: unknown, what: string): { ok: true; value: unknown } | { ok: false; errors: LabError[] } {
  if (typeof text !== 'string') return { ok: false, errors: [{ path: '', message: `${what} must be JSON text` }] };
  // Length first: a string's UTF-8 size is at most three bytes per UTF-16 unit.
  if (text.length > MAX_LAB_BYTES || utf8Length(text) > MAX_LAB_BYTES) {
    return { ok: false, errors: [{ path: '', message: `the file is ${mb(utf8Length(text))}; ${what} may be at most ${mb(MAX_LAB_BYTES)}` }] };
  }
  let parsed: ReturnType<typeof parseJsonSafely>;
  try {
    parsed = parseJsonSafely(text);
  } catch {
    // Only a nesting deep enough to exhaust the stack gets here (the copy that drops forbidden keys recurses).
    return { ok: false, errors: [{ path: '', message: `the file nests too deeply; ${what} may nest at most ${MAX_DEPTH} levels` }] };
  }
  if (!parsed.ok) return { ok: false, errors: [{ path: '', message: parsed.error!.message }] };
  if (parsed.dropped.length > 0) {
    return { ok: false, errors: parsed.dropped.slice(0, MAX_ERRORS).map((p) => ({ path: p.replace(/^\$\.?/, ''), message: `forbidden key ${p.slice(p.lastIndexOf('[') + 1, -1)}: it is not part of any lab and could corrupt objects` })) };
  }
  if (depthOf(parsed.value) > MAX_DEPTH) return { ok: false, errors: [{ path: '', message: `the file nests more than ${MAX_DEPTH} levels deep; ${what} may nest at most ${MAX_DEPTH} levels` }] };
  return { ok: true, value: parsed.value };
}

/** How deeply JSON nests (counting stops past MAX_DEPTH), without recursion so a hostile file cannot overflow the stack. */
function depthOf(root: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (d > MAX_DEPTH) break;
    if (v !== null && typeof v === 'object') for (const x of Object.values(v)) stack.push([x, d + 1]);
  }
  return max;
}

/** Validates a lab given as a JSON value (already parsed). */
export function validateLab(value: unknown): ParseLabResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { ok: false, errors: [{ path: '', message: 'a lab file is a JSON object with "format": "vpc-lab/lab@1"' }] };
  const r = LabSchema.safeParse(value);
  if (!r.success) return { ok: false, errors: r.error.issues.flatMap((i) => describeIssue(i, value)).slice(0, MAX_ERRORS) };
  const problems = labProblems(r.data);
  return problems.length > 0 ? { ok: false, errors: problems.slice(0, MAX_ERRORS) } : { ok: true, lab: r.data };
}

/**
 * Parses a lab file. Never throws: `{ ok: true, lab }` or `{ ok: false, errors }`, each error
 * with a path ("steps[2].checks[0].kind") and a sentence.
 */
export function parseLab(text: unknown): ParseLabResult {
  const json = readJson(text, 'a lab file');
  return json.ok ? validateLab(json.value) : json;
}

/** Parses static/labs/index.json, the list of built-in labs. */
export function parseLabIndex(text: unknown): { ok: true; index: LabIndex } | { ok: false; errors: LabError[] } {
  const json = readJson(text, 'the lab index');
  if (!json.ok) return json;
  const r = LabIndexSchema.safeParse(json.value);
  return r.success ? { ok: true, index: r.data } : { ok: false, errors: r.error.issues.flatMap((i) => describeIssue(i, json.value)).slice(0, MAX_ERRORS) };
}

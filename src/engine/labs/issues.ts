/**
 * Schema problems as sentences a lab author can act on, each with a JSON path written the way
 * the file reads ("steps[2].checks[0].kind").
 */
import type { z } from 'zod';

/** One problem in a lab file. */
export interface LabError {
  /** Where: "steps[2].checks[0].kind"; "" for the file as a whole. */
  path: string;
  message: string;
}

/** "steps[2].checks[0].kind" from ["steps", 2, "checks", 0, "kind"]. */
export function pathText(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(String(p))) out += out === '' ? String(p) : `.${String(p)}`;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out;
}

function valueAt(root: unknown, parts: readonly PropertyKey[]): unknown {
  let cur = root;
  for (const p of parts) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v)}`;
  return `${typeof v === 'number' ? 'the number' : typeof v === 'boolean' ? 'the boolean' : typeof v} ${String(v)}`;
}

const article = (t: string) => (/^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`);

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return d[b.length];
}

/** " (did you mean "reachable"?)" when a known word is close. */
export function didYouMean(word: string, known: readonly string[]): string {
  const best = known.map((k) => ({ k, d: distance(word.toLowerCase(), k.toLowerCase()) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(2, Math.floor(best.k.length / 3)) ? ` (did you mean "${best.k}"?)` : '';
}

/** Turns one zod issue into problems with paths and sentences. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): LabError[] {
  const path = pathText(issue.path);
  const found = valueAt(input, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (found === undefined) return [{ path, message: `"${String(issue.path.at(-1) ?? 'value')}" is required (${article(issue.expected)})` }];
      return [{ path, message: `expected ${article(issue.expected)}, found ${typeName(found)}` }];
    case 'unrecognized_keys':
      return issue.keys.map((k) => ({ path: pathText([...issue.path, k]), message: `unknown field "${k}"` }));
    case 'invalid_union': {
      const disc = (issue as { discriminator?: string; options?: unknown[] });
      if (disc.discriminator && Array.isArray(disc.options)) {
        const options = disc.options.map(String);
        const what = disc.discriminator === 'kind' ? 'check kind' : disc.discriminator === 'op' ? 'change op' : disc.discriminator;
        if (found === undefined) return [{ path, message: `"${disc.discriminator}" is required — one of ${options.join(', ')}` }];
        return [{ path, message: `unknown ${what} ${JSON.stringify(found)} — expected one of ${options.join(', ')}${typeof found === 'string' ? didYouMean(found, options) : ''}` }];
      }
      return [{ path, message: `${typeName(found)} matches none of the allowed forms` }];
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => JSON.stringify(v));
      const expected = values.length === 1 ? values[0] : `one of ${values.join(', ')}`;
      return [{ path, message: `expected ${expected}, found ${found === undefined ? 'nothing' : typeName(found)}${typeof found === 'string' ? didYouMean(found, issue.values.map(String)) : ''}` }];
    }
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const limit = big ? (issue as { maximum: number | bigint }).maximum : (issue as { minimum: number | bigint }).minimum;
      const bound = big ? 'at most' : 'at least';
      if (issue.origin === 'number') return [{ path, message: `must be ${bound} ${String(limit)} (found ${String(found)})` }];
      const unit = issue.origin === 'string' ? 'characters' : issue.origin === 'array' ? 'items' : 'entries';
      return [{ path, message: `must have ${bound} ${String(limit)} ${unit}` }];
    }
    default:
      return [{ path, message: issue.message }];
  }
}

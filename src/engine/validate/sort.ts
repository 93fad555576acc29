import { type Diagnostic, jsonPath } from '../diagnostics.ts';
import { DIAGNOSTIC_CODES } from './codes.ts';
import type { Finding } from './context.ts';
import { type Path, isObj } from './read.ts';

/** Where a path lies in the document: per step, the key's position among its siblings. */
type Rank = Array<[number, string]>;

function rankOf(doc: unknown, path: Path): Rank {
  const out: Rank = [];
  let cur: unknown = doc;
  for (const p of path) {
    if (typeof p === 'number') {
      out.push([p, '']);
      cur = Array.isArray(cur) ? cur[p] : undefined;
      continue;
    }
    const keys = isObj(cur) ? Object.keys(cur) : [];
    const at = keys.indexOf(p);
    // A field the document lacks (a missing id) sorts after its present siblings.
    out.push([at < 0 ? keys.length : at, p]);
    cur = at < 0 ? undefined : (cur as Record<string, unknown>)[p];
  }
  return out;
}

function compareRanks(a: Rank, b: Rank): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i][0] !== b[i][0]) return a[i][0] - b[i][0];
    if (a[i][1] !== b[i][1]) return a[i][1] < b[i][1] ? -1 : 1;
  }
  return a.length - b.length;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Turns findings into diagnostics in document order (a parent before its fields, then siblings
 * as they appear in the document), then by code and message, so the same document always gives
 * the same list; exact repeats are dropped.
 */
export function toDiagnostics(doc: unknown, findings: readonly Finding[]): Diagnostic[] {
  const ranked = findings.map((f) => ({ f, rank: rankOf(doc, f.path) }));
  ranked.sort((x, y) => compareRanks(x.rank, y.rank) || cmp(x.f.code, y.f.code) || cmp(x.f.message, y.f.message));
  const out: Diagnostic[] = [];
  for (const { f } of ranked) {
    const d: Diagnostic = { code: f.code, severity: DIAGNOSTIC_CODES[f.code].severity, path: jsonPath(f.path), message: f.message };
    const prev = out[out.length - 1];
    if (!prev || prev.code !== d.code || prev.path !== d.path || prev.message !== d.message) out.push(d);
  }
  return out;
}

/**
 * Whether a Logs Insights result satisfies an `insights-query` check: at least `minRows` rows,
 * and a first row whose columns match `topRow` (matchers as everywhere in labs; "name:web-1" in
 * an address column is that instance's private IP). One verdict for both kinds of evidence: the
 * learner's own run, or the check's query run over the records.
 */
import type { Value } from '../../insights/index.ts';
import type { CheckContext } from '../context.ts';
import { matchEnv, matches } from '../match.ts';

/** What a verdict needs of a check. */
export interface ResultExpectation {
  topRow?: Record<string, unknown>;
  minRows?: number;
}

/** A result as a verdict reads it: columns, the first rows, and how many rows there were. */
export interface ResultView {
  columns: readonly string[];
  rows: readonly (readonly Value[])[];
  rowCount: number;
}

/** The verdict on a result; `top` is the first row as text ("srcAddr=10.1.1.10, n=5"). */
export type Verdict =
  | { ok: true; rowCount: number; top: string | null }
  | { ok: false; why: 'few-rows'; rowCount: number; min: number }
  | { ok: false; why: 'no-rows' }
  | { ok: false; why: 'no-column'; missing: string[]; columns: readonly string[] }
  | { ok: false; why: 'top-row'; top: string }
  | { ok: false; why: 'unresolved'; errors: string[] };

/** A row as the learner reads it: `column=value`, `-` for an empty cell. */
export const rowText = (columns: readonly string[], row: readonly Value[]): string => columns.map((c, i) => `${c}=${row[i] ?? '-'}`).join(', ');

/** Judges a result against a check's `minRows` and `topRow`. */
export function judgeResult(c: ResultExpectation, r: ResultView, ctx: CheckContext): Verdict {
  if (c.minRows !== undefined && r.rowCount < c.minRows) return { ok: false, why: 'few-rows', rowCount: r.rowCount, min: c.minRows };
  if (c.topRow === undefined) return { ok: true, rowCount: r.rowCount, top: null };
  const top = r.rows[0];
  if (!top || r.rowCount === 0) return { ok: false, why: 'no-rows' };
  const missing = Object.keys(c.topRow).filter((k) => !r.columns.includes(k));
  if (missing.length > 0) return { ok: false, why: 'no-column', missing, columns: r.columns };
  const row = Object.fromEntries(r.columns.map((col, i) => [col, top[i]]));
  const env = matchEnv(ctx.resolver);
  const ok = matches(row, c.topRow, env);
  if (env.errors.length > 0) return { ok: false, why: 'unresolved', errors: env.errors };
  const shown = rowText(r.columns, top);
  return ok ? { ok: true, rowCount: r.rowCount, top: shown } : { ok: false, why: 'top-row', top: shown };
}

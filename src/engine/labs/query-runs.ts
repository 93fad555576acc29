/**
 * The learner's Logs Insights runs: the evidence an `insights-query` check reads. The console
 * (outside the engine) reports each query that completes; the caller keeps the runs as data,
 * trimmed to what a check and a report need, and hands them to `evaluateLab`. A run counts for
 * the step the learner had reached when making it and for the steps before, never for a later
 * one: a query run for step 1 does not complete step 2 just because its top row looks alike.
 */
import type { Value } from '../insights/index.ts';
import type { Lab } from './schema.ts';

/** Rows of a result kept as evidence: a check reads the top row and the row count. */
export const MAX_RUN_ROWS = 5;
/** Runs kept per lab session (the newest). */
export const MAX_RUNS = 30;
const MAX_TEXT = 4000;
const MAX_CELL = 1000;
const MAX_COLUMNS = 100;
const MAX_GROUPS = 50;

/** A Logs Insights query the learner ran to completion in the console. */
export interface QueryRun {
  /** The query as the learner wrote and ran it. */
  query: string;
  /** The CloudWatch Logs log groups the run read (those selected in the console). */
  groups: string[];
  /** Imported flow-log files the run read as well: a result mixed with them says nothing about the lab's logs. */
  files: string[];
  /** The result's columns, in order. */
  columns: string[];
  /** The result's first rows (at most MAX_RUN_ROWS). */
  rows: Value[][];
  /** How many rows the result had. */
  rowCount: number;
  /** The id of the step the learner had reached (the first unfinished one) when running it. */
  step: string;
  /** When it completed: simulated seconds and wall-clock milliseconds (for the report). */
  at: { sim: number; wall: number };
}

/** What the console knows about a completed run. */
export interface CompletedQuery {
  query: string;
  groups: readonly string[];
  files: readonly string[];
  columns: readonly string[];
  rows: readonly (readonly Value[])[];
}

/** A cell as storage keeps it: long text shortened, a number JSON cannot hold (NaN, ±Infinity) as null, as a save would read it back. */
const cell = (v: Value | undefined): Value => {
  if (typeof v === 'string') return v.length > MAX_CELL ? `${v.slice(0, MAX_CELL - 1)}…` : v;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};
const text = (s: string, max = MAX_TEXT) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The evidence of one completed run, trimmed to the size kept. */
export function queryRunOf(done: CompletedQuery, step: string, at: { sim: number; wall: number }): QueryRun {
  const columns = done.columns.slice(0, MAX_COLUMNS).map((c) => text(c, 200));
  return {
    query: text(done.query),
    groups: done.groups.slice(0, MAX_GROUPS).map((g) => text(g, 600)),
    files: done.files.slice(0, MAX_GROUPS).map((g) => text(g, 600)),
    columns,
    rows: done.rows.slice(0, MAX_RUN_ROWS).map((r) => columns.map((_, i) => cell(r[i]))),
    rowCount: done.rows.length,
    step,
    at: { sim: at.sim, wall: at.wall },
  };
}

/** The runs after another one: the newest MAX_RUNS. */
export function appendQueryRun(runs: readonly QueryRun[], run: QueryRun): QueryRun[] {
  return [...runs, run].slice(-MAX_RUNS);
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isStrings = (v: unknown, max: number): v is string[] => Array.isArray(v) && v.length <= max && v.every((s) => typeof s === 'string' && s.length <= MAX_TEXT);
const isValue = (v: unknown): v is Value => v === null || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= MAX_CELL);

/** True when a value read from storage has the shape of a run (nothing in it is trusted otherwise). */
export function isQueryRun(v: unknown): v is QueryRun {
  if (!isObject(v) || typeof v.query !== 'string' || v.query.length > MAX_TEXT || typeof v.step !== 'string' || v.step.length > 64) return false;
  if (!isStrings(v.groups, MAX_GROUPS) || !isStrings(v.files, MAX_GROUPS) || !isStrings(v.columns, MAX_COLUMNS)) return false;
  if (!Number.isSafeInteger(v.rowCount) || (v.rowCount as number) < 0) return false;
  const width = v.columns.length;
  if (!Array.isArray(v.rows) || v.rows.length > MAX_RUN_ROWS || v.rows.length > (v.rowCount as number)) return false;
  if (!v.rows.every((r) => Array.isArray(r) && r.length === width && r.every(isValue))) return false;
  const at = v.at;
  return isObject(at) && Number.isFinite(at.sim) && Number.isFinite(at.wall);
}

/** Saved runs, or an empty list: a value that is not a list gives none, and entries that are not runs are left out. */
export function parseQueryRuns(v: unknown): QueryRun[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isQueryRun).slice(-MAX_RUNS).map((r) => ({ ...r, groups: [...r.groups], files: [...r.files], columns: [...r.columns], rows: r.rows.map((row) => [...row]), at: { sim: r.at.sim, wall: r.at.wall } }));
}

/** The runs that count for step `index` of a lab: those made once it was reached (runs naming no step of the lab count for none). */
export function runsForStep(lab: Pick<Lab, 'steps'>, runs: readonly QueryRun[], index: number): QueryRun[] {
  const at = new Map(lab.steps.map((s, i) => [s.id, i]));
  return runs.filter((r) => (at.get(r.step) ?? -1) >= index);
}

/** Helpers for showing a query result: sorting, CSV, and the data behind the charts. */
import type { Value } from '../../engine/insights/index.ts';

/** Compares cells: numbers numerically, text by code point; nulls last. */
export function compareValues(a: Value, b: Value): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Rows sorted by one column (stable); the original rows when `col` is negative. */
export function sortRows(rows: Value[][], col: number, descending: boolean): Value[][] {
  if (col < 0) return rows;
  const idx = rows.map((_, i) => i);
  idx.sort((i, j) => (descending ? -1 : 1) * compareValues(rows[i][col], rows[j][col]) || i - j);
  return idx.map((i) => rows[i]);
}

const cell = (v: Value): string => {
  const s = v === null ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** RFC 4180 CSV with a header row. */
export function toCsv(columns: string[], rows: Value[][]): string {
  return [columns.map(cell).join(','), ...rows.map((r) => r.map(cell).join(','))].join('\r\n') + '\r\n';
}

/** Indexes of the columns whose non-null values are all numbers (and that have one). */
export function numericColumns(columns: string[], rows: Value[][]): number[] {
  return columns.map((_, k) => k).filter((k) => rows.some((r) => r[k] !== null) && rows.every((r) => r[k] === null || typeof r[k] === 'number'));
}

/** Epoch ms of a time cell as the engine formats it (`2026-01-01 10:05:00.000`, UTC). */
export function timeOf(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return NaN;
  return Date.parse(`${v.replace(' ', 'T')}Z`);
}

/** One line of a time-series chart. */
export interface Series {
  name: string;
  points: { t: number; v: number }[];
}

/** Series of a `stats … by bin()` result: one per numeric column and per value of the other group columns. */
export function timeSeries(columns: string[], rows: Value[][], x: string, max = 8): Series[] {
  const xi = columns.indexOf(x);
  if (xi < 0) return [];
  const nums = numericColumns(columns, rows).filter((k) => k !== xi);
  const keys = columns.map((_, k) => k).filter((k) => k !== xi && !nums.includes(k));
  const out = new Map<string, Series>();
  for (const r of rows) {
    const t = timeOf(r[xi]);
    if (!Number.isFinite(t)) continue;
    const group = keys.map((k) => String(r[k] ?? '-')).join(' ');
    for (const k of nums) {
      const name = [columns[k], group].filter(Boolean).join(' · ');
      let s = out.get(name);
      if (!s) {
        if (out.size >= max) continue;
        out.set(name, (s = { name, points: [] }));
      }
      s.points.push({ t, v: Number(r[k] ?? 0) });
    }
  }
  for (const s of out.values()) s.points.sort((a, b) => a.t - b.t);
  return [...out.values()];
}

/** Bars of a `stats` result: label from the text columns, value from the first numeric one. */
export function bars(columns: string[], rows: Value[][], max = 20): { label: string; value: number }[] {
  const nums = numericColumns(columns, rows);
  if (!nums.length) return [];
  const v = nums[0];
  const labels = columns.map((_, k) => k).filter((k) => !nums.includes(k));
  return rows.slice(0, max).map((r) => ({ label: labels.length ? labels.map((k) => String(r[k] ?? '-')).join(' → ') : columns[v], value: Number(r[v] ?? 0) }));
}

/** A number with thousands separators, or the value as text. */
export function show(v: Value): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en-US') : String(Number(v.toFixed(6)));
  return v;
}

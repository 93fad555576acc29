import type { Value } from './types.ts';

/**
 * Value semantics shared by the compiled executor and every helper. CloudWatch is loosely typed:
 * a field parsed out of a message is text, yet `filter port > 1000` compares it as a number.
 * Decisions (AWS does not document them):
 * - A comparison with a null operand is false (`!=` included): absent fields never match.
 * - Number against string: if the string is numeric text, compare as numbers, else as text.
 * - Arithmetic on null or non-numeric text gives null; division or modulo by zero gives null.
 */

const NUMERIC = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** The number a value stands for, or null (`"42"` → 42, `"abc"` → null). */
export function toNumber(v: Value): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && NUMERIC.test(v)) return Number(v);
  return null;
}

/** Text of a value for string functions; null stays null. */
export function toText(v: Value): string | null {
  if (v === null) return null;
  return typeof v === 'number' ? String(v) : v;
}

/** Filter truth: non-zero numbers and non-empty strings. */
export function truthy(v: Value): boolean {
  if (typeof v === 'number') return v !== 0 && v === v;
  return typeof v === 'string' && v.length > 0;
}

/** Three-way loose comparison for `< <= > >=` and `=`; NaN when either side is null. */
export function looseCompare(a: Value, b: Value): number {
  if (a === null || b === null) return NaN;
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = toNumber(a);
    const y = toNumber(b);
    if (x !== null && y !== null) return x < y ? -1 : x > y ? 1 : 0;
  }
  const s = String(a);
  const t = String(b);
  return s < t ? -1 : s > t ? 1 : 0;
}

/** Loose equality used by `=`, `!=` and `in`. */
export function looseEquals(a: Value, b: Value): boolean {
  if (a === b) return a !== null;
  return looseCompare(a, b) === 0;
}

/** Boolean results are the numbers 1 and 0. */
export const bool = (b: boolean): number => (b ? 1 : 0);

/**
 * Order of `sort`, as CloudWatch documents it for ascending order: all non-number values before
 * all number values; strings in "natural" order, where runs of digits compare by length and then
 * by value and other runs by Unicode. Descending order is the exact reverse. Decision: null sorts
 * last in both directions (AWS does not say), so top-N queries never start with empty rows.
 */
export function sortCompare(a: Value, b: Value): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number') return typeof b === 'string' ? 1 : 0;
  if (typeof b === 'number') return typeof a === 'string' ? -1 : 0;
  if (a === null || b === null) return 0;
  return naturalCompare(a, b);
}

/** Compares with nulls last whatever the direction. */
export function sortCompareDirected(a: Value, b: Value, descending: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const c = sortCompare(a, b);
  return descending ? -c : c;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Natural string order: chunk by chunk, digit runs by length then text, other runs by code unit. */
export function naturalCompare(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const da = isDigit(a.charCodeAt(i));
    const db = isDigit(b.charCodeAt(j));
    let ei = i + 1;
    while (ei < a.length && isDigit(a.charCodeAt(ei)) === da) ei++;
    let ej = j + 1;
    while (ej < b.length && isDigit(b.charCodeAt(ej)) === db) ej++;
    const ca = a.slice(i, ei);
    const cb = b.slice(j, ej);
    if (da && db && ca.length !== cb.length) return ca.length - cb.length;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i = ei;
    j = ej;
  }
  return (a.length - i) - (b.length - j);
}

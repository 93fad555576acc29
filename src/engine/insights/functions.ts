import type { Value } from './types.ts';
import { bool, toNumber, toText } from './values.ts';
import { parseIp, parseIpv6 } from './ip-match.ts';
import { tryParseIpv4 } from '../ip/ipv4.ts';

/** A plain scalar function: arity bounds and an implementation over evaluated arguments. */
export interface ScalarFunction {
  min: number;
  max: number;
  /** The result is a timestamp (displayed as a date). */
  time?: boolean;
  fn: (args: Value[]) => Value;
}

const num1 = (f: (x: number) => number) => (a: Value[]): Value => {
  const x = toNumber(a[0]);
  if (x === null) return null;
  const r = f(x);
  return Number.isFinite(r) ? r : null;
};
const str1 = (f: (s: string) => Value) => (a: Value[]): Value => {
  const s = toText(a[0]);
  return s === null ? null : f(s);
};
const numbers = (a: Value[]): number[] => a.map(toNumber).filter((x): x is number => x !== null);

/** Characters to strip: the optional second argument, else white space. */
function trimmer(mode: 'l' | 'r' | 'b') {
  return (a: Value[]): Value => {
    const s = toText(a[0]);
    if (s === null) return null;
    const chars = a.length > 1 ? toText(a[1]) ?? '' : ' \t\n\r\f\v';
    let i = 0;
    let j = s.length;
    if (mode !== 'r') while (i < j && chars.includes(s[i])) i++;
    if (mode !== 'l') while (j > i && chars.includes(s[j - 1])) j--;
    return s.slice(i, j);
  };
}

/** Scalar functions by lower-case name (CloudWatch names are case-insensitive). */
export const SCALAR_FUNCTIONS: Record<string, ScalarFunction> = {
  abs: { min: 1, max: 1, fn: num1(Math.abs) },
  ceil: { min: 1, max: 1, fn: num1(Math.ceil) },
  floor: { min: 1, max: 1, fn: num1(Math.floor) },
  sqrt: { min: 1, max: 1, fn: num1(Math.sqrt) },
  log: { min: 1, max: 1, fn: num1(Math.log) },
  greatest: { min: 1, max: 99, fn: (a) => { const n = numbers(a); return n.length ? Math.max(...n) : null; } },
  least: { min: 1, max: 99, fn: (a) => { const n = numbers(a); return n.length ? Math.min(...n) : null; } },
  strlen: { min: 1, max: 1, fn: str1((s) => [...s].length) },
  toupper: { min: 1, max: 1, fn: str1((s) => s.toUpperCase()) },
  tolower: { min: 1, max: 1, fn: str1((s) => s.toLowerCase()) },
  trim: { min: 1, max: 2, fn: trimmer('b') },
  ltrim: { min: 1, max: 2, fn: trimmer('l') },
  rtrim: { min: 1, max: 2, fn: trimmer('r') },
  concat: {
    min: 1, max: 99,
    fn: (a) => {
      const texts = a.map(toText).filter((s): s is string => s !== null);
      return texts.length ? texts.join('') : null;
    },
  },
  // Zero-based, as in AWS's example: substr("xyZfooxyZ", 3, 3) returns "foo".
  substr: {
    min: 2, max: 3,
    fn: (a) => {
      const s = toText(a[0]);
      const from = toNumber(a[1]);
      if (s === null || from === null) return null;
      const len = a.length > 2 ? toNumber(a[2]) : s.length;
      if (len === null) return null;
      const start = Math.max(0, Math.trunc(from));
      return s.slice(start, start + Math.max(0, Math.trunc(len)));
    },
  },
  replace: {
    min: 3, max: 3,
    fn: (a) => {
      const [s, find, by] = a.map(toText);
      return s === null ? null : find ? s.split(find).join(by ?? '') : s;
    },
  },
  strcontains: { min: 2, max: 2, fn: (a) => { const s = toText(a[0]); const t = toText(a[1]); return s === null || t === null ? null : bool(s.includes(t)); } },
  isempty: { min: 1, max: 1, fn: (a) => bool(a[0] === null || a[0] === '') },
  isblank: { min: 1, max: 1, fn: (a) => bool(a[0] === null || (typeof a[0] === 'string' && a[0].trim() === '')) },
  ispresent: { min: 1, max: 1, fn: (a) => bool(a[0] !== null) },
  coalesce: { min: 1, max: 99, fn: (a) => a.find((v) => v !== null) ?? null },
  isvalidip: { min: 1, max: 1, fn: (a) => bool(typeof a[0] === 'string' && parseIp(a[0]) !== null) },
  isvalidipv4: { min: 1, max: 1, fn: (a) => bool(typeof a[0] === 'string' && tryParseIpv4(a[0]).ok) },
  isvalidipv6: { min: 1, max: 1, fn: (a) => bool(typeof a[0] === 'string' && parseIpv6(a[0]) !== null) },
  frommillis: { min: 1, max: 1, time: true, fn: num1((x) => x) },
  tomillis: { min: 1, max: 1, fn: num1((x) => x) },
};

/** Aggregate functions allowed in `stats`, with their arity. */
export const AGGREGATE_FUNCTIONS: Record<string, { min: number; max: number }> = {
  count: { min: 0, max: 1 },
  count_distinct: { min: 1, max: 1 },
  sum: { min: 1, max: 1 },
  avg: { min: 1, max: 1 },
  min: { min: 1, max: 1 },
  max: { min: 1, max: 1 },
  pct: { min: 2, max: 2 },
  stddev: { min: 1, max: 1 },
  earliest: { min: 1, max: 1 },
  latest: { min: 1, max: 1 },
  sortsfirst: { min: 1, max: 1 },
  sortslast: { min: 1, max: 1 },
};

/** Functions compiled specially: periods, subnets and the implicit `@timestamp` of `bin`. */
export const SPECIAL_FUNCTIONS: Record<string, { min: number; max: number }> = {
  bin: { min: 1, max: 1 },
  datefloor: { min: 2, max: 2 },
  dateceil: { min: 2, max: 2 },
  isipv4insubnet: { min: 2, max: 2 },
  isipinsubnet: { min: 2, max: 2 },
  isipv6insubnet: { min: 2, max: 2 },
};

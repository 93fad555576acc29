import type { Period } from './ast.ts';

type Unit = Period['unit'];

/** Unit spellings CloudWatch accepts for `bin`; names longer than one letter may take a plural s. */
const UNIT_NAMES: Record<string, Unit> = {
  ms: 'ms', msec: 'ms', millisecond: 'ms',
  s: 's', sec: 's', second: 's',
  m: 'm', min: 'm', minute: 'm',
  h: 'h', hr: 'h', hour: 'h',
  d: 'd', day: 'd',
  w: 'w', week: 'w',
  mo: 'mo', mon: 'mo', month: 'mo',
  q: 'q', qtr: 'q', quarter: 'q',
  y: 'y', yr: 'y', year: 'y',
};

const UNIT_MS: Record<Unit, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000, mo: 0, q: 0, y: 0 };

/**
 * CloudWatch caps the amount per unit ("it caps 60 as the maximum value for any request that uses
 * s ... bin(300s) is implemented as 60 seconds"): ms 1000, s and m 60, h 24.
 */
const CAPS: Partial<Record<Unit, number>> = { ms: 1000, s: 60, m: 60, h: 24 };

/** Resolves a unit spelling (`5mins` → m); undefined when CloudWatch would not accept it. */
export function unitOf(text: string): Unit | undefined {
  const t = text.toLowerCase();
  if (UNIT_NAMES[t]) return UNIT_NAMES[t];
  if (t.length > 2 && t.endsWith('s') && UNIT_NAMES[t.slice(0, -1)] && t.slice(0, -1).length > 1) return UNIT_NAMES[t.slice(0, -1)];
  return undefined;
}

/** Builds a period, applying CloudWatch's cap; `capped` tells the caller to warn. */
export function makePeriod(amount: number, unit: Unit): { period: Period; capped: boolean } {
  const cap = CAPS[unit];
  const capped = cap !== undefined && amount > cap;
  const n = capped ? (cap as number) : amount;
  return { period: { amount: n, unit, ms: n * UNIT_MS[unit] }, capped };
}

const DAY = 86_400_000;

/** Truncates an epoch-ms time to the start of its period (UTC; weeks start on Monday). */
export function floorTime(t: number, p: Period): number {
  if (p.ms > 0) {
    if (p.unit === 'w') return Math.floor((t - 4 * DAY) / p.ms) * p.ms + 4 * DAY; // 1970-01-05 was a Monday
    return Math.floor(t / p.ms) * p.ms;
  }
  const d = new Date(t);
  const months = p.unit === 'mo' ? p.amount : p.unit === 'q' ? 3 * p.amount : 12 * p.amount;
  const index = d.getUTCFullYear() * 12 + d.getUTCMonth();
  const floored = Math.floor(index / months) * months;
  return Date.UTC(Math.floor(floored / 12), floored % 12, 1);
}

/** Rounds an epoch-ms time up to the next period boundary (unchanged when already on one). */
export function ceilTime(t: number, p: Period): number {
  const f = floorTime(t, p);
  if (f === t) return t;
  if (p.ms > 0) return f + p.ms;
  const d = new Date(f);
  const months = p.unit === 'mo' ? p.amount : p.unit === 'q' ? 3 * p.amount : 12 * p.amount;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
}

/** Formats epoch ms the way the CloudWatch console shows timestamps: `2024-05-01 10:05:00.000` (UTC). */
export function formatTimestamp(t: number): string | null {
  if (!Number.isFinite(t) || Math.abs(t) > 8.64e15) return null;
  const iso = new Date(t).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

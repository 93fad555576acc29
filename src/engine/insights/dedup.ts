import type { Getter } from './compiled.ts';
import type { Value } from './types.ts';

const keyPart = (v: Value): string => (typeof v === 'number' ? `n${v}` : `s${v}`);

/**
 * Keeps the first row (in the current order) of every distinct combination of key values.
 * As CloudWatch documents, null values are not duplicates: a row with a null key is always kept.
 */
export function dedupPositions(n: number, keys: Getter[]): number[] {
  const seen = new Set<string>();
  const keep: number[] = [];
  outer: for (let p = 0; p < n; p++) {
    let key = '';
    for (const g of keys) {
      const v = g(p);
      if (v === null) { keep.push(p); continue outer; }
      key += `${keyPart(v)}\u0000`;
    }
    if (!seen.has(key)) {
      seen.add(key);
      keep.push(p);
    }
  }
  return keep;
}

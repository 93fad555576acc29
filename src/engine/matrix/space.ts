import type { Cidr } from '../ip/index.ts';
import { wordsFor } from './bitset.ts';

/**
 * An index space sorted by IPv4 address, so that any CIDR block is one contiguous index
 * range and a filter rule becomes a range painted into a bitset. Several indexes may share an
 * address (overlapping VPCs); they stay adjacent.
 */
export interface Space {
  /** The address of each index, ascending. */
  addrs: Uint32Array;
  size: number;
  words: number;
}

export function makeSpace(addrs: readonly number[]): Space {
  const a = Uint32Array.from(addrs);
  return { addrs: a, size: a.length, words: wordsFor(a.length) };
}

/** The first index whose address is >= v (size when none). */
export function lowerBound(addrs: Uint32Array, v: number): number {
  let lo = 0;
  let hi = addrs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (addrs[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The index range [lo, hi) of the addresses inside a block. */
export function cidrRange(space: Space, c: Cidr): [number, number] {
  const first = c.base;
  const end = c.base + 2 ** (32 - c.prefix);
  return [lowerBound(space.addrs, first), lowerBound(space.addrs, end)];
}

/** The index range [lo, hi) of one address. */
export function addressRange(space: Space, ip: number): [number, number] {
  return [lowerBound(space.addrs, ip), lowerBound(space.addrs, ip + 1)];
}

import type { NRoute, NRouteTable } from '../model/network.ts';
import type { Arena } from './bitset.ts';
import { cidrRange, type Space } from './space.ts';

/** The addresses of a space that one route wins under longest-prefix match. */
export interface Region {
  route: NRoute;
  /** Words [w0, w1) of the mask only: word w is mask[w - w0] (most routes cover a few words of the space). */
  mask: Uint32Array;
  /** The words [w0, w1) where the mask can be non-zero. */
  w0: number;
  w1: number;
}

/**
 * Splits a space by a route table: each route gets the indexes it contains that no earlier
 * route took. Routes are kept longest prefix first (compileRouteTable) and longestPrefixMatch
 * returns the first containing one, so this is the same choice for every address at once.
 */
export function routeRegions(space: Space, table: NRouteTable, arena: Arena): Region[] {
  // From the arena too: hundreds of tables, and one small ArrayBuffer each cost more than the words.
  const claimed = arena.alloc(space.words);
  const out: Region[] = [];
  for (const route of table.routes) {
    const [lo, hi] = cidrRange(space, route.destination);
    if (lo >= hi) continue;
    const w0 = lo >>> 5;
    const w1 = (hi - 1) >>> 5;
    const mask = arena.alloc(w1 - w0 + 1);
    let any = 0;
    for (let w = w0; w <= w1; w++) {
      let range = 0xffffffff;
      if (w === w0) range &= 0xffffffff << (lo & 31);
      if (w === w1) range &= 0xffffffff >>> (31 - ((hi - 1) & 31));
      const won = range & ~claimed[w];
      mask[w - w0] = won;
      claimed[w] |= range;
      any |= won;
    }
    if (any !== 0) out.push({ route, mask, w0, w1: w1 + 1 });
  }
  return out;
}

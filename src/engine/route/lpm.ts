import { contains } from '../ip/index.ts';
import type { NRoute, NRouteTable } from '../model/network.ts';

/**
 * Longest-prefix match: the most specific route whose destination contains the address.
 * Routes are kept sorted longest prefix first (see compileRouteTable), so the first hit wins.
 */
export function longestPrefixMatch(table: NRouteTable, ip: number): NRoute | null {
  for (const r of table.routes) if (contains(r.destination, ip)) return r;
  return null;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrOf, contains, formatCidr } from '../../src/engine/ip/index.ts';
import { longestPrefixMatch } from '../../src/engine/route/index.ts';
import { sortRoutes } from '../../src/engine/model/compile-routing.ts';
import type { NRoute, NRouteTable } from '../../src/engine/model/network.ts';

/** The oracle: scan every route, keep the longest containing one (local wins a tie, else the first). */
function bruteForce(routes: NRoute[], ip: number): NRoute | null {
  let best: NRoute | null = null;
  for (const r of routes) {
    if (!contains(r.destination, ip)) continue;
    if (!best || r.destination.prefix > best.destination.prefix || (r.destination.prefix === best.destination.prefix && r.target.kind === 'local' && best.target.kind !== 'local')) best = r;
  }
  return best;
}

const arbRoutes = fc.array(
  fc.record({ ip: fc.integer({ min: 0, max: 0xffffffff }), prefix: fc.integer({ min: 0, max: 32 }), local: fc.boolean() }),
  { maxLength: 30 },
).map((rs) => {
  const seen = new Set<string>();
  return rs.flatMap((r, i): NRoute[] => {
    const destination = cidrOf(r.ip, r.prefix);
    const key = formatCidr(destination);
    if (seen.has(key)) return []; // AWS allows one route per destination
    seen.add(key);
    return [{ destination, target: r.local ? { kind: 'local' } : { kind: 'internet-gateway', id: `igw-${i}` }, blackhole: false, route: {}, implicit: false, prefixListId: null, path: `$.r[${i}]` }];
  });
});

describe('longest-prefix match', () => {
  it('agrees with a brute-force oracle', () => {
    fc.assert(fc.property(arbRoutes, fc.array(fc.integer({ min: 0, max: 0xffffffff }), { minLength: 1, maxLength: 20 }), (routes, ips) => {
      const sorted = [...routes];
      sortRoutes(sorted);
      const table: NRouteTable = { id: 'rtb-1', vpcId: 'vpc-1', routes: sorted, doc: null, path: '$' };
      for (const ip of ips) {
        // Probe addresses inside routes too, where the interesting matches are.
        for (const probe of [ip, ...routes.map((r) => (r.destination.base + (ip % 2 ** (32 - r.destination.prefix))) >>> 0)]) {
          expect(longestPrefixMatch(table, probe)).toBe(bruteForce(routes, probe));
        }
      }
    }), { seed: 11, numRuns: 300 });
  });
});

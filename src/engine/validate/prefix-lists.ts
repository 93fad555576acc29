/**
 * Security group rules that name a managed prefix list (`PrefixListIds`), and routes to one
 * (`DestinationPrefixListId`: a gateway endpoint's route, or a customer-managed list). The simulator knows a
 * prefix list's CIDRs only from the snapshot's top-level "PrefixLists" key, whose entries carry
 * them as `Cidrs` (as `aws ec2 describe-prefix-lists` prints them; describe-managed-prefix-lists
 * prints the same key without them). A rule naming a list whose CIDRs are unknown matches no
 * address in the simulator (model/compile.ts resolves it to no block): AWS tolerates it, so a
 * warning, like SG_GROUP_REFERENCE_MISSING for a group the snapshot lacks. A route to such a list
 * routes no address (model/compile-routing.ts): also a warning, as AWS holds the route.
 */
import type { Ctx } from './context.ts';
import { clip, items, str } from './read.ts';
import { routeLabel } from './routes.ts';

/** The ids of the prefix lists whose CIDRs the document holds, and of those it lists without them. */
function prefixListsOf(doc: Record<string, unknown>): { withCidrs: Set<string>; listed: Set<string> } {
  const withCidrs = new Set<string>();
  const listed = new Set<string>();
  for (const [pl] of items(doc.PrefixLists)) {
    const id = str(pl.PrefixListId);
    if (id === undefined) continue;
    listed.add(id);
    if (Array.isArray(pl.Cidrs)) withCidrs.add(id);
  }
  return { withCidrs, listed };
}

/** One SG_PREFIX_LIST_MISSING per rule source that names a prefix list with unknown CIDRs. */
export function checkPrefixListReferences(ctx: Ctx): void {
  let known: ReturnType<typeof prefixListsOf> | null = null;
  for (const sg of ctx.securityGroups.all) {
    for (const key of ['IpPermissions', 'IpPermissionsEgress'] as const) {
      const dir = key === 'IpPermissions' ? 'inbound' : 'outbound';
      for (const [p, k] of items(sg.r[key])) {
        for (const [ref, m] of items(p.PrefixListIds)) {
          const id = str(ref.PrefixListId);
          if (id === undefined) continue;
          known ??= prefixListsOf(ctx.doc); // most documents name no prefix list: read them only when one does
          if (known.withCidrs.has(id)) continue;
          const where = known.listed.has(id) ? 'which the snapshot lists without its CIDRs (no "Cidrs")' : 'which is not in the snapshot';
          ctx.report('SG_PREFIX_LIST_MISSING', [...sg.path, key, k, 'PrefixListIds', m, 'PrefixListId'],
            `${sg.label} ${dir} rule ${k + 1} references prefix list ${clip(id)}, ${where}: the rule matches nothing in the simulator because the prefix list's CIDRs are unknown (add the list, with its "Cidrs", under "PrefixLists").`);
        }
      }
    }
  }
}

/** One ROUTE_PREFIX_LIST_MISSING per route to a prefix list with unknown CIDRs. */
export function checkRoutePrefixLists(ctx: Ctx): void {
  let known: ReturnType<typeof prefixListsOf> | null = null;
  for (const rt of ctx.routeTables.all) {
    for (const [route, j] of items(rt.r.Routes)) {
      const id = str(route.DestinationPrefixListId);
      if (id === undefined || str(route.DestinationCidrBlock) !== undefined) continue;
      known ??= prefixListsOf(ctx.doc);
      if (known.withCidrs.has(id)) continue;
      const where = known.listed.has(id) ? 'which the snapshot lists without its CIDRs (no "Cidrs")' : 'which is not in the snapshot';
      ctx.report('ROUTE_PREFIX_LIST_MISSING', [...rt.path, 'Routes', j, 'DestinationPrefixListId'],
        `${routeLabel(rt, route, j)} names prefix list ${clip(id)}, ${where}: the route sends no traffic in the simulator because the list's CIDRs are unknown (add the list, with its "Cidrs" as \`aws ec2 describe-prefix-lists\` prints them, under "PrefixLists").`);
    }
  }
}

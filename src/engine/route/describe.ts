import { formatCidr } from '../ip/index.ts';
import type { NRoute } from '../model/network.ts';

/**
 * A matched route's destination as a learner reads it: the CIDR, or for a route to a prefix
 * list, the list and the entry of it that matched ("pl-63a5400a (52.216.0.0/15)").
 */
export function routeDestinationText(r: NRoute): string {
  return r.prefixListId === null ? formatCidr(r.destination) : `${r.prefixListId} (${formatCidr(r.destination)})`;
}

/** A route's destination as the route table holds it: the CIDR or the prefix list id. */
export function routeDestinationName(r: NRoute): string {
  return r.prefixListId ?? formatCidr(r.destination);
}

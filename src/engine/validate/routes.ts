import { formatCidr } from '../ip/index.ts';
import type { Ctx, Entry } from './context.ts';
import { checkCidrText } from './cidr-text.ts';
import { type Obj, type Path, clip, items, str } from './read.ts';
import { checkRouteTarget } from './route-targets.ts';
import { localCheck } from './local.ts';

/** A route's single target, checked against the rest of the document (rel: the route's path below its table). */
interface TargetCheck {
  route: Obj;
  j: number;
  rel: Path;
  field: string;
}

/** The fields that name a route's target. An instance route prints InstanceId and NetworkInterfaceId together: one target. */
export const TARGET_FIELDS = [
  'GatewayId', 'NatGatewayId', 'VpcPeeringConnectionId', 'TransitGatewayId', 'NetworkInterfaceId', 'InstanceId',
  'EgressOnlyInternetGatewayId', 'LocalGatewayId', 'CarrierGatewayId', 'CoreNetworkArn',
] as const;

/** A route as sentences name it: "Route table rtb-1 ("public") route to 0.0.0.0/0". */
export function routeLabel(rt: Entry, route: Obj, j: number): string {
  const dest = str(route.DestinationCidrBlock) ?? str(route.DestinationIpv6CidrBlock) ?? str(route.DestinationPrefixListId);
  return `${rt.label} route ${dest !== undefined ? `to ${clip(dest)}` : `${j + 1}`}`;
}

/** The target fields a route fills, InstanceId folded into NetworkInterfaceId. */
export function targetsOf(route: Obj): string[] {
  const set = TARGET_FIELDS.filter((f) => typeof route[f] === 'string' && route[f] !== '');
  return set.includes('NetworkInterfaceId') ? set.filter((f) => f !== 'InstanceId') : set;
}

/** The key under which two routes are "the same destination". */
function destinationKey(ctx: Ctx, rt: Entry, route: Obj, path: Path): string | undefined {
  const v4 = str(route.DestinationCidrBlock);
  if (v4 !== undefined) {
    const c = checkCidrText(ctx, [...path, 'DestinationCidrBlock'], `${rt.label} route destination`, v4, '10.0.0.0/16');
    return c ? `4:${formatCidr(c)}` : `4:${v4}`;
  }
  const v6 = str(route.DestinationIpv6CidrBlock);
  if (v6 !== undefined) return `6:${v6.toLowerCase()}`;
  const pl = str(route.DestinationPrefixListId);
  return pl !== undefined ? `pl:${pl}` : undefined;
}

function checkTable(ctx: Ctx, rt: Entry, targetChecks: TargetCheck[]): void {
  const seen = new Map<string, string>();
  for (const [route, j] of items(rt.r.Routes)) {
    const path = [...rt.path, 'Routes', j];
    const label = routeLabel(rt, route, j);
    const key = destinationKey(ctx, rt, route, path);
    if (key === undefined) {
      ctx.report('ROUTE_NO_DESTINATION', path, `${label} has no destination: add "DestinationCidrBlock", such as "0.0.0.0/0".`);
    } else if (route.Origin !== 'EnableVgwRoutePropagation') {
      // Propagated VPN routes may repeat a static destination (the static one wins); others may not.
      const prev = seen.get(key);
      const destField = route.DestinationCidrBlock !== undefined ? 'DestinationCidrBlock' : route.DestinationIpv6CidrBlock !== undefined ? 'DestinationIpv6CidrBlock' : 'DestinationPrefixListId';
      if (prev) ctx.report('ROUTE_DUPLICATE_DESTINATION', [...path, destField], `${label} repeats the destination of its ${prev}: a route table holds one route per destination, so remove or change one of them.`);
      else seen.set(key, `route ${j + 1}`);
    }
    const targets = targetsOf(route);
    if (targets.length === 0) {
      ctx.report('ROUTE_NO_TARGET', path, `${label} has no target: add one, such as "GatewayId": "local" or an "igw-", "nat-" or "pcx-" id.`);
    } else if (targets.length > 1) {
      ctx.report('ROUTE_MULTIPLE_TARGETS', [...path, targets[1]], `${label} has ${targets.length} targets (${targets.join(', ')}): a route has exactly one target, so keep one.`);
    } else {
      targetChecks.push({ route, j, rel: ['Routes', j], field: targets[0] });
    }
  }
}

/** Every route: a destination, one target, no repeated destination; target warnings in route-targets.ts. */
export function checkRoutes(ctx: Ctx): void {
  for (const rt of ctx.routeTables.all) {
    let targetChecks: TargetCheck[] = [];
    try {
      targetChecks = localCheck(ctx, 'routeTable', rt, (c) => {
        const out: TargetCheck[] = (targetChecks = []);
        checkTable(c, rt, out);
        return out;
      });
    } finally {
      // Targets depend on the gateways and peerings of the document: looked up on every run.
      for (const t of targetChecks) checkRouteTarget(ctx, rt, t.route, [...rt.path, ...t.rel], routeLabel(rt, t.route, t.j), t.field);
    }
  }
}

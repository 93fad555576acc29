/**
 * Routes into a VPC's own address range ("middlebox routing"). AWS accepts two kinds:
 * - the local route of a VPC CIDR with its target replaced
 *   (https://docs.aws.amazon.com/vpc/latest/userguide/replace-local-route-target.html);
 * - a route more specific than the local route, which "must match the entire IPv4 CIDR block of
 *   a subnet in your VPC" and whose "target must be a NAT gateway, network interface, or Gateway
 *   Load Balancer endpoint" (https://docs.aws.amazon.com/vpc/latest/userguide/subnet-route-tables.html).
 * Anything else inside a VPC CIDR is refused by AWS: an error. A destination that overlaps no
 * subnet the snapshot holds may be the block of a subnet the export lacks: a warning, as for
 * every reference to a resource the snapshot does not hold (contracts/trace-cli.md §1).
 * Conversely, a route with the local target outside every block of its VPC (a block that was
 * disassociated) is one AWS never has: an error (ROUTE_LOCAL_NOT_VPC_CIDR).
 */
import { type Cidr, containsCidr, formatCidr, overlaps, sameCidr, tryParseCidr } from '../ip/index.ts';
import type { Ctx, Entry, SubnetEntry } from './context.ts';
import { mid } from './names.ts';
import { clip, items, type Obj, objOf, type Path, str } from './read.ts';
import { routeLabel, targetsOf } from './routes.ts';

/** The smallest subnet AWS creates: a route to a longer prefix can be no subnet's block. */
const SMALLEST_SUBNET_PREFIX = 28;

const WHAT_IS_ALLOWED = 'a NAT gateway, a network interface or a Gateway Load Balancer endpoint';

/** The targets AWS accepts for a route inside the VPC's range: NAT gateway, interface (or instance), GWLB endpoint (vpce-). */
function allowedTarget(field: string, id: string): boolean {
  return field === 'NatGatewayId' || field === 'NetworkInterfaceId' || field === 'InstanceId' || (field === 'GatewayId' && id.startsWith('vpce-'));
}

/** The target as a sentence names it: "peering connection pcx-1", "the local target". */
function targetText(field: string, id: string): string {
  if (field === 'GatewayId' && id === 'local') return 'the local target';
  const byField: Record<string, string> = {
    VpcPeeringConnectionId: 'peering connection', TransitGatewayId: 'transit gateway', EgressOnlyInternetGatewayId: 'egress-only internet gateway',
    LocalGatewayId: 'local gateway', CarrierGatewayId: 'carrier gateway', CoreNetworkArn: 'Cloud WAN core network',
  };
  const noun = byField[field] ?? (id.startsWith('igw-') ? 'internet gateway' : id.startsWith('vgw-') ? 'virtual private gateway' : 'gateway');
  return `${noun} ${clip(id)}`;
}

function checkRoute(ctx: Ctx, rt: Entry, vpcId: string, vpcCidrs: readonly Cidr[], leaving: readonly Cidr[], subnets: readonly SubnetEntry[], route: Obj, j: number): void {
  // Propagated (VPN) routes are not configuration AWS accepts or refuses; the local route wins over them.
  if (route.Origin === 'EnableVgwRoutePropagation') return;
  const text = str(route.DestinationCidrBlock);
  const parsed = text === undefined ? null : tryParseCidr(text);
  if (!parsed?.ok) return; // no IPv4 destination, or a malformed one (CIDR_MALFORMED / CIDR_HOST_BITS say so)
  const dest = parsed.value;
  const targets = targetsOf(route);
  if (targets.length !== 1) return; // ROUTE_NO_TARGET / ROUTE_MULTIPLE_TARGETS
  const field = targets[0];
  const id = route[field] as string;
  const path: Path = [...rt.path, 'Routes', j];
  const label = routeLabel(rt, route, j);
  const block = vpcCidrs.find((c) => containsCidr(c, dest));
  if (!block) {
    // Outside the VPC (or around it): the local route wins for the VPC's own addresses. But a
    // route with the local target exists only for a block of the VPC: AWS adds one per
    // associated CIDR block and removes it when the block is disassociated
    // (https://docs.aws.amazon.com/vpc/latest/userguide/RouteTables.html#route-table-routes,
    // "Local route"). A block still "disassociating" may keep its route for a moment.
    if (field === 'GatewayId' && id === 'local' && !leaving.some((c) => sameCidr(c, dest))) {
      const blocks = vpcCidrs.map(formatCidr).join(', ');
      ctx.report('ROUTE_LOCAL_NOT_VPC_CIDR', [...path, 'DestinationCidrBlock'], `${label} is a local route, but ${formatCidr(dest)} is not a CIDR block of ${clip(vpcId)} (${blocks}): AWS has a local route only for each block associated with the VPC, and removes it when the block is disassociated, so no traffic can be delivered locally there. Delete this route, or associate ${formatCidr(dest)} with the VPC again.`);
    }
    return;
  }
  if (sameCidr(block, dest)) {
    if (id === 'local' || allowedTarget(field, id)) return;
    ctx.report('ROUTE_LOCAL_TARGET_NOT_ALLOWED', [...path, field], `${label} replaces the local route of ${clip(vpcId)} with ${targetText(field, id)}, which AWS refuses: the target of a local route can only be replaced by ${WHAT_IS_ALLOWED}, or restored to local.`);
    return;
  }
  const local = formatCidr(block);
  if (!allowedTarget(field, id)) {
    ctx.report('ROUTE_MORE_SPECIFIC_THAN_LOCAL', [...path, field], `${label} is more specific than the local route ${local} of ${clip(vpcId)} and goes to ${targetText(field, id)}, which AWS refuses: a route inside the VPC's own range must go to ${WHAT_IS_ALLOWED}, and its destination must be a subnet's CIDR.`);
    return;
  }
  if (subnets.some((s) => s.cidr && sameCidr(s.cidr, dest))) return;
  const at = [...path, 'DestinationCidrBlock'];
  const overlapped = subnets.find((s) => s.cidr && overlaps(s.cidr, dest));
  if (overlapped || dest.prefix > SMALLEST_SUBNET_PREFIX) {
    // Subnets do not overlap and are /28 at the smallest: no subnet, held or not, has this block.
    const why = overlapped ? `it overlaps ${mid(overlapped.label)} (${formatCidr(overlapped.cidr!)}) without being its CIDR` : `no subnet is smaller than /${SMALLEST_SUBNET_PREFIX}`;
    ctx.report('ROUTE_MORE_SPECIFIC_THAN_LOCAL', at, `${label} is more specific than the local route ${local} of ${clip(vpcId)}, but AWS accepts such a route only to the exact CIDR of a subnet of the VPC, and ${why}: use a subnet's CIDR as the destination.`);
    return;
  }
  ctx.report('ROUTE_MORE_SPECIFIC_SUBNET_MISSING', at, `${label} is more specific than the local route ${local} of ${clip(vpcId)}, which AWS accepts only for the CIDR of a subnet of the VPC, and the snapshot holds no subnet ${formatCidr(dest)}: if that subnet exists, add its export; if not, AWS would refuse the route.`);
}

/** The VPC's blocks in the "disassociating" state: on their way out, their local routes not yet removed. */
function disassociating(vpc: Obj): Cidr[] {
  const out: Cidr[] = [];
  for (const [a] of items(vpc.CidrBlockAssociationSet)) {
    const text = str(a.CidrBlock);
    const c = text === undefined ? null : tryParseCidr(text);
    if (c?.ok && objOf(a.CidrBlockState)?.State === 'disassociating') out.push(c.value);
  }
  return out;
}

/** Every route whose destination lies inside a CIDR of its table's VPC, and every local route. */
export function checkMiddleboxRoutes(ctx: Ctx): void {
  const subnetsOf = new Map<string, SubnetEntry[]>();
  for (const s of ctx.subnets.all) {
    if (s.vpcId === undefined) continue;
    const list = subnetsOf.get(s.vpcId);
    if (list) list.push(s);
    else subnetsOf.set(s.vpcId, [s]);
  }
  for (const rt of ctx.routeTables.all) {
    const vpcId = str(rt.r.VpcId);
    const vpc = vpcId === undefined ? undefined : ctx.vpcs.byId.get(vpcId);
    const cidrs = vpc?.cidrs;
    if (vpcId === undefined || !vpc || !cidrs || cidrs.length === 0) continue; // UNKNOWN_VPC / VPC_CIDR_MISSING
    const subnets = subnetsOf.get(vpcId) ?? [];
    const leaving = disassociating(vpc.r);
    for (const [route, j] of items(rt.r.Routes)) checkRoute(ctx, rt, vpcId, cidrs, leaving, subnets, route, j);
  }
}

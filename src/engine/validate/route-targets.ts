import type { Ctx, Entry } from './context.ts';
import { clip, items, type Obj, objOf, type Path, str } from './read.ts';

/** Target kinds the simulator does not model, by id prefix or field. */
const UNSIMULATED: ReadonlyArray<[string, string]> = [
  ['tgw-', 'transit gateway'], ['vgw-', 'virtual private gateway'], ['vpce-', 'VPC endpoint'], ['eni-', 'network interface'],
  ['i-', 'instance'], ['lgw-', 'local gateway'], ['cagw-', 'carrier gateway'], ['eigw-', 'egress-only internet gateway'],
  ['arn:', 'Cloud WAN core network'],
];

function kindOf(id: string): string {
  return UNSIMULATED.find(([p]) => id.startsWith(p))?.[1] ?? 'gateway';
}

/** IGW attachment states in which it carries traffic. */
const ATTACHED = new Set(['available', 'attached']);

function attachedVpcs(igw: Obj): string[] {
  return items(igw.Attachments).flatMap(([a]) => {
    const vpc = str(a.VpcId);
    return vpc !== undefined && (a.State === undefined || (typeof a.State === 'string' && ATTACHED.has(a.State))) ? [vpc] : [];
  });
}

function missing(ctx: Ctx, at: Path, label: string, what: string, id: string): void {
  ctx.report('ROUTE_TARGET_MISSING', at, `${label} goes to ${what} ${clip(id)}, which is not in the snapshot: traffic that matches it is dropped as by a blackhole route (add the ${what} or delete the route).`);
}

function checkIgw(ctx: Ctx, rt: Entry, at: Path, label: string, id: string): boolean {
  const igw = ctx.internetGateways.byId.get(id);
  if (!igw) {
    missing(ctx, at, label, 'internet gateway', id);
    return true;
  }
  const vpcId = str(rt.r.VpcId);
  const vpcs = attachedVpcs(igw.r);
  if (vpcId === undefined || vpcs.includes(vpcId)) return false;
  const where = vpcs.length > 0 ? `attached to ${clip(vpcs[0])}, not to ${clip(vpcId)}` : 'not attached to any VPC';
  ctx.report('ROUTE_IGW_NOT_ATTACHED', at, `${label} goes to internet gateway ${clip(id)}, which is ${where}: traffic that matches it is dropped until you attach the gateway to ${clip(vpcId)}.`);
  return true;
}

function checkNat(ctx: Ctx, at: Path, label: string, id: string): boolean {
  const nat = ctx.natGateways.byId.get(id);
  if (!nat) {
    missing(ctx, at, label, 'NAT gateway', id);
    return true;
  }
  const state = str(nat.r.State);
  if (state === undefined || state === 'available') return false;
  ctx.report('ROUTE_NAT_NOT_AVAILABLE', at, `${label} goes to NAT gateway ${clip(id)}, which is ${JSON.stringify(clip(state))}, not "available": traffic that matches it is dropped, so point the route at an available NAT gateway.`);
  return true;
}

function checkPeering(ctx: Ctx, rt: Entry, at: Path, label: string, id: string): boolean {
  const pcx = ctx.peerings.byId.get(id);
  if (!pcx) {
    missing(ctx, at, label, 'peering connection', id);
    return true;
  }
  const sides = [pcx.r.RequesterVpcInfo, pcx.r.AccepterVpcInfo].map((s) => str(objOf(s)?.VpcId));
  const vpcId = str(rt.r.VpcId);
  if (vpcId !== undefined && sides[0] !== undefined && sides[1] !== undefined && !sides.includes(vpcId)) {
    ctx.report('ROUTE_PEERING_WRONG_VPC', at, `${label} goes to peering connection ${clip(id)}, which connects ${clip(sides[0])} and ${clip(sides[1])}, not ${clip(vpcId)}: use a peering connection of this VPC.`);
    return true;
  }
  const code = str(objOf(pcx.r.Status)?.Code);
  if (code === undefined || code === 'active') return false;
  ctx.report('ROUTE_PEERING_NOT_ACTIVE', at, `${label} goes to peering connection ${clip(id)}, which is ${JSON.stringify(code)}, not "active": it carries no traffic until the peering is accepted and active.`);
  return true;
}

function notSimulated(ctx: Ctx, at: Path, label: string, field: string, id: string): boolean {
  const what = field === 'CoreNetworkArn' ? 'Cloud WAN core network' : kindOf(id);
  ctx.report('ROUTE_TARGET_NOT_SIMULATED', at, `${label} goes to ${what} ${clip(id)}, which the simulator does not model: traffic that matches it stops there.`);
  return true;
}

/**
 * Warnings about a route's single target: absent (blackhole, as AWS marks a route whose target
 * was deleted), not usable (peering not active, NAT not available, IGW elsewhere), or of a
 * kind the simulator does not model. A blackhole route with none of these still gets a word.
 */
export function checkRouteTarget(ctx: Ctx, rt: Entry, route: Obj, path: Path, label: string, field: string): void {
  const id = route[field] as string;
  const at = [...path, field];
  const told = field === 'GatewayId' && id === 'local' ? false // the VPC itself
    : field === 'GatewayId' && id.startsWith('igw-') ? checkIgw(ctx, rt, at, label, id)
    : field === 'NatGatewayId' ? checkNat(ctx, at, label, id)
    : field === 'VpcPeeringConnectionId' ? checkPeering(ctx, rt, at, label, id)
    : notSimulated(ctx, at, label, field, id);
  if (!told && route.State === 'blackhole') {
    ctx.report('ROUTE_BLACKHOLE', [...path, 'State'], `${label} is in the blackhole state: traffic that matches it is dropped until its target exists again.`);
  }
}

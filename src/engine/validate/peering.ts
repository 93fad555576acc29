import { type Cidr, formatCidr, overlaps, tryParseCidr } from '../ip/index.ts';
import type { Ctx, Entry } from './context.ts';
import { clip, items, type Obj, objOf, str } from './read.ts';

/** States in which a peering exists or is being set up: AWS refuses to create these between overlapping VPCs. */
const LIVE = new Set(['initiating-request', 'pending-acceptance', 'provisioning', 'active']);

interface Side {
  field: 'RequesterVpcInfo' | 'AccepterVpcInfo';
  vpcId: string | undefined;
  cidrs: Cidr[];
}

function parsed(text: unknown): Cidr[] {
  const r = typeof text === 'string' ? tryParseCidr(text) : null;
  return r?.ok ? [r.value] : [];
}

/** A side's VPC and its blocks: from Vpcs when the snapshot holds it, else as the peering recorded them. */
function sideOf(ctx: Ctx, p: Obj, field: Side['field']): Side {
  const info = objOf(p[field]);
  const vpcId = str(info?.VpcId);
  const vpc = vpcId === undefined ? undefined : ctx.vpcs.byId.get(vpcId);
  if (vpc) return { field, vpcId, cidrs: vpc.cidrs };
  const cidrs = [...parsed(info?.CidrBlock), ...items(info?.CidrBlockSet).flatMap(([c]) => parsed(c.CidrBlock))];
  return { field, vpcId, cidrs: cidrs.filter((c, i) => cidrs.findIndex((d) => d.base === c.base && d.prefix === c.prefix) === i) };
}

function firstOverlap(a: Side, b: Side): [Cidr, Cidr] | null {
  for (const x of a.cidrs) for (const y of b.cidrs) if (overlaps(x, y)) return [x, y];
  return null;
}

function checkOverlap(ctx: Ctx, pcx: Entry, code: string | undefined, req: Side, acc: Side): void {
  const clash = firstOverlap(req, acc);
  if (!clash || req.vpcId === undefined || acc.vpcId === undefined) return;
  const at = [...pcx.path, 'AccepterVpcInfo', 'VpcId'];
  const pair = req.vpcId === acc.vpcId ? `connects VPC ${clip(req.vpcId)} with itself` : `connects ${clip(req.vpcId)} (${formatCidr(clash[0])}) and ${clip(acc.vpcId)} (${formatCidr(clash[1])}), whose CIDR blocks overlap`;
  if (code === undefined || LIVE.has(code)) {
    ctx.report('PEERING_CIDR_OVERLAP', at, `${pcx.label} ${pair}, which AWS refuses: peer VPCs whose blocks are all disjoint, or re-address one of them.`);
  } else {
    // AWS itself moves such a request to "failed"; exports keep it, and it carries no traffic.
    ctx.report('INACTIVE_PEERING_CIDR_OVERLAP', at, `${pcx.label} ${pair}; it is ${JSON.stringify(code)} and carries no traffic, but it could never become active.`);
  }
}

/**
 * Peering connections: no overlap between the two VPCs (every associated block counts), one live
 * peering per pair of VPCs, and a warning for VPCs a live peering names that the snapshot does not hold.
 */
export function checkPeerings(ctx: Ctx): void {
  const livePairs = new Map<string, Entry>();
  for (const pcx of ctx.peerings.all) {
    const code = str(objOf(pcx.r.Status)?.Code);
    const req = sideOf(ctx, pcx.r, 'RequesterVpcInfo');
    const acc = sideOf(ctx, pcx.r, 'AccepterVpcInfo');
    checkOverlap(ctx, pcx, code, req, acc);
    // An ended peering (deleted, rejected, expired, failed) stays listed for a while after its
    // VPCs are gone, in every multi-account export: nothing to warn about.
    const ended = code !== undefined && !LIVE.has(code);
    for (const side of ended ? [] : [req, acc]) {
      if (side.vpcId === undefined || ctx.vpcs.byId.has(side.vpcId)) continue;
      const role = side.field === 'RequesterVpcInfo' ? 'requester' : 'accepter';
      const effect = code === 'active' ? 'traffic across the peering stops at it (add that VPC\'s export to simulate it)'
        : `the peering is ${JSON.stringify(code ?? 'of unknown status')} and carries no traffic until it is active and that VPC is in the snapshot`;
      ctx.report('PEERING_VPC_NOT_IN_SNAPSHOT', [...pcx.path, side.field, 'VpcId'], `${pcx.label} names ${role} VPC ${clip(side.vpcId)}, which is not in the snapshot: ${effect}.`);
    }
    if (req.vpcId === undefined || acc.vpcId === undefined || (code !== undefined && !LIVE.has(code))) continue;
    const key = JSON.stringify([req.vpcId, acc.vpcId].sort());
    const prev = livePairs.get(key);
    if (prev) {
      ctx.report('PEERING_DUPLICATE', [...pcx.path, 'VpcPeeringConnectionId'], `${pcx.label} is a second peering between ${clip(req.vpcId)} and ${clip(acc.vpcId)}, which already have ${prev.id ?? 'one'}: AWS allows one peering per pair of VPCs, so delete one.`);
    } else livePairs.set(key, pcx);
  }
}

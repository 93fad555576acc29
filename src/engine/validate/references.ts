import type { Ctx, Entry } from './context.ts';
import { clip, str } from './read.ts';

function someVpcIds(ctx: Ctx): string {
  const ids = [...ctx.vpcs.byId.keys()].slice(0, 3).map((id) => clip(id));
  return ids.length < ctx.vpcs.byId.size ? `${ids.join(', ')}, ...` : ids.join(', ');
}

/**
 * UNKNOWN_VPC when a resource names a VPC the document lacks. Only when the document lists
 * VPCs at all: a lone SecurityGroups.json export is not wrong for lacking its VPC.
 */
export function unknownVpc(ctx: Ctx, e: Entry, vpcId: string): void {
  if (!ctx.hasVpcs) return;
  ctx.report('UNKNOWN_VPC', [...e.path, 'VpcId'], `${e.label} belongs to VPC ${clip(vpcId)}, which is not in the document: set VpcId to one of its VPCs (${someVpcIds(ctx)}) or add that VPC.`);
}

/** Route tables, network ACLs and security groups must belong to a VPC the document holds. */
export function checkVpcReferences(ctx: Ctx): void {
  for (const list of [ctx.routeTables.all, ctx.networkAcls.all, ctx.securityGroups.all]) {
    for (const e of list) {
      const vpcId = str(e.r.VpcId);
      if (vpcId !== undefined && !ctx.vpcs.byId.has(vpcId)) unknownVpc(ctx, e, vpcId);
    }
  }
}

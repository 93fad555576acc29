import { type Cidr, containsCidr, formatCidr, last } from '../ip/index.ts';
import type { Ctx, SubnetEntry } from './context.ts';
import { mid } from './names.ts';
import { str } from './read.ts';
import { checkNetworkBlock } from './vpcs.ts';
import { unknownVpc } from './references.ts';

function listCidrs(cidrs: readonly Cidr[]): string {
  const t = cidrs.map(formatCidr);
  return t.length === 1 ? `CIDR ${t[0]}` : `CIDR blocks ${t.slice(0, -1).join(', ')} and ${t[t.length - 1]}`;
}

function checkSubnet(ctx: Ctx, s: SubnetEntry): void {
  const text = str(s.r.CidrBlock);
  const cidr = text === undefined ? null : checkNetworkBlock(ctx, [...s.path, 'CidrBlock'], `${s.label} CIDR`, 'subnet', text);
  if (s.vpcId === undefined) return;
  const vpc = ctx.vpcs.byId.get(s.vpcId);
  if (!vpc) {
    unknownVpc(ctx, s, s.vpcId);
    return;
  }
  if (cidr && vpc.cidrs.length > 0 && !vpc.cidrs.some((v) => containsCidr(v, cidr))) {
    const inside = vpc.cidrs.length === 1 ? formatCidr(vpc.cidrs[0]) : 'one of them';
    ctx.report('SUBNET_OUTSIDE_VPC', [...s.path, 'CidrBlock'], `${s.label} CIDR ${text} is outside the ${listCidrs(vpc.cidrs)} of ${vpc.label}: choose a block inside ${inside}.`);
  }
}

/**
 * Overlapping subnets within each VPC, in O(n log n): sorted by first address, a subnet
 * overlaps an earlier one exactly when it starts before the furthest end seen so far.
 * The later of the two in the document is reported, naming the other.
 */
function checkOverlaps(ctx: Ctx): void {
  const byVpc = new Map<string, Array<SubnetEntry & { cidr: Cidr }>>();
  for (const s of ctx.subnets.byId.values()) {
    if (!s.cidr || s.vpcId === undefined || s.cidr.prefix < 16 || s.cidr.prefix > 28) continue;
    const list = byVpc.get(s.vpcId) ?? [];
    list.push(s as SubnetEntry & { cidr: Cidr });
    byVpc.set(s.vpcId, list);
  }
  for (const list of byVpc.values()) {
    list.sort((a, b) => a.cidr.base - b.cidr.base || a.cidr.prefix - b.cidr.prefix || (a.path[1] as number) - (b.path[1] as number));
    let cover = list[0];
    for (const s of list.slice(1)) {
      if (s.cidr.base <= last(cover.cidr)) {
        const [later, earlier] = (s.path[1] as number) > (cover.path[1] as number) ? [s, cover] : [cover, s];
        ctx.report('SUBNET_OVERLAP', [...later.path, 'CidrBlock'], `${later.label} CIDR ${formatCidr(later.cidr)} overlaps ${mid(earlier.label)} CIDR ${formatCidr(earlier.cidr)} in the same VPC: give each subnet of a VPC its own block.`);
      }
      if (last(s.cidr) > last(cover.cidr)) cover = s;
    }
  }
}

/** Subnet blocks: syntax, size, inside their VPC, no overlap; and the VPC they name exists. */
export function checkSubnets(ctx: Ctx): void {
  for (const s of ctx.subnets.all) checkSubnet(ctx, s);
  checkOverlaps(ctx);
}

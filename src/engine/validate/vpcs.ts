import { type Cidr, formatCidr, overlaps, parseCidr } from '../ip/index.ts';
import { type Ctx, type VpcEntry, isAssociated } from './context.ts';
import { checkCidrText, resized } from './cidr-text.ts';
import { items, objOf, type Path, str } from './read.ts';
import { localCheck } from './local.ts';

/** AWS refuses link-local space for a VPC (it hosts the metadata and DNS services). */
const LINK_LOCAL = parseCidr('169.254.0.0/16');

/** The default quota of IPv4 blocks per VPC (the primary plus four secondary ones). */
const MAX_VPC_CIDRS = 5;
/** IPv4 CIDR blocks per VPC can be raised to 50, no further. */
const HARD_MAX_VPC_CIDRS = 50;

/** Checks one VPC or subnet block: syntax, /16-/28 size. Returns it when usable. */
export function checkNetworkBlock(ctx: Ctx, path: Path, subject: string, what: 'VPC' | 'subnet', text: string): Cidr | null {
  const c = checkCidrText(ctx, path, subject, text, what === 'VPC' ? '10.0.0.0/16' : '10.0.1.0/24');
  if (!c) return null;
  // AWS allows /16 (65,536 addresses) to /28 (16 addresses) for VPC and subnet blocks alike.
  if (c.prefix < 16 || c.prefix > 28) {
    const hint = resized(c, c.prefix < 16 ? 16 : 28);
    ctx.report('CIDR_SIZE_OUT_OF_RANGE', path, `${subject} ${text} is a /${c.prefix}, but AWS allows ${what} blocks from /16 to /28 only: use a prefix length from 16 to 28, such as ${hint}.`);
    return null;
  }
  return c;
}

function checkVpc(ctx: Ctx, vpc: VpcEntry): void {
  const seen: Array<{ c: Cidr; text: string }> = [];
  const block = (path: Path, text: string) => {
    const c = checkNetworkBlock(ctx, path, `${vpc.label} CIDR`, 'VPC', text);
    if (!c) return;
    if (seen.some((s) => s.c.base === c.base && s.c.prefix === c.prefix)) return; // the primary, listed again
    if (overlaps(c, LINK_LOCAL)) {
      ctx.report('VPC_CIDR_LINK_LOCAL', path, `${vpc.label} CIDR ${text} lies in the link-local range 169.254.0.0/16, which AWS does not allow for a VPC: choose a private range such as 10.0.0.0/16.`);
    }
    const clash = seen.find((s) => overlaps(s.c, c));
    if (clash) {
      ctx.report('VPC_CIDR_OVERLAP', path, `${vpc.label} CIDR ${text} overlaps its other block ${clash.text}: a VPC's blocks must not overlap, so choose a separate range.`);
    }
    seen.push({ c, text: formatCidr(c) });
    if (seen.length === MAX_VPC_CIDRS + 1) {
      ctx.report('VPC_TOO_MANY_CIDRS', path, `${vpc.label} has more than ${MAX_VPC_CIDRS} IPv4 CIDR blocks, above the AWS default quota: AWS refuses it unless the account's quota was raised; disassociate ${text} or another block.`);
    }
    if (seen.length === HARD_MAX_VPC_CIDRS + 1) {
      ctx.report('VPC_CIDRS_HARD_LIMIT', path, `${vpc.label} has more than ${HARD_MAX_VPC_CIDRS} IPv4 CIDR blocks, more than AWS allows: disassociate ${text} or another block.`);
    }
  };
  const primary = str(vpc.r.CidrBlock);
  if (primary !== undefined) block([...vpc.path, 'CidrBlock'], primary);
  let associated = 0;
  for (const [a, j] of items(vpc.r.CidrBlockAssociationSet)) {
    const state = objOf(a.CidrBlockState)?.State;
    const text = str(a.CidrBlock);
    // A disassociated block no longer belongs to the VPC: AWS keeps listing it, we ignore it.
    if (!isAssociated(state) || text === undefined) continue;
    associated++;
    block([...vpc.path, 'CidrBlockAssociationSet', j, 'CidrBlock'], text);
  }
  if (vpc.r.CidrBlock === undefined && associated === 0) {
    ctx.report('VPC_CIDR_MISSING', [...vpc.path, 'CidrBlock'], `${vpc.label} has no IPv4 CIDR block: add "CidrBlock", such as "10.0.0.0/16".`);
  }
}

/** VPC blocks: syntax, size, link-local, overlap between a VPC's own blocks, the 5-block quota. */
export function checkVpcs(ctx: Ctx): void {
  for (const vpc of ctx.vpcs.all) localCheck(ctx, 'vpc', vpc, (c) => checkVpc(c, vpc));
}

/**
 * The console's "Edit CIDRs" list of a VPC and its Remove (DisassociateVpcCidrBlock). The refusals are putVpc's, so a
 * block removed here and one removed by editing describe-vpcs' JSON are judged alike: the primary block never goes,
 * nor a block a subnet lies in (InvalidCidrBlock.InUse); the block's local route leaves every route table of the VPC.
 */
import { containsCidr, formatCidr, sameCidr, tryParseCidr } from '../ip/index.ts';
import type { Snapshot } from '../model/schema.ts';
import { list } from './doc.ts';
import { fail, type EditResult } from './types.ts';
import { putVpc } from './vpc-cidrs.ts';

export interface VpcCidrRow {
  cidr: string;
  /** The block the VPC was created with (describe-vpcs' CidrBlock): AWS cannot disassociate it. */
  primary: boolean;
  /** The subnets inside the block: while there is one, AWS refuses to disassociate it. */
  subnets: string[];
}

/** A block counts while associated or on its way in, as describe-vpcs lists it. */
const live = (state: string | undefined) => state === undefined || state === 'associated' || state === 'associating';

/** The VPC's IPv4 blocks, the primary first, each with the subnets inside it. */
export function vpcCidrRows(doc: Snapshot, vpcId: string): VpcCidrRow[] {
  const vpc = list(doc, 'Vpcs').find((v) => v.VpcId === vpcId);
  if (!vpc) return [];
  const texts = [vpc.CidrBlock, ...(vpc.CidrBlockAssociationSet ?? []).filter((a) => live(a.CidrBlockState?.State)).map((a) => a.CidrBlock)];
  const rows: VpcCidrRow[] = [];
  for (const text of texts) {
    const c = typeof text === 'string' ? tryParseCidr(text) : null;
    if (!c?.ok || rows.some((r) => r.cidr === formatCidr(c.value))) continue;
    const subnets = list(doc, 'Subnets').filter((s) => {
      const sc = s.VpcId === vpcId && typeof s.CidrBlock === 'string' ? tryParseCidr(s.CidrBlock) : null;
      return !!sc?.ok && containsCidr(c.value, sc.value);
    });
    rows.push({ cidr: formatCidr(c.value), primary: text === vpc.CidrBlock, subnets: subnets.map((s) => s.SubnetId) });
  }
  return rows;
}

/** DisassociateVpcCidrBlock, named by the block rather than its association id. */
export function disassociateVpcCidrBlock(doc: Snapshot, a: { vpcId: string; cidr: string }): EditResult {
  const vpc = list(doc, 'Vpcs').find((v) => v.VpcId === a.vpcId);
  if (!vpc) return fail(doc, `InvalidVpcID.NotFound: The vpc ID '${a.vpcId}' does not exist.`);
  const c = tryParseCidr(a.cidr.trim());
  if (!c.ok) return fail(doc, `InvalidParameterValue: ${a.cidr} is not a CIDR block (${c.error}).`);
  const is = (text: unknown) => {
    const x = typeof text === 'string' ? tryParseCidr(text) : null;
    return !!x?.ok && sameCidr(x.value, c.value);
  };
  const block = formatCidr(c.value);
  if (is(vpc.CidrBlock)) {
    return fail(doc, `OperationNotPermitted: ${block} is the primary CIDR block of ${a.vpcId}, the one it was created with: AWS cannot disassociate it. Only secondary blocks can be removed.`);
  }
  const set = vpc.CidrBlockAssociationSet ?? [];
  if (!set.some((x) => is(x.CidrBlock) && live(x.CidrBlockState?.State))) {
    return fail(doc, `InvalidVpcCidrBlockAssociationID.NotFound: ${block} is not associated with ${a.vpcId}.`);
  }
  return putVpc(doc, { vpc: { ...vpc, CidrBlockAssociationSet: set.filter((x) => !is(x.CidrBlock)) } });
}

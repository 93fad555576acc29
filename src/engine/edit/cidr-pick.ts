/** CIDR checks and suggestions for the create dialogs: the next free block, AWS's size rules. */
import { type Cidr, cidrOf, contains, formatCidr, formatIpv4, overlaps, size, tryParseCidr } from '../ip/index.ts';
import type { Snapshot } from '../model/schema.ts';
import { list } from './doc.ts';

/** Parses a VPC or subnet block and applies AWS's rules (/16 to /28, canonical, not link-local). */
export function checkBlock(text: string, what: 'VPC' | 'subnet'): { ok: true; cidr: Cidr } | { ok: false; error: string } {
  const p = tryParseCidr(text.trim());
  if (!p.ok) return { ok: false, error: `InvalidParameterValue: ${text} is not a valid CIDR block (${p.error}).` };
  const c = p.value;
  if (c.prefix < 16 || c.prefix > 28) return { ok: false, error: `InvalidParameterValue: a ${what} CIDR block must be between /16 and /28 (got /${c.prefix}).` };
  // AWS refuses 169.254.0.0/16 for a VPC: it holds the metadata and DNS link-local addresses.
  if (overlaps(c, cidrOf(0xa9fe0000, 16))) return { ok: false, error: 'InvalidVpc.Range: 169.254.0.0/16 is reserved by AWS and cannot be used.' };
  return { ok: true, cidr: c };
}

export function vpcCidrs(doc: Snapshot, vpcId?: string): Cidr[] {
  const out: Cidr[] = [];
  for (const v of list(doc, 'Vpcs')) {
    if (vpcId && v.VpcId !== vpcId) continue;
    // A block disassociated (or failing to associate) is no longer the VPC's, as in describe-vpcs.
    const associated = (v.CidrBlockAssociationSet ?? []).filter((a) => {
      const st = a.CidrBlockState?.State;
      return st === undefined || st === 'associated' || st === 'associating';
    });
    for (const t of [v.CidrBlock, ...associated.map((a) => a.CidrBlock)]) {
      const c = t ? tryParseCidr(t) : null;
      if (c?.ok && !out.some((x) => x.base === c.value.base && x.prefix === c.value.prefix)) out.push(c.value);
    }
  }
  return out;
}

/** A free 10.N.0.0/16 (the AWS console's default is 10.0.0.0/16), avoiding every VPC already defined. */
export function suggestVpcCidr(doc: Snapshot): string {
  const used = vpcCidrs(doc);
  for (let n = 0; n < 256; n++) {
    const c = cidrOf(((10 << 24) | (n << 16)) >>> 0, 16);
    if (!used.some((u) => overlaps(u, c))) return formatCidr(c);
  }
  return '172.16.0.0/16';
}

export function subnetCidrs(doc: Snapshot, vpcId: string): Cidr[] {
  return list(doc, 'Subnets')
    .filter((s) => s.VpcId === vpcId && s.CidrBlock)
    .map((s) => tryParseCidr(s.CidrBlock!))
    .flatMap((p) => (p.ok ? [p.value] : []));
}

/** The next free /24 (or smaller, for small VPCs) inside the VPC's blocks. */
export function suggestSubnetCidr(doc: Snapshot, vpcId: string): string | null {
  const used = subnetCidrs(doc, vpcId);
  for (const v of vpcCidrs(doc, vpcId)) {
    const prefix = Math.max(24, v.prefix);
    const step = size(cidrOf(0, prefix));
    for (let base: number = v.base; contains(v, base as never); base = (base + step) >>> 0) {
      const c = cidrOf(base, prefix);
      if (!used.some((u) => overlaps(u, c))) return formatCidr(c);
      if (base + step > 0xffffffff) break;
    }
  }
  return null;
}

/** The usable host addresses of a subnet: AWS reserves the first four and the last one. */
export function firstFreeHost(subnet: Cidr, taken: ReadonlySet<number>): string | null {
  const last = (subnet.base + size(subnet) - 1) >>> 0;
  for (let ip = subnet.base + 4; ip < last; ip++) if (!taken.has(ip)) return formatIpv4(ip);
  return null;
}

/** Whether an address is one of the subnet's five reserved ones. */
export function isReserved(subnet: Cidr, ip: number): boolean {
  const off = ip - subnet.base;
  return off < 4 || off === size(subnet) - 1;
}

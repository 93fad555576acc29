/** CreateSubnet: a block inside the VPC that overlaps no other subnet. */
import { containsCidr, formatCidr, overlaps, size } from '../ip/index.ts';
import type { Snapshot } from '../model/schema.ts';
import { checkBlock, subnetCidrs, vpcCidrs } from './cidr-pick.ts';
import { append, nameTags, vpcOf, vpcOwner, vpcRegion } from './doc.ts';
import { fail, type EditResult, type IdGenerator, ok } from './types.ts';

export interface CreateSubnetArgs {
  vpcId: string;
  cidr: string;
  name?: string;
  /** Zone letter or full name; defaults to the region's "a" zone. */
  availabilityZone?: string;
  /** MapPublicIpOnLaunch: instances launched here get a public IPv4. */
  mapPublicIp?: boolean;
}

const REGION_WORDS: Record<string, string> = { north: 'n', south: 's', east: 'e', west: 'w', central: 'c', northeast: 'ne', southeast: 'se', northwest: 'nw', southwest: 'sw' };

/** The zone id AWS prints beside a zone name: us-east-1a -> use1-az1 (the mapping varies per account in reality). */
export function azIdOf(az: string): string {
  const m = /^([a-z]{2})-([a-z]+)-(\d)([a-z])$/.exec(az);
  if (!m) return az;
  return `${m[1]}${REGION_WORDS[m[2]] ?? m[2][0]}${m[3]}-az${m[4].charCodeAt(0) - 96}`;
}

export function createSubnet(doc: Snapshot, args: CreateSubnetArgs, ids: IdGenerator): EditResult {
  const vpc = vpcOf(doc, args.vpcId);
  if (!vpc) return fail(doc, `InvalidVpcID.NotFound: The vpc ID '${args.vpcId}' does not exist.`);
  const block = checkBlock(args.cidr, 'subnet');
  if (!block.ok) return fail(doc, block.error);
  const c = block.cidr;
  if (!vpcCidrs(doc, args.vpcId).some((v) => containsCidr(v, c))) {
    return fail(doc, `InvalidSubnet.Range: The CIDR '${formatCidr(c)}' is invalid: it is not inside the VPC's CIDR blocks (${vpcCidrs(doc, args.vpcId).map(formatCidr).join(', ')}).`);
  }
  const clash = subnetCidrs(doc, args.vpcId).find((s) => overlaps(s, c));
  if (clash) return fail(doc, `InvalidSubnet.Conflict: The CIDR '${formatCidr(c)}' conflicts with another subnet (${formatCidr(clash)}).`);
  const region = vpcRegion(doc, args.vpcId);
  const zone = args.availabilityZone ?? 'a';
  const az = /^[a-z]$/.test(zone) ? `${region}${zone}` : zone;
  if (!az.startsWith(region)) return fail(doc, `InvalidParameterValue: ${az} is not an Availability Zone of the VPC's region ${region}.`);
  const owner = vpcOwner(doc, args.vpcId);
  const subnetId = ids.next('subnet');
  const next = append(doc, 'Subnets', {
    AvailabilityZone: az,
    AvailabilityZoneId: azIdOf(az),
    AvailableIpAddressCount: size(c) - 5,
    CidrBlock: formatCidr(c),
    DefaultForAz: false,
    MapPublicIpOnLaunch: args.mapPublicIp ?? false,
    State: 'available',
    SubnetId: subnetId,
    VpcId: args.vpcId,
    OwnerId: owner,
    SubnetArn: `arn:aws:ec2:${region}:${owner}:subnet/${subnetId}`,
    Tags: nameTags(args.name),
  });
  return ok(next, [subnetId]);
}

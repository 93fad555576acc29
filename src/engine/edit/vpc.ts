/** CreateVpc: the VPC plus what AWS creates with it (main route table, default NACL, default SG). */
import type { NetworkAclEntry, Snapshot } from '../model/schema.ts';
import { formatCidr, overlaps } from '../ip/index.ts';
import { checkBlock, vpcCidrs } from './cidr-pick.ts';
import { append, defaultAccount, defaultRegion, nameTags, playground, withPlayground } from './doc.ts';
import { fail, type EditResult, type IdGenerator, ok } from './types.ts';

export interface CreateVpcArgs {
  cidr: string;
  name?: string;
  /** Owner account; defaults to Playground.accountId. */
  ownerId?: string;
  /** Region; defaults to Playground.region. Recorded in Playground.regions. */
  region?: string;
}

/** AWS's default network ACL: rule 100 allows all, the `*` rule (32767) denies the rest, both ways. */
export function defaultAclEntries(): NetworkAclEntry[] {
  const e = (egress: boolean, n: number, action: 'allow' | 'deny'): NetworkAclEntry => ({ CidrBlock: '0.0.0.0/0', Egress: egress, Protocol: '-1', RuleAction: action, RuleNumber: n });
  return [e(true, 100, 'allow'), e(true, 32767, 'deny'), e(false, 100, 'allow'), e(false, 32767, 'deny')];
}

export function createVpc(doc: Snapshot, args: CreateVpcArgs, ids: IdGenerator): EditResult {
  const block = checkBlock(args.cidr, 'VPC');
  if (!block.ok) return fail(doc, block.error);
  const cidr = formatCidr(block.cidr);
  const owner = args.ownerId ?? defaultAccount(doc);
  const region = args.region ?? defaultRegion(doc);
  const vpcId = ids.next('vpc');
  const rtbId = ids.next('rtb');
  const aclId = ids.next('acl');
  const sgId = ids.next('sg');
  // AWS allows overlapping VPCs (they just cannot be peered); the dialog warns, the action does not refuse.
  let next = append(doc, 'Vpcs', {
    CidrBlock: cidr,
    DhcpOptionsId: 'dopt-default',
    State: 'available',
    VpcId: vpcId,
    OwnerId: owner,
    InstanceTenancy: 'default',
    CidrBlockAssociationSet: [{ AssociationId: ids.next('vpc-cidr-assoc'), CidrBlock: cidr, CidrBlockState: { State: 'associated' } }],
    IsDefault: false,
    Tags: nameTags(args.name),
  });
  next = append(next, 'RouteTables', {
    Associations: [{ Main: true, RouteTableAssociationId: ids.next('rtbassoc'), RouteTableId: rtbId, AssociationState: { State: 'associated' } }],
    PropagatingVgws: [],
    RouteTableId: rtbId,
    Routes: [{ DestinationCidrBlock: cidr, GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' }],
    Tags: [],
    VpcId: vpcId,
    OwnerId: owner,
  });
  next = append(next, 'NetworkAcls', { Associations: [], Entries: defaultAclEntries(), IsDefault: true, NetworkAclId: aclId, Tags: [], VpcId: vpcId, OwnerId: owner });
  next = append(next, 'SecurityGroups', {
    Description: 'default VPC security group',
    GroupName: 'default',
    IpPermissions: [{ IpProtocol: '-1', IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [{ GroupId: sgId, UserId: owner }] }],
    OwnerId: owner,
    GroupId: sgId,
    IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
    VpcId: vpcId,
  });
  next = withPlayground(next, { regions: { ...(playground(doc).regions ?? {}), [vpcId]: region } });
  return ok(next, [vpcId]);
}

/** True when the block overlaps a VPC already in the document (allowed, but such VPCs cannot peer). */
export function overlapsExistingVpc(doc: Snapshot, cidr: string): boolean {
  const b = checkBlock(cidr, 'VPC');
  return b.ok && vpcCidrs(doc).some((c) => overlaps(c, b.cidr));
}

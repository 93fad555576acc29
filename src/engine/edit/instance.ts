/** RunInstances: one t3.micro (Nitro) with its primary ENI, written to Reservations and NetworkInterfaces alike. */
import { type Cidr, contains, formatIpv4, tryParseCidr, tryParseIpv4 } from '../ip/index.ts';
import type { IpPermission, Snapshot } from '../model/schema.ts';
import { firstFreeHost, isReserved } from './cidr-pick.ts';
import { append, list, nameTags, vpcOwner, vpcRegion } from './doc.ts';
import { fail, type EditResult, type IdGenerator, ok } from './types.ts';

export interface CreateInstanceArgs {
  subnetId: string;
  name?: string;
  /** A free address of the subnet; defaults to the first one after the four reserved. */
  privateIp?: string;
  /** Auto-assign a public IPv4; defaults to the subnet's MapPublicIpOnLaunch. */
  publicIp?: boolean;
  /** Existing groups; when absent a launch-wizard group is created with `allow`. */
  groupIds?: string[];
  /** Inbound rules of the new launch-wizard group, as the EC2 console's checkboxes offer them. */
  allow?: { ssh?: boolean; icmpFrom?: string };
}

/** Every address in use in a subnet's VPC (private and public), to pick free ones deterministically. */
function takenAddresses(doc: Snapshot): { priv: Set<number>; pub: Set<number> } {
  const priv = new Set<number>();
  const pub = new Set<number>();
  for (const e of list(doc, 'NetworkInterfaces')) {
    for (const a of e.PrivateIpAddresses ?? [{ PrivateIpAddress: e.PrivateIpAddress ?? '' }]) {
      const p = tryParseIpv4(a.PrivateIpAddress);
      if (p.ok) priv.add(p.value);
    }
    const q = e.Association?.PublicIp ? tryParseIpv4(e.Association.PublicIp) : null;
    if (q?.ok) pub.add(q.value);
  }
  for (const a of list(doc, 'Addresses')) {
    const q = tryParseIpv4(a.PublicIp);
    if (q.ok) pub.add(q.value);
  }
  return { priv, pub };
}

/** A public address from a fixed pool (AWS draws one from its range; a fixed pool keeps the playground deterministic). */
export function nextPublicIp(doc: Snapshot): string {
  const { pub } = takenAddresses(doc);
  let ip = ((3 << 24) | (80 << 16) | 10) >>> 0; // 3.80.0.10, in AWS's us-east-1 space
  while (pub.has(ip)) ip++;
  return formatIpv4(ip);
}

const dnsName = (ip: string, region: string) => `ip-${ip.replaceAll('.', '-')}.${region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`}`;

export function createInstance(doc: Snapshot, args: CreateInstanceArgs, ids: IdGenerator): EditResult {
  const subnet = list(doc, 'Subnets').find((s) => s.SubnetId === args.subnetId);
  if (!subnet) return fail(doc, `InvalidSubnetID.NotFound: The subnet ID '${args.subnetId}' does not exist.`);
  const parsed = subnet.CidrBlock ? tryParseCidr(subnet.CidrBlock) : null;
  if (!parsed?.ok) return fail(doc, `The subnet ${args.subnetId} has no valid CIDR block.`);
  const block: Cidr = parsed.value;
  const taken = takenAddresses(doc);
  let ip: string | null;
  if (args.privateIp) {
    const p = tryParseIpv4(args.privateIp.trim());
    if (!p.ok) return fail(doc, `InvalidParameterValue: Value (${args.privateIp}) for parameter privateIpAddress is invalid: it is not an IPv4 address (four numbers 0-255 separated by dots, such as 10.0.1.20).`);
    if (!contains(block, p.value)) return fail(doc, `InvalidParameterValue: Address ${args.privateIp} does not fall within the subnet's address range ${subnet.CidrBlock}.`);
    if (isReserved(block, p.value)) return fail(doc, `InvalidParameterValue: Address ${args.privateIp} is reserved by AWS (the first four and the last address of a subnet are reserved).`);
    if (taken.priv.has(p.value)) return fail(doc, `InvalidIPAddress.InUse: Address ${args.privateIp} is in use.`);
    ip = formatIpv4(p.value);
  } else ip = firstFreeHost(block, taken.priv);
  if (!ip) return fail(doc, `InsufficientFreeAddressesInSubnet: The subnet ${args.subnetId} has no free address.`);
  const vpcId = subnet.VpcId;
  const owner = vpcOwner(doc, vpcId);
  const region = vpcRegion(doc, vpcId);
  const az = subnet.AvailabilityZone ?? `${region}a`;
  let next = doc;
  let groups: { GroupId: string; GroupName: string }[];
  if (args.groupIds?.length) {
    const sgs = list(doc, 'SecurityGroups');
    const missing = args.groupIds.find((g) => !sgs.some((s) => s.GroupId === g));
    if (missing) return fail(doc, `InvalidGroup.NotFound: The security group '${missing}' does not exist.`);
    groups = args.groupIds.map((g) => ({ GroupId: g, GroupName: sgs.find((s) => s.GroupId === g)?.GroupName ?? g }));
  } else {
    const n = list(doc, 'SecurityGroups').filter((s) => s.GroupName?.startsWith('launch-wizard-')).length + 1;
    const groupId = ids.next('sg');
    const name = `launch-wizard-${n}`;
    const inbound: IpPermission[] = [];
    if (args.allow?.ssh ?? true) inbound.push({ FromPort: 22, IpProtocol: 'tcp', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], ToPort: 22, UserIdGroupPairs: [] });
    if (args.allow?.icmpFrom) inbound.push({ FromPort: -1, IpProtocol: 'icmp', IpRanges: [{ CidrIp: args.allow.icmpFrom }], Ipv6Ranges: [], PrefixListIds: [], ToPort: -1, UserIdGroupPairs: [] });
    next = append(next, 'SecurityGroups', {
      Description: `${name} created by VPC Lab`, GroupName: name, IpPermissions: inbound, OwnerId: owner, GroupId: groupId,
      IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] }],
      VpcId: vpcId,
    });
    groups = [{ GroupId: groupId, GroupName: name }];
  }
  const instanceId = ids.next('i');
  const eniId = ids.next('eni');
  const publicIp = (args.publicIp ?? subnet.MapPublicIpOnLaunch ?? false) ? nextPublicIp(doc) : null;
  const privateDns = dnsName(ip, region);
  const association = publicIp ? { IpOwnerId: 'amazon', PublicDnsName: `ec2-${publicIp.replaceAll('.', '-')}.compute-1.amazonaws.com`, PublicIp: publicIp } : undefined;
  const attachment = { AttachmentId: ids.next('eni-attach'), DeleteOnTermination: true, DeviceIndex: 0, NetworkCardIndex: 0, InstanceId: instanceId, InstanceOwnerId: owner, Status: 'attached' };
  const eni = {
    ...(association ? { Association: association } : {}),
    Attachment: attachment,
    AvailabilityZone: az,
    Description: '',
    Groups: groups,
    InterfaceType: 'interface',
    MacAddress: `02:00:00:${eniId.slice(-6).match(/../g)!.join(':')}`,
    NetworkInterfaceId: eniId,
    OwnerId: owner,
    PrivateDnsName: privateDns,
    PrivateIpAddress: ip,
    PrivateIpAddresses: [{ ...(association ? { Association: association } : {}), Primary: true, PrivateDnsName: privateDns, PrivateIpAddress: ip }],
    RequesterManaged: false,
    SourceDestCheck: true,
    Status: 'in-use',
    SubnetId: subnet.SubnetId,
    TagSet: [],
    VpcId: vpcId,
  };
  next = append(next, 'NetworkInterfaces', eni);
  const { AvailabilityZone: _az, OwnerId: _o, TagSet: _t, RequesterManaged: _r, InterfaceType: _i, ...instanceEni } = eni;
  next = append(next, 'Reservations', {
    Groups: [],
    Instances: [{
      AmiLaunchIndex: 0, ImageId: 'ami-0c02fb55956c7d316', InstanceId: instanceId, InstanceType: 't3.micro',
      LaunchTime: '2026-01-01T00:00:00+00:00',
      Placement: { AvailabilityZone: az, GroupName: '', Tenancy: 'default' },
      PrivateDnsName: privateDns, PrivateIpAddress: ip,
      PublicDnsName: association?.PublicDnsName ?? '', ...(publicIp ? { PublicIpAddress: publicIp } : {}),
      State: { Code: 16, Name: 'running' }, SubnetId: subnet.SubnetId, VpcId: vpcId, Architecture: 'x86_64',
      Hypervisor: 'nitro', NetworkInterfaces: [{ ...instanceEni, InterfaceType: 'interface' }], SecurityGroups: groups,
      SourceDestCheck: true, Tags: nameTags(args.name),
    }],
    OwnerId: owner,
    ReservationId: ids.next('r'),
  });
  return ok(next, [instanceId]);
}

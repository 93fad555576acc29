/**
 * A deterministic synthetic snapshot in AWS describe-* shapes, sized like a mid-size estate:
 * by default 100 VPCs (3 accounts, 2 regions), 400 subnets (public + private), 2,000 instance
 * interfaces, ~150 active peerings with routes on both sides (some missing, partial or
 * blackholed), an internet gateway and a NAT gateway per VPC, security groups of 5-20 rules
 * with group references (also across peerings), custom NACLs of ~8 entries per direction, and
 * VPC/subnet flow logs. Seeded: the same options give the same document.
 *
 * Reused by the engine benches and by tests that need a big realistic network.
 */
import type { Snapshot } from '../src/engine/model/schema.ts';
import { createPrng } from '../src/engine/traffic/prng.ts';

export interface SyntheticOptions {
  vpcs?: number;
  subnetsPerVpc?: number;
  enis?: number;
  activePeerings?: number;
  seed?: number;
}

type Json = Record<string, any>;

/** The engine's seeded PRNG (mulberry32), as a function giving floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  return createPrng(seed).next;
}

const ACCOUNTS = ['111111111111', '222222222222', '333333333333'];
const hexId = (prefix: string, n: number) => `${prefix}-${n.toString(16).padStart(17, '0')}`;
const ip = (n: number) => `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
const tcp = (from: number, to: number, peers: Json) => ({ IpProtocol: 'tcp', FromPort: from, ToPort: to, ...peers });
const cidrs = (...c: string[]) => ({ IpRanges: c.map((CidrIp) => ({ CidrIp })) });
const groupRef = (...g: string[]) => ({ UserIdGroupPairs: g.map((GroupId) => ({ GroupId })) });
const ALL_OUT = [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }];

interface VpcPlan { id: string; n: number; cidr: string; base: number; owner: string; region: string; subnets: Json[]; sgs: Record<string, string>; rtPublic: string; rtPrivate: string; nat: string; igw: string; peers: { vpc: VpcPlan; pcx: string }[] }

/** Builds the document. Throws beyond 256 VPCs (each gets its own 10.x.0.0/16). */
export function syntheticSnapshot(options: SyntheticOptions = {}): Snapshot {
  const nVpcs = options.vpcs ?? 100;
  const perVpc = options.subnetsPerVpc ?? 4;
  const nEnis = options.enis ?? 2000;
  const nPeerings = options.activePeerings ?? 150;
  if (nVpcs > 256) throw new Error('at most 256 VPCs (10.0.0.0/16 to 10.255.0.0/16)');
  const rand = seededRandom(options.seed ?? 1);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const doc: Json = { Vpcs: [], Subnets: [], RouteTables: [], SecurityGroups: [], NetworkAcls: [], VpcPeeringConnections: [], InternetGateways: [], NatGateways: [], NetworkInterfaces: [], Reservations: [], Addresses: [], FlowLogs: [] };
  let counter = 0x10000;
  const next = (prefix: string) => hexId(prefix, counter++);

  const vpcs: VpcPlan[] = [];
  for (let v = 0; v < nVpcs; v++) {
    const owner = ACCOUNTS[v % ACCOUNTS.length];
    const region = v % 10 === 9 ? 'us-west-2' : 'us-east-1';
    const base = (10 << 24) + (v << 16);
    const plan: VpcPlan = { id: next('vpc'), n: v, cidr: `10.${v}.0.0/16`, base, owner, region, subnets: [], sgs: {}, rtPublic: next('rtb'), rtPrivate: next('rtb'), nat: next('nat'), igw: next('igw'), peers: [] };
    doc.Vpcs.push({ VpcId: plan.id, CidrBlock: plan.cidr, CidrBlockAssociationSet: [{ AssociationId: next('vpc-cidr-assoc'), CidrBlock: plan.cidr, CidrBlockState: { State: 'associated' } }], OwnerId: owner, State: 'available', IsDefault: false, Tags: [{ Key: 'Name', Value: `vpc-${v}` }] });
    for (let s = 0; s < perVpc; s++) {
      const isPublic = s < perVpc / 2;
      const az = `${region}${s % 2 === 0 ? 'a' : 'b'}`;
      const subnet = { SubnetId: next('subnet'), VpcId: plan.id, CidrBlock: `10.${v}.${s * 16}.0/20`, AvailabilityZone: az, AvailabilityZoneId: `${region === 'us-east-1' ? 'use1' : 'usw2'}-az${(s % 2) + 1}`, MapPublicIpOnLaunch: isPublic, OwnerId: owner, State: 'available', Tags: [{ Key: 'Name', Value: `${isPublic ? 'public' : 'private'}-${v}-${s}` }] };
      plan.subnets.push(subnet);
      doc.Subnets.push(subnet);
    }
    vpcs.push(plan);
  }

  // Peerings: active ones between distinct random pairs, plus a few pending and deleted.
  const pairs = new Set<string>();
  const peerings: { a: VpcPlan; b: VpcPlan; id: string; status: string }[] = [];
  const maxPairs = (nVpcs * (nVpcs - 1)) / 2;
  const wanted = Math.min(maxPairs, nPeerings + Math.round(nPeerings / 10));
  while (peerings.length < wanted) {
    const a = pick(vpcs);
    const b = pick(vpcs);
    const key = a.n < b.n ? `${a.n}-${b.n}` : `${b.n}-${a.n}`;
    if (a === b || pairs.has(key)) continue;
    pairs.add(key);
    const status = peerings.length < nPeerings ? 'active' : pick(['pending-acceptance', 'deleted', 'pending-acceptance']);
    const id = next('pcx');
    peerings.push({ a, b, id, status });
    const info = (p: VpcPlan) => ({ VpcId: p.id, OwnerId: p.owner, Region: p.region, CidrBlock: p.cidr, CidrBlockSet: [{ CidrBlock: p.cidr }] });
    doc.VpcPeeringConnections.push({ VpcPeeringConnectionId: id, RequesterVpcInfo: info(a), AccepterVpcInfo: info(b), Status: { Code: status, Message: status }, Tags: [] });
    if (status === 'active') {
      a.peers.push({ vpc: b, pcx: id });
      b.peers.push({ vpc: a, pcx: id });
    }
  }

  for (const p of vpcs) {
    const pub = p.subnets.filter((s) => s.MapPublicIpOnLaunch);
    const priv = p.subnets.filter((s) => !s.MapPublicIpOnLaunch);
    doc.InternetGateways.push({ InternetGatewayId: p.igw, OwnerId: p.owner, Attachments: [{ VpcId: p.id, State: 'available' }] });
    const natEni = next('eni');
    const natIp = ip(p.base + 5);
    const eip = ip((52 << 24) + (1 << 16) + p.n);
    const alloc = next('eipalloc');
    doc.NatGateways.push({ NatGatewayId: p.nat, SubnetId: pub[0].SubnetId, VpcId: p.id, State: 'available', ConnectivityType: 'public', NatGatewayAddresses: [{ AllocationId: alloc, NetworkInterfaceId: natEni, PrivateIp: natIp, PublicIp: eip }] });
    doc.Addresses.push({ PublicIp: eip, AllocationId: alloc, Domain: 'vpc', NetworkInterfaceId: natEni, PrivateIpAddress: natIp, NetworkInterfaceOwnerId: p.owner });
    doc.NetworkInterfaces.push({ NetworkInterfaceId: natEni, SubnetId: pub[0].SubnetId, VpcId: p.id, OwnerId: p.owner, AvailabilityZone: pub[0].AvailabilityZone, InterfaceType: 'nat_gateway', RequesterManaged: true, Status: 'in-use', PrivateIpAddress: natIp, PrivateIpAddresses: [{ PrivateIpAddress: natIp, Primary: true, Association: { PublicIp: eip, IpOwnerId: p.owner } }], Association: { PublicIp: eip, IpOwnerId: p.owner }, Groups: [] });

    // Routes: local, the default route, and the peer VPCs (sometimes only part of one, sometimes missing).
    const peerRoutes = (table: 'public' | 'private') => p.peers.flatMap(({ vpc, pcx }): Json[] => {
      const h = (p.n * 7919 + vpc.n * 104729 + (table === 'public' ? 1 : 0)) % 20;
      if (h === 0) return []; // missing route on this side: the classic "no return route"
      if (h === 1) return [{ DestinationCidrBlock: `10.${vpc.n}.0.0/20`, VpcPeeringConnectionId: pcx, Origin: 'CreateRoute', State: 'active' }];
      return [{ DestinationCidrBlock: vpc.cidr, VpcPeeringConnectionId: pcx, Origin: 'CreateRoute', State: 'active' }];
    });
    const extra: Json[] = p.n % 13 === 0 ? [{ DestinationCidrBlock: '172.16.0.0/12', TransitGatewayId: hexId('tgw', 1), Origin: 'CreateRoute', State: 'active' }] : [];
    if (p.n % 17 === 0) extra.push({ DestinationCidrBlock: '192.168.0.0/16', VpcPeeringConnectionId: hexId('pcx', 0xdead), Origin: 'CreateRoute', State: 'blackhole' });
    const local = { DestinationCidrBlock: p.cidr, GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' };
    doc.RouteTables.push({ RouteTableId: p.rtPublic, VpcId: p.id, OwnerId: p.owner, Associations: [{ Main: true, RouteTableId: p.rtPublic, RouteTableAssociationId: next('rtbassoc'), AssociationState: { State: 'associated' } }, ...pub.map((s) => ({ Main: false, SubnetId: s.SubnetId, RouteTableId: p.rtPublic, RouteTableAssociationId: next('rtbassoc') }))],
      Routes: [local, { DestinationCidrBlock: '0.0.0.0/0', GatewayId: p.igw, Origin: 'CreateRoute', State: 'active' }, ...peerRoutes('public'), ...extra], PropagatingVgws: [], Tags: [{ Key: 'Name', Value: `public-${p.n}` }] });
    doc.RouteTables.push({ RouteTableId: p.rtPrivate, VpcId: p.id, OwnerId: p.owner, Associations: priv.map((s) => ({ Main: false, SubnetId: s.SubnetId, RouteTableId: p.rtPrivate, RouteTableAssociationId: next('rtbassoc') })),
      Routes: [local, { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: p.nat, Origin: 'CreateRoute', State: 'active' }, ...peerRoutes('private'), ...extra], PropagatingVgws: [], Tags: [{ Key: 'Name', Value: `private-${p.n}` }] });

    for (const role of ['default', 'web', 'app', 'db', 'bastion']) p.sgs[role] = next('sg');
  }

  for (const p of vpcs) securityGroups(doc, p, rand, int, pick);
  for (const p of vpcs) networkAcls(doc, p, next, pick, vpcs);
  interfaces(doc, vpcs, nEnis, next, rand, pick);
  vpcs.forEach((p, i) => {
    if (i % 5 !== 0) return;
    const resource = i % 10 === 0 ? p.id : p.subnets[p.subnets.length - 1].SubnetId;
    const s3 = i % 15 === 0;
    doc.FlowLogs.push({ FlowLogId: next('fl'), ResourceId: resource, TrafficType: pick(['ALL', 'ALL', 'REJECT', 'ACCEPT']), LogDestinationType: s3 ? 's3' : 'cloud-watch-logs', FlowLogStatus: 'ACTIVE', DeliverLogsStatus: 'SUCCESS', MaxAggregationInterval: pick([60, 600]),
      ...(s3 ? { LogDestination: `arn:aws:s3:::flow-logs-${p.owner}/vpc` } : { LogGroupName: `/vpc/flow/${p.n}`, DeliverLogsPermissionArn: `arn:aws:iam::${p.owner}:role/flow-logs` }),
      ...(i % 20 === 0 ? { LogFormat: '${version} ${vpc-id} ${subnet-id} ${instance-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status} ${flow-direction} ${traffic-path}' } : {}) });
  });
  return doc as Snapshot;
}

/** Five groups per VPC with 5-20 rules each, referencing each other and peers' app groups. */
function securityGroups(doc: Json, p: VpcPlan, rand: () => number, int: (lo: number, hi: number) => number, pick: <T>(xs: readonly T[]) => T): void {
  const { sgs } = p;
  const peerCidrs = p.peers.slice(0, 3).map((x) => x.vpc.cidr);
  const peerApps = p.peers.filter((x) => x.vpc.region === p.region).slice(0, 2).map((x) => x.vpc.sgs.app);
  const filler = () => {
    const port = pick([25, 110, 389, 636, 3306, 6379, 8443, 9200, 11211, 27017]);
    return rand() < 0.5 ? tcp(port, port, cidrs(pick(['10.0.0.0/8', p.cidr, `10.${p.n}.${int(0, 3) * 16}.0/20`, '192.168.0.0/16']))) : { IpProtocol: 'udp', FromPort: port, ToPort: port, ...cidrs(p.cidr) };
  };
  const pad = (rules: Json[], min: number) => {
    while (rules.length < min) rules.push(filler());
    return rules;
  };
  const make = (role: string, ingress: Json[], egress: Json[]) => doc.SecurityGroups.push({
    GroupId: sgs[role], GroupName: role === 'default' ? 'default' : `${role}-${p.n}`, Description: `${role} tier`, VpcId: p.id, OwnerId: p.owner,
    IpPermissions: ingress, IpPermissionsEgress: egress, Tags: [{ Key: 'Name', Value: `${role}-${p.n}` }],
  });
  make('default', [{ IpProtocol: '-1', ...groupRef(sgs.default) }], ALL_OUT);
  make('web', pad([tcp(80, 80, cidrs('0.0.0.0/0')), tcp(443, 443, cidrs('0.0.0.0/0')), tcp(22, 22, groupRef(sgs.bastion)), { IpProtocol: 'icmp', FromPort: -1, ToPort: -1, ...cidrs('10.0.0.0/8') }], int(5, 9)), ALL_OUT);
  make('app', pad([tcp(8080, 8090, groupRef(sgs.web)), tcp(22, 22, groupRef(sgs.bastion)), { IpProtocol: 'icmp', FromPort: 8, ToPort: -1, ...cidrs(p.cidr) }, { IpProtocol: 'udp', FromPort: 53, ToPort: 53, ...cidrs(p.cidr) },
    ...peerCidrs.map((c) => tcp(443, 443, cidrs(c))), tcp(22, 22, cidrs('10.0.0.0/8'))], int(6, 14)),
  pad([tcp(443, 443, cidrs('0.0.0.0/0')), tcp(5432, 5432, groupRef(sgs.db)), { IpProtocol: 'udp', FromPort: 53, ToPort: 53, ...cidrs('0.0.0.0/0') }, { IpProtocol: 'icmp', FromPort: -1, ToPort: -1, ...cidrs('0.0.0.0/0') }, tcp(8080, 8080, cidrs('10.0.0.0/8')), tcp(22, 22, cidrs('10.0.0.0/8'))], int(6, 10)));
  make('db', pad([tcp(5432, 5432, groupRef(sgs.app)), ...peerApps.map((g) => tcp(5432, 5432, groupRef(g))), tcp(22, 22, groupRef(sgs.bastion)), { IpProtocol: 'icmp', FromPort: -1, ToPort: -1, ...cidrs(p.cidr) }], int(5, 20)), ALL_OUT);
  make('bastion', pad([tcp(22, 22, cidrs('0.0.0.0/0')), { IpProtocol: 'icmp', FromPort: 8, ToPort: -1, ...cidrs('0.0.0.0/0') }], int(5, 8)), ALL_OUT);
}

/** The default NACL (allow all) on public subnets; a custom one of ~8 entries per direction on private ones. */
function networkAcls(doc: Json, p: VpcPlan, next: (prefix: string) => string, pick: <T>(xs: readonly T[]) => T, vpcs: VpcPlan[]): void {
  const entry = (n: number, egress: boolean, proto: string, action: string, cidr: string, ports?: [number, number]) => ({ RuleNumber: n, Protocol: proto, RuleAction: action, Egress: egress, CidrBlock: cidr,
    ...(ports ? { PortRange: { From: ports[0], To: ports[1] } } : {}), ...(proto === '1' ? { IcmpTypeCode: { Type: -1, Code: -1 } } : {}) });
  const star = (egress: boolean) => entry(32767, egress, '-1', 'deny', '0.0.0.0/0');
  const pub = p.subnets.filter((s) => s.MapPublicIpOnLaunch);
  const priv = p.subnets.filter((s) => !s.MapPublicIpOnLaunch);
  doc.NetworkAcls.push({ NetworkAclId: next('acl'), VpcId: p.id, IsDefault: true, OwnerId: p.owner, Associations: pub.map((s) => ({ NetworkAclAssociationId: next('aclassoc'), SubnetId: s.SubnetId })),
    Entries: [entry(100, false, '-1', 'allow', '0.0.0.0/0'), star(false), entry(100, true, '-1', 'allow', '0.0.0.0/0'), star(true)] });
  const quarantine = `10.${pick(vpcs).n}.${pick([0, 16, 32, 48])}.0/24`;
  const inbound = [entry(90, false, '-1', 'deny', quarantine), entry(100, false, '6', 'allow', '10.0.0.0/8', [22, 22]), entry(110, false, '6', 'allow', '10.0.0.0/8', [443, 443]), entry(120, false, '6', 'allow', '0.0.0.0/0', [1024, 65535]),
    entry(130, false, '17', 'allow', '10.0.0.0/8', [53, 53]), entry(140, false, '17', 'allow', '0.0.0.0/0', [1024, 65535]), entry(150, false, '1', 'allow', '10.0.0.0/8'), entry(160, false, '6', 'allow', '10.0.0.0/8', [5432, 5432]), star(false)];
  const outbound = [entry(90, true, '-1', 'deny', quarantine), entry(100, true, '6', 'allow', '0.0.0.0/0', [443, 443]), entry(110, true, '6', 'allow', '10.0.0.0/8', [1024, 65535]), entry(120, true, '17', 'allow', '0.0.0.0/0', [53, 53]),
    entry(130, true, '1', 'allow', '10.0.0.0/8'), entry(140, true, '6', 'allow', '10.0.0.0/8', [22, 22]), entry(150, true, '6', 'allow', '10.0.0.0/8', [5432, 5432]), entry(160, true, '17', 'allow', '10.0.0.0/8', [1024, 65535]), star(true)];
  // Some VPCs forgot the ephemeral range on one side: replies die there.
  if (p.n % 7 === 3) inbound.splice(3, 1);
  if (p.n % 11 === 5) outbound.splice(2, 1);
  doc.NetworkAcls.push({ NetworkAclId: next('acl'), VpcId: p.id, IsDefault: false, OwnerId: p.owner, Associations: priv.map((s) => ({ NetworkAclAssociationId: next('aclassoc'), SubnetId: s.SubnetId })), Entries: [...inbound, ...outbound], Tags: [{ Key: 'Name', Value: `private-${p.n}` }] });
}

/** Instance interfaces, spread evenly over the subnets, each in describe-network-interfaces and describe-instances. */
function interfaces(doc: Json, vpcs: VpcPlan[], nEnis: number, next: (prefix: string) => string, rand: () => number, pick: <T>(xs: readonly T[]) => T): void {
  const subnets = vpcs.flatMap((p) => p.subnets.map((s) => ({ p, s })));
  const used = new Map<string, number>();
  let instance: Json | null = null;
  for (let k = 0; k < nEnis; k++) {
    const { p, s } = subnets[k % subnets.length];
    const slot = used.get(s.SubnetId) ?? 0;
    used.set(s.SubnetId, slot + 1);
    const base = (10 << 24) + (p.n << 16) + (p.subnets.indexOf(s) * 16 << 8);
    const privateIp = ip(base + 10 + slot);
    const isPublic = s.MapPublicIpOnLaunch as boolean;
    const roles = isPublic ? (rand() < 0.2 ? ['bastion'] : ['web']) : [rand() < 0.6 ? 'app' : 'db', ...(rand() < 0.3 ? ['default'] : [])];
    const groups = roles.map((r) => ({ GroupId: p.sgs[r], GroupName: r === 'default' ? 'default' : `${r}-${p.n}` }));
    const publicIp = isPublic ? ip((54 << 24) + (1 << 16) + k) : null;
    const association = publicIp ? { Association: { PublicIp: publicIp, IpOwnerId: 'amazon', PublicDnsName: `ec2-${publicIp.replaceAll('.', '-')}.compute-1.amazonaws.com` } } : {};
    const secondary = rand() < 0.05 ? [{ PrivateIpAddress: ip(base + 3000 + slot), Primary: false }] : [];
    // Now and then an instance carries a second interface (device index 1) in the same subnet.
    const second = instance !== null && rand() < 0.04 && instance.SubnetId === s.SubnetId;
    if (!second) {
      instance = { InstanceId: next('i'), InstanceType: pick(['t3.micro', 'm5.large', 'c5.xlarge', 't2.micro']), Hypervisor: rand() < 0.8 ? 'nitro' : 'xen', State: { Code: 16, Name: 'running' }, SubnetId: s.SubnetId, VpcId: p.id,
        PrivateIpAddress: privateIp, ...(publicIp ? { PublicIpAddress: publicIp } : {}), Placement: { AvailabilityZone: s.AvailabilityZone }, SecurityGroups: groups, NetworkInterfaces: [], Tags: [{ Key: 'Name', Value: `host-${k}` }] };
      doc.Reservations.push({ ReservationId: next('r'), OwnerId: p.owner, Instances: [instance] });
    }
    const eniId = next('eni');
    const attachmentId = next('eni-attach');
    const device = instance!.NetworkInterfaces.length;
    const body = { NetworkInterfaceId: eniId, SubnetId: s.SubnetId, VpcId: p.id, OwnerId: p.owner, Status: 'in-use', InterfaceType: 'interface', PrivateIpAddress: privateIp,
      PrivateIpAddresses: [{ PrivateIpAddress: privateIp, Primary: true, ...association }, ...secondary], Groups: groups, SourceDestCheck: true, ...association };
    instance!.NetworkInterfaces.push({ ...body, Attachment: { AttachmentId: attachmentId, DeviceIndex: device, Status: 'attached' } });
    doc.NetworkInterfaces.push({ ...body, AvailabilityZone: s.AvailabilityZone, Attachment: { AttachmentId: attachmentId, InstanceId: instance!.InstanceId, InstanceOwnerId: p.owner, DeviceIndex: device, Status: 'attached' }, TagSet: [] });
  }
}

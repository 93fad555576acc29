import { type Cidr, contains, tryParseCidr } from '../ip/index.ts';
import { compileSecurityGroupLines } from '../filter/index.ts';
import { jsonPath } from '../diagnostics.ts';
import { type PrefixListCidrs, compileAcl, compileRouteTable, implicitDefaultAcl } from './compile-routing.ts';
import { elasticIpIndex, eniName, gatherEnis, ipOf, isNitro, publicIpOf, secondaryPublicIpsOf } from './compile-eni.ts';
import { nameTag, regionOfAz } from './ids.ts';
import { compileFlowLogs } from './compile-flow-logs.ts';
import type { NAcl, NEni, Network, NRouteTable, NSecurityGroup, NSubnet, NVpc } from './network.ts';
import type { RouteTable, Snapshot } from './schema.ts';
import { type CompileMemo, createCompileMemo, type EniFacts, sameCidrs, sameItems } from './compile-memo.ts';
import type { RawEni } from './compile-eni.ts';
import { filteringGroups, hasNoSecurityGroup } from './no-security-group.ts';

/** The account used for resources whose owner the document does not say. */
export const DEFAULT_ACCOUNT_ID = '123456789012';
export const DEFAULT_REGION = 'us-east-1';

const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);

/**
 * Compiles a snapshot into the typed, cross-linked network the packet walk uses. It never
 * throws on bad data: what cannot be read is skipped here and reported by validate/.
 */
export function compileNetwork(s: Snapshot): Network {
  return compile(s, null);
}

/**
 * An incremental compileNetwork for a sequence of immutable documents, such as the workspace's
 * (each an edit of the one before, sharing the objects the edit did not touch): the pieces that
 * depend on one document object are reused (see compile-memo.ts), the links between them are
 * made anew. The network is the one compileNetwork builds, provided no document (nor any object
 * in it) is modified after it was passed in; its route tables, ACLs and security groups may be
 * shared with the networks of earlier documents, and like every compiled piece are read-only.
 */
export function createNetworkCompiler(): (s: Snapshot) => Network {
  const memo = createCompileMemo();
  return (s) => compile(s, memo);
}

function compile(s: Snapshot, memo: CompileMemo | null): Network {
  const pg = (s.Playground ?? {}) as { region?: string; accountId?: string; regions?: Record<string, string> };
  const defaultRegion = typeof pg.region === 'string' ? pg.region : DEFAULT_REGION;
  const defaultAccountId = typeof pg.accountId === 'string' ? pg.accountId : DEFAULT_ACCOUNT_ID;
  const net: Network = {
    snapshot: s, vpcs: new Map(), subnets: new Map(), enis: new Map(), securityGroups: new Map(), acls: new Map(),
    routeTables: new Map(), peerings: new Map(), internetGateways: new Map(), natGateways: new Map(), flowLogs: [],
    instances: new Map(), enisByPrivateIp: new Map(), enisByPublicIp: new Map(), enisByGroup: new Map(), defaultRegion, defaultAccountId,
  };
  // The topology reads these parts of the document only: while they are the same objects, the
  // last one stands (an edit of rules, interfaces or flow logs leaves it as it was).
  const prefixListsDoc = (s as { PrefixLists?: unknown }).PrefixLists;
  const deps = [s.Vpcs, s.Subnets, s.VpcPeeringConnections, s.InternetGateways, s.RouteTables, s.NetworkAcls, prefixListsDoc, pg.regions, defaultRegion, defaultAccountId];
  let prefixLists: PrefixListCidrs | null = null;
  const prefixListCidrs = () => (prefixLists ??= compilePrefixLists(s));
  const known = memo?.topology;
  if (known && sameItems(known.deps, deps)) {
    Object.assign(net, known.topology);
  } else {
    compileVpcs(s, net, pg.regions ?? {});
    compileGateways(s, net);
    compileRouting(s, net, memo, prefixListCidrs);
    compileSubnets(s, net);
    if (memo) memo.topology = { deps, topology: { vpcs: net.vpcs, subnets: net.subnets, routeTables: net.routeTables, acls: net.acls, internetGateways: net.internetGateways, peerings: net.peerings } };
  }
  compileSecurityGroups(s, net, memo, prefixListCidrs);
  compileEnis(s, net, memo);
  compileNatGateways(s, net);
  net.flowLogs = compileFlowLogs(s, net);
  return net;
}

function compileVpcs(s: Snapshot, net: Network, regions: Record<string, string>): void {
  const peerRegions = new Map<string, string>();
  for (const p of list(s.VpcPeeringConnections)) {
    for (const side of [p?.RequesterVpcInfo, p?.AccepterVpcInfo]) if (side?.VpcId && side.Region) peerRegions.set(side.VpcId, side.Region);
  }
  const subnetRegion = new Map<string, string>();
  for (const sn of list(s.Subnets)) {
    const r = regionOfAz(sn?.AvailabilityZone);
    if (r && sn.VpcId && !subnetRegion.has(sn.VpcId)) subnetRegion.set(sn.VpcId, r);
  }
  list(s.Vpcs).forEach((v, i) => {
    if (!v || typeof v.VpcId !== 'string') return;
    const cidrs: Cidr[] = [];
    const addCidr = (text: unknown) => {
      const c = typeof text === 'string' ? tryParseCidr(text) : null;
      if (c?.ok && !cidrs.some((x) => x.base === c.value.base && x.prefix === c.value.prefix)) cidrs.push(c.value);
    };
    addCidr(v.CidrBlock);
    for (const a of list(v.CidrBlockAssociationSet)) {
      const st = a?.CidrBlockState?.State;
      if (!st || st === 'associated') addCidr(a?.CidrBlock);
    }
    const region = subnetRegion.get(v.VpcId) ?? regions[v.VpcId] ?? peerRegions.get(v.VpcId) ?? net.defaultRegion;
    net.vpcs.set(v.VpcId, {
      id: v.VpcId, name: nameTag(v), ownerId: v.OwnerId ?? net.defaultAccountId, region, cidrs, subnets: [],
      internetGateway: null, mainRouteTable: null, defaultAcl: implicitDefaultAcl(v.VpcId), path: jsonPath(['Vpcs', i]),
    });
  });
}

function compileGateways(s: Snapshot, net: Network): void {
  list(s.InternetGateways).forEach((g, i) => {
    if (!g || typeof g.InternetGatewayId !== 'string') return;
    const att = list(g.Attachments).find((a) => a && (a.State === undefined || a.State === 'available' || a.State === 'attached'));
    const igw = { id: g.InternetGatewayId, attachedVpcId: att?.VpcId ?? null, path: jsonPath(['InternetGateways', i]) };
    net.internetGateways.set(igw.id, igw);
    const vpc = igw.attachedVpcId ? net.vpcs.get(igw.attachedVpcId) : undefined;
    if (vpc && !vpc.internetGateway) vpc.internetGateway = igw;
  });
  list(s.VpcPeeringConnections).forEach((p, i) => {
    if (!p || typeof p.VpcPeeringConnectionId !== 'string') return;
    net.peerings.set(p.VpcPeeringConnectionId, {
      id: p.VpcPeeringConnectionId,
      status: p.Status?.Code ?? 'active',
      requesterVpcId: p.RequesterVpcInfo?.VpcId ?? null,
      accepterVpcId: p.AccepterVpcInfo?.VpcId ?? null,
      // A hand-written peering may leave out Region: then each side's VPC tells it (its
      // subnets' zones), so cross-region traffic is not taken for same-region.
      requesterRegion: p.RequesterVpcInfo?.Region ?? vpcRegion(net, p.RequesterVpcInfo?.VpcId),
      accepterRegion: p.AccepterVpcInfo?.Region ?? vpcRegion(net, p.AccepterVpcInfo?.VpcId),
      requesterOwnerId: p.RequesterVpcInfo?.OwnerId ?? null,
      accepterOwnerId: p.AccepterVpcInfo?.OwnerId ?? null,
      path: jsonPath(['VpcPeeringConnections', i]),
    });
  });
}

function vpcRegion(net: Network, vpcId: unknown): string | null {
  return typeof vpcId === 'string' ? net.vpcs.get(vpcId)?.region ?? null : null;
}

function compileRouting(s: Snapshot, net: Network, memo: CompileMemo | null, prefixLists: () => PrefixListCidrs): void {
  const prefixListsDoc = (s as { PrefixLists?: unknown }).PrefixLists;
  list(s.RouteTables).forEach((rt, i) => {
    if (!rt || typeof rt.RouteTableId !== 'string') return;
    const vpc = net.vpcs.get(rt.VpcId);
    const cidrs = vpc?.cidrs ?? [];
    // A table's routes depend on its document, its index (paths), its VPC's blocks (local routes)
    // and the prefix lists its routes may name.
    const known = memo?.routeTables.get(rt);
    const reuse = known && known.index === i && sameCidrs(known.cidrs, cidrs) && known.prefixLists === prefixListsDoc;
    const table = reuse ? known.table : compileRouteTable(rt, i, cidrs, usesPrefixList(rt) ? prefixLists() : undefined);
    if (memo && known?.table !== table) memo.routeTables.set(rt, { index: i, cidrs, prefixLists: prefixListsDoc, table });
    net.routeTables.set(table.id, table);
    if (vpc && !vpc.mainRouteTable && list(rt.Associations).some((a) => a?.Main === true)) vpc.mainRouteTable = table;
  });
  list(s.NetworkAcls).forEach((a, i) => {
    if (!a || typeof a.NetworkAclId !== 'string') return;
    const known = memo?.acls.get(a);
    const acl = known && known.index === i ? known.acl : compileAcl(a, i);
    if (memo && known?.acl !== acl) memo.acls.set(a, { index: i, acl });
    net.acls.set(acl.id, acl);
    const vpc = net.vpcs.get(a.VpcId);
    if (vpc && acl.isDefault && vpc.defaultAcl.implicit) vpc.defaultAcl = acl;
  });
  // A VPC whose main table the snapshot lacks still routes locally, as every AWS VPC does.
  for (const vpc of net.vpcs.values()) {
    if (vpc.mainRouteTable) continue;
    const table: NRouteTable = compileRouteTable({ RouteTableId: `rtb-main-${vpc.id.replace(/^vpc-/, '')}`, VpcId: vpc.id, Routes: [] }, -1, vpc.cidrs);
    table.doc = null;
    table.path = '$.RouteTables';
    vpc.mainRouteTable = table;
  }
}

function compileSubnets(s: Snapshot, net: Network): void {
  const explicitRtb = new Map<string, NRouteTable>();
  for (const t of net.routeTables.values()) for (const a of list(t.doc?.Associations)) if (a?.SubnetId && !explicitRtb.has(a.SubnetId)) explicitRtb.set(a.SubnetId, t);
  const explicitAcl = new Map<string, NAcl>();
  for (const acl of net.acls.values()) for (const a of list(acl.doc?.Associations)) if (a?.SubnetId && !explicitAcl.has(a.SubnetId)) explicitAcl.set(a.SubnetId, acl);
  list(s.Subnets).forEach((sn, i) => {
    if (!sn || typeof sn.SubnetId !== 'string') return;
    const vpc = net.vpcs.get(sn.VpcId);
    if (!vpc) return;
    const c = typeof sn.CidrBlock === 'string' ? tryParseCidr(sn.CidrBlock) : null;
    const explicit = explicitRtb.get(sn.SubnetId);
    const subnet: NSubnet = {
      id: sn.SubnetId, name: nameTag(sn), vpc, cidr: c?.ok ? c.value : null,
      availabilityZone: sn.AvailabilityZone ?? null, azId: sn.AvailabilityZoneId ?? null, ownerId: sn.OwnerId ?? vpc.ownerId,
      routeTable: explicit ?? vpc.mainRouteTable, explicitRouteTable: !!explicit,
      acl: explicitAcl.get(sn.SubnetId) ?? vpc.defaultAcl, path: jsonPath(['Subnets', i]),
    };
    net.subnets.set(subnet.id, subnet);
    vpc.subnets.push(subnet);
  });
}

function usesPrefixList(rt: RouteTable): boolean {
  return list(rt.Routes).some((r) => typeof r?.DestinationPrefixListId === 'string');
}

/**
 * The CIDRs of each prefix list the document holds, from its top-level "PrefixLists" key, whose
 * entries carry them as `Cidrs` (as `aws ec2 describe-prefix-lists` prints them).
 */
function compilePrefixLists(s: Snapshot): Map<string, Cidr[]> {
  const prefixLists = new Map<string, Cidr[]>();
  for (const pl of list((s as { PrefixLists?: { PrefixListId?: string; Cidrs?: string[] }[] }).PrefixLists)) {
    if (!pl?.PrefixListId) continue;
    // describe-managed-prefix-lists lists a prefix list without its CIDRs: such a copy adds
    // nothing to one that has them (validate/prefix-lists.ts reads the document the same way).
    if (!Array.isArray(pl.Cidrs) && prefixLists.has(pl.PrefixListId)) continue;
    const cidrs = list(pl.Cidrs).map((c) => tryParseCidr(c)).filter((r) => r.ok).map((r) => (r as { value: Cidr }).value);
    prefixLists.set(pl.PrefixListId, cidrs);
  }
  return prefixLists;
}

function compileSecurityGroups(s: Snapshot, net: Network, memo: CompileMemo | null, prefixLists: () => PrefixListCidrs): void {
  const prefixListsDoc = (s as { PrefixLists?: unknown }).PrefixLists;
  list(s.SecurityGroups).forEach((sg, i) => {
    if (!sg || typeof sg.GroupId !== 'string') return;
    // A group's lines depend on its document, its index (path) and the prefix lists it may name.
    const known = memo?.securityGroups.get(sg);
    if (known && known.index === i && known.prefixLists === prefixListsDoc) return void net.securityGroups.set(sg.GroupId, known.group);
    const lines = compileSecurityGroupLines(sg, prefixLists());
    const group: NSecurityGroup = { id: sg.GroupId, name: sg.GroupName ?? null, vpcId: sg.VpcId ?? null, ingress: lines.ingress, egress: lines.egress, doc: sg, path: jsonPath(['SecurityGroups', i]) };
    memo?.securityGroups.set(sg, { index: i, prefixLists: prefixListsDoc, group });
    net.securityGroups.set(sg.GroupId, group);
  });
}

/** What an interface's documents say, before it is linked to its subnet, VPC and groups. */
function readEni(raw: RawEni, eips: ReadonlyMap<string, number>): EniFacts {
  const d = raw.doc;
  const privateIps: number[] = [];
  const primary = ipOf(d.PrivateIpAddress);
  if (primary !== null) privateIps.push(primary);
  for (const p of list(d.PrivateIpAddresses)) {
    const ip = ipOf(p?.PrivateIpAddress);
    if (ip !== null && !privateIps.includes(ip)) privateIps.push(ip);
  }
  const groupIds = new Set<string>();
  for (const g of list(d.Groups)) if (typeof g?.GroupId === 'string') groupIds.add(g.GroupId);
  return {
    name: eniName(raw), privateIps, publicIp: privateIps.length === 0 ? null : publicIpOf(raw, eips),
    secondaryPublicIps: privateIps.length === 0 ? null : secondaryPublicIpsOf(raw, eips, privateIps), groupIds: [...groupIds],
    instanceId: d.Attachment?.InstanceId ?? raw.instance?.InstanceId ?? null, instanceState: raw.instance?.State?.Name ?? null,
    deviceIndex: typeof d.Attachment?.DeviceIndex === 'number' ? d.Attachment.DeviceIndex : null,
    interfaceType: d.InterfaceType ?? 'interface', nitro: isNitro(raw.instance), ownerId: d.OwnerId,
    subnetId: typeof d.SubnetId === 'string' ? d.SubnetId : undefined, vpcId: typeof d.VpcId === 'string' ? d.VpcId : undefined,
  };
}

/** The facts of an interface; with a memo, kept per (combined) document for one instance and one Addresses list. */
function eniFacts(memo: CompileMemo | null, raw: RawEni, eips: () => ReadonlyMap<string, number>, addresses: unknown): EniFacts {
  const known = memo?.eniFacts.get(raw.doc);
  if (known && known.instance === raw.instance && known.addresses === addresses) return known.facts;
  const facts = readEni(raw, eips());
  memo?.eniFacts.set(raw.doc, { instance: raw.instance, addresses, facts });
  return facts;
}

/** The interfaces of the document, gathered; with a memo, the last gathering while both lists are the same arrays. */
function gathered(s: Snapshot, memo: CompileMemo | null): Map<string, RawEni> {
  const known = memo?.gathered;
  if (known && known.interfaces === s.NetworkInterfaces && known.reservations === s.Reservations) return known.enis;
  const enis = gatherEnis(s, memo);
  if (memo) memo.gathered = { interfaces: s.NetworkInterfaces, reservations: s.Reservations, enis };
  return enis;
}

function compileEnis(s: Snapshot, net: Network, memo: CompileMemo | null): void {
  let eips: Map<string, number> | null = null;
  const eipIndex = () => (eips ??= elasticIpIndex(s));
  // The last network's interfaces can be reused when what they link to is the same (see CompileMemo.enis).
  const last = memo?.enis;
  const reusable = last && last.subnets === net.subnets && last.addresses === s.Addresses && last.natGateways === s.NatGateways ? last.enis : null;
  for (const [id, raw] of gathered(s, memo)) {
    const prev = reusable?.get(id);
    const source = prev && memo!.eniSources.get(prev);
    let eni: NEni;
    if (prev && source && source.doc === raw.doc && source.instance === raw.instance && prev.path === raw.path && prev.natGatewayId === null && sameGroups(prev, net)) {
      eni = prev;
    } else {
      const f = eniFacts(memo, raw, eipIndex, s.Addresses);
      if (f.privateIps.length === 0) continue;
      const subnet = f.subnetId !== undefined ? net.subnets.get(f.subnetId) ?? null : null;
      const vpc = subnet?.vpc ?? (f.vpcId !== undefined ? net.vpcs.get(f.vpcId) ?? null : null);
      const groupIds = new Set(f.groupIds);
      const groups: NSecurityGroup[] = [];
      for (const g of groupIds) {
        const sg = net.securityGroups.get(g);
        if (sg !== undefined) groups.push(sg);
      }
      eni = {
        id, name: f.name, subnet, vpc, ownerId: f.ownerId ?? vpc?.ownerId ?? net.defaultAccountId,
        privateIp: f.privateIps[0], privateIps: f.privateIps, publicIp: f.publicIp, secondaryPublicIps: f.secondaryPublicIps,
        groups: filteringGroups(f.interfaceType, groupIds, groups),
        groupIds, instanceId: f.instanceId, instanceState: f.instanceState,
        deviceIndex: f.deviceIndex,
        interfaceType: f.interfaceType, natGatewayId: null, nitro: f.nitro, path: raw.path,
      };
      memo?.eniSources.set(eni, { doc: raw.doc, instance: raw.instance });
    }
    addEni(net, eni);
    const instanceId = eni.instanceId;
    if (instanceId) {
      const inst = net.instances.get(instanceId) ?? { id: instanceId, state: eni.instanceState, primaryEni: null, enis: [] };
      inst.enis.push(eni);
      if (eni.deviceIndex === 0 || (!inst.primaryEni && eni.deviceIndex === null)) inst.primaryEni = eni;
      inst.state ??= eni.instanceState;
      net.instances.set(instanceId, inst);
    }
  }
  for (const inst of net.instances.values()) if (!inst.primaryEni) inst.primaryEni = inst.enis[0] ?? null;
  if (memo) memo.enis = { subnets: net.subnets, addresses: s.Addresses, natGateways: s.NatGateways, enis: net.enis };
}

/** True when an interface's groups resolve, in this network, to the compiled groups it holds. */
function sameGroups(eni: NEni, net: Network): boolean {
  let k = 0;
  for (const g of eni.groupIds) {
    const sg = net.securityGroups.get(g);
    if (sg === undefined) continue;
    if (eni.groups[k++] !== sg) return false;
  }
  return k === eni.groups.length || (k === 0 && hasNoSecurityGroup(eni));
}

export function addEni(net: Network, eni: NEni): void {
  net.enis.set(eni.id, eni);
  if (eni.vpc) {
    let byIp = net.enisByPrivateIp.get(eni.vpc.id);
    if (!byIp) net.enisByPrivateIp.set(eni.vpc.id, (byIp = new Map()));
    for (const ip of eni.privateIps) if (!byIp.has(ip)) byIp.set(ip, eni);
  }
  if (eni.publicIp !== null && !net.enisByPublicIp.has(eni.publicIp)) net.enisByPublicIp.set(eni.publicIp, eni);
  if (eni.secondaryPublicIps) for (const pub of eni.secondaryPublicIps.values()) if (!net.enisByPublicIp.has(pub)) net.enisByPublicIp.set(pub, eni);
  for (const g of eni.groupIds) {
    const arr = net.enisByGroup.get(g);
    if (arr) arr.push(eni);
    else net.enisByGroup.set(g, [eni]);
  }
}

function compileNatGateways(s: Snapshot, net: Network): void {
  list(s.NatGateways).forEach((n, i) => {
    if (!n || typeof n.NatGatewayId !== 'string') return;
    const subnet = typeof n.SubnetId === 'string' ? net.subnets.get(n.SubnetId) ?? null : null;
    const addr = list(n.NatGatewayAddresses).find((a) => a?.PrivateIp) ?? list(n.NatGatewayAddresses)[0];
    const privateIp = ipOf(addr?.PrivateIp);
    const publicIp = ipOf(addr?.PublicIp);
    const eniId = addr?.NetworkInterfaceId;
    let eni = eniId ? net.enis.get(eniId) ?? null : null;
    // A NAT gateway's interface is often missing from exports; it still writes flow-log records.
    if (!eni && eniId && privateIp !== null && subnet) {
      eni = {
        id: eniId, name: nameTag(n), subnet, vpc: subnet.vpc, ownerId: subnet.ownerId, privateIp, privateIps: [privateIp],
        publicIp, secondaryPublicIps: null, groups: [], groupIds: new Set(), instanceId: null, instanceState: null, deviceIndex: 1,
        interfaceType: 'nat_gateway', natGatewayId: n.NatGatewayId, nitro: false, path: jsonPath(['NatGateways', i, 'NatGatewayAddresses']),
      };
      if (n.State === 'available') addEni(net, eni);
    }
    if (eni) {
      eni.natGatewayId = n.NatGatewayId;
      eni.interfaceType = 'nat_gateway';
      if (publicIp !== null && eni.publicIp === null) eni.publicIp = publicIp;
      if (eni.publicIp !== null && n.State === 'available') net.enisByPublicIp.set(eni.publicIp, eni);
    }
    net.natGateways.set(n.NatGatewayId, {
      id: n.NatGatewayId, subnet, state: n.State ?? 'available', connectivity: n.ConnectivityType === 'private' ? 'private' : 'public',
      privateIp, publicIp, eni, path: jsonPath(['NatGateways', i]),
    });
  });
}

/** The subnet of a VPC whose CIDR contains the address. */
export function subnetContaining(vpc: NVpc, ip: number): NSubnet | null {
  for (const s of vpc.subnets) if (s.cidr && contains(s.cidr, ip)) return s;
  return null;
}

/** True when the address is inside one of the VPC's CIDRs. */
export function vpcContains(vpc: NVpc, ip: number): boolean {
  return vpc.cidrs.some((c) => contains(c, ip));
}

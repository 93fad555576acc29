/**
 * Random small snapshots for the matrix property tests: 2-4 VPCs whose address blocks may
 * overlap, random security groups (with group references), NACLs, route tables (local,
 * peering, internet, NAT, unsupported, blackhole routes), peerings in every state and region,
 * NAT gateways, public and secondary addresses, terminated and stopped instances. Deterministic per seed.
 */
import type { Snapshot } from '../../../src/engine/index.ts';
import type { MatrixChange } from '../../../src/engine/matrix/index.ts';
import { createPrng } from '../../../src/engine/traffic/prng.ts';

type Json = Record<string, any>;

export function prng(seed: number): () => number {
  return createPrng(seed).next;
}

export class Dice {
  constructor(readonly next: () => number) {}
  int(lo: number, hi: number): number { return lo + Math.floor(this.next() * (hi - lo + 1)); }
  pick<T>(xs: readonly T[]): T { return xs[Math.floor(this.next() * xs.length)]; }
  chance(p: number): boolean { return this.next() < p; }
  some<T>(xs: readonly T[], max: number): T[] { return Array.from({ length: this.int(0, max) }, () => this.pick(xs)); }
}

/** VPC blocks: several overlap on purpose, one is public address space (walked pair by pair). */
const VPC_CIDRS = ['10.0.0.0/16', '10.1.0.0/16', '10.0.0.0/16', '172.16.0.0/16', '10.0.0.0/20', '10.1.0.0/16', '54.10.0.0/16'];
const PORTS = [22, 53, 80, 443, 44321, 1024, 65535];
const PROTOCOLS = ['-1', 'tcp', 'udp', 'icmp', '6', '17', '1', '50'];

function third(cidr: string): [number, number] {
  const [a, b] = cidr.split('.').map(Number);
  return [a, b];
}

export interface World { doc: Json; vpcs: Json[]; cidrs: string[]; sgs: string[]; eniIps: string[] }

function rules(d: Dice, w: World, max: number): Json[] {
  // Often one broad rule, so that many pairs get through and the other filters matter.
  const broad: Json[] = d.chance(0.55) ? [d.chance(0.5) || !w.sgs.length
    ? { IpProtocol: '-1', IpRanges: [{ CidrIp: d.pick(['0.0.0.0/0', '10.0.0.0/8', '0.0.0.0/0']) }] }
    : { IpProtocol: '-1', UserIdGroupPairs: [{ GroupId: d.pick(w.sgs) }] }] : [];
  return broad.concat(Array.from({ length: d.int(0, max) }, () => {
    const proto = d.pick(PROTOCOLS);
    const perm: Json = { IpProtocol: proto, IpRanges: [], UserIdGroupPairs: [] };
    if (proto === 'icmp' || proto === '1') {
      perm.FromPort = d.pick([-1, 8, 0, 3]);
      perm.ToPort = d.pick([-1, 0]);
    } else if (proto !== '-1' && proto !== '50') {
      const from = d.pick(PORTS);
      perm.FromPort = from;
      perm.ToPort = d.chance(0.5) ? from : d.pick(PORTS.filter((p) => p >= from));
    }
    const sources = d.int(1, 2);
    for (let k = 0; k < sources; k++) {
      if (d.chance(0.35) && w.sgs.length) perm.UserIdGroupPairs.push({ GroupId: d.pick(w.sgs) });
      else perm.IpRanges.push({ CidrIp: d.pick(w.cidrs) });
    }
    return perm;
  }));
}

function aclEntries(d: Dice, w: World): Json[] {
  const out: Json[] = [];
  const used = new Set<string>();
  for (const egress of [false, true]) {
    if (d.chance(0.45)) out.push({ RuleNumber: 200, Protocol: '-1', RuleAction: 'allow', Egress: egress, CidrBlock: d.pick(['0.0.0.0/0', '10.0.0.0/8']) });
    const n = d.int(0, 5);
    for (let k = 0; k < n; k++) {
      const num = d.int(1, 25) * 10;
      if (used.has(`${egress}${num}`)) continue;
      used.add(`${egress}${num}`);
      const proto = d.pick(['-1', '6', '17', '1', '50']);
      const e: Json = { RuleNumber: num, Protocol: proto, RuleAction: d.chance(0.7) ? 'allow' : 'deny', Egress: egress, CidrBlock: d.pick(w.cidrs) };
      if (proto === '6' || proto === '17') {
        const r = d.pick([[22, 22], [53, 53], [1024, 65535], [0, 65535], [32768, 60999], [443, 443]]);
        e.PortRange = { From: r[0], To: r[1] };
      }
      if (proto === '1') e.IcmpTypeCode = { Type: d.pick([-1, 8, 0]), Code: -1 };
      out.push(e);
    }
    if (d.chance(0.8)) out.push({ RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: egress, CidrBlock: '0.0.0.0/0' });
  }
  return out;
}

function routes(d: Dice, w: World, vpc: Json, peerings: string[], nats: string[], igws: string[]): Json[] {
  // Sometimes the local route's target is replaced (middlebox routing): traffic within a subnet is still delivered.
  const local: Json = d.chance(0.15)
    ? { DestinationCidrBlock: vpc.CidrBlock, ...(nats.length && d.chance(0.5) ? { NatGatewayId: d.pick(nats) } : { NetworkInterfaceId: 'eni-appliance' }), State: 'active' }
    : { DestinationCidrBlock: vpc.CidrBlock, GatewayId: 'local', State: 'active' };
  const out: Json[] = [local];
  const seen = new Set([vpc.CidrBlock]);
  for (const p of (w.doc.VpcPeeringConnections as Json[])) {
    const peer = p.RequesterVpcInfo.VpcId === vpc.VpcId ? p.AccepterVpcInfo.VpcId : p.AccepterVpcInfo.VpcId === vpc.VpcId ? p.RequesterVpcInfo.VpcId : null;
    const dest = w.vpcs.find((v) => v.VpcId === peer)?.CidrBlock;
    if (dest && !seen.has(dest) && d.chance(0.75)) {
      seen.add(dest);
      out.push({ DestinationCidrBlock: dest, VpcPeeringConnectionId: p.VpcPeeringConnectionId, State: 'active' });
    }
  }
  // Sometimes a route to a prefix list: it routes each CIDR of the list, below CIDR routes of equal length.
  const lists = (w.doc.PrefixLists ?? []) as Json[];
  if (lists.length && d.chance(0.35)) {
    const r: Json = { DestinationPrefixListId: d.pick(lists).PrefixListId, State: 'active' };
    const kind = d.int(0, 3);
    if (kind === 0 && peerings.length) r.VpcPeeringConnectionId = d.pick(peerings);
    else if (kind === 1 && nats.length) r.NatGatewayId = d.pick(nats);
    else if (kind === 2 && igws.length) r.GatewayId = d.pick(igws);
    else r.GatewayId = 'vpce-0123';
    out.push(r);
  }
  for (let k = d.int(0, 4); k > 0; k--) {
    const dest = d.pick([...w.cidrs, '0.0.0.0/0', '0.0.0.0/0']);
    if (seen.has(dest)) continue;
    seen.add(dest);
    const kind = d.int(0, 9);
    const r: Json = { DestinationCidrBlock: dest, State: d.chance(0.08) ? 'blackhole' : 'active' };
    if (kind <= 4 && peerings.length) r.VpcPeeringConnectionId = d.pick(peerings);
    else if (kind <= 6 && nats.length) r.NatGatewayId = d.pick(nats);
    else if (kind <= 8 && igws.length) r.GatewayId = d.pick(igws);
    else r.TransitGatewayId = 'tgw-0123';
    out.push(r);
  }
  return out;
}

/** A random snapshot document. */
export function randomSnapshot(seed: number): Snapshot {
  const d = new Dice(prng(seed));
  const doc: Json = { Vpcs: [], Subnets: [], RouteTables: [], SecurityGroups: [], NetworkAcls: [], NetworkInterfaces: [], Reservations: [], InternetGateways: [], NatGateways: [], VpcPeeringConnections: [], Playground: { regions: {} } };
  const w: World = { doc, vpcs: [], cidrs: ['0.0.0.0/0', '10.0.0.0/8'], sgs: [], eniIps: [] };
  const nv = d.int(2, 4);
  const subnetsOf = new Map<string, Json[]>();
  for (let v = 0; v < nv; v++) {
    const cidr = d.pick(VPC_CIDRS);
    const id = `vpc-${v}`;
    const vpc: Json = { VpcId: id, CidrBlock: cidr, OwnerId: '111122223333' };
    const [a, b] = third(cidr);
    if (d.chance(0.2)) vpc.CidrBlockAssociationSet = [{ CidrBlock: cidr, CidrBlockState: { State: 'associated' } }, { CidrBlock: `100.${64 + v}.0.0/16`, CidrBlockState: { State: 'associated' } }];
    doc.Vpcs.push(vpc);
    w.vpcs.push(vpc);
    w.cidrs.push(cidr);
    doc.Playground.regions[id] = d.chance(0.2) ? 'us-west-2' : 'us-east-1';
    const subs: Json[] = [];
    for (let s = 0, ns = d.int(1, 3); s < ns; s++) {
      const third3 = d.int(0, 3);
      const sub = { SubnetId: `subnet-${v}${s}`, VpcId: id, CidrBlock: `${a}.${b}.${third3 * 4}.0/24`, AvailabilityZone: `${doc.Playground.regions[id]}a` };
      if (subs.some((x) => x.CidrBlock === sub.CidrBlock)) continue;
      subs.push(sub);
      doc.Subnets.push(sub);
      if (d.chance(0.3)) w.cidrs.push(sub.CidrBlock);
    }
    subnetsOf.set(id, subs);
  }
  for (const vpc of w.vpcs) {
    for (let g = 0, n = d.int(1, 3); g < n; g++) w.sgs.push(`sg-${vpc.VpcId.slice(4)}${g}`);
  }
  const peerings: string[] = [];
  for (let p = 0, n = d.int(0, 4); p < n; p++) {
    const a = d.pick(w.vpcs).VpcId;
    const b = d.chance(0.05) ? a : d.pick(w.vpcs).VpcId;
    const id = `pcx-${p}`;
    peerings.push(id);
    doc.VpcPeeringConnections.push({ VpcPeeringConnectionId: id, RequesterVpcInfo: { VpcId: a, Region: doc.Playground.regions[a] }, AccepterVpcInfo: { VpcId: b, Region: doc.Playground.regions[b] },
      Status: { Code: d.pick(['active', 'active', 'active', 'active', 'pending-acceptance', 'deleted']) } });
  }
  if (d.chance(0.2)) peerings.push('pcx-missing');
  const igws: string[] = [];
  const nats: string[] = [];
  for (const vpc of w.vpcs) {
    const subs = subnetsOf.get(vpc.VpcId)!;
    if (d.chance(0.6)) {
      const id = `igw-${vpc.VpcId.slice(4)}`;
      igws.push(id);
      doc.InternetGateways.push({ InternetGatewayId: id, Attachments: d.chance(0.9) ? [{ VpcId: vpc.VpcId, State: 'available' }] : [] });
    }
    if (d.chance(0.5) && subs.length) {
      const sub = d.pick(subs);
      const id = `nat-${vpc.VpcId.slice(4)}`;
      nats.push(id);
      const ip = sub.CidrBlock.replace(/\.0\/24$/, `.${d.chance(0.1) ? 10 : 200}`);
      doc.NatGateways.push({ NatGatewayId: id, SubnetId: sub.SubnetId, VpcId: vpc.VpcId, State: d.chance(0.85) ? 'available' : 'failed',
        NatGatewayAddresses: [{ NetworkInterfaceId: `eni-nat${vpc.VpcId.slice(4)}`, PrivateIp: ip, PublicIp: `198.51.100.${10 + nats.length}` }] });
    }
  }
  for (const vpc of w.vpcs) {
    const subs = subnetsOf.get(vpc.VpcId)!;
    let e = 0;
    for (const sub of subs) {
      for (let k = 0, n = d.int(1, 3); k < n; k++, e++) {
        const ip = sub.CidrBlock.replace(/\.0\/24$/, `.${d.int(4, 7)}`);
        if (doc.NetworkInterfaces.some((x: Json) => x.VpcId === vpc.VpcId && x.PrivateIpAddress === ip) && d.chance(0.8)) continue;
        w.eniIps.push(ip);
        const id = `eni-${vpc.VpcId.slice(4)}${sub.SubnetId.slice(-1)}${k}`;
        const own = w.sgs.filter((g) => g.startsWith(`sg-${vpc.VpcId.slice(4)}`)).concat(d.chance(0.1) ? ['sg-undefined'] : []);
        const groups = [...new Set([d.pick(own), ...d.some(own, d.chance(0.1) ? 0 : 1)])].filter(() => !d.chance(0.03)).map((g) => ({ GroupId: g }));
        const eni: Json = { NetworkInterfaceId: id, SubnetId: d.chance(0.03) ? undefined : sub.SubnetId, VpcId: vpc.VpcId, PrivateIpAddress: ip, Groups: groups,
          Attachment: { InstanceId: `i-${id.slice(4)}`, DeviceIndex: 0 } };
        if (d.chance(0.2)) eni.PrivateIpAddresses = [{ PrivateIpAddress: ip, Primary: true }, { PrivateIpAddress: sub.CidrBlock.replace(/\.0\/24$/, `.${d.int(4, 9)}`) }];
        if (d.chance(0.25)) eni.Association = { PublicIp: `203.0.113.${10 + doc.NetworkInterfaces.length}` };
        doc.NetworkInterfaces.push(eni);
        doc.Reservations.push({ Instances: [{ InstanceId: `i-${id.slice(4)}`, State: { Name: d.chance(0.05) ? 'terminated' : d.chance(0.05) ? 'stopped' : 'running' }, NetworkInterfaces: [{ NetworkInterfaceId: id }] }] });
        if (d.chance(0.25)) w.cidrs.push(`${ip}/32`);
      }
    }
    void e;
  }
  for (const g of w.sgs) {
    doc.SecurityGroups.push({ GroupId: g, VpcId: `vpc-${g[3]}`, IpPermissions: rules(d, w, 4), IpPermissionsEgress: d.chance(0.75) ? [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] : rules(d, w, 3) });
  }
  // Customer-managed prefix lists of VPC, subnet and interface blocks (and one the snapshot lists without CIDRs).
  doc.PrefixLists = Array.from({ length: d.int(0, 2) }, (_, k) => ({ PrefixListId: `pl-${k}`, Cidrs: [...new Set(d.some(w.cidrs, d.int(1, 3)))] }));
  if (d.chance(0.2)) doc.PrefixLists.push({ PrefixListId: 'pl-nocidrs' });
  for (const vpc of w.vpcs) {
    const subs = subnetsOf.get(vpc.VpcId)!;
    const main = { RouteTableId: `rtb-${vpc.VpcId.slice(4)}m`, VpcId: vpc.VpcId, Routes: routes(d, w, vpc, peerings, nats, igws), Associations: [{ Main: true }] };
    doc.RouteTables.push(main);
    if (d.chance(0.6) && subs.length) {
      doc.RouteTables.push({ RouteTableId: `rtb-${vpc.VpcId.slice(4)}c`, VpcId: vpc.VpcId, Routes: routes(d, w, vpc, peerings, nats, igws), Associations: d.some(subs, 2).map((s) => ({ SubnetId: s.SubnetId })) });
    }
    if (d.chance(0.8)) doc.NetworkAcls.push({ NetworkAclId: `acl-${vpc.VpcId.slice(4)}d`, VpcId: vpc.VpcId, IsDefault: true, Entries: d.chance(0.65) ? defaultEntries() : aclEntries(d, w), Associations: [] });
    if (d.chance(0.45) && subs.length) {
      doc.NetworkAcls.push({ NetworkAclId: `acl-${vpc.VpcId.slice(4)}c`, VpcId: vpc.VpcId, IsDefault: false, Entries: aclEntries(d, w), Associations: d.some(subs, 2).map((s) => ({ SubnetId: s.SubnetId })) });
    }
  }
  return doc as Snapshot;
}

function defaultEntries(): Json[] {
  return [false, true].flatMap((egress) => [
    { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: egress, CidrBlock: '0.0.0.0/0' },
    { RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: egress, CidrBlock: '0.0.0.0/0' },
  ]);
}

/** One random edit of the kinds the matrix updates incrementally, and the change that names it. */
export function randomEdit(snapshot: Snapshot, seed: number): { doc: Snapshot; change: MatrixChange } {
  const d = new Dice(prng(seed));
  const doc = structuredClone(snapshot) as Json;
  // Half the time, share the untouched parts as an immutable editor would (the update's fast path).
  if (d.chance(0.5)) for (const k of ['Vpcs', 'Subnets', 'NetworkInterfaces', 'Reservations', 'NatGateways', 'Addresses', 'Playground']) doc[k] = (snapshot as Json)[k];
  const w: World = { doc, vpcs: doc.Vpcs, cidrs: ['0.0.0.0/0', '10.0.0.0/8', ...doc.Vpcs.map((v: Json) => v.CidrBlock), ...doc.Subnets.map((s: Json) => s.CidrBlock)], sgs: doc.SecurityGroups.map((g: Json) => g.GroupId), eniIps: [] };
  const kind = d.int(0, 3);
  if (kind === 0 && doc.SecurityGroups.length) {
    const sg = d.pick(doc.SecurityGroups as Json[]);
    if (d.chance(0.5)) sg.IpPermissions = rules(d, w, 4);
    else sg.IpPermissionsEgress = rules(d, w, 3);
    return { doc: doc as Snapshot, change: { kind: 'security-group', groupId: sg.GroupId } };
  }
  if (kind === 1 && doc.NetworkAcls.length) {
    const acl = d.pick(doc.NetworkAcls as Json[]);
    if (d.chance(0.7)) acl.Entries = aclEntries(d, w);
    else acl.Associations = d.some(doc.Subnets.filter((s: Json) => s.VpcId === acl.VpcId) as Json[], 2).map((s: Json) => ({ SubnetId: s.SubnetId }));
    return { doc: doc as Snapshot, change: { kind: 'network-acl', aclId: acl.NetworkAclId } };
  }
  if (kind === 2 && doc.RouteTables.length) {
    const rt = d.pick(doc.RouteTables as Json[]);
    const vpc = doc.Vpcs.find((v: Json) => v.VpcId === rt.VpcId);
    const choice = d.int(0, 2);
    if (choice === 0) rt.Routes = routes(d, w, vpc, doc.VpcPeeringConnections.map((p: Json) => p.VpcPeeringConnectionId), doc.NatGateways.map((n: Json) => n.NatGatewayId), doc.InternetGateways.map((g: Json) => g.InternetGatewayId));
    else if (choice === 1) rt.Associations = d.some(doc.Subnets.filter((s: Json) => s.VpcId === rt.VpcId) as Json[], 2).map((s: Json) => ({ SubnetId: s.SubnetId }));
    else rt.Routes = rt.Routes.filter(() => d.chance(0.5));
    return { doc: doc as Snapshot, change: { kind: 'route-table', routeTableId: rt.RouteTableId } };
  }
  if (doc.VpcPeeringConnections.length) {
    const p = d.pick(doc.VpcPeeringConnections as Json[]);
    if (d.chance(0.2)) doc.VpcPeeringConnections = doc.VpcPeeringConnections.filter((x: Json) => x !== p);
    else p.Status = { Code: d.pick(['active', 'pending-acceptance', 'deleted']) };
    return { doc: doc as Snapshot, change: { kind: 'peering', peeringId: p.VpcPeeringConnectionId } };
  }
  return { doc: doc as Snapshot, change: { kind: 'full' } };
}

/**
 * A random snapshot rebuilt around NAT gateways that forward to private destinations: every
 * VPC's subnets but the NAT's send 0.0.0.0/0 to its NAT gateway, the NAT's subnet routes the
 * peer VPCs over their peerings, and the peers route back over the peering (or, sometimes,
 * through their own NAT gateway, or not at all). Replies then come back through the NAT.
 */
export function randomNatSnapshot(seed: number): Snapshot {
  const doc = randomSnapshot(seed) as Json;
  const d = new Dice(prng(seed ^ 0x5bd1e995));
  const vpcs: Json[] = doc.Vpcs;
  doc.VpcPeeringConnections = [];
  for (let a = 0; a < vpcs.length; a++) {
    for (let b = a + 1; b < vpcs.length; b++) {
      if (!d.chance(0.8)) continue;
      const id = `pcx-n${a}${b}`;
      const [va, vb] = [vpcs[a].VpcId, vpcs[b].VpcId];
      doc.VpcPeeringConnections.push({ VpcPeeringConnectionId: id, RequesterVpcInfo: { VpcId: va, Region: doc.Playground.regions[va] }, AccepterVpcInfo: { VpcId: vb, Region: doc.Playground.regions[vb] }, Status: { Code: d.chance(0.9) ? 'active' : 'pending-acceptance' } });
    }
  }
  const natOf = new Map<string, Json>();
  for (const n of doc.NatGateways as Json[]) {
    if (d.chance(0.9)) n.State = 'available';
    natOf.set(n.VpcId, n);
  }
  doc.RouteTables = [];
  for (const vpc of vpcs) {
    const id = vpc.VpcId;
    const subs = (doc.Subnets as Json[]).filter((s) => s.VpcId === id);
    const nat = natOf.get(id);
    const peerRoutes = (p: number): Json[] => (doc.VpcPeeringConnections as Json[]).flatMap((x): Json[] => {
      const peer = x.RequesterVpcInfo.VpcId === id ? x.AccepterVpcInfo.VpcId : x.AccepterVpcInfo.VpcId === id ? x.RequesterVpcInfo.VpcId : null;
      const cidr = vpcs.find((v) => v.VpcId === peer)?.CidrBlock;
      if (!cidr || cidr === vpc.CidrBlock || !d.chance(p)) return [];
      if (nat && d.chance(0.2)) return [{ DestinationCidrBlock: cidr, NatGatewayId: nat.NatGatewayId, State: 'active' }];
      return [{ DestinationCidrBlock: d.chance(0.85) ? cidr : cidr.replace(/\/16$/, '/20'), VpcPeeringConnectionId: x.VpcPeeringConnectionId, State: 'active' }];
    });
    const local = { DestinationCidrBlock: vpc.CidrBlock, GatewayId: 'local', State: 'active' };
    const dedupe = (routes: Json[]) => routes.filter((r, k) => routes.findIndex((q) => q.DestinationCidrBlock === r.DestinationCidrBlock) === k);
    if (!nat) {
      doc.RouteTables.push({ RouteTableId: `rtb-${id.slice(4)}m`, VpcId: id, Routes: dedupe([local, ...peerRoutes(0.8)]), Associations: [{ Main: true }] });
      continue;
    }
    const natSubnet = nat.SubnetId;
    const main: Json[] = [local, ...peerRoutes(0.85)];
    doc.RouteTables.push({ RouteTableId: `rtb-${id.slice(4)}m`, VpcId: id, Routes: dedupe(main), Associations: [{ Main: true }, { SubnetId: natSubnet }] });
    const priv: Json[] = [local, { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat.NatGatewayId, State: 'active' }, ...peerRoutes(0.3)];
    doc.RouteTables.push({ RouteTableId: `rtb-${id.slice(4)}p`, VpcId: id, Routes: dedupe(priv), Associations: subs.filter((s) => s.SubnetId !== natSubnet && d.chance(0.85)).map((s) => ({ SubnetId: s.SubnetId })) });
  }
  // Some NACLs pass only part of the ports a NAT gateway picks (1024-65535, one per flow).
  for (const acl of doc.NetworkAcls as Json[]) {
    if (!d.chance(0.5)) continue;
    const egress = d.chance(0.5);
    acl.Entries = [...acl.Entries,
      { RuleNumber: 1, Protocol: '6', RuleAction: 'allow', Egress: egress, CidrBlock: d.pick(['0.0.0.0/0', '10.0.0.0/8']), PortRange: { From: 32768, To: 60999 } },
      { RuleNumber: 2, Protocol: '6', RuleAction: 'deny', Egress: egress, CidrBlock: '0.0.0.0/0', PortRange: { From: 1024, To: 65535 } }];
  }
  return doc as Snapshot;
}

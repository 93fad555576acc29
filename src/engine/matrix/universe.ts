import { instanceNotRunning } from '../model/instance-state.ts';
import { contains } from '../ip/index.ts';
import { subnetContaining } from '../model/compile.ts';
import { NO_SECURITY_GROUP, hasNoSecurityGroup } from '../model/no-security-group.ts';
import type { NEni, NNatGateway, NVpc, Network } from '../model/network.ts';
import { lowerBound, makeSpace, type Space } from './space.ts';

/**
 * Something that puts packets on the wire: a matrix interface, or a NAT gateway re-sending
 * translated traffic (the walk then passes no security groups: `sourceGroups` is null).
 * Resources are held by id: the objects are those of whichever network is current.
 */
export interface Sender {
  eniId: string;
  natId: string | null;
  ip: number;
  /** The subnet the packet leaves from. */
  subnetId: string | null;
  vpcId: string | null;
  /** Groups a security group rule may reference for this source; empty after NAT. */
  groupIds: ReadonlySet<string>;
  /** Row of the public matrix, -1 for a NAT gateway. */
  row: number;
  /** The interface its VPC's address map resolves its address to, so a reply reaches it. */
  canonical: boolean;
  /** The subnet a packet to this address is routed into (decides the same-subnet NACL skip). */
  hopSubnetId: string | null;
  /** Senders with equal keys share their security-group egress lowering: VPC and group ids. */
  sgKey: string;
}

/**
 * Where a packet to a matrix address can land: the interface that owns the address in one
 * VPC's address map. Usually one per address; overlapping VPCs give several, and which one a
 * packet reaches depends on the sender's routes.
 */
export interface Target {
  eniId: string;
  ip: number;
  vpcId: string;
  subnetId: string | null;
  groupIds: ReadonlySet<string>;
  hopSubnetId: string | null;
  /** The group ids as one key (idsKey: Lowering.sgIn's key). */
  groupsKey: string;
  /** Whether the address is inside its VPC's blocks (with the subnet, what its reply routing depends on). */
  inVpc: boolean;
}

export interface Universe {
  /** Public row/column order: interface ids sorted by primary private IP, then id. */
  eniIds: string[];
  publicAddrs: Uint32Array;
  senders: Sender[];
  S: Space;
  rowSender: Int32Array;
  natSender: Map<string, number>;
  targets: Target[];
  T: Space;
  /** Per public column, its interface's own target [colLo, colHi): one, or none (a stopped instance; an address another interface of its VPC holds). */
  colLo: Int32Array;
  colHi: Int32Array;
  /** True when column j's only target is target j: the public row is the internal row. */
  identity: boolean;
  /** What the structure was read from, to notice an edit that changed it (the signature is made on demand). */
  signature: string | null;
  sources: unknown[];
}

/**
 * NAT gateway interfaces are infrastructure, not endpoints a learner picks, and interfaces of
 * terminated instances send and receive nothing (`vpc-lab trace` refuses both as ends).
 */
export function inMatrix(eni: NEni): boolean {
  return eni.natGatewayId === null && eni.interfaceType !== 'nat_gateway' && eni.instanceState !== 'terminated';
}

/** A NAT gateway the walk would pass traffic through (throughNatGateway's checks). */
export function usableNat(n: NNatGateway): boolean {
  return n.state === 'available' && n.subnet !== null && n.privateIp !== null && n.eni !== null;
}

const byIpThenId = (a: { ip: number; id: string }, b: { ip: number; id: string }) => a.ip - b.ip || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const NO_GROUPS: ReadonlySet<string> = new Set();

/** Group ids as one sorted key (the groups' rules form one set: order does not matter). */
export function idsKey(ids: ReadonlySet<string>): string {
  // Most interfaces have one group: its id is the key (what sort and join would give), no arrays.
  if (ids.size === 1) for (const id of ids) return id;
  return ids.size === 0 ? '' : [...ids].sort().join(',');
}

function byTargetId(a: Target, b: Target): number {
  const x = `${a.vpcId}|${a.eniId}`;
  const y = `${b.vpcId}|${b.eniId}`;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Target.arrivalKey and replyKey of old, made for the signature only: the build reads subnetId, groupsKey and inVpc. */
const arrivalKey = (t: Target) => `${t.subnetId ?? '-'}|${t.groupsKey}`;
const replyKey = (t: Target) => `${t.subnetId ?? '-'}|${t.inVpc ? 1 : 0}`;

function hopOf(eni: NEni, vpc: NVpc | null, ip: number): string | null {
  return (eni.subnet ?? (vpc ? subnetContaining(vpc, ip) : null))?.id ?? null;
}

export function buildUniverse(net: Network): Universe {
  const enis = [...net.enis.values()].filter(inMatrix).map((e) => ({ e, ip: e.privateIp, id: e.id })).sort(byIpThenId).map((x) => x.e);
  const keys = new Map<NEni, string>();
  const keyOf = (e: NEni) => {
    let k = keys.get(e);
    // An interface filtered by no security group (an NLB's) must not share the cached masks of one with no group at all.
    if (k === undefined) keys.set(e, (k = hasNoSecurityGroup(e) ? NO_SECURITY_GROUP.id : idsKey(e.groupIds)));
    return k;
  };
  const senderList: (Sender & { id: string; kind: number })[] = enis.map((eni, row) => ({
    eniId: eni.id, natId: null, ip: eni.privateIp, subnetId: eni.subnet?.id ?? null, vpcId: eni.vpc?.id ?? null, groupIds: eni.groupIds, row, id: eni.id, kind: 0,
    canonical: eni.vpc !== null && net.enisByPrivateIp.get(eni.vpc.id)?.get(eni.privateIp) === eni, hopSubnetId: hopOf(eni, eni.vpc, eni.privateIp),
    sgKey: `${eni.vpc?.id ?? '-'}|${keyOf(eni)}`,
  }));
  for (const n of net.natGateways.values()) {
    if (!usableNat(n)) continue;
    const subnet = n.subnet!;
    senderList.push({ eniId: n.eni!.id, natId: n.id, ip: n.privateIp!, subnetId: subnet.id, vpcId: subnet.vpc.id, groupIds: NO_GROUPS, row: -1, id: n.id, kind: 1, canonical: false, hopSubnetId: subnet.id, sgKey: '' });
  }
  senderList.sort((a, b) => a.ip - b.ip || a.kind - b.kind || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rowSender = new Int32Array(enis.length);
  const natSender = new Map<string, number>();
  senderList.forEach((s, i) => (s.row >= 0 ? (rowSender[s.row] = i) : natSender.set(s.natId!, i)));

  const wanted = new Set(enis.map((e) => e.privateIp));
  const targetList: Target[] = [];
  // forEach rather than destructured entries: no [ip, owner] array per address.
  for (const byIp of net.enisByPrivateIp.values()) {
    byIp.forEach((owner, ip) => {
      // A stopped instance's address is still its own, but nothing answers at it: no target.
      if (!wanted.has(ip) || !owner.vpc || instanceNotRunning(owner)) return;
      const inVpc = owner.vpc.cidrs.some((c) => contains(c, ip));
      targetList.push({
        eniId: owner.id, ip, vpcId: owner.vpc.id, subnetId: owner.subnet?.id ?? null, groupIds: owner.groupIds, hopSubnetId: hopOf(owner, owner.vpc, ip), groupsKey: keyOf(owner), inVpc,
      });
    });
  }
  // Ties (one address in overlapping VPCs) are rare: their "vpc|eni" sort key is made only then.
  targetList.sort((a, b) => a.ip - b.ip || byTargetId(a, b));
  const T = makeSpace(targetList.map((t) => t.ip));
  const publicAddrs = Uint32Array.from(enis.map((e) => e.privateIp));
  const colLo = new Int32Array(enis.length);
  const colHi = new Int32Array(enis.length);
  let identity = targetList.length === enis.length;
  enis.forEach((e, j) => {
    // The column is the interface's own target among those at its address (one per VPC), or none.
    const lo = lowerBound(T.addrs, e.privateIp);
    const hi = lowerBound(T.addrs, e.privateIp + 1);
    let own = lo;
    while (own < hi && targetList[own].eniId !== e.id) own++;
    colLo[j] = own;
    colHi[j] = own < hi ? own + 1 : own;
    if (colHi[j] - colLo[j] !== 1 || targetList[colLo[j]].eniId !== e.id || colLo[j] !== j) identity = false;
  });
  return {
    eniIds: enis.map((e) => e.id), publicAddrs, senders: senderList, S: makeSpace(senderList.map((x) => x.ip)), rowSender, natSender,
    targets: targetList, T, colLo, colHi, identity, signature: null, sources: structuralSources(net),
  };
}

/**
 * The parts of the document the interfaces, subnets, VPC blocks and NAT gateways are read
 * from. When an edit leaves them the same objects, the structure cannot have changed.
 */
function structuralSources(net: Network): unknown[] {
  const s = net.snapshot as Record<string, unknown>;
  return ['Vpcs', 'Subnets', 'NetworkInterfaces', 'Reservations', 'NatGateways', 'Addresses', 'Playground'].map((k) => s[k]);
}

/**
 * True when `net` has the structure the universe was built from: same interfaces, addresses,
 * subnets, VPC blocks and NAT gateways. Cheap when the edit replaced only other parts of the
 * document; otherwise the structure is rebuilt and compared.
 */
export function sameStructure(u: Universe, before: Network, after: Network): boolean {
  const now = structuralSources(after);
  if (now.every((x, i) => x === u.sources[i])) return true;
  u.signature ??= signatureOf(u, before);
  const fresh = buildUniverse(after);
  if (signatureOf(fresh, after) !== u.signature) return false;
  u.sources = fresh.sources;
  return true;
}

/** Everything about the structure the matrix depends on, as text. */
function signatureOf(u: Universe, net: Network): string {
  return [
    shapeOf(net), net.enis.size,
    ...[...net.enis.values()].map((e) => `${e.id} ${e.privateIps.join(',')} ${e.publicIp} ${e.instanceState} ${e.vpc?.id} ${e.subnet?.id} ${e.natGatewayId} ${[...e.groupIds].sort()}`),
    ...u.senders.map((x) => `${x.eniId} ${x.natId} ${x.ip} ${x.subnetId} ${x.vpcId} ${x.canonical} ${x.hopSubnetId} ${x.sgKey}`),
    ...u.targets.map((x) => `${x.eniId} ${x.vpcId} ${x.ip} ${x.subnetId} ${arrivalKey(x)} ${replyKey(x)} ${x.hopSubnetId}`),
  ].join('\n');
}

/** The VPCs' address blocks and subnets, as text: routing and subnet lookups depend on them. */
function shapeOf(net: Network): string {
  const parts: string[] = [];
  for (const v of net.vpcs.values()) {
    parts.push(v.id, ...v.cidrs.map((c) => `${c.base}/${c.prefix}`));
    for (const s of v.subnets) parts.push(s.id, s.cidr ? `${s.cidr.base}/${s.cidr.prefix}` : '-');
  }
  return parts.join(' ');
}


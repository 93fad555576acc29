import { type Cidr, contains } from '../ip/index.ts';
import type { NEni, NNatGateway, NPeering, NRouteTable, NVpc, Network } from '../model/network.ts';
import type { VpcPeeringConnection } from '../model/schema.ts';

/**
 * Lookups the walk and its explanations make on every trace, indexed once per compiled
 * (immutable) network. Scanning every VPC, peering and route table of a large estate for each
 * explanation cost more than the rest of the walk.
 *
 * Keyed by the Network, never by its parts: a VPC object can be shared by the networks of
 * successive documents (see model/compile-memo.ts) while their interfaces, peerings or route
 * tables differ.
 */
export interface NetIndex {
  /** VPC CIDRs of prefix >= 16 by their /16 (the address's top 16 bits), with the VPC's map order. */
  vpcBlocks: Map<number, VpcBlock[]>;
  /** VPC CIDRs wider than /16, checked for every address. */
  wideVpcBlocks: VpcBlock[];
  /** The peering peeringBetween picks, by the two VPC ids (both orders). */
  peerings: Map<string, Map<string, NPeering>>;
  /** Route tables by VPC id, in map order. */
  tablesByVpc: Map<string, NRouteTable[]>;
  /** Available NAT gateways by VPC, in map order. */
  natsByVpc: Map<NVpc, NNatGateway[]>;
  /** The snapshot's peering connection documents by id (the first of an id), for hops that quote them. Built on first use. */
  peeringDocs?: Map<string, VpcPeeringConnection>;
  /** Per VPC id: the VPCs its security groups may reference (filters.ts). Built on first use. */
  groupPeers?: Map<string, string[]>;
  /** Per VPC id: its own private-address map, then those of its group peers (filters.ts). Filled on first use. */
  groupScopes: Map<string, Map<number, NEni>[]>;
}

interface VpcBlock {
  order: number;
  vpc: NVpc;
  cidr: Cidr;
}

const INDEX = new WeakMap<Network, NetIndex>();
const DEAD_PEERING = new Set(['deleted', 'rejected', 'expired', 'failed']);

export function netIndex(net: Network): NetIndex {
  let index = INDEX.get(net);
  if (index === undefined) INDEX.set(net, (index = buildIndex(net)));
  return index;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function buildIndex(net: Network): NetIndex {
  const vpcBlocks = new Map<number, VpcBlock[]>();
  const wideVpcBlocks: VpcBlock[] = [];
  let order = 0;
  for (const vpc of net.vpcs.values()) {
    for (const cidr of vpc.cidrs) {
      const block = { order, vpc, cidr };
      if (cidr.prefix < 16) wideVpcBlocks.push(block);
      else push(vpcBlocks, cidr.base >>> 16, block);
    }
    order++;
  }
  // The first active peering joining two VPCs, else the first joining one that is not dead.
  const active = new Map<string, Map<string, NPeering>>();
  const other = new Map<string, Map<string, NPeering>>();
  const setFirst = (m: Map<string, Map<string, NPeering>>, a: string, b: string, p: NPeering) => {
    let inner = m.get(a);
    if (!inner) m.set(a, (inner = new Map()));
    if (!inner.has(b)) inner.set(b, p);
  };
  for (const p of net.peerings.values()) {
    if (p.requesterVpcId === null || p.accepterVpcId === null || DEAD_PEERING.has(p.status)) continue;
    const m = p.status === 'active' ? active : other;
    setFirst(m, p.requesterVpcId, p.accepterVpcId, p);
    setFirst(m, p.accepterVpcId, p.requesterVpcId, p);
  }
  const peerings = new Map<string, Map<string, NPeering>>();
  for (const m of [active, other]) for (const [a, inner] of m) for (const [b, p] of inner) setFirst(peerings, a, b, p);
  const tablesByVpc = new Map<string, NRouteTable[]>();
  for (const t of net.routeTables.values()) push(tablesByVpc, t.vpcId, t);
  const natsByVpc = new Map<NVpc, NNatGateway[]>();
  for (const n of net.natGateways.values()) if (n.state === 'available' && n.subnet) push(natsByVpc, n.subnet.vpc, n);
  return { vpcBlocks, wideVpcBlocks, peerings, tablesByVpc, natsByVpc, groupScopes: new Map() };
}

/**
 * The first VPC in map order (other than `except`) whose CIDRs contain the address, as a scan
 * of net.vpcs would find it.
 */
export function vpcContaining(net: Network, ip: number, except: NVpc | null = null): NVpc | null {
  const index = netIndex(net);
  let best: NVpc | null = null;
  let bestOrder = Infinity;
  const blocks = index.vpcBlocks.get(ip >>> 16);
  if (blocks !== undefined) {
    for (let i = 0; i < blocks.length; i++) {
      const b = blocks[i];
      if (b.order < bestOrder && b.vpc !== except && contains(b.cidr, ip)) ((best = b.vpc), (bestOrder = b.order));
    }
  }
  const wide = index.wideVpcBlocks;
  for (let i = 0; i < wide.length; i++) {
    const b = wide[i];
    if (b.order < bestOrder && b.vpc !== except && contains(b.cidr, ip)) ((best = b.vpc), (bestOrder = b.order));
  }
  return best;
}

/** The VPC's first CIDR that contains the address. */
export function cidrContaining(vpc: NVpc, ip: number): Cidr | null {
  for (const c of vpc.cidrs) if (contains(c, ip)) return c;
  return null;
}

/** The snapshot's document of a peering connection, as `VpcPeeringConnections.find` by id gives it. */
export function peeringDocument(net: Network, id: string): VpcPeeringConnection | undefined {
  const index = netIndex(net);
  let docs = index.peeringDocs;
  if (docs === undefined) {
    docs = new Map();
    const list = net.snapshot.VpcPeeringConnections;
    if (list) for (const p of list) if (p && !docs.has(p.VpcPeeringConnectionId)) docs.set(p.VpcPeeringConnectionId, p);
    index.peeringDocs = docs;
  }
  return docs.get(id);
}

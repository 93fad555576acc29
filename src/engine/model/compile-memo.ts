/**
 * What an incremental network compiler remembers between documents (see createNetworkCompiler).
 * An edit returns a document that shares every object it did not touch, so the compiled pieces
 * that depend on one document object alone are kept in WeakMaps keyed by that object: route
 * tables, network ACLs and security groups (which link to nothing else in the network), an
 * interface's combined document and the facts read from it. Pieces that link to others (VPCs,
 * subnets, interfaces) are built anew every time, from the remembered parts.
 *
 * A remembered piece also records what else it was computed from (its index in its list, the
 * VPC's blocks, the prefix lists, the Elastic IPs...): it is reused only when that is unchanged.
 * Compiled pieces are shared by the networks of successive documents and must not be modified.
 */
import type { Cidr } from '../ip/index.ts';
import type { Network, NAcl, NEni, NRouteTable, NSecurityGroup } from './network.ts';
import type { NetworkInterface } from './schema.ts';
import type { RawEni } from './compile-eni.ts';

/** The VPCs, subnets, route tables, ACLs, gateways and peerings of a network: linked to each other, not to interfaces. */
export type Topology = Pick<Network, 'vpcs' | 'subnets' | 'routeTables' | 'acls' | 'internetGateways' | 'peerings'>;

/** What compileEnis reads from an interface's document (and its instance's), before linking it. */
export interface EniFacts {
  name: string | null;
  privateIps: number[];
  publicIp: number | null;
  secondaryPublicIps: ReadonlyMap<number, number> | null;
  groupIds: string[];
  instanceId: string | null;
  instanceState: string | null;
  deviceIndex: number | null;
  interfaceType: string;
  nitro: boolean;
  ownerId: string | undefined;
  subnetId: string | undefined;
  vpcId: string | undefined;
}

export interface CompileMemo {
  routeTables: WeakMap<object, { index: number; cidrs: readonly Cidr[]; prefixLists: unknown; table: NRouteTable }>;
  acls: WeakMap<object, { index: number; acl: NAcl }>;
  securityGroups: WeakMap<object, { index: number; prefixLists: unknown; group: NSecurityGroup }>;
  /** An instance's copy of an interface, combined with the NetworkInterfaces copy (or alone). */
  combined: WeakMap<object, { base: object | null; instanceId: string; doc: NetworkInterface }>;
  /** Per combined interface document: its facts, for one instance and one Addresses list. */
  eniFacts: WeakMap<object, { instance: object | null; addresses: unknown; facts: EniFacts }>;
  /** The last topology and the document parts it was compiled from (compared by identity). */
  topology: { deps: readonly unknown[]; topology: Topology } | null;
  /** The last gathering of interfaces and the two lists it read. */
  gathered: { interfaces: unknown; reservations: unknown; enis: Map<string, RawEni> } | null;
  /**
   * The last network's interfaces and what they were linked with: one is reused while the
   * topology, Elastic IPs and NAT gateways are the same objects, it comes from the same
   * (combined) document, instance and path, and its groups resolve to the same compiled groups.
   */
  enis: { subnets: Network['subnets']; addresses: unknown; natGateways: unknown; enis: Network['enis'] } | null;
  /** The documents each compiled interface was read from (set once, when it is built). */
  eniSources: WeakMap<NEni, { doc: object; instance: object | null }>;
}

export function createCompileMemo(): CompileMemo {
  return {
    routeTables: new WeakMap(), acls: new WeakMap(), securityGroups: new WeakMap(), combined: new WeakMap(), eniFacts: new WeakMap(),
    topology: null, gathered: null, enis: null, eniSources: new WeakMap(),
  };
}

export function sameCidrs(a: readonly Cidr[], b: readonly Cidr[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].base !== b[i].base || a[i].prefix !== b[i].prefix) return false;
  return true;
}

/** True when two lists hold the same items, compared by identity. */
export function sameItems(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

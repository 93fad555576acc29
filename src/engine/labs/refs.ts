/**
 * References in checks. A lab names resources in one of two ways:
 * - an AWS id (`vpc-0a1b…`, `i-0c2d…`), an IPv4 address, or `internet`, used as written;
 * - `name:<Name tag>` (`name:web-1`), looked up in the learner's current snapshot.
 * Names are the robust choice: the resources a learner creates get ids the lab cannot know,
 * and a lab's own resources keep their names. What a name turns into depends on where it is
 * used: a traffic end becomes the instance (or interface) id, an address field the primary
 * private IPv4, an `interfaceId` the primary network interface.
 */
import type { Snapshot } from '../model/schema.ts';
import { type CollectionName, type ResourceItem, collectionItems, indexResources } from './resources.ts';

/** The prefix that marks a reference by Name tag. */
export const NAME_PREFIX = 'name:';

/** A resolution: a value, or a sentence for the check's detail. */
export type Resolved<T> = { ok: true; value: T } | { ok: false; error: string };

type Json = Record<string, unknown>;
const ok = <T>(value: T): Resolved<T> => ({ ok: true, value });
const fail = <T>(error: string): Resolved<T> => ({ ok: false, error });
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** True when a string is a `name:` reference. */
export function isNameRef(v: unknown): boolean {
  return typeof v === 'string' && v.startsWith(NAME_PREFIX);
}

/** Kinds that can send and receive traffic, most specific first. */
const TRAFFIC_ENDS: CollectionName[] = ['Instances', 'NetworkInterfaces', 'NatGateways'];

/** Resolves references against one document (build one per evaluation). */
export class Resolver {
  private readonly items: ResourceItem[];
  private readonly byName = new Map<string, ResourceItem[]>();
  private readonly byId = new Map<string, ResourceItem>();

  constructor(private readonly doc: Snapshot) {
    this.items = indexResources(doc);
    for (const r of this.items) {
      if (!this.byId.has(r.id)) this.byId.set(r.id, r);
      if (r.name === null) continue;
      const list = this.byName.get(r.name);
      if (list) list.push(r);
      else this.byName.set(r.name, [r]);
    }
  }

  /** The resource a reference names (by id or by Name tag), optionally only among some kinds. */
  find(ref: string, kinds?: readonly CollectionName[]): Resolved<ResourceItem> {
    if (!isNameRef(ref)) {
      const r = this.byId.get(ref);
      return r && (!kinds || kinds.includes(r.collection)) ? ok(r) : fail(`${ref} is not in the document`);
    }
    const name = ref.slice(NAME_PREFIX.length);
    const all = this.byName.get(name) ?? [];
    const found = kinds ? all.filter((r) => kinds.includes(r.collection)) : all;
    if (found.length === 0) return fail(all.length > 0 ? `"${name}" names ${describe(all[0])}, which cannot be used here` : `no resource is named "${name}"`);
    // The first kind in the caller's order wins: an instance and its interface may share a name.
    const order = kinds ?? [];
    found.sort((a, b) => order.indexOf(a.collection) - order.indexOf(b.collection));
    const same = found.filter((r) => r.collection === found[0].collection);
    if (same.length > 1 || (!kinds && found.length > 1)) return fail(`the name "${name}" is ambiguous: ${found.map(describe).join(', ')}`);
    return ok(found[0]);
  }

  /** Any resource id: ids pass through unchanged, names become the resource's id. */
  resourceId(ref: string): Resolved<string> {
    if (!isNameRef(ref)) return ok(ref);
    const r = this.find(ref);
    return r.ok ? ok(r.value.id) : r;
  }

  /** A traffic end for traceProbe: an instance or interface id, an address, or `internet`. */
  endpoint(ref: string): Resolved<string> {
    if (!isNameRef(ref)) return ok(ref);
    const r = this.find(ref, TRAFFIC_ENDS);
    if (!r.ok) return r;
    if (r.value.collection === 'NatGateways') {
      const eni = natAddress(r.value.item)?.NetworkInterfaceId;
      return typeof eni === 'string' ? ok(eni) : fail(`NAT gateway ${r.value.id} has no network interface`);
    }
    return ok(r.value.id);
  }

  /** A network interface id: an instance (or NAT gateway) stands for its primary interface. */
  interfaceId(ref: string): Resolved<string> {
    if (!isNameRef(ref) && !ref.startsWith('i-') && !ref.startsWith('nat-')) return ok(ref);
    const r = this.find(ref, TRAFFIC_ENDS);
    if (!r.ok) return r;
    const { collection, item, id } = r.value;
    if (collection === 'NetworkInterfaces') return ok(id);
    const eni = collection === 'NatGateways' ? natAddress(item)?.NetworkInterfaceId : this.primaryEni(id, item)?.NetworkInterfaceId;
    return typeof eni === 'string' ? ok(eni) : fail(`${describe(r.value)} has no network interface in the document`);
  }

  /** An IPv4 address: a named instance, interface or NAT gateway stands for its primary private IPv4. */
  address(ref: string): Resolved<string> {
    if (!isNameRef(ref)) return ok(ref);
    const r = this.find(ref, TRAFFIC_ENDS);
    if (!r.ok) return r;
    const { collection, item, id } = r.value;
    const ip = collection === 'NatGateways' ? natAddress(item)?.PrivateIp
      : collection === 'Instances' ? item.PrivateIpAddress ?? this.primaryEni(id, item)?.PrivateIpAddress
        : item.PrivateIpAddress;
    return typeof ip === 'string' ? ok(ip) : fail(`${describe(r.value)} has no private IPv4 address in the document`);
  }

  private primaryEni(instanceId: string, instance: Json): Json | undefined {
    const own = Array.isArray(instance.NetworkInterfaces) ? instance.NetworkInterfaces.filter(isObject) : [];
    const attached = collectionItems(this.doc, 'NetworkInterfaces').filter((e) => isObject(e.Attachment) && e.Attachment.InstanceId === instanceId);
    const all = [...own, ...attached];
    return all.find((e) => isObject(e.Attachment) && e.Attachment.DeviceIndex === 0) ?? all[0];
  }
}

function natAddress(nat: Json): Json | undefined {
  const list = Array.isArray(nat.NatGatewayAddresses) ? nat.NatGatewayAddresses.filter(isObject) : [];
  return list.find((a) => typeof a.PrivateIp === 'string') ?? list[0];
}

/** What one item of each collection is called in messages ("route table"). */
export const KIND_WORDS: Record<CollectionName, string> = {
  Vpcs: 'VPC', Subnets: 'subnet', RouteTables: 'route table', SecurityGroups: 'security group', NetworkAcls: 'network ACL',
  VpcPeeringConnections: 'peering connection', InternetGateways: 'internet gateway', NatGateways: 'NAT gateway',
  NetworkInterfaces: 'network interface', Instances: 'instance', Addresses: 'Elastic IP', FlowLogs: 'flow log', IamRoles: 'IAM role',
};

/** "3 route tables", "1 NAT gateway", for messages. */
export function countOf(n: number, collection: CollectionName): string {
  const word = KIND_WORDS[collection];
  return `${n} ${word}${n === 1 ? '' : word.endsWith('s') ? 'es' : 's'}`;
}

/** "instance i-0abc", for messages. */
export function describe(r: ResourceItem): string {
  return `${KIND_WORDS[r.collection]} ${r.id}`;
}

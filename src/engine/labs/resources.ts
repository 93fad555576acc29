/**
 * The resources of a snapshot document as lab checks see them: every list of the document
 * (plus the instances inside Reservations and the IAM roles under Playground), each item with
 * its id and its Name tag, so a check can name "web-1" instead of an id the learner's own
 * resources will not share.
 */
import type { Snapshot } from '../model/schema.ts';

type Json = Record<string, unknown>;

/** The collections a check may select from, with the field holding each item's id. */
export const COLLECTION_ID_FIELDS = {
  Vpcs: 'VpcId',
  Subnets: 'SubnetId',
  RouteTables: 'RouteTableId',
  SecurityGroups: 'GroupId',
  NetworkAcls: 'NetworkAclId',
  VpcPeeringConnections: 'VpcPeeringConnectionId',
  InternetGateways: 'InternetGatewayId',
  NatGateways: 'NatGatewayId',
  NetworkInterfaces: 'NetworkInterfaceId',
  Instances: 'InstanceId',
  Addresses: 'AllocationId',
  FlowLogs: 'FlowLogId',
  IamRoles: 'RoleName',
} as const;

/** A collection name: a describe-* key, `Instances` (inside Reservations) or `IamRoles` (Playground.iamRoles). */
export type CollectionName = keyof typeof COLLECTION_ID_FIELDS;
export const COLLECTION_NAMES = Object.keys(COLLECTION_ID_FIELDS) as CollectionName[];

/** One resource of the snapshot. */
export interface ResourceItem {
  collection: CollectionName;
  id: string;
  /** The Name tag (an IAM role's RoleName), or null. */
  name: string | null;
  item: Json;
}

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const objects = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isObject) : []);

function nameOf(item: Json): string | null {
  const tags = Array.isArray(item.Tags) ? item.Tags : Array.isArray(item.TagSet) ? item.TagSet : [];
  for (const t of tags) if (isObject(t) && t.Key === 'Name' && typeof t.Value === 'string') return t.Value;
  return null;
}

/** The items of one collection, in document order. */
export function collectionItems(doc: Snapshot, collection: CollectionName): Json[] {
  const d = doc as Json;
  if (collection === 'Instances') return objects(d.Reservations).flatMap((r) => objects(r.Instances));
  if (collection === 'IamRoles') return isObject(d.Playground) ? objects(d.Playground.iamRoles) : [];
  return objects(d[collection]);
}

/** Every resource with an id, collection by collection. Built once per snapshot. */
export function indexResources(doc: Snapshot): ResourceItem[] {
  const out: ResourceItem[] = [];
  for (const collection of COLLECTION_NAMES) {
    const field = COLLECTION_ID_FIELDS[collection];
    for (const item of collectionItems(doc, collection)) {
      const id = item[field];
      if (typeof id !== 'string') continue;
      out.push({ collection, id, name: collection === 'IamRoles' ? id : nameOf(item), item });
    }
  }
  return out;
}

/**
 * One editor tab = one resource, shown exactly as `aws ec2 describe-*` prints it:
 * `{ "Vpcs": [ {...} ] }`, `{ "Reservations": [ { ..., "Instances": [ {...} ] } ] }`.
 * This module finds a resource in the document, prints it, puts an edited copy back, and maps
 * diagnostic paths between the document and the tab.
 */
import type { Snapshot, Vpc } from '../../engine/index.ts';
import { putVpc } from '../../engine/edit/index.ts';

const ID_KEYS: [string, string, string][] = [
  ['vpc-', 'Vpcs', 'VpcId'], ['subnet-', 'Subnets', 'SubnetId'], ['rtb-', 'RouteTables', 'RouteTableId'],
  ['sg-', 'SecurityGroups', 'GroupId'], ['acl-', 'NetworkAcls', 'NetworkAclId'], ['pcx-', 'VpcPeeringConnections', 'VpcPeeringConnectionId'],
  ['igw-', 'InternetGateways', 'InternetGatewayId'], ['nat-', 'NatGateways', 'NatGatewayId'], ['eni-', 'NetworkInterfaces', 'NetworkInterfaceId'],
  ['eipalloc-', 'Addresses', 'AllocationId'], ['fl-', 'FlowLogs', 'FlowLogId'],
];

export interface Location {
  id: string;
  key: string;
  index: number;
  /** For instances: the index inside the reservation's Instances. */
  inner?: number;
}

type Json = Record<string, unknown>;
const arr = (doc: Snapshot, key: string): Json[] => ((doc as Json)[key] as Json[] | undefined) ?? [];

export function locate(doc: Snapshot, id: string): Location | null {
  if (id.startsWith('i-')) {
    const rs = arr(doc, 'Reservations');
    for (let i = 0; i < rs.length; i++) {
      const j = ((rs[i].Instances as Json[] | undefined) ?? []).findIndex((x) => x.InstanceId === id);
      if (j >= 0) return { id, key: 'Reservations', index: i, inner: j };
    }
    return null;
  }
  const spec = ID_KEYS.find(([p]) => id.startsWith(p));
  if (!spec) return null;
  const index = arr(doc, spec[1]).findIndex((x) => x[spec[2]] === id);
  return index < 0 ? null : { id, key: spec[1], index };
}

/** The describe-* output for the resource. */
export function resourceValue(doc: Snapshot, loc: Location): Json {
  const item = arr(doc, loc.key)[loc.index];
  if (loc.inner === undefined) return { [loc.key]: [item] };
  return { [loc.key]: [{ ...item, Instances: [(item.Instances as Json[])[loc.inner]] }] };
}

export const resourceText = (doc: Snapshot, loc: Location) => JSON.stringify(resourceValue(doc, loc), null, 2);

/** Whether a tab's text says exactly what the document holds for the resource (false for text that is not JSON). */
export function textMatches(text: string, doc: Snapshot, loc: Location): boolean {
  try {
    return sameValue(JSON.parse(text), doc, loc);
  } catch {
    return false;
  }
}

/** Whether a parsed tab value is exactly what the document holds for the resource. */
export function sameValue(value: unknown, doc: Snapshot, loc: Location): boolean {
  return JSON.stringify(value) === JSON.stringify(resourceValue(doc, loc));
}

/** Puts an edited describe-* value back in place; null with a reason when it is not one resource of the right kind. */
export function applyResource(doc: Snapshot, loc: Location, value: unknown): { doc: Snapshot } | { error: string } {
  const list = value && typeof value === 'object' ? (value as Json)[loc.key] : undefined;
  if (!Array.isArray(list) || list.length !== 1 || typeof list[0] !== 'object' || list[0] === null) {
    return { error: `The tab must hold {"${loc.key}": [ one resource ]}, as describe-* prints it.` };
  }
  const items = [...arr(doc, loc.key)];
  let item = list[0] as Json;
  // AWS assigns ids and never changes them: a new id would be another resource, and every
  // reference to this one (routes, interfaces, rules) would point at nothing.
  const idField = loc.inner !== undefined ? 'InstanceId' : ID_KEYS.find(([, key]) => key === loc.key)?.[2];
  const edited = loc.inner !== undefined ? (Array.isArray(item.Instances) ? (item.Instances[0] as Json | undefined) : undefined) : item;
  if (idField && edited && edited[idField] !== loc.id) {
    return { error: `"${idField}" is ${JSON.stringify(loc.id)} and cannot be changed: AWS assigns ids. To make another resource, create it (the canvas's + buttons).` };
  }
  if (loc.inner !== undefined) {
    const inst = item.Instances;
    if (!Array.isArray(inst) || inst.length !== 1) return { error: 'The reservation must hold exactly this one instance in "Instances".' };
    const orig = items[loc.index];
    const all = [...((orig.Instances as Json[]) ?? [])];
    all[loc.inner] = inst[0] as Json;
    item = { ...item, Instances: all };
  }
  if (loc.key === 'Vpcs') {
    // A block removed from (or added to) the VPC takes its local routes with it, as AWS's
    // DisassociateVpcCidrBlock (AssociateVpcCidrBlock) does, in the same undo step; AWS's
    // refusals (the primary block, a block subnets use) keep the tab unapplied.
    const r = putVpc(doc, { vpc: item as Vpc });
    return r.error ? { error: r.error } : { doc: r.doc };
  }
  items[loc.index] = item;
  return { doc: { ...doc, [loc.key]: items } };
}

/** Splits "$.Vpcs[0].CidrBlock" / '$["a b"][2]' into segments. */
export function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g;
  for (let m = re.exec(path); m; m = re.exec(path)) out.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]) as string)));
  return out;
}

/** A document path inside this resource, rewritten to the tab's path; null when it points elsewhere. */
export function toTabPath(loc: Location, path: string): (string | number)[] | null {
  const p = parsePath(path);
  if (p[0] !== loc.key || p[1] !== loc.index) return null;
  if (loc.inner === undefined) return [loc.key, 0, ...p.slice(2)];
  if (p.length === 2) return [loc.key, 0];
  if (p[2] !== 'Instances') return [loc.key, 0, ...p.slice(2)];
  if (p[3] !== loc.inner) return null;
  return [loc.key, 0, 'Instances', 0, ...p.slice(4)];
}

import { type Cidr, tryParseCidr } from '../ip/index.ts';
import type { DiagnosticCode } from './codes.ts';
import { type Kind, describe, idOf } from './names.ts';
import { items, type Obj, objOf, type Path, str } from './read.ts';

/** A problem found by a check, before it gets its severity and its path text. */
export interface Finding {
  code: DiagnosticCode;
  path: Path;
  message: string;
}

/** One resource of a top-level list: the object, where it is, and how sentences name it. */
export interface Entry {
  r: Obj;
  path: Path;
  id: string | undefined;
  label: string;
}

export interface VpcEntry extends Entry {
  /** The VPC's usable IPv4 blocks: the primary and every associated block, valid ones only. */
  cidrs: Cidr[];
}

export interface SubnetEntry extends Entry {
  vpcId: string | undefined;
  cidr: Cidr | null;
}

/** The resources of one top-level list: all of them in document order, and the first of each id. */
export interface Index<E extends Entry> {
  all: E[];
  byId: Map<string, E>;
}

/** What every check needs: the document, its resources by id, and where findings go. */
export interface Ctx {
  doc: Obj;
  report(code: DiagnosticCode, path: Path, message: string): void;
  /** True when the document lists VPCs: only then is a reference to an unknown VPC an error. */
  hasVpcs: boolean;
  vpcs: Index<VpcEntry>;
  subnets: Index<SubnetEntry>;
  routeTables: Index<Entry>;
  networkAcls: Index<Entry>;
  securityGroups: Index<Entry>;
  peerings: Index<Entry>;
  internetGateways: Index<Entry>;
  natGateways: Index<Entry>;
}

/** A VPC CIDR association counts unless AWS says it is on its way out (or already gone). */
export function isAssociated(state: unknown): boolean {
  return state === undefined || state === 'associated' || state === 'associating';
}

/** Lists the resources of one top-level key; the first copy of an id wins (DUPLICATE_ID reports the rest). */
export function entries(doc: Obj, key: string, kind: Kind): Entry[] {
  return items(doc[key]).map(([r, i]) => {
    const path = [key, i];
    return { r, path, id: idOf(kind, r), label: describe(kind, r, path) };
  });
}

function index<E extends Entry>(all: E[]): Index<E> {
  const byId = new Map<string, E>();
  for (const e of all) if (e.id !== undefined && !byId.has(e.id)) byId.set(e.id, e);
  return { all, byId };
}

function parsed(text: unknown): Cidr | null {
  if (typeof text !== 'string') return null;
  const r = tryParseCidr(text);
  return r.ok ? r.value : null;
}

/** The valid, associated IPv4 blocks of a VPC, primary first, without repeats. */
export function vpcCidrs(v: Obj): Cidr[] {
  const out: Cidr[] = [];
  const add = (c: Cidr | null) => {
    if (c && !out.some((x) => x.base === c.base && x.prefix === c.prefix)) out.push(c);
  };
  add(parsed(v.CidrBlock));
  for (const [a] of items(v.CidrBlockAssociationSet)) {
    const state = objOf(a.CidrBlockState)?.State;
    if (isAssociated(state)) add(parsed(a.CidrBlock));
  }
  return out;
}

export function buildContext(doc: Obj, report: Ctx['report']): Ctx {
  const vpcs = entries(doc, 'Vpcs', 'vpc').map((e) => ({ ...e, cidrs: vpcCidrs(e.r) }));
  const subnets = entries(doc, 'Subnets', 'subnet').map((e) => ({ ...e, vpcId: str(e.r.VpcId), cidr: parsed(e.r.CidrBlock) }));
  return {
    doc,
    report,
    hasVpcs: vpcs.length > 0,
    vpcs: index(vpcs),
    subnets: index(subnets),
    routeTables: index(entries(doc, 'RouteTables', 'routeTable')),
    networkAcls: index(entries(doc, 'NetworkAcls', 'networkAcl')),
    securityGroups: index(entries(doc, 'SecurityGroups', 'securityGroup')),
    peerings: index(entries(doc, 'VpcPeeringConnections', 'peering')),
    internetGateways: index(entries(doc, 'InternetGateways', 'internetGateway')),
    natGateways: index(entries(doc, 'NatGateways', 'natGateway')),
  };
}

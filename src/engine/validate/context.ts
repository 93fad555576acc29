import { type Cidr, tryParseCidr } from '../ip/index.ts';
import type { DiagnosticCode } from './codes.ts';
import { type Kind, describe, idOf } from './names.ts';
import { items, type Obj, objOf, type Path, str } from './read.ts';
import { type ValidationMemo, slot } from './memo.ts';

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
  /** What an incremental validator remembers between documents; null for a from-scratch run. */
  memo: ValidationMemo | null;
}

/** A VPC CIDR association counts unless AWS says it is on its way out (or already gone). */
export function isAssociated(state: unknown): boolean {
  return state === undefined || state === 'associated' || state === 'associating';
}

function entryOf(r: Obj, key: string, i: number, kind: Kind): Entry {
  const path = [key, i];
  return { r, path, id: idOf(kind, r), label: describe(kind, r, path) };
}

/** The resources in document order, and the first of each id (DUPLICATE_ID reports the rest). */
function index<E extends Entry>(all: E[]): Index<E> {
  const byId = new Map<string, E>();
  for (const e of all) if (e.id !== undefined && !byId.has(e.id)) byId.set(e.id, e);
  return { all, byId };
}

/**
 * The index of one top-level list. With a memo, an unchanged list (the same array: an edit
 * elsewhere) gives back its previous index, and in a changed list each resource still at its
 * index keeps its entry (label and parsed blocks included). Entries are never modified.
 */
function indexOf<E extends Entry>(ctxMemo: ValidationMemo | null, doc: Obj, key: string, kind: Kind, make: (r: Obj, i: number) => E): Index<E> {
  const list = doc[key];
  if (!ctxMemo || !Array.isArray(list)) return index(items(list).map(([r, i]) => make(r, i)));
  const known = ctxMemo.indexes.get(list) as { key: string; index: Index<E> } | undefined;
  if (known && known.key === key) return known.index;
  const byObject = slot(ctxMemo.entries, kind, () => new WeakMap<object, unknown>());
  const all = items(list).map(([r, i]) => {
    const e = byObject.get(r) as E | undefined;
    if (e && e.path[0] === key && e.path[1] === i) return e;
    const made = make(r, i);
    byObject.set(r, made);
    return made;
  });
  const result = index(all);
  ctxMemo.indexes.set(list, { key, index: result });
  return result;
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

export function buildContext(doc: Obj, report: Ctx['report'], memo: ValidationMemo | null = null): Ctx {
  const plain = (key: string, kind: Kind) => indexOf(memo, doc, key, kind, (r, i) => entryOf(r, key, i, kind));
  const vpcs = indexOf<VpcEntry>(memo, doc, 'Vpcs', 'vpc', (r, i) => ({ ...entryOf(r, 'Vpcs', i, 'vpc'), cidrs: vpcCidrs(r) }));
  const subnets = indexOf<SubnetEntry>(memo, doc, 'Subnets', 'subnet', (r, i) => ({ ...entryOf(r, 'Subnets', i, 'subnet'), vpcId: str(r.VpcId), cidr: parsed(r.CidrBlock) }));
  return {
    doc,
    report,
    hasVpcs: vpcs.all.length > 0,
    vpcs,
    subnets,
    routeTables: plain('RouteTables', 'routeTable'),
    networkAcls: plain('NetworkAcls', 'networkAcl'),
    securityGroups: plain('SecurityGroups', 'securityGroup'),
    peerings: plain('VpcPeeringConnections', 'peering'),
    internetGateways: plain('InternetGateways', 'internetGateway'),
    natGateways: plain('NatGateways', 'natGateway'),
    memo,
  };
}

/**
 * A VPC's CIDR blocks changed by editing its describe-vpcs document: what AWS's
 * AssociateVpcCidrBlock / DisassociateVpcCidrBlock do to the rest of the network.
 * - Associating a block adds its `local` route to every route table of the VPC.
 * - Disassociating one removes its `local` route from them, and is refused while a subnet of the
 *   VPC lies in the block (InvalidCidrBlock.InUse) or when it is the primary block, the one the
 *   VPC was created with (https://docs.aws.amazon.com/vpc/latest/userguide/add-ipv4-cidr.html:
 *   "You cannot disassociate the primary CIDR block"; "you must first delete all subnets in the
 *   CIDR block").
 */
import { type Cidr, containsCidr, formatCidr, overlaps, sameCidr, tryParseCidr } from '../ip/index.ts';
import type { Route, Snapshot, Vpc } from '../model/schema.ts';
import { list, withList } from './doc.ts';
import { fail, type EditResult, ok } from './types.ts';

type Json = Record<string, unknown>;

/** A block of the VPC counts while associated (or on its way in), as in describe-vpcs. */
function counts(state: unknown): boolean {
  return state === undefined || state === 'associated' || state === 'associating';
}

/**
 * The VPC's IPv4 blocks (the primary and every associated one), or null when a block's text is
 * not a CIDR: validation says so, and no route is touched for a document it will refuse.
 */
function blocksOf(vpc: Json): Cidr[] | null {
  const out: Cidr[] = [];
  const add = (text: unknown): boolean => {
    if (text === undefined) return true;
    if (typeof text !== 'string') return false;
    const c = tryParseCidr(text);
    if (!c.ok) return false;
    if (!out.some((x) => sameCidr(x, c.value))) out.push(c.value);
    return true;
  };
  if (!add(vpc.CidrBlock)) return null;
  const set = vpc.CidrBlockAssociationSet;
  if (set !== undefined && !Array.isArray(set)) return null;
  for (const a of (set ?? []) as unknown[]) {
    if (!a || typeof a !== 'object') return null;
    const state = ((a as Json).CidrBlockState as Json | undefined)?.State;
    if (counts(state) && !add((a as Json).CidrBlock)) return null;
  }
  return out;
}

/** Whether a route's IPv4 destination is exactly the block. */
function routeTo(r: Route, c: Cidr): boolean {
  if (typeof r.DestinationCidrBlock !== 'string') return false;
  const d = tryParseCidr(r.DestinationCidrBlock);
  return d.ok && sameCidr(d.value, c);
}

const isLocalRouteTo = (r: Route, c: Cidr): boolean => r.GatewayId === 'local' && routeTo(r, c);

/**
 * Replaces the VPC `vpc.VpcId` (the first of that id) with `vpc`, and applies what AWS does for
 * the blocks that came and went: local routes added and removed in every route table of the VPC.
 * Refuses, as AWS does, to drop the primary block or a block that subnets use. A document whose
 * blocks do not parse is put back as it is (validation reports it; no route is touched).
 */
export function putVpc(doc: Snapshot, a: { vpc: Vpc }): EditResult {
  const vpcs = list(doc, 'Vpcs');
  const vpcId = a.vpc.VpcId;
  const index = vpcs.findIndex((v) => v.VpcId === vpcId);
  if (index < 0) return fail(doc, `InvalidVpcID.NotFound: The vpc ID '${vpcId}' does not exist.`);
  const before = vpcs[index];
  let next = withList(doc, 'Vpcs', vpcs.map((v, i) => (i === index ? a.vpc : v)));
  const oldBlocks = blocksOf(before as Json);
  const newBlocks = blocksOf(a.vpc as Json);
  if (!oldBlocks || !newBlocks) return ok(next);
  const removed = oldBlocks.filter((c) => !newBlocks.some((n) => sameCidr(n, c)));
  const added = newBlocks.filter((c) => !oldBlocks.some((o) => sameCidr(o, c)));
  if (removed.length === 0 && added.length === 0) return ok(next);

  const primary = typeof before.CidrBlock === 'string' ? tryParseCidr(before.CidrBlock) : null;
  if (primary?.ok && (a.vpc.CidrBlock !== before.CidrBlock || removed.some((c) => sameCidr(c, primary.value)))) {
    return fail(doc, `OperationNotPermitted: ${before.CidrBlock} is the primary CIDR block of ${vpcId}, the one it was created with: AWS cannot disassociate or change it. To use another range, add it as a secondary block (an entry of "CidrBlockAssociationSet"), or create a new VPC.`);
  }
  for (const c of removed) {
    // A subnet that another remaining block still holds does not tie this one down.
    const users = list(doc, 'Subnets').filter((s) => {
      if (s.VpcId !== vpcId || typeof s.CidrBlock !== 'string') return false;
      const sc = tryParseCidr(s.CidrBlock);
      return sc.ok && overlaps(sc.value, c) && !newBlocks.some((n) => containsCidr(n, sc.value));
    });
    if (users.length > 0) {
      const names = users.map((s) => `${s.SubnetId} (${s.CidrBlock})`).join(', ');
      return fail(doc, `InvalidCidrBlock.InUse: The vpc ${vpcId} currently has a subnet within CIDR block ${formatCidr(c)}: ${names}. Delete ${users.length === 1 ? 'that subnet' : 'those subnets'} first (and anything in ${users.length === 1 ? 'it' : 'them'}), then disassociate the block.`);
    }
  }
  next = withList(next, 'RouteTables', list(doc, 'RouteTables').map((rt) => {
    if (rt.VpcId !== vpcId) return rt;
    const all = Array.isArray(rt.Routes) ? rt.Routes : [];
    let routes = all.filter((r) => !removed.some((c) => isLocalRouteTo(r, c)));
    if (routes.length === all.length) routes = all;
    for (const c of added) {
      // A route that already goes to exactly this block keeps its place (validation judges it).
      if (routes.some((r) => routeTo(r, c))) continue;
      const local: Route = { DestinationCidrBlock: formatCidr(c), GatewayId: 'local', Origin: 'CreateRouteTable', State: 'active' };
      let at = 0;
      while (at < routes.length && routes[at].GatewayId === 'local') at++;
      routes = [...routes.slice(0, at), local, ...routes.slice(at)];
    }
    return routes === all ? rt : { ...rt, Routes: routes };
  }));
  return ok(next);
}

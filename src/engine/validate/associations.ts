import type { Ctx, Entry } from './context.ts';
import { mid } from './names.ts';
import { clip, items, objOf, type Path, str } from './read.ts';

/** Association states that are in force (AWS keeps listing some that are going away). */
function inForce(a: Record<string, unknown>): boolean {
  const state = objOf(a.AssociationState)?.State;
  return state === undefined || state === 'associated' || state === 'associating';
}

type What = 'route table' | 'network ACL';

/** Records subnet associations; reports a second table per subnet, a subnet of another VPC, or one not in the snapshot. */
function subnetAssociation(ctx: Ctx, owners: Map<string, Entry>, what: What, e: Entry, subnetId: string, at: Path): void {
  const subnet = ctx.subnets.byId.get(subnetId);
  const vpcId = str(e.r.VpcId);
  if (!subnet) {
    ctx.report('ASSOCIATION_SUBNET_MISSING', at, `${e.label} is associated with subnet ${clip(subnetId)}, which is not in the snapshot: the association is ignored (add the subnet or remove the association).`);
    return;
  }
  if (vpcId !== undefined && subnet.vpcId !== undefined && subnet.vpcId !== vpcId) {
    ctx.report('ASSOCIATION_WRONG_VPC', at, `${e.label} of ${clip(vpcId)} is associated with ${mid(subnet.label)} of ${clip(subnet.vpcId)}: associate it with a subnet of its own VPC.`);
    return;
  }
  const prev = owners.get(subnetId);
  if (prev && prev !== e) {
    const code = what === 'route table' ? 'SUBNET_MULTIPLE_ROUTE_TABLES' : 'SUBNET_MULTIPLE_NETWORK_ACLS';
    ctx.report(code, at, `${subnet.label} is associated with ${mid(prev.label)} and with ${mid(e.label)}: a subnet uses exactly one ${what}, so remove one association.`);
  } else owners.set(subnetId, e);
}

/** Records the VPC's main table / default ACL; reports a second one. */
function vpcDefault(ctx: Ctx, defaults: Map<string, Entry>, what: What, e: Entry, at: Path): void {
  const vpcId = str(e.r.VpcId);
  if (vpcId === undefined) return;
  const prev = defaults.get(vpcId);
  if (!prev) return void defaults.set(vpcId, e);
  const [code, word] = what === 'route table' ? ['VPC_MULTIPLE_MAIN_ROUTE_TABLES', 'main'] as const : ['VPC_MULTIPLE_DEFAULT_NETWORK_ACLS', 'default'] as const;
  ctx.report(code, at, `${e.label} is a ${word} ${what} of ${clip(vpcId)}, but so is ${mid(prev.label)}: a VPC has exactly one ${word} ${what}, so keep one.`);
}

/** Reports VPCs with no table/ACL at all, and subnets left without one; returns nothing. */
function coverage(ctx: Ctx, what: What, tables: readonly Entry[], owners: Map<string, Entry>, defaults: Map<string, Entry>): void {
  if (tables.length === 0) return; // the document has none: defaults everywhere, nothing to point at
  const vpcsWith = new Set(tables.map((t) => str(t.r.VpcId)));
  const rt = what === 'route table';
  for (const vpc of ctx.vpcs.byId.values()) {
    if (vpc.id === undefined || vpcsWith.has(vpc.id)) continue;
    const assumed = rt ? 'a main route table with only its local routes is assumed' : 'the default network ACL that allows all traffic is assumed';
    ctx.report(rt ? 'VPC_NO_ROUTE_TABLE' : 'VPC_NO_NETWORK_ACL', vpc.path, `${vpc.label} has no ${what} in the snapshot: ${assumed}.`);
  }
  for (const s of ctx.subnets.byId.values()) {
    if (s.id === undefined || s.vpcId === undefined || owners.has(s.id) || defaults.has(s.vpcId) || !vpcsWith.has(s.vpcId)) continue;
    const assumed = rt ? 'only its VPC\'s local routes are assumed; associate a route table or mark one "Main"' : 'all traffic is assumed allowed; associate a network ACL or mark one "IsDefault"';
    ctx.report(rt ? 'SUBNET_NO_ROUTE_TABLE' : 'SUBNET_NO_NETWORK_ACL', s.path, `${s.label} has no ${what} and its VPC has no ${rt ? 'main' : 'default'} one: ${assumed}.`);
  }
}

/**
 * Which subnet uses which route table and network ACL: one of each per subnet, one main route
 * table and one default network ACL per VPC; and where the snapshot leaves a gap, what is assumed.
 */
export function checkAssociations(ctx: Ctx): void {
  const rtOwners = new Map<string, Entry>();
  const mains = new Map<string, Entry>();
  for (const rt of ctx.routeTables.all) {
    for (const [a, j] of items(rt.r.Associations)) {
      if (!inForce(a)) continue;
      const at = [...rt.path, 'Associations', j];
      if (a.Main === true) vpcDefault(ctx, mains, 'route table', rt, [...at, 'Main']);
      const subnetId = str(a.SubnetId);
      if (subnetId !== undefined) subnetAssociation(ctx, rtOwners, 'route table', rt, subnetId, [...at, 'SubnetId']);
    }
  }
  const aclOwners = new Map<string, Entry>();
  const defaults = new Map<string, Entry>();
  for (const acl of ctx.networkAcls.all) {
    if (acl.r.IsDefault === true) vpcDefault(ctx, defaults, 'network ACL', acl, [...acl.path, 'IsDefault']);
    for (const [a, j] of items(acl.r.Associations)) {
      const subnetId = str(a.SubnetId);
      if (subnetId !== undefined) subnetAssociation(ctx, aclOwners, 'network ACL', acl, subnetId, [...acl.path, 'Associations', j, 'SubnetId']);
    }
  }
  coverage(ctx, 'route table', ctx.routeTables.all, rtOwners, mains);
  coverage(ctx, 'network ACL', ctx.networkAcls.all, aclOwners, defaults);
}

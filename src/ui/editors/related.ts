/** The resources worth opening next to the selected one (its route table, NACL, groups...): lookups in the compiled network. */
import type { Network } from '../../engine/index.ts';
import { routeTargetId } from '../../engine/edit/index.ts';

/** At most this many users of a table, ACL or group: a group on 2,000 interfaces would bury the chips row. */
const MAX_USERS = 12;

export function relatedIds(net: Network, id: string): string[] {
  const out: (string | null | undefined)[] = [];
  const vpc = net.vpcs.get(id);
  if (vpc) out.push(vpc.mainRouteTable?.id, vpc.defaultAcl.implicit ? null : vpc.defaultAcl.id, vpc.internetGateway?.id, ...[...net.securityGroups.values()].filter((g) => g.vpcId === id).map((g) => g.id));
  const sn = net.subnets.get(id);
  if (sn) out.push(sn.vpc.id, sn.routeTable?.id, sn.acl.implicit ? null : sn.acl.id);
  const inst = net.instances.get(id);
  if (inst?.primaryEni) {
    const e = inst.primaryEni;
    out.push(e.id, ...e.groups.map((g) => g.id).filter((g) => e.groupIds.has(g)), e.subnet?.id, e.subnet?.routeTable?.id, e.subnet?.acl.implicit ? null : e.subnet?.acl.id);
  }
  const pcx = net.peerings.get(id);
  if (pcx) out.push(pcx.requesterVpcId, pcx.accepterVpcId);
  const nat = net.natGateways.get(id);
  if (nat) out.push(nat.eni?.id, nat.subnet?.id);
  // A route table, ACL or group opened from the Resources list: its VPC and what uses it, so the learner can get back
  // to the subnets and instances it governs (and a table to the gateways and peerings its routes lead to).
  const rtb = net.routeTables.get(id);
  if (rtb) {
    out.push(rtb.vpcId, ...[...net.subnets.values()].filter((s) => s.routeTable?.id === id).slice(0, MAX_USERS).map((s) => s.id));
    const known = (t: string | null) => !!t && (net.internetGateways.has(t) || net.natGateways.has(t) || net.peerings.has(t));
    out.push(...(rtb.doc?.Routes ?? []).map(routeTargetId).filter(known));
  }
  const acl = net.acls.get(id);
  if (acl && !acl.implicit) out.push(acl.vpcId, ...[...net.subnets.values()].filter((s) => s.acl.id === id).slice(0, MAX_USERS).map((s) => s.id));
  const sg = net.securityGroups.get(id);
  if (sg) out.push(sg.vpcId, ...[...new Set((net.enisByGroup.get(id) ?? []).map((e) => e.instanceId ?? e.natGatewayId ?? e.id))].slice(0, MAX_USERS));
  const fl = net.flowLogs.find((f) => f.id === id);
  if (fl) out.push(fl.resourceId);
  return [...new Set(out.filter((x): x is string => !!x && x !== id && !x.startsWith('implicit')))];
}

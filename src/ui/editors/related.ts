/** The resources worth opening next to the selected one (its route table, NACL, groups...): lookups in the compiled network. */
import type { Network } from '../../engine/index.ts';

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
  return [...new Set(out.filter((x): x is string => !!x && x !== id && !x.startsWith('implicit')))];
}

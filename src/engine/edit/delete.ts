/**
 * Delete with AWS's dependency rules: a VPC with subnets, gateways or instances cannot be
 * deleted ("DependencyViolation"), nor a subnet with interfaces, an attached internet gateway or
 * a security group in use. `dependentsOf` lists what blocks a delete so the UI can offer to
 * delete those first; `deleteWithDependents` does it.
 */
import type { Snapshot } from '../model/schema.ts';
import { list, mapList, playground, removeFrom, withPlayground } from './doc.ts';
import { detachInternetGateway } from './gateways.ts';
import { deletePeering } from './peering.ts';
import { blackholeRoutesTo } from './routes.ts';
import { fail, type EditResult, ok } from './types.ts';

const LIVE_PEERING = new Set(['initiating-request', 'pending-acceptance', 'provisioning', 'active']);

/** What must go before `id` can be deleted, in the order to delete it. */
export function dependentsOf(doc: Snapshot, id: string): string[] {
  if (id.startsWith('vpc-')) {
    const subnets = list(doc, 'Subnets').filter((s) => s.VpcId === id).map((s) => s.SubnetId);
    const inside = subnets.flatMap((s) => dependentsOf(doc, s));
    const igws = list(doc, 'InternetGateways').filter((g) => (g.Attachments ?? []).some((a) => a.VpcId === id)).map((g) => g.InternetGatewayId);
    const pcx = list(doc, 'VpcPeeringConnections').filter((p) => LIVE_PEERING.has(p.Status?.Code ?? '') && (p.RequesterVpcInfo?.VpcId === id || p.AccepterVpcInfo?.VpcId === id)).map((p) => p.VpcPeeringConnectionId);
    const sgs = list(doc, 'SecurityGroups').filter((s) => s.VpcId === id && s.GroupName !== 'default').map((s) => s.GroupId);
    return [...inside, ...subnets, ...igws, ...pcx, ...sgs];
  }
  if (id.startsWith('subnet-')) {
    const enis = list(doc, 'NetworkInterfaces').filter((e) => e.SubnetId === id);
    const nats = list(doc, 'NatGateways').filter((n) => n.SubnetId === id && n.State !== 'deleted').map((n) => n.NatGatewayId);
    const instances = [...new Set(enis.map((e) => e.Attachment?.InstanceId).filter((x): x is string => !!x))];
    return [...instances, ...nats];
  }
  if (id.startsWith('sg-')) {
    return [...new Set(list(doc, 'NetworkInterfaces').filter((e) => (e.Groups ?? []).some((g) => g.GroupId === id)).map((e) => e.Attachment?.InstanceId ?? e.NetworkInterfaceId))];
  }
  return [];
}

const dependencyError = (kind: string, id: string, deps: string[]) =>
  `DependencyViolation: The ${kind} '${id}' has dependencies and cannot be deleted (${deps.join(', ')}).`;

export function deleteResource(doc: Snapshot, a: { id: string }): EditResult {
  const id = a.id;
  const deps = dependentsOf(doc, id);
  if (id.startsWith('vpc-')) {
    if (deps.length) return fail(doc, dependencyError('vpc', id, deps));
    let next = removeFrom(doc, 'Vpcs', (v) => v.VpcId === id);
    next = removeFrom(next, 'RouteTables', (t) => t.VpcId === id);
    next = removeFrom(next, 'NetworkAcls', (n) => n.VpcId === id);
    next = removeFrom(next, 'SecurityGroups', (s) => s.VpcId === id);
    next = removeFrom(next, 'FlowLogs', (f) => f.ResourceId === id);
    const { [id]: _gone, ...regions } = playground(next).regions ?? {};
    return ok(withPlayground(next, { regions }));
  }
  if (id.startsWith('subnet-')) {
    if (deps.length) return fail(doc, dependencyError('subnet', id, deps));
    let next = removeFrom(doc, 'Subnets', (s) => s.SubnetId === id);
    next = mapList(next, 'RouteTables', (t) => (t.Associations ?? []).some((x) => x.SubnetId === id), (t) => ({ ...t, Associations: (t.Associations ?? []).filter((x) => x.SubnetId !== id) }));
    next = mapList(next, 'NetworkAcls', (t) => (t.Associations ?? []).some((x) => x.SubnetId === id), (t) => ({ ...t, Associations: (t.Associations ?? []).filter((x) => x.SubnetId !== id) }));
    return ok(removeFrom(next, 'FlowLogs', (f) => f.ResourceId === id));
  }
  if (id.startsWith('i-')) return terminateInstance(doc, id);
  if (id.startsWith('igw-')) {
    const igw = list(doc, 'InternetGateways').find((g) => g.InternetGatewayId === id);
    if (!igw) return fail(doc, `InvalidInternetGatewayID.NotFound: ${id} does not exist.`);
    if ((igw.Attachments ?? []).length) return fail(doc, dependencyError('internetGateway', id, [igw.Attachments![0].VpcId + ' (detach it first)']));
    return ok(removeFrom(doc, 'InternetGateways', (g) => g.InternetGatewayId === id));
  }
  if (id.startsWith('nat-')) {
    const nat = list(doc, 'NatGateways').find((n) => n.NatGatewayId === id);
    if (!nat) return fail(doc, `NatGatewayNotFound: ${id} does not exist.`);
    const enis = new Set((nat.NatGatewayAddresses ?? []).map((x) => x.NetworkInterfaceId));
    let next = removeFrom(doc, 'NatGateways', (n) => n.NatGatewayId === id);
    next = removeFrom(next, 'NetworkInterfaces', (e) => enis.has(e.NetworkInterfaceId));
    // The Elastic IP stays allocated to the account, no longer associated (AWS keeps billing for it).
    next = mapList(next, 'Addresses', (x) => enis.has(x.NetworkInterfaceId), ({ AssociationId: _a, NetworkInterfaceId: _n, NetworkInterfaceOwnerId: _o, PrivateIpAddress: _p, ...rest }) => rest);
    return ok(blackholeRoutesTo(next, id));
  }
  if (id.startsWith('pcx-')) return deletePeering(doc, { peeringId: id });
  if (id.startsWith('sg-')) {
    const sg = list(doc, 'SecurityGroups').find((s) => s.GroupId === id);
    if (!sg) return fail(doc, `InvalidGroup.NotFound: ${id} does not exist.`);
    if (sg.GroupName === 'default') return fail(doc, `CannotDelete: the default security group ${id} cannot be deleted; it goes with its VPC.`);
    if (deps.length) return fail(doc, dependencyError('security group', id, deps));
    return ok(removeFrom(doc, 'SecurityGroups', (s) => s.GroupId === id));
  }
  if (id.startsWith('fl-')) return ok(removeFrom(doc, 'FlowLogs', (f) => f.FlowLogId === id));
  if (id.startsWith('rtb-')) return deleteRouteTable(doc, id);
  if (id.startsWith('acl-')) return deleteNetworkAcl(doc, id);
  if (id.startsWith('eipalloc-')) {
    const eip = list(doc, 'Addresses').find((x) => x.AllocationId === id);
    if (eip?.AssociationId) return fail(doc, `InvalidIPAddress.InUse: ${eip.PublicIp} is associated with ${eip.NetworkInterfaceId}; disassociate it first.`);
    return ok(removeFrom(doc, 'Addresses', (x) => x.AllocationId === id));
  }
  return fail(doc, `Deleting ${id} is not supported in the playground.`);
}

/** DeleteRouteTable: never the main table, nor one a subnet (or a gateway) is associated with. */
function deleteRouteTable(doc: Snapshot, id: string): EditResult {
  const t = list(doc, 'RouteTables').find((x) => x.RouteTableId === id);
  if (!t) return fail(doc, `InvalidRouteTableID.NotFound: The routeTable ID '${id}' does not exist.`);
  const assoc = t.Associations ?? [];
  if (assoc.some((a) => a.Main)) return fail(doc, `DependencyViolation: The routeTable '${id}' has dependencies and cannot be deleted: it is the main route table of ${t.VpcId}, used by every subnet without a table of its own. Make another table the main one first.`);
  const users = assoc.map((a) => a.SubnetId ?? a.GatewayId).filter((x): x is string => !!x);
  if (users.length) return fail(doc, dependencyError('routeTable', id, users.map((u) => `${u} is associated with it`)));
  return ok(removeFrom(doc, 'RouteTables', (x) => x.RouteTableId === id));
}

/** DeleteNetworkAcl: never the VPC's default ACL, nor one a subnet is associated with. */
function deleteNetworkAcl(doc: Snapshot, id: string): EditResult {
  const a = list(doc, 'NetworkAcls').find((x) => x.NetworkAclId === id);
  if (!a) return fail(doc, `InvalidNetworkAclID.NotFound: The network ACL ID '${id}' does not exist.`);
  if (a.IsDefault) return fail(doc, `InvalidParameterValue: cannot delete default network ACL ${id}; it goes with its VPC.`);
  const users = (a.Associations ?? []).map((x) => x.SubnetId).filter((x): x is string => !!x);
  if (users.length) return fail(doc, dependencyError('networkAcl', id, users.map((u) => `${u} is associated with it`)));
  return ok(removeFrom(doc, 'NetworkAcls', (x) => x.NetworkAclId === id));
}

function terminateInstance(doc: Snapshot, id: string): EditResult {
  const enis = new Set(list(doc, 'NetworkInterfaces').filter((e) => e.Attachment?.InstanceId === id).map((e) => e.NetworkInterfaceId));
  let next = mapList(doc, 'Reservations', (r) => (r.Instances ?? []).some((i) => i.InstanceId === id), (r) => ({ ...r, Instances: (r.Instances ?? []).filter((i) => i.InstanceId !== id) }));
  next = removeFrom(next, 'Reservations', (r) => (r.Instances ?? []).length === 0);
  next = removeFrom(next, 'NetworkInterfaces', (e) => enis.has(e.NetworkInterfaceId));
  return ok(removeFrom(next, 'FlowLogs', (f) => enis.has(f.ResourceId)));
}

/** Deletes `id` after everything that depends on it (detaching internet gateways first). */
export function deleteWithDependents(doc: Snapshot, a: { id: string }): EditResult {
  let next = doc;
  for (const dep of dependentsOf(doc, a.id)) {
    const r = deleteWithDependents(next, { id: dep });
    if (r.error) return fail(doc, r.error);
    next = r.doc;
  }
  if (a.id.startsWith('igw-') && list(next, 'InternetGateways').some((g) => g.InternetGatewayId === a.id && (g.Attachments ?? []).length)) {
    next = detachInternetGateway(next, { igwId: a.id }).doc;
  }
  const r = deleteResource(next, a);
  return r.error ? fail(doc, r.error) : ok(r.doc);
}

/** Internet gateways (create, attach, detach) and NAT gateways (with their Elastic IP). */
import type { Snapshot } from '../model/schema.ts';
import { nextPublicIp } from './instance.ts';
import { firstFreeHost } from './cidr-pick.ts';
import { append, list, mapList, nameTags, vpcOf, vpcOwner, vpcRegion } from './doc.ts';
import { addRoute, blackholeRoutesTo, routeTableOfSubnet, setRoute } from './routes.ts';
import { fail, type EditResult, type IdGenerator, ok } from './types.ts';
import { tryParseCidr, tryParseIpv4 } from '../ip/index.ts';

export function attachedIgw(doc: Snapshot, vpcId: string) {
  return list(doc, 'InternetGateways').find((g) => (g.Attachments ?? []).some((a) => a.VpcId === vpcId && a.State !== 'detached'));
}

/**
 * The 0.0.0.0/0 route the create dialogs offer to add with a new gateway. A table that already has one refuses a second
 * (RouteAlreadyExists) unless `replace` is set: then its target becomes the new gateway (ReplaceRoute), as a learner
 * moving a private subnet from the internet gateway to a NAT gateway means it to.
 */
function defaultRoute(doc: Snapshot, routeTableId: string, target: { GatewayId?: string; NatGatewayId?: string }, replace: boolean | undefined): EditResult {
  const args = { routeTableId, destination: '0.0.0.0/0', target };
  return replace ? setRoute(doc, args) : addRoute(doc, args);
}

/** CreateInternetGateway, then (optionally) AttachInternetGateway and a 0.0.0.0/0 route in the given table (replacing one there when `replaceRoute`). */
export function createInternetGateway(doc: Snapshot, a: { vpcId?: string; name?: string; routeTableId?: string; replaceRoute?: boolean }, ids: IdGenerator): EditResult {
  const igwId = ids.next('igw');
  let next = append(doc, 'InternetGateways', { Attachments: [], InternetGatewayId: igwId, OwnerId: a.vpcId ? vpcOwner(doc, a.vpcId) : undefined, Tags: nameTags(a.name) });
  if (a.vpcId) {
    const r = attachInternetGateway(next, { igwId, vpcId: a.vpcId });
    if (r.error) return fail(doc, r.error);
    next = r.doc;
    if (a.routeTableId) {
      const rr = defaultRoute(next, a.routeTableId, { GatewayId: igwId }, a.replaceRoute);
      if (rr.error) return fail(doc, rr.error);
      next = rr.doc;
    }
  }
  return ok(next, [igwId]);
}

export function attachInternetGateway(doc: Snapshot, a: { igwId: string; vpcId: string }): EditResult {
  const igw = list(doc, 'InternetGateways').find((g) => g.InternetGatewayId === a.igwId);
  if (!igw) return fail(doc, `InvalidInternetGatewayID.NotFound: The internetGateway ID '${a.igwId}' does not exist.`);
  if (!vpcOf(doc, a.vpcId)) return fail(doc, `InvalidVpcID.NotFound: The vpc ID '${a.vpcId}' does not exist.`);
  if ((igw.Attachments ?? []).length > 0) return fail(doc, `Resource.AlreadyAssociated: resource ${a.igwId} is already attached to network ${igw.Attachments![0].VpcId}.`);
  const other = attachedIgw(doc, a.vpcId);
  if (other) return fail(doc, `InvalidParameterValue: Network ${a.vpcId} already has an internet gateway attached (${other.InternetGatewayId}); a VPC can have only one.`);
  return ok(mapList(doc, 'InternetGateways', (g) => g === igw, (g) => ({ ...g, Attachments: [{ State: 'available', VpcId: a.vpcId }] })));
}

/** DetachInternetGateway: the routes to it stay, as blackholes (AWS refuses while public IPs are mapped; the playground allows it to show the blackhole). */
export function detachInternetGateway(doc: Snapshot, a: { igwId: string }): EditResult {
  const igw = list(doc, 'InternetGateways').find((g) => g.InternetGatewayId === a.igwId);
  if (!igw || !(igw.Attachments ?? []).length) return fail(doc, `Gateway.NotAttached: resource ${a.igwId} is not attached to any network.`);
  const vpcId = igw.Attachments![0].VpcId;
  const next = mapList(doc, 'InternetGateways', (g) => g === igw, (g) => ({ ...g, Attachments: [] }));
  return ok(blackholeRoutesTo(next, a.igwId, vpcId));
}

/** CreateNatGateway (public): allocates an Elastic IP, creates the requester-managed ENI in the subnet; optionally routes 0.0.0.0/0 of a table to it. */
export function createNatGateway(doc: Snapshot, a: { subnetId: string; name?: string; routeTableId?: string; replaceRoute?: boolean }, ids: IdGenerator): EditResult {
  const subnet = list(doc, 'Subnets').find((s) => s.SubnetId === a.subnetId);
  if (!subnet) return fail(doc, `InvalidSubnetID.NotFound: The subnet ID '${a.subnetId}' does not exist.`);
  const block = subnet.CidrBlock ? tryParseCidr(subnet.CidrBlock) : null;
  if (!block?.ok) return fail(doc, `The subnet ${a.subnetId} has no valid CIDR block.`);
  const taken = new Set<number>();
  for (const e of list(doc, 'NetworkInterfaces')) { const p = tryParseIpv4(e.PrivateIpAddress ?? ''); if (p.ok) taken.add(p.value); }
  const privateIp = firstFreeHost(block.value, taken);
  if (!privateIp) return fail(doc, `InsufficientFreeAddressesInSubnet: The subnet ${a.subnetId} has no free address.`);
  const owner = vpcOwner(doc, subnet.VpcId);
  const publicIp = nextPublicIp(doc);
  const natId = ids.next('nat');
  const allocationId = ids.next('eipalloc');
  const associationId = ids.next('eipassoc');
  const eniId = ids.next('eni');
  let next = append(doc, 'Addresses', { AllocationId: allocationId, AssociationId: associationId, Domain: 'vpc', NetworkInterfaceId: eniId, NetworkInterfaceOwnerId: owner, PrivateIpAddress: privateIp, PublicIp: publicIp, PublicIpv4Pool: 'amazon', NetworkBorderGroup: vpcRegion(doc, subnet.VpcId) });
  next = append(next, 'NetworkInterfaces', {
    Association: { AllocationId: allocationId, AssociationId: associationId, IpOwnerId: owner, PublicIp: publicIp },
    AvailabilityZone: subnet.AvailabilityZone, Description: `Interface for NAT Gateway ${natId}`, Groups: [], InterfaceType: 'nat_gateway',
    NetworkInterfaceId: eniId, OwnerId: owner, PrivateIpAddress: privateIp,
    PrivateIpAddresses: [{ Primary: true, PrivateIpAddress: privateIp, Association: { AllocationId: allocationId, AssociationId: associationId, IpOwnerId: owner, PublicIp: publicIp } }],
    RequesterId: '441126585384', RequesterManaged: true, SourceDestCheck: false, Status: 'in-use', SubnetId: subnet.SubnetId, TagSet: [], VpcId: subnet.VpcId,
  });
  next = append(next, 'NatGateways', {
    ConnectivityType: 'public', NatGatewayAddresses: [{ AllocationId: allocationId, NetworkInterfaceId: eniId, PrivateIp: privateIp, PublicIp: publicIp, AssociationId: associationId, IsPrimary: true, Status: 'succeeded' }],
    NatGatewayId: natId, State: 'available', SubnetId: subnet.SubnetId, VpcId: subnet.VpcId, Tags: nameTags(a.name),
  });
  if (a.routeTableId) {
    const rr = defaultRoute(next, a.routeTableId, { NatGatewayId: natId }, a.replaceRoute);
    if (rr.error) return fail(doc, rr.error);
    next = rr.doc;
  }
  return ok(next, [natId]);
}

/** Whether a subnet is public: its route table sends 0.0.0.0/0 to an internet gateway. */
export function isPublicSubnet(doc: Snapshot, subnetId: string): boolean {
  const rtb = routeTableOfSubnet(doc, subnetId);
  const table = list(doc, 'RouteTables').find((t) => t.RouteTableId === rtb);
  return (table?.Routes ?? []).some((r) => r.DestinationCidrBlock === '0.0.0.0/0' && r.GatewayId?.startsWith('igw-') && r.State !== 'blackhole');
}

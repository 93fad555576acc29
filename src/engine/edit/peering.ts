/** VPC peering: request -> pending-acceptance; the accepter account accepts -> active; reject; delete. */
import { formatCidr, overlaps } from '../ip/index.ts';
import type { Snapshot, VpcPeeringConnection } from '../model/schema.ts';
import { vpcCidrs } from './cidr-pick.ts';
import { append, list, mapList, nameTags, vpcOf, vpcOwner, vpcRegion } from './doc.ts';
import { blackholeRoutesTo } from './routes.ts';
import { fail, type EditResult, type IdGenerator, ok } from './types.ts';

const LIVE = new Set(['initiating-request', 'pending-acceptance', 'provisioning', 'active']);

function info(doc: Snapshot, vpcId: string, withCidrs: boolean) {
  const cidrs = vpcCidrs(doc, vpcId).map(formatCidr);
  return {
    ...(withCidrs ? { CidrBlock: cidrs[0], CidrBlockSet: cidrs.map((c) => ({ CidrBlock: c })) } : {}),
    OwnerId: vpcOwner(doc, vpcId),
    VpcId: vpcId,
    Region: vpcRegion(doc, vpcId),
  };
}

export function requestPeering(doc: Snapshot, a: { requesterVpcId: string; accepterVpcId: string; name?: string }, ids: IdGenerator): EditResult {
  for (const id of [a.requesterVpcId, a.accepterVpcId]) if (!vpcOf(doc, id)) return fail(doc, `InvalidVpcID.NotFound: The vpc ID '${id}' does not exist.`);
  if (a.requesterVpcId === a.accepterVpcId) return fail(doc, 'InvalidParameterValue: a VPC cannot be peered with itself.');
  const mine = vpcCidrs(doc, a.requesterVpcId);
  const theirs = vpcCidrs(doc, a.accepterVpcId);
  const clash = mine.flatMap((m) => theirs.filter((t) => overlaps(m, t)).map((t) => `${formatCidr(m)} and ${formatCidr(t)}`))[0];
  // AWS accepts the request, then moves it to "failed"; the playground refuses up front and says why.
  if (clash) return fail(doc, `InvalidParameterValue: the VPCs have overlapping CIDR blocks (${clash}); peered VPCs must not overlap.`);
  const pair = (p: VpcPeeringConnection) => new Set([p.RequesterVpcInfo?.VpcId, p.AccepterVpcInfo?.VpcId]);
  const dup = list(doc, 'VpcPeeringConnections').find((p) => LIVE.has(p.Status?.Code ?? '') && pair(p).has(a.requesterVpcId) && pair(p).has(a.accepterVpcId));
  if (dup) return fail(doc, `VpcPeeringConnectionAlreadyExists: ${dup.VpcPeeringConnectionId} already connects these VPCs; only one peering between two VPCs is allowed.`);
  const pcxId = ids.next('pcx');
  const accepter = info(doc, a.accepterVpcId, false);
  return ok(append(doc, 'VpcPeeringConnections', {
    AccepterVpcInfo: accepter,
    ExpirationTime: '2026-01-08T00:00:00+00:00',
    RequesterVpcInfo: { ...info(doc, a.requesterVpcId, true), PeeringOptions: { AllowDnsResolutionFromRemoteVpc: false } },
    Status: { Code: 'pending-acceptance', Message: `Pending Acceptance by ${accepter.OwnerId}` },
    Tags: nameTags(a.name),
    VpcPeeringConnectionId: pcxId,
  }), [pcxId]);
}

/** AcceptVpcPeeringConnection: only the accepter VPC's owner account may accept. */
export function acceptPeering(doc: Snapshot, a: { peeringId: string; actingAccountId?: string }): EditResult {
  const p = list(doc, 'VpcPeeringConnections').find((x) => x.VpcPeeringConnectionId === a.peeringId);
  if (!p) return fail(doc, `InvalidVpcPeeringConnectionID.NotFound: The vpcPeeringConnection ID '${a.peeringId}' does not exist.`);
  if (p.Status?.Code !== 'pending-acceptance') return fail(doc, `InvalidStateTransition: ${a.peeringId} is ${p.Status?.Code ?? 'in no state'}; only a pending-acceptance request can be accepted.`);
  const accepterOwner = p.AccepterVpcInfo?.OwnerId ?? vpcOwner(doc, p.AccepterVpcInfo?.VpcId ?? '');
  if (a.actingAccountId && a.actingAccountId !== accepterOwner) {
    return fail(doc, `OperationNotPermitted: account ${a.actingAccountId} cannot accept ${a.peeringId}: only the accepter VPC's owner (${accepterOwner}) can accept a peering request.`);
  }
  const accVpc = p.AccepterVpcInfo?.VpcId ?? '';
  return ok(mapList(doc, 'VpcPeeringConnections', (x) => x === p, (x) => ({
    ...x,
    AccepterVpcInfo: { ...x.AccepterVpcInfo, ...(vpcOf(doc, accVpc) ? info(doc, accVpc, true) : {}), PeeringOptions: { AllowDnsResolutionFromRemoteVpc: false } },
    ExpirationTime: undefined,
    Status: { Code: 'active' as const, Message: 'Active' },
  })));
}

export function rejectPeering(doc: Snapshot, a: { peeringId: string }): EditResult {
  const p = list(doc, 'VpcPeeringConnections').find((x) => x.VpcPeeringConnectionId === a.peeringId);
  if (!p || p.Status?.Code !== 'pending-acceptance') return fail(doc, `InvalidStateTransition: only a pending-acceptance request can be rejected.`);
  return ok(mapList(doc, 'VpcPeeringConnections', (x) => x === p, (x) => ({ ...x, Status: { Code: 'rejected' as const, Message: 'Rejected' } })));
}

/** DeleteVpcPeeringConnection: the connection stays visible as "deleted"; routes to it become blackholes. */
export function deletePeering(doc: Snapshot, a: { peeringId: string }): EditResult {
  const p = list(doc, 'VpcPeeringConnections').find((x) => x.VpcPeeringConnectionId === a.peeringId);
  if (!p) return fail(doc, `InvalidVpcPeeringConnectionID.NotFound: The vpcPeeringConnection ID '${a.peeringId}' does not exist.`);
  const next = mapList(doc, 'VpcPeeringConnections', (x) => x === p, (x) => ({ ...x, Status: { Code: 'deleted' as const, Message: 'Deleted' } }));
  return ok(blackholeRoutesTo(next, a.peeringId));
}

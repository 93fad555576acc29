import type { NEni, Network } from '../model/network.ts';
import { walkBothWays } from '../walk/bidirectional.ts';
import { amazonServiceAt } from '../walk/services.ts';
import type { Headers } from './headers.ts';

/**
 * The packet walk itself for one pair, exactly as traceProbe decides `reachable` for an
 * interface named by its id: used for the few pairs whose path leaves the private network (a
 * public address behind an internet gateway) or takes a shape the bitsets do not model (a VPC
 * peered with itself, a NAT gateway whose address is also someone else's). The packet must
 * arrive at `to` itself, not at another end its address is routed to.
 */
export function walkReachable(net: Network, from: NEni, to: NEni, h: Headers): boolean {
  const header = { ...h.fwd, srcIp: from.privateIp, dstIp: to.privateIp };
  const walks = walkBothWays(net, { kind: 'eni', eni: from }, header, null, h.expectsReply, true);
  const landed = walks.forward.deliveredTo;
  const delivered = landed !== null && !walks.forward.stopped && (landed === to || landed === 'service');
  return delivered && (!h.expectsReply || walks.returned);
}

/**
 * An AWS service on the sender's own host answers before any filter or route is consulted
 * (the VPC's DNS at base + 2, metadata, time sync): null when the address is not one.
 */
export function serviceAnswer(from: NEni, dstIp: number, h: Headers): boolean | null {
  const s = amazonServiceAt(from, { ...h.fwd, srcIp: from.privateIp, dstIp });
  return s ? s.answers : null;
}

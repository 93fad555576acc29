import { replyHeader, type PacketHeader } from '../filter/index.ts';
import type { NEni, Network } from '../model/network.ts';
import { type NatSession, WalkContext } from './context.ts';
import { acrossInternet, startOnInternet } from './internet.ts';
import { sendFromEni } from './send.ts';
import type { Explanation, Hop } from './types.ts';
import { replyRoutedElsewhere } from '../explain/catalog.ts';

/** Where a trace starts: an interface, or the simulated internet host (by its address). */
export type Origin = { kind: 'eni'; eni: NEni } | { kind: 'internet' };

/** The forward and (for ICMP and TCP) return walks of one probe. */
export interface Walks {
  forward: WalkContext;
  /** Null when no reply is sent: the request was not delivered, or UDP. */
  back: WalkContext | null;
  /** True when the reply came back to the origin. */
  returned: boolean;
  /** Every blocker, forward then return, including what-if blockers after the first. */
  explanations: Explanation[];
}

/**
 * Walks the request, then the reply from wherever the request was delivered. Blockers past
 * the first are found by walking on "as if allowed" (what-if), forward and back, so a learner
 * sees every change needed, not one at a time.
 */
export function walkBothWays(net: Network, origin: Origin, h: PacketHeader, internetTarget: NEni | null, expectsReply: boolean, quiet = false): Walks {
  const sessions: NatSession[] = [];
  const forward = new WalkContext(net, 'forward', sessions, quiet);
  if (origin.kind === 'eni') sendFromEni(forward, origin.eni, h);
  else startOnInternet(forward, h, internetTarget);
  const explanations = [...forward.explanations];
  // The reply leaves from the delivered end, or (what-if) from where the request would land.
  const landed = forward.deliveredTo ?? (forward.stopped ? whatIfTarget(forward) : null);
  if (!expectsReply || landed === null) return { forward, back: null, returned: false, explanations };
  const back = new WalkContext(net, 'return', sessions, quiet);
  back.request = forward;
  const reply: PacketHeader = replyHeader(deliveredHeader(forward, h, landed));
  if (landed === 'service') back.deliver(origin.kind === 'eni' ? origin.eni : 'internet', reply);
  else if (landed === 'internet') acrossInternet(back, reply);
  else sendFromEni(back, landed, reply);
  const expected = replyHeader(h);
  const got = back.lastHeader;
  const unaltered = !!got && got.protocol === expected.protocol && got.srcIp === expected.srcIp && got.dstIp === expected.dstIp && got.srcPort === expected.srcPort && got.dstPort === expected.dstPort;
  const arrived = origin.kind === 'eni' ? back.deliveredTo === origin.eni : back.deliveredTo === 'internet';
  const returned = back.disposition !== null && !back.stopped && !back.replyBroken && arrived && (landed === 'service' || unaltered);
  const wrongEnd = back.deliveredTo;
  if (origin.kind === 'eni' && !arrived && !back.stopped && typeof landed === 'object' && typeof wrongEnd === 'object' && wrongEnd !== null) {
    // Delivered, but to another interface: the responder's routes send the client's address
    // to a VPC that holds the same addresses. Nothing blocked it, so say where it went.
    back.note(() => replyRoutedElsewhere(landed, origin.eni, wrongEnd, reply.dstIp, lastPeering(forward.hops)));
    const last = back.hops[back.hops.length - 1];
    if (last?.action === 'deliver' && last.component === wrongEnd.id) last.detail += `, but did not send the request: ${origin.eni.instanceId ?? origin.eni.id} never gets its answer`;
  }
  explanations.push(...back.explanations);
  if (forward.stopped) {
    // The real reply was never sent: keep only the return explanations, not its hops.
    return { forward, back: null, returned: false, explanations };
  }
  return { forward, back, returned, explanations };
}

/** The header as the destination received it (after any translation on the way). */
function deliveredHeader(ctx: WalkContext, sent: PacketHeader, landed: NEni | 'internet' | 'service'): PacketHeader {
  if (landed === 'service') return sent;
  const last = ctx.lastHeader;
  return last ?? sent;
}

function whatIfTarget(ctx: WalkContext): NEni | 'internet' | 'service' | null {
  return ctx.whatIfDelivered;
}

/** The last peering connection the request crossed (the reply should go back over it). */
function lastPeering(hops: readonly Hop[]): string | null {
  for (let i = hops.length - 1; i >= 0; i--) if (hops[i].kind === 'vpc-peering-connection') return hops[i].component;
  return null;
}

import type { PacketHeader } from '../filter/index.ts';
import type { NEni, Network } from '../model/network.ts';
import type { Disposition, Explanation, Hop } from './types.ts';

/**
 * Where the packet was seen by a network interface: the flow-log writer turns each
 * observation into one event per packet. `header` is the packet as it is on the wire there
 * (pkt-srcaddr / pkt-dstaddr); srcaddr/dstaddr show the interface's own side as its primary
 * private IP, which differs only on a NAT gateway's interface.
 */
export interface Observation {
  eni: NEni;
  direction: 'ingress' | 'egress';
  header: PacketHeader;
  action: 'ACCEPT' | 'REJECT';
  trafficPath: number | null;
}

/** A NAT gateway's translation, kept so the reply can be translated back (connection tracking). */
export interface NatSession {
  natId: string;
  /** The reply's 5-tuple as it arrives at the NAT: from the far end to the NAT's address and port. */
  protocol: number;
  remoteIp: number;
  remotePort: number;
  natIp: number;
  natPort: number;
  /** Where the reply must go after translation back. */
  originalSrcIp: number;
  originalSrcPort: number;
}

/**
 * The state of one walk (one direction). Once the packet is really stopped, `stopped` is set:
 * later stages run only to find further blockers ("what-if"), adding explanations but no hops
 * or observations, so the trace shows the real path and the explanation names every blocker.
 */
export class WalkContext {
  /**
   * The hops recorded, each with its detail sentence. Only traceProbe records hops (the
   * reachability matrix walks quietly), and it reads them all right away: sentences are
   * written when the hop is recorded, by callers that check `recording` first so that quiet
   * and what-if walks build no text and allocate no hop.
   */
  readonly hops: Hop[] = [];
  /**
   * Where a hop applied: the subnet of a network ACL or route-table hop (an ACL or a table may
   * serve several subnets), the interface of a security-group hop (a group may guard many), so
   * that the canvas marks the one on the path. Kept beside the hops, not in them: the hop's
   * JSON shape is fixed by the contract.
   */
  readonly hopPlaces = new Map<Hop, string>();
  readonly observations: Observation[] = [];
  readonly explanations: Explanation[] = [];
  disposition: Disposition | null = null;
  stopped = false;
  /** Hops are wanted: not a quiet walk, and the packet is not stopped yet. */
  recording: boolean;
  /** The interface or internet host that finally received the packet. */
  deliveredTo: NEni | 'internet' | 'service' | null = null;
  /** Guards against routing loops that the NAT gateway check below does not catch. */
  steps = 0;
  /** NAT gateways this leg has passed: reaching one again is a routing loop. */
  readonly natsPassed: string[] = [];
  /**
   * What each interface saw, what-if included: connection tracking. On the return path a
   * security group passes a packet only if that interface saw the request it answers.
   */
  readonly seen: Observation[] = [];
  /** Set on the return path when the reply is rewritten so that the client will not accept it. */
  replyBroken = false;
  /** The forward walk, for the return walk's connection tracking. */
  request: WalkContext | null = null;

  constructor(
    readonly net: Network,
    readonly path: 'forward' | 'return',
    /** Security groups are stateful: on the return path the reply of an allowed flow passes. */
    readonly sessions: NatSession[],
    /** Only the verdict is wanted (the reachability matrix): no hops, no explanation texts. */
    readonly quiet = false,
  ) {
    this.recording = !quiet;
  }

  get isReturn(): boolean {
    return this.path === 'return';
  }

  /** How many hops are recorded. */
  get hopCount(): number {
    return this.hops.length;
  }

  /** Records a hop (its `detail` written): call only when `recording`, to build no sentence for nothing. */
  hop(h: Hop): void {
    if (this.recording) this.hops.push(h);
  }

  /** Records a hop with where it applied: a subnet (network ACL, route table) or an interface (security group). */
  hopIn(h: Hop, placeId: string): void {
    if (!this.recording) return;
    this.hops.push(h);
    this.hopPlaces.set(h, placeId);
  }

  /** Records what an interface saw; the verdict may be changed to REJECT by the stages after. */
  observe(eni: NEni, direction: 'ingress' | 'egress', header: PacketHeader): Observation {
    const o: Observation = { eni, direction, header, action: 'ACCEPT', trafficPath: null };
    this.seen.push(o);
    if (!this.stopped) this.observations.push(o);
    return o;
  }

  /** True when `eni` saw, on the way out, the request this packet answers. */
  isTrackedReply(eni: NEni, h: PacketHeader): boolean {
    if (this.request === null) return false;
    const seen = this.request.seen;
    for (let i = 0; i < seen.length; i++) {
      const s = seen[i];
      if (s.eni !== eni) continue;
      const r = s.header;
      if (r.protocol === h.protocol && r.srcIp === h.dstIp && r.dstIp === h.srcIp && r.srcPort === h.dstPort && r.dstPort === h.srcPort) return true;
    }
    return false;
  }

  /** Records a blocker that does not stop the packet (it travels on, but will not be accepted). */
  note(explain: () => Omit<Explanation, 'path'>): void {
    if (!this.quiet) this.explain(explain);
  }

  /** Records a blocker. Filters can be walked past (what-if); routing failures end the walk. */
  block(disposition: Disposition, explain: () => Omit<Explanation, 'path'>): void {
    // Explanations are sentences: built only when someone will read them.
    if (!this.quiet) this.explain(explain);
    if (!this.stopped) {
      this.disposition = disposition;
      this.stopped = true;
      this.recording = false;
    }
  }

  /**
   * Adds `path` to the explanation the builder made (a fresh object each call, see
   * explain/catalog.ts): the same own properties, in the same order, as copying it into
   * `{ ...e, path }` would give, without the copy.
   */
  private explain(explain: () => Omit<Explanation, 'path'>): void {
    const e = explain() as Explanation;
    e.path = this.path;
    this.explanations.push(e);
  }

  /** Where the packet landed, even in what-if mode (to walk the reply from there). */
  whatIfDelivered: NEni | 'internet' | 'service' | null = null;
  /** The header as the destination received it (after translations on the way). */
  lastHeader: PacketHeader | null = null;

  deliver(to: NEni | 'internet' | 'service', header: PacketHeader, disposition: Disposition = 'DELIVERED'): void {
    this.whatIfDelivered = to;
    this.lastHeader = header;
    if (!this.stopped) {
      this.deliveredTo = to;
      this.disposition = disposition;
    }
  }
}

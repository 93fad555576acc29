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
  /** The reply's header as it arrives at the NAT (from the far end to the NAT's address/port). */
  replyKey: string;
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
  private readonly hopList: Hop[] = [];
  /** Hops whose detail is still to be written, with the function that writes it. */
  private pendingHops: Hop[] = [];
  private pendingDetails: (() => string)[] = [];
  readonly observations: Observation[] = [];
  readonly explanations: Explanation[] = [];
  disposition: Disposition | null = null;
  stopped = false;
  /** The interface or internet host that finally received the packet. */
  deliveredTo: NEni | 'internet' | 'service' | null = null;
  /** Guards against routing loops (a NAT gateway routed to itself). */
  steps = 0;
  /**
   * What each interface saw, what-if included: connection tracking. On the return path a
   * security group passes a packet only if that interface saw the request it answers.
   */
  readonly seen: { eni: NEni; header: PacketHeader }[] = [];
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
  ) {}

  get isReturn(): boolean {
    return this.path === 'return';
  }

  /** The hops recorded, each with its detail sentence. */
  get hops(): Hop[] {
    if (this.pendingHops.length > 0) {
      const hops = this.pendingHops;
      const details = this.pendingDetails;
      this.pendingHops = [];
      this.pendingDetails = [];
      for (let i = 0; i < hops.length; i++) hops[i].detail = details[i]();
    }
    return this.hopList;
  }

  /** How many hops are recorded (without writing their details). */
  get hopCount(): number {
    return this.hopList.length;
  }

  /**
   * Records a hop. `detail`, when given, writes the hop's sentence the first time the hops are
   * read: sentences are built only for walks someone reads (an accessor per hop costs more).
   */
  hop(h: Hop, detail?: () => string): void {
    if (this.stopped || this.quiet) return;
    this.hopList.push(h);
    if (detail !== undefined) {
      this.pendingHops.push(h);
      this.pendingDetails.push(detail);
    }
  }

  /** Records what an interface saw; the verdict may be changed to REJECT by the stages after. */
  observe(eni: NEni, direction: 'ingress' | 'egress', header: PacketHeader): Observation {
    const o: Observation = { eni, direction, header, action: 'ACCEPT', trafficPath: null };
    this.seen.push({ eni, header });
    if (!this.stopped) this.observations.push(o);
    return o;
  }

  /** True when `eni` saw, on the way out, the request this packet answers. */
  isTrackedReply(eni: NEni, h: PacketHeader): boolean {
    const seen = this.request?.seen ?? [];
    return seen.some((s) => s.eni === eni && s.header.protocol === h.protocol && s.header.srcIp === h.dstIp && s.header.dstIp === h.srcIp && s.header.srcPort === h.dstPort && s.header.dstPort === h.srcPort);
  }

  /** Records a blocker that does not stop the packet (it travels on, but will not be accepted). */
  note(explain: () => Omit<Explanation, 'path'>): void {
    if (!this.quiet) this.explanations.push({ ...explain(), path: this.path });
  }

  /** Records a blocker. Filters can be walked past (what-if); routing failures end the walk. */
  block(disposition: Disposition, explain: () => Omit<Explanation, 'path'>): void {
    // Explanations are sentences: built only when someone will read them.
    if (!this.quiet) this.explanations.push({ ...explain(), path: this.path });
    if (!this.stopped) {
      this.disposition = disposition;
      this.stopped = true;
    }
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

import { sameRegionPeering } from '../walk/route-decision.ts';
import type { Lowering } from './lowering.ts';
import { ReplyParts, type ReplyPart } from './replies.ts';
import { Shelf } from './shelf.ts';
import { transpose32, transposeBits } from './transpose.ts';
import type { Target } from './universe.ts';

/** Above this many changed targets, a full transpose is cheaper than patching columns. */
const PATCH_LIMIT = 96;

/**
 * The destination-side conditions, built per target as bitsets over senders:
 * - a1: the target's subnet NACL inbound and its security groups admit the request;
 * - a2: the same without group references (only when an inter-region peering is active);
 * - r: the reply gets back to the sender by routing out of the target's subnet (ICMP/TCP);
 * and k1, per sender over targets, the transpose of a1 & r (or of a1 without a reply): one
 * 32x32-block transpose turns "who may arrive here" into "where can I arrive".
 */
export class Columns {
  readonly ws: number;
  readonly wt: number;
  a1: Uint32Array;
  a2: Uint32Array | null = null;
  r: Uint32Array | null = null;
  k1: Uint32Array;
  natReplies: ReplyPart[] = [];
  walkReplies: ReplyPart[] = [];
  /**
   * Senders whose k1 bits the last refresh flipped, or null when it could not tell (a full
   * transpose): a row whose k1 did not move, nor anything else it reads, keeps its words.
   */
  k1Changed: Uint32Array | null = null;
  /** Senders some reply part concerns (their rows take the slow path). */
  replySenders: Uint32Array;
  /** Reply rows by subnet, then whether the address is inside the VPC. */
  private readonly replies = new Shelf<Uint32Array>();
  private readonly parts: ReplyParts;
  /** One 32x32 block for retransposeWord. */
  private readonly block = new Int32Array(32);
  /**
   * Arrival rows over targets of the senders asked for (NAT gateways' interfaces: every update
   * recomputes their replies), one column of a1 each. Transposing a column reads a1 with a
   * stride of a whole row per target, so rows are kept and patched as targets are refilled.
   */
  private readonly senderArrivals = new Map<number, Uint32Array>();

  constructor(private readonly L: Lowering) {
    this.ws = L.u.S.words;
    this.wt = L.u.T.words;
    const nt = L.u.T.size;
    this.a1 = new Uint32Array(nt * this.ws);
    if (L.h.expectsReply) this.r = new Uint32Array(nt * this.ws);
    if (this.interRegion()) this.a2 = new Uint32Array(nt * this.ws);
    this.k1 = new Uint32Array(L.u.S.size * this.wt);
    this.replySenders = new Uint32Array(this.ws);
    this.parts = new ReplyParts(L);
    this.fill(L.u.targets.map((_, t) => t));
    this.transposeAll();
    this.rebuildReplies(null);
  }

  /** VPCs with an active inter-region peering. */
  private crossRegionVpcs(): Set<string> {
    const out = new Set<string>();
    for (const p of this.L.net.peerings.values()) {
      if (p.status !== 'active' || sameRegionPeering(p)) continue;
      for (const id of [p.requesterVpcId, p.accepterVpcId]) if (id) out.add(id);
    }
    return out;
  }

  private interRegion(): boolean {
    for (const p of this.L.net.peerings.values()) if (p.status === 'active' && !sameRegionPeering(p)) return true;
    return false;
  }

  /** Inter-region peerings need the arrival rows without group references; true when that changed. */
  ensureInterRegion(): boolean {
    const needed = this.interRegion();
    if (needed === (this.a2 !== null)) return false;
    this.a2 = needed ? new Uint32Array(this.L.u.T.size * this.ws) : null;
    if (needed) this.fill(this.L.u.targets.map((_, t) => t));
    return true;
  }

  /** Drops cached reply rows of the subnets an edit touched (arrival rows are not cached). */
  forget(subnets: Iterable<string>): void {
    for (const id of subnets) this.replies.drop(id);
  }

  /** Recomputes the given targets' rows and brings the transpose up to date. */
  refresh(targets: readonly number[]): void {
    if (targets.length > PATCH_LIMIT) {
      this.fill(targets);
      this.transposeAll();
      this.k1Changed = null;
      return;
    }
    const changed = (this.k1Changed ??= new Uint32Array(this.ws));
    changed.fill(0);
    if (targets.length === 0) return;
    this.fill(targets);
    // Whole target words of k1 at once: one pass down the senders per word, where patching
    // target by target walked the 2,000-odd rows of k1 once per target.
    let last = -1;
    for (const t of targets) {
      const w = t >>> 5;
      if (w !== last) this.retransposeWord(w, changed);
      last = w;
    }
  }

  /** Whether sender s passes target t's arrival filters (with or without group references). */
  arrives(t: number, s: number, withGroups: boolean): boolean {
    const m = withGroups ? this.a1 : this.a2!;
    return ((m[t * this.ws + (s >>> 5)] >>> (s & 31)) & 1) === 1;
  }

  /** Whether the reply from target t gets back to sender s by plain routing. */
  returns(t: number, s: number): boolean {
    return ((this.r![t * this.ws + (s >>> 5)] >>> (s & 31)) & 1) === 1;
  }

  /**
   * Recomputes the given targets' rows of a1, a2 and r. Arrival rows are a few word operations
   * each: made in place rather than cached per (subnet, groups), which cost more in keys,
   * tags and copies than it saved. Targets come in address order, so neighbours mostly share
   * a subnet and groups: their inputs are looked up once per run.
   */
  private fill(targets: readonly number[]): void {
    const { ws, L, a1, a2, r } = this;
    const m = L.m;
    let subnetId: string | null | undefined;
    let nacl = m.allS;
    let same = m.allS;
    let groupsKey: string | undefined;
    let sg = { cidr: m.zeroS, group: m.zeroS };
    // a2 is read only for targets across an inter-region peering (acrossRegions, walkedReplies
    // outside d1): other targets' rows are left as they are. A peering edit refreshes the
    // targets of both its VPCs, so a VPC that gains such a peering gets its rows then.
    const cross = a2 ? this.crossRegionVpcs() : null;
    let vpcOf: string | undefined;
    let crosses = false;
    let replyOf: string | null | undefined;
    let replyInVpc = false;
    let rep = m.zeroS;
    // The previous target's rows, when it had the same subnet and groups: copied, not recomputed.
    let prev = -1;
    for (const t of targets) {
      const target = L.u.targets[t];
      let sameInputs = prev >= 0;
      if (target.subnetId !== subnetId) {
        sameInputs = false;
        subnetId = target.subnetId;
        // NACL inbound (skipped from the same subnet, absent without one).
        const subnet = subnetId ? L.net.subnets.get(subnetId)! : null;
        nacl = subnet ? L.acl(subnet.acl, 'fi') : m.allS;
        same = subnet ? m.inSubnet('S', subnet.id) : m.allS;
      }
      if (target.groupsKey !== groupsKey) {
        sameInputs = false;
        groupsKey = target.groupsKey;
        sg = L.sgIn(L.net.enis.get(target.eniId)!.groups, groupsKey);
      }
      const base = t * ws;
      const { cidr, group } = sg;
      if (sameInputs) a1.copyWithin(base, prev * ws, prev * ws + ws);
      else for (let w = 0; w < ws; w++) a1[base + w] = (nacl[w] | same[w]) & (cidr[w] | group[w]);
      // The variant without group references is needed only with an inter-region peering.
      if (cross) {
        if (target.vpcId !== vpcOf) {
          sameInputs = false;
          vpcOf = target.vpcId;
          crosses = cross.has(vpcOf);
        }
        if (crosses) {
          if (sameInputs) a2!.copyWithin(base, prev * ws, prev * ws + ws);
          else for (let w = 0; w < ws; w++) a2![base + w] = (nacl[w] | same[w]) & cidr[w];
        }
      }
      prev = t;
      if (r) {
        if (target.subnetId !== replyOf || target.inVpc !== replyInVpc) {
          replyOf = target.subnetId;
          replyInVpc = target.inVpc;
          rep = this.reply(target);
        }
        r.set(rep, base);
      }
    }
    for (const [sender, row] of this.senderArrivals) {
      const word = sender >>> 5;
      const shift = sender & 31;
      for (const t of targets) {
        if ((a1[t * ws + word] >>> shift) & 1) row[t >>> 5] |= 1 << (t & 31);
        else row[t >>> 5] &= ~(1 << (t & 31));
      }
    }
  }

  /** The targets a sender's request arrives at (NACL inbound and security groups), reply aside. A live view: do not modify it. */
  arrivalRow(sender: number): Uint32Array {
    const row = this.senderArrivals.get(sender);
    if (row !== undefined) return row;
    // One pass down a1 for every NAT gateway (each is asked for, once per build): reading a1
    // row by row, where one column at a time strode a whole row per target.
    const wanted = new Set<number>(this.L.u.natSender.values());
    wanted.add(sender);
    const senders = [...wanted].filter((s) => !this.senderArrivals.has(s)).sort((a, b) => a - b);
    // From the arena (same lifetime as these rows, patched in place later): one ArrayBuffer per NAT gateway cost more than its words.
    const rows = senders.map(() => this.L.arena.alloc(this.wt));
    const { ws, a1 } = this;
    const targets = this.L.u.T.size;
    for (let t = 0; t < targets; t++) {
      const base = t * ws;
      const w = t >>> 5;
      const bit = 1 << (t & 31);
      for (let k = 0; k < senders.length; k++) {
        const s = senders[k];
        if ((a1[base + (s >>> 5)] >>> (s & 31)) & 1) rows[k][w] |= bit;
      }
    }
    senders.forEach((s, k) => this.senderArrivals.set(s, rows[k]));
    return this.senderArrivals.get(sender)!;
  }


  private transposeAll(): void {
    const { ws, wt, L } = this;
    const nt = L.u.T.size;
    transposeBits(this.a1, nt, ws, this.k1, L.u.S.size, wt, this.r ?? undefined);
  }

  /**
   * Rewrites target word `bi` of every sender's k1 row from a1 (& r), by 32x32 block
   * transposes, marking in `changed` the senders whose word moved. Targets are refreshed in
   * address order, so a caller passes each word once (a repeat would only redo the same work).
   */
  private retransposeWord(bi: number, changed: Uint32Array): void {
    const { ws, wt, k1, a1, r } = this;
    const nt = this.L.u.T.size;
    const ns = this.L.u.S.size;
    const a = this.block;
    const r0 = bi << 5;
    const rn = Math.min(32, nt - r0);
    for (let bj = 0; bj < ws; bj++) {
      for (let k = 0; k < rn; k++) {
        const i = (r0 + k) * ws + bj;
        a[k] = r ? a1[i] & r[i] : a1[i];
      }
      for (let k = rn; k < 32; k++) a[k] = 0;
      transpose32(a);
      const c0 = bj << 5;
      const cn = Math.min(32, ns - c0);
      for (let c = 0; c < cn; c++) {
        const i = (c0 + c) * wt + bi;
        const v = a[c] >>> 0;
        if (k1[i] !== v) {
          k1[i] = v;
          changed[bj] |= 1 << c;
        }
      }
    }
  }


  /**
   * The reply's way back by plain routing from the target's subnet: a local or peering route
   * delivering to the sender, the NACL outbound of the target's subnet. Not when the target has
   * no subnet (it cannot send) or the sender's address is an AWS service on the target's host.
   */
  private reply(t: Target): Uint32Array {
    const { L } = this;
    if (!t.subnetId) return L.m.zeroS;
    const inVpc = t.inVpc;
    const hit = this.replies.peek(t.subnetId, inVpc ? '1' : '0');
    if (hit) return hit;
    return this.replies.get(t.subnetId, inVpc ? '1' : '0', () => {
      const subnet = L.net.subnets.get(t.subnetId!)!;
      const leg = L.leg(subnet, 'rep');
      const service = L.m.serviceSenders(subnet.vpc);
      const bits = L.arena.alloc(this.ws);
      for (let w = 0; w < this.ws; w++) bits[w] = (leg.local[w] | (inVpc ? leg.pcxSame[w] | leg.pcxCross[w] : 0)) & ~service[w];
      return bits;
    });
  }

  /**
   * Rebuilds the reply parts of the target subnets in `vpcs` (all when null). Returns the
   * senders whose parts changed: their rows must be recomputed.
   */
  rebuildReplies(vpcs: ReadonlySet<string> | null): Set<number> {
    const changed = this.parts.rebuild(vpcs);
    this.natReplies = this.parts.nat;
    this.walkReplies = this.parts.walk;
    this.replySenders = this.parts.senders;
    return changed;
  }
}

import type { Lowering } from './lowering.ts';
import { natReturn } from './nat-chain.ts';

/**
 * Replies leaving one target subnet through a NAT gateway (or settled by the walk): which
 * senders they reach, and for which targets of the subnet. Rows read these directly; they are
 * rare (a subnet that routes the reply through its NAT gateway while another table holds the
 * peering route) and rebuilt per VPC after an edit.
 */
export interface ReplyPart {
  key: string;
  senders: Uint32Array;
  targets: Uint32Array;
  /** Words [w0, w1) where `targets` can be non-zero. */
  w0: number;
  w1: number;
}

/**
 * The reply parts of every target subnet, rebuilt per VPC after an edit. A subnet has parts
 * only when its route table sends some reply to a NAT gateway (or to where the walk decides).
 */
export class ReplyParts {
  nat: ReplyPart[] = [];
  walk: ReplyPart[] = [];
  /** Senders some part concerns. */
  senders: Uint32Array;
  private readonly bySubnet = new Map<string, { nat: ReplyPart[]; walk: ReplyPart[] }>();
  private readonly subnetIds: string[];
  private scratch: Uint32Array | null = null;

  constructor(private readonly L: Lowering) {
    this.senders = new Uint32Array(L.u.S.words);
    this.subnetIds = [...new Set(L.u.targets.flatMap((t) => (t.subnetId ? [t.subnetId] : [])))];
  }

  /** Rebuilds the parts of the subnets in `vpcs` (all when null); returns the senders whose parts changed. */
  rebuild(vpcs: ReadonlySet<string> | null): Set<number> {
    const { L } = this;
    const before: ReplyPart[] = [];
    const after: ReplyPart[] = [];
    if (L.h.expectsReply) {
      for (const id of this.subnetIds) {
        const subnet = L.net.subnets.get(id)!;
        if (vpcs && !vpcs.has(subnet.vpc.id)) continue;
        const old = this.bySubnet.get(id);
        if (old) before.push(...old.nat, ...old.walk);
        const next = this.subnetParts(id);
        if (next.nat.length + next.walk.length > 0) this.bySubnet.set(id, next);
        else this.bySubnet.delete(id);
        after.push(...next.nat, ...next.walk);
      }
    }
    const changed = diffParts(before, after);
    this.nat = [];
    this.walk = [];
    this.senders = new Uint32Array(L.u.S.words);
    for (const p of this.bySubnet.values()) {
      this.nat.push(...p.nat);
      this.walk.push(...p.walk);
      for (const q of [...p.nat, ...p.walk]) for (let w = 0; w < this.senders.length; w++) this.senders[w] |= q.senders[w];
    }
    return changed;
  }
  private subnetParts(id: string): { nat: ReplyPart[]; walk: ReplyPart[] } {
    const { L } = this;
    const out = { nat: [] as ReplyPart[], walk: [] as ReplyPart[] };
    const subnet = L.net.subnets.get(id)!;
    const leg = L.leg(subnet, 'rep');
    if (leg.nats.length === 0 && leg.noFallback) return out;
    const service = L.m.serviceSenders(subnet.vpc);
    const inSubnet = L.m.inSubnet('T', id);
    this.addPart(out.walk, `w|${id}`, leg.fallback, null, service, () => inSubnet);
    for (const hop of leg.nats) {
      const next = L.net.natGateways.get(hop.natId)!.subnet!;
      // The NAT gateway's subnet NACL inbound sees the target's address as the source.
      let targets: Uint32Array | null = next.id === id ? inSubnet : null;
      const targetsOf = () => (targets ??= and2(inSubnet, L.acl(next.acl, 'ri'), L));
      const back = natReturn(L, hop.natId, 2);
      this.addPart(out.nat, `n|${id}|${hop.natId}`, hop.mask, back.reach, service, targetsOf);
      this.addPart(out.walk, `wn|${id}|${hop.natId}`, hop.mask, back.fallback, service, targetsOf);
    }
    return out;
  }

  /**
   * Adds a part for senders `a & b` (all of `a` without b) less the service addresses, when
   * there are some and some targets. Worked out in a scratch bitset: most candidate parts are
   * empty, and the arena would keep their words until the next rebuild.
   */
  private addPart(into: ReplyPart[], key: string, a: Uint32Array, b: Uint32Array | null, service: Uint32Array, targetsOf: () => Uint32Array): void {
    const s = (this.scratch ??= new Uint32Array(a.length));
    let any = 0;
    for (let w = 0; w < s.length; w++) any |= s[w] = a[w] & (b ? b[w] : 0xffffffff) & ~service[w];
    if (any === 0) return;
    const targets = targetsOf();
    let w0 = 0;
    let w1 = targets.length;
    while (w0 < w1 && targets[w0] === 0) w0++;
    while (w1 > w0 && targets[w1 - 1] === 0) w1--;
    if (w0 < w1) into.push({ key, senders: this.L.arena.copy(s), targets, w0, w1 });
  }
}

function and2(a: Uint32Array, b: Uint32Array, L: Lowering): Uint32Array {
  const out = L.arena.alloc(a.length);
  for (let w = 0; w < a.length; w++) out[w] = a[w] & b[w];
  return out;
}

/** Senders whose reply parts differ between two builds. */
function diffParts(before: ReplyPart[], after: ReplyPart[]): Set<number> {
  const out = new Set<number>();
  const old = new Map(before.map((p) => [p.key, p]));
  const add = (bits: Uint32Array) => bits.forEach((v, w) => {
    for (let x = v; x !== 0; x &= x - 1) out.add((w << 5) + 31 - Math.clz32(x & -x));
  });
  for (const p of after) {
    const q = old.get(p.key);
    old.delete(p.key);
    if (!q || q.targets.some((v, w) => v !== p.targets[w])) {
      add(p.senders);
      if (q) add(q.senders);
    } else {
      add(p.senders.map((v, w) => v ^ q.senders[w]));
    }
  }
  for (const q of old.values()) add(q.senders);
  return out;
}

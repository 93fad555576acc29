import { AMAZON_DNS_LINK_LOCAL, INSTANCE_METADATA, TIME_SYNC, isPublicIpv4 } from '../ip/index.ts';
import type { NVpc } from '../model/network.ts';
import { type Arena, allOnes, orInto, setBit, setRange } from './bitset.ts';
import { addressRange, cidrRange, type Space } from './space.ts';
import type { Universe } from './universe.ts';

/** Get-or-create a bitset in a map. */
function slot(map: Map<string, Uint32Array>, key: string, words: number, arena: Arena): Uint32Array {
  let bits = map.get(key);
  if (!bits) map.set(key, (bits = arena.alloc(words)));
  return bits;
}

/**
 * Who is where, as bitsets over the target space (T) and the sender space (S). These depend
 * only on the interfaces and the VPC/subnet layout, which incremental updates never change.
 */
export class Memberships {
  readonly allT: Uint32Array;
  readonly allS: Uint32Array;
  readonly zeroT: Uint32Array;
  readonly zeroS: Uint32Array;
  /** Targets owned in a VPC's address map. */
  private readonly ownedT = new Map<string, Uint32Array>();
  /** Targets whose interface is in a subnet. */
  private readonly inSubnetT = new Map<string, Uint32Array>();
  /** Targets a packet is routed into a subnet for (the interface's subnet, else the one holding the address). */
  private readonly hopT = new Map<string, Uint32Array>();
  private readonly groupT = new Map<string, Uint32Array>();
  /** Matrix senders a reply reaches through their VPC's address map. */
  private readonly ownedS = new Map<string, Uint32Array>();
  /** Senders that leave from a subnet (a NAT gateway from its own). */
  private readonly inSubnetS = new Map<string, Uint32Array>();
  private readonly hopS = new Map<string, Uint32Array>();
  /** Senders (interfaces and NAT gateways) of a VPC. */
  private readonly vpcS = new Map<string, Uint32Array>();
  private readonly groupS = new Map<string, Uint32Array>();
  private readonly cidrT = new Map<string, Uint32Array>();
  private readonly cidrS = new Map<string, Uint32Array>();
  private readonly serviceS = new Map<string, Uint32Array>();
  readonly publicT: Uint32Array;
  readonly publicS: Uint32Array;

  constructor(readonly u: Universe, private readonly arena: Arena) {
    const { T, S } = u;
    const a = arena;
    this.allT = allOnes(T.words, T.size);
    this.allS = allOnes(S.words, S.size);
    this.zeroT = new Uint32Array(T.words);
    this.zeroS = new Uint32Array(S.words);
    this.publicT = new Uint32Array(T.words);
    this.publicS = new Uint32Array(S.words);
    u.targets.forEach((t, i) => {
      setBit(slot(this.ownedT, t.vpcId, T.words, a), i);
      if (t.subnetId) setBit(slot(this.inSubnetT, t.subnetId, T.words, a), i);
      if (t.hopSubnetId) setBit(slot(this.hopT, t.hopSubnetId, T.words, a), i);
      for (const g of t.groupIds) setBit(slot(this.groupT, g, T.words, a), i);
      if (isPublicIpv4(t.ip)) setBit(this.publicT, i);
    });
    u.senders.forEach((s, i) => {
      if (s.canonical && s.vpcId) setBit(slot(this.ownedS, s.vpcId, S.words, a), i);
      if (s.subnetId) setBit(slot(this.inSubnetS, s.subnetId, S.words, a), i);
      if (s.vpcId) setBit(slot(this.vpcS, s.vpcId, S.words, a), i);
      if (s.row >= 0 && s.hopSubnetId) setBit(slot(this.hopS, s.hopSubnetId, S.words, a), i);
      for (const g of s.groupIds) setBit(slot(this.groupS, g, S.words, a), i);
      if (isPublicIpv4(s.ip)) setBit(this.publicS, i);
    });
  }

  owned(space: 'T' | 'S', vpcId: string): Uint32Array {
    return (space === 'T' ? this.ownedT : this.ownedS).get(vpcId) ?? this.zero(space);
  }

  inSubnet(space: 'T' | 'S', subnetId: string): Uint32Array {
    return (space === 'T' ? this.inSubnetT : this.inSubnetS).get(subnetId) ?? this.zero(space);
  }

  /** Every sender of a VPC, including its NAT gateways. */
  sendersOf(vpcId: string): Uint32Array {
    return this.vpcS.get(vpcId) ?? this.zeroS;
  }

  hop(space: 'T' | 'S', subnetId: string): Uint32Array {
    return (space === 'T' ? this.hopT : this.hopS).get(subnetId) ?? this.zero(space);
  }

  /** Targets whose interface carries the group / senders whose rules may be matched by it. */
  withGroup(space: 'T' | 'S', groupId: string): Uint32Array {
    return (space === 'T' ? this.groupT : this.groupS).get(groupId) ?? this.zero(space);
  }

  public(space: 'T' | 'S'): Uint32Array {
    return space === 'T' ? this.publicT : this.publicS;
  }

  zero(space: 'T' | 'S'): Uint32Array {
    return space === 'T' ? this.zeroT : this.zeroS;
  }

  all(space: 'T' | 'S'): Uint32Array {
    return space === 'T' ? this.allT : this.allS;
  }

  space(space: 'T' | 'S'): Space {
    return space === 'T' ? this.u.T : this.u.S;
  }

  /** Indexes whose address lies in one of the VPC's blocks (vpcContains). */
  vpcCidrs(space: 'T' | 'S', vpc: NVpc): Uint32Array {
    const map = space === 'T' ? this.cidrT : this.cidrS;
    let bits = map.get(vpc.id);
    if (!bits) {
      const sp = this.space(space);
      bits = this.arena.alloc(sp.words);
      for (const c of vpc.cidrs) setRange(bits, ...cidrRange(sp, c));
      map.set(vpc.id, bits);
    }
    return bits;
  }

  /**
   * Senders whose address is one an interface of the VPC sends to an AWS service on its own
   * host (the VPC's DNS at base + 2, metadata, time sync): a reply to them never leaves.
   */
  serviceSenders(vpc: NVpc): Uint32Array {
    let bits = this.serviceS.get(vpc.id);
    if (!bits) {
      bits = this.arena.alloc(this.u.S.words);
      const addrs: number[] = [AMAZON_DNS_LINK_LOCAL, INSTANCE_METADATA, TIME_SYNC];
      if (vpc.cidrs[0]) addrs.push(vpc.cidrs[0].base + 2);
      for (const a of addrs) setRange(bits, ...addressRange(this.u.S, a));
      this.serviceS.set(vpc.id, bits);
    }
    return bits;
  }

  /** Union of owned() over several VPCs. */
  ownedIn(space: 'T' | 'S', vpcIds: Iterable<string>): Uint32Array {
    const out = this.arena.alloc(this.space(space).words);
    for (const id of vpcIds) orInto(out, this.owned(space, id));
    return out;
  }
}

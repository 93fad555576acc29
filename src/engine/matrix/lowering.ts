import { instanceNotRunning } from '../model/instance-state.ts';
import { contains } from '../ip/index.ts';
import { vpcContains } from '../model/compile.ts';
import type { AclLine, PacketHeader } from '../filter/index.ts';
import type { NAcl, NRouteTable, NSecurityGroup, NSubnet, NVpc, Network } from '../model/network.ts';
import { type Arena, orInto, setRange } from './bitset.ts';
import { aclAllows, aclMask, natPortSamples, sgMasks } from './filters.ts';
import { groupView, visiblePeers } from './group-view.ts';
import type { Headers } from './headers.ts';
import { buildLeg, type Leg } from './legs.ts';
import type { Memberships } from './memberships.ts';
import { natRepliesAmbiguous } from './nat-ambiguity.ts';
import { routeRegions, type Region } from './regions.ts';
import { Shelf } from './shelf.ts';
import type { Universe } from './universe.ts';
import type { Reach, ReplyRoute } from './nat-chain.ts';
import type { NatHopNow } from './rows.ts';

/**
 * NACL directions: request outbound (over targets) and inbound (over senders), reply
 * outbound (over senders) and inbound (over targets). The remote is always the far end.
 */
export type AclDir = 'fo' | 'fi' | 'ro' | 'ri';

/** See Lowering.rowClass. */
export interface RowClass {
  /** The sender's subnet. */
  subnetId: string;
  sgo: Uint32Array;
  leg: Leg;
  /** Delivered by the route table to where group references still match: local, same-region peering. */
  d1: Uint32Array;
  /** The words where d1 is non-zero (Leg.localWords or directWords). */
  d1Words: readonly number[];
  /** Delivered across an inter-region peering; null when none (or the source is outside its VPC). */
  d2: Uint32Array | null;
  nir: Uint32Array | null;
  /** The reply's NACL inbound at the source subnet, over targets, without the same-subnet skip (replies through a NAT gateway); null without a reply. */
  ri: Uint32Array | null;
  /** Requests through a NAT gateway of this VPC may come back (an ambiguous NAT address). */
  ambiguous: boolean;
}

/** What an edit invalidates, by id. */
export interface Forget {
  acls?: ReadonlySet<string>;
  tables?: ReadonlySet<string>;
  subnets?: ReadonlySet<string>;
  vpcs?: ReadonlySet<string>;
  groups?: ReadonlySet<string>;
}

/**
 * Row kinds (Lowering.rowKinds), per sender: what makes a row's words depend on more than its
 * row class, the transposed arrival rows (k1) and its VPC's NAT gateways. An update may leave
 * a row alone only when none of these bits is set (see Matrix.update).
 */
export const ROW_UNKNOWN = 1;
/** No row class (no subnet or VPC). */
export const ROW_NONE = 2;
/** May cross an inter-region peering (reads the arrival rows without group references). */
export const ROW_CROSS = 4;
/** Its subnet's leg leaves some targets to the walk. */
export const ROW_FALLBACK = 8;
/** Requests through its VPC's NAT gateways are left to the walk (natRepliesAmbiguous). */
export const ROW_AMBIGUOUS = 16;

const tagsOfKey = (key: string) => () => {
  const bar = key.indexOf('|');
  const ids = key.slice(bar + 1);
  return [key.slice(0, bar), ...(ids ? ids.split(',') : [])];
};

/**
 * The filters and routes of the network lowered to bitsets for the query's packet, cached
 * by the id of what they come from, so equal classes (same security groups, same subnet)
 * are computed once and an edit recomputes only what it touched.
 */
export class Lowering {
  private readonly acls = new Shelf<Uint32Array>();
  /** aclAt's verdicts by NACL id, then remote address (fi and ri apart): numeric keys, no key strings. */
  private readonly scalarFi = new Map<string, Map<number, boolean>>();
  private readonly scalarRi = new Map<string, Map<number, boolean>>();
  private readonly rgns = new Shelf<Region[]>();
  private readonly legs = new Shelf<Leg>();
  private readonly nirs = new Shelf<Uint32Array>();
  /** Egress by Sender.sgKey ("vpc|groups"), tagged with the VPC and the groups. */
  private readonly outs = new Shelf<Uint32Array>();
  /** Ingress by group-ids key, tagged with the groups. */
  private readonly ins = new Shelf<{ cidr: Uint32Array; group: Uint32Array }>();
  private readonly views = new Shelf<Uint32Array>();
  private readonly peers = new Shelf<string[]>();
  private readonly seen = new Map<string, Uint32Array>();
  /** NAT chain results (nat-chain.ts), by NAT gateway id then direction and step. */
  readonly chains = new Shelf<Reach>();
  /** Per VPC, whether its NAT gateways' addresses are ambiguous (structure only: never invalidated). */
  readonly ambiguity = new Map<string, boolean>();
  /** Bumped on every update: cached forward NAT chains older than this are recomputed in place. */
  generation = 0;
  /**
   * The target words whose arrival rows the current update refreshed (Columns.refresh), or null
   * when unknown (a build): results older by one generation may patch just these words.
   */
  dirtyWords: number[] | null = null;
  /** rows.ts's per-update view of each NAT gateway, by the NAT's sender index (NatHop.sender); entries carry their generation. */
  readonly hopsNow: (NatHopNow | undefined)[] = [];
  /** natReplies (nat-chain.ts) by NAT gateway id, tagged with the subnets it consulted. */
  readonly replies = new Shelf<Reach>();
  /** replyRoute (nat-chain.ts) by target subnet id, then NAT gateway id (up to one per NAT gateway: plain maps). */
  readonly replyRoutes = new Map<string, Map<string, ReplyRoute>>();
  private rows: (RowClass | null | undefined)[] = [];
  /** natPortSamples by NACL lines (compiled lines are new objects after an edit). */
  private readonly samples = new WeakMap<readonly AclLine[], number[]>();
  /** The reply header with a NAT port, rewritten per sample (aclNatPortsAt). */
  private natPortHeader: PacketHeader | null = null;
  /** aclNatPorts' scratch bitsets over targets and senders. */
  private scratchT: Uint32Array | null = null;
  private scratchS: Uint32Array | null = null;
  /** Per sender, ROW_* bits of its row class, kept with it (ROW_UNKNOWN while it is not made). */
  readonly rowKinds: Uint8Array;

  constructor(public net: Network, readonly u: Universe, readonly m: Memberships, readonly h: Headers, readonly arena: Arena) {
    this.rowKinds = new Uint8Array(u.S.size).fill(ROW_UNKNOWN);
  }

  /** One NACL direction over the remote addresses of its space. */
  acl(acl: NAcl, dir: AclDir): Uint32Array {
    let bits = this.acls.peek(acl.id, dir);
    if (!bits) {
      const space = dir === 'fo' || dir === 'ri' ? this.u.T : this.u.S;
      const lines = dir === 'fo' || dir === 'ro' ? acl.egress : acl.ingress;
      bits = aclMask(space, lines, dir[0] === 'f' ? this.h.fwd : this.h.rep, this.arena);
      this.acls.put(acl.id, dir, bits);
    }
    return bits;
  }

  /**
   * A reply NACL direction when the NAT gateway's side of the reply is its translated port
   * (TCP: 1024-65535, one per flow): `all` where every such port passes, `any` where some does.
   * They differ only where the verdict depends on the port. Without ports, both are acl().
   */
  aclNatPorts(acl: NAcl, dir: 'ro' | 'ri'): { all: Uint32Array; any: Uint32Array } {
    const plain = this.acl(acl, dir);
    if (this.h.rep.protocol !== 6) return { all: plain, any: plain };
    let all = this.acls.peek(acl.id, `${dir}+all`);
    let any = this.acls.peek(acl.id, `${dir}+any`);
    if (!all || !any) {
      const space = dir === 'ri' ? this.u.T : this.u.S;
      const lines = dir === 'ro' ? acl.egress : acl.ingress;
      all = this.arena.alloc(space.words);
      setRange(all, 0, space.size);
      any = this.arena.alloc(space.words);
      // One scratch per space for every NACL (aclMask clears it): no ArrayBuffer per call.
      const scratch = dir === 'ri' ? (this.scratchT ??= new Uint32Array(space.words)) : (this.scratchS ??= new Uint32Array(space.words));
      const h = { ...this.h.rep };
      for (const port of natPortSamples(lines, 6)) {
        h.dstPort = port;
        const bits = aclMask(space, lines, h, scratch);
        for (let w = 0; w < bits.length; w++) {
          all[w] &= bits[w];
          any[w] |= bits[w];
        }
      }
      this.acls.put(acl.id, `${dir}+all`, all);
      this.acls.put(acl.id, `${dir}+any`, any);
    }
    return { all, any };
  }

  /**
   * aclNatPorts for one remote address, as a verdict: 1 when every port the NAT gateway may
   * pick passes, 0 when none does, 2 when it depends on the port. For one address (a NAT's,
   * in replyRoute) this scans a few lines where the bitsets painted the whole space.
   */
  aclNatPortsAt(acl: NAcl, dir: 'ro' | 'ri', remote: number): number {
    const lines = dir === 'ro' ? acl.egress : acl.ingress;
    if (this.h.rep.protocol !== 6) return aclAllows(lines, this.h.rep, remote, contains) ? 1 : 0;
    const h = (this.natPortHeader ??= { ...this.h.rep });
    let samples = this.samples.get(lines);
    if (!samples) this.samples.set(lines, (samples = natPortSamples(lines, 6)));
    let all = true;
    let any = false;
    for (const port of samples) {
      h.dstPort = port;
      if (aclAllows(lines, h, remote, contains)) any = true;
      else all = false;
    }
    return all ? 1 : any ? 2 : 0;
  }

  /** One NACL inbound direction for one remote address (a NAT gateway's, seen by a later subnet). */
  aclAt(acl: NAcl, dir: 'fi' | 'ri', remote: number): boolean {
    const byAcl = dir === 'fi' ? this.scalarFi : this.scalarRi;
    let byRemote = byAcl.get(acl.id);
    if (!byRemote) byAcl.set(acl.id, (byRemote = new Map()));
    let v = byRemote.get(remote);
    if (v === undefined) byRemote.set(remote, (v = aclAllows(acl.ingress, dir === 'fi' ? this.h.fwd : this.h.rep, remote, contains)));
    return v;
  }

  regions(table: NRouteTable, sp: 'T' | 'S'): Region[] {
    return this.rgns.get(table.id, sp, () => routeRegions(this.m.space(sp), table, this.arena));
  }

  leg(subnet: NSubnet, dir: 'fwd' | 'rep'): Leg {
    let leg = this.legs.peek(subnet.id, dir);
    if (!leg) this.legs.put(subnet.id, dir, (leg = buildLeg(this, subnet, dir)));
    return leg;
  }

  /** The reply's NACL inbound at the source subnet, over targets; skipped from the same subnet. */
  nir(subnet: NSubnet): Uint32Array {
    return this.nirs.get(subnet.id, '', () => {
      const bits = this.arena.copy(this.acl(subnet.acl, 'ri'));
      orInto(bits, this.m.inSubnet('T', subnet.id));
      return bits;
    });
  }

  /** The targets a sender's security groups let it send to (egress rules), seen from its VPC; `key` is Sender.sgKey. */
  sgOut(vpc: NVpc, groups: readonly NSecurityGroup[], key: string): Uint32Array {
    let bits = this.outs.peek(key, '');
    if (!bits) {
      const masks = sgMasks(this.u.T, groups, 'egress', this.h.fwd, (g) => this.view(vpc, g), this.arena);
      orInto(masks.cidr, masks.group);
      this.outs.put(key, '', (bits = masks.cidr), tagsOfKey(key));
    }
    return bits;
  }

  /** The senders a target's security groups admit (ingress rules): address rules and group references. */
  sgIn(groups: readonly NSecurityGroup[], key: string): { cidr: Uint32Array; group: Uint32Array } {
    let masks = this.ins.peek(key, '');
    if (!masks) this.ins.put(key, '', (masks = sgMasks(this.u.S, groups, 'ingress', this.h.fwd, (g) => this.m.withGroup('S', g), this.arena)), () => key.split(','));
    return masks;
  }

  /** Targets whose address a rule naming `groupId` matches when sent from `vpc`. */
  view(vpc: NVpc, groupId: string): Uint32Array {
    return this.views.get(vpc.id, groupId, () => groupView(this, vpc, groupId));
  }

  /** The VPCs whose interfaces' groups a security group of `vpc` can see, in the walk's order. */
  visible(vpc: NVpc): string[] {
    return this.peers.get(vpc.id, '', () => visiblePeers(this.net, vpc));
  }

  /** Targets owned in the VPCs `vpc` sees (visible), shared by its group views. */
  seenFrom(vpc: NVpc): Uint32Array {
    let bits = this.seen.get(vpc.id);
    if (!bits) this.seen.set(vpc.id, (bits = this.m.ownedIn('T', this.visible(vpc))));
    return bits;
  }

  /**
   * What a sender's row needs besides the transposed columns, looked up once per build:
   * its egress groups, its subnet's legs out, and the reply's NACL inbound at its subnet.
   */
  rowClass(sigma: number): RowClass | null {
    let rc = this.rows[sigma];
    if (rc === undefined) {
      const s = this.u.senders[sigma];
      const subnet = s.subnetId ? this.net.subnets.get(s.subnetId) : undefined;
      const vpc = s.vpcId ? this.net.vpcs.get(s.vpcId) : undefined;
      // A stopped instance sends nothing: its row stays empty.
      if (subnet && vpc && !instanceNotRunning(this.net.enis.get(s.eniId)!)) {
        const leg = this.leg(subnet, 'fwd');
        // A peering carries only traffic whose source is inside the sender's VPC.
        const inVpc = vpcContains(vpc, s.ip);
        rc = {
          subnetId: subnet.id, ri: this.h.expectsReply ? this.acl(subnet.acl, 'ri') : null,
          sgo: this.sgOut(vpc, this.net.enis.get(s.eniId)!.groups, s.sgKey), leg, d1: inVpc ? leg.direct : leg.local, d1Words: inVpc ? leg.directWords : leg.localWords, d2: inVpc && !leg.noCross ? leg.pcxCross : null,
          nir: this.h.expectsReply ? this.nir(subnet) : null, ambiguous: leg.nats.length > 0 && natRepliesAmbiguous(this, vpc),
        };
      } else {
        rc = null;
      }
      this.rows[sigma] = rc;
      this.rowKinds[sigma] = rc === null ? ROW_NONE : (rc.d2 ? ROW_CROSS : 0) | (rc.leg.noFallback ? 0 : ROW_FALLBACK) | (rc.ambiguous ? ROW_AMBIGUOUS : 0);
    }
    return rc;
  }

  /**
   * Drops what an edit invalidated. Row classes are dropped for `senders` only: every cache a
   * row class holds (egress groups of its VPC, its subnet's leg and reply NACL) is touched only
   * by edits that put it in `senders`. NAT chains are handled by the caller (nat-chain.ts).
   */
  forget(f: Forget, senders: Iterable<number>): void {
    for (const s of senders) {
      this.rows[s] = undefined;
      this.rowKinds[s] = ROW_UNKNOWN;
    }
    this.generation++;
    // Unknown until the caller has refreshed the arrival rows (Matrix.update sets it then).
    this.dirtyWords = null;
    for (const id of f.acls ?? []) {
      this.acls.drop(id);
      this.scalarFi.delete(id);
      this.scalarRi.delete(id);
    }
    for (const id of f.tables ?? []) this.rgns.drop(id);
    for (const id of f.subnets ?? []) {
      this.replies.dropTagged(id);
      this.replyRoutes.delete(id);
      this.legs.drop(id);
      this.nirs.drop(id);
    }
    for (const id of f.vpcs ?? []) {
      this.views.drop(id);
      this.peers.drop(id);
      this.seen.delete(id);
      this.outs.dropTagged(id);
    }
    for (const g of f.groups ?? []) {
      this.outs.dropTagged(g);
      this.ins.dropTagged(g);
    }
  }
}

import type { NEni, Network } from '../model/network.ts';
import { Arena, popcount32 } from './bitset.ts';
import { type MatrixChange, planChange } from './change.ts';
import { Columns } from './columns.ts';
import { headersFor, type Headers, type MatrixQuery } from './headers.ts';
import { Lowering, ROW_AMBIGUOUS, ROW_NONE, ROW_UNKNOWN } from './lowering.ts';
import { Memberships } from './memberships.ts';
import { columnsOfWords, publishColumns, serviceAddresses, type Store } from './publish.ts';
import { forgetNatReturns } from './nat-chain.ts';
import { computeRow, forwardThroughNat, GENERAL, natChangedSenders, PLAIN, PLAIN_AND_NAT, rowPath } from './rows.ts';
import { buildUniverse, sameStructure, type Universe } from './universe.ts';

/** What an update did. */
export interface MatrixUpdateStats {
  /** True when the edit could not be applied incrementally and everything was recomputed. */
  rebuilt: boolean;
  /** Rows recomputed whole. */
  rows: number;
  /** Target words recomputed in every other row. */
  words: number;
}

/**
 * Which interface reaches which, for one protocol and port, over private addresses: cell
 * (i, j) is `traceProbe(net, { from: enis[i].id, to: enis[j].id, protocol, port }).result.reachable`.
 */
export interface ReachabilityMatrix {
  readonly query: Readonly<MatrixQuery>;
  /** Row and column order: interfaces sorted by primary private IP, then id. NAT gateway interfaces and terminated instances' interfaces are left out. */
  readonly enis: readonly NEni[];
  readonly size: number;
  /** Words per row bitset. */
  readonly words: number;
  /** Reachable ordered pairs (the diagonal is never counted). */
  readonly reachableCount: number;
  reachable(i: number, j: number): boolean;
  /** Row i as a bitset over columns (bit j of word j >> 5). A live view: do not modify it. */
  row(i: number): Uint32Array;
  /** How many interfaces row i reaches. */
  rowCount(i: number): number;
  /** How many interfaces reach column j. */
  columnCount(j: number): number;
  /** The index of an interface id, or -1. */
  indexOf(eniId: string): number;
  /** Brings the matrix up to date after an edit, recomputing only what the edit can affect. */
  update(net: Network, change: MatrixChange): MatrixUpdateStats;
}

class Matrix implements ReachabilityMatrix {
  private u!: Universe;
  private h: Headers;
  private L!: Lowering;
  private C!: Columns;
  private st!: Store;
  private counts!: Int32Array;
  private index = new Map<string, number>();
  /** The interfaces of the current network, in matrix order (made on demand). */
  private current: NEni[] | null = null;
  /** Arena words in use after the last full build: updates that have dropped several times that many rebuild instead. */
  private builtWords = 0;
  reachableCount = 0;

  constructor(private net: Network, readonly query: Readonly<MatrixQuery>) {
    this.h = headersFor(query);
    this.rebuild(net);
  }

  get enis(): readonly NEni[] {
    if (!this.current) this.current = this.u.eniIds.map((id) => this.net.enis.get(id)!);
    return this.current;
  }
  get size(): number { return this.u.eniIds.length; }
  get words(): number { return this.st.wp; }

  reachable(i: number, j: number): boolean {
    return ((this.st.pub[i * this.st.wp + (j >>> 5)] >>> (j & 31)) & 1) === 1;
  }

  row(i: number): Uint32Array {
    return this.st.pub.subarray(i * this.st.wp, (i + 1) * this.st.wp);
  }

  rowCount(i: number): number { return this.counts[i]; }

  columnCount(j: number): number {
    let n = 0;
    for (let i = 0; i < this.size; i++) if (this.reachable(i, j)) n++;
    return n;
  }

  indexOf(eniId: string): number { return this.index.get(eniId) ?? -1; }

  private rebuild(net: Network): void {
    this.net = net;
    this.u = buildUniverse(net);
    const arena = new Arena();
    this.L = new Lowering(net, this.u, new Memberships(this.u, arena), this.h, arena);
    this.C = new Columns(this.L);
    const n = this.u.eniIds.length;
    this.current = null;
    const wt = this.u.T.words;
    const wp = (n + 31) >>> 5;
    this.st = { inner: new Uint32Array(n * wt), fbs: new Uint32Array(n * wt), pub: new Uint32Array(n * wp), wp, serviceAddrs: serviceAddresses(net, this.u) };
    this.counts = new Int32Array(n);
    this.index = new Map(this.u.eniIds.map((id, i) => [id, i]));
    this.reachableCount = 0;
    for (let i = 0; i < n; i++) this.redo(i, 0, wt);
    this.builtWords = arena.allocated;
  }

  /** Recomputes target words [w0, w1) of row i, publishes the columns they cover, and keeps its count. */
  private redo(i: number, w0: number, w1: number): void {
    const wt = this.u.T.words;
    computeRow(this.L, this.C, this.u.rowSender[i], w0, w1, this.st.inner, this.st.fbs, i * wt);
    const whole = w0 === 0 && w1 === wt;
    const [j0, j1] = whole ? [0, this.size] : columnsOfWords(this.u, w0, w1);
    const { pub, wp } = this.st;
    const p0 = i * wp + (j0 >>> 5);
    const p1 = i * wp + ((j1 + 31) >>> 5);
    let before = 0;
    for (let w = p0; w < p1; w++) before += popcount32(pub[w]);
    publishColumns(this.net, this.u, this.h, this.st, i, j0, j1);
    let after = 0;
    for (let w = p0; w < p1; w++) after += popcount32(pub[w]);
    this.counts[i] += after - before;
    this.reachableCount += after - before;
  }

  /**
   * Recomputes some target words of row i after an edit that did not touch the row itself.
   * Most rows need only the main formula, and many others the main formula plus requests
   * through NAT gateways: both are done here inline (a few word operations per row, no
   * per-row lookups); the others, and words the walk must settle, take the general path.
   */
  private redoWords(i: number, runs: readonly [number, number][]): void {
    const sigma = this.u.rowSender[i];
    const path = this.u.identity && this.st.serviceAddrs.size === 0 ? rowPath(this.L, this.C, sigma, runs) : GENERAL;
    if (path === GENERAL) {
      for (const [w0, w1] of runs) this.redo(i, w0, w1);
      return;
    }
    const rc = this.L.rowClass(sigma)!;
    const { d1, sgo } = rc;
    const nir = rc.nir ?? sgo;
    const k1 = this.C.k1;
    const wt = this.u.T.words;
    const base = sigma * wt;
    const at = i * wt;
    const { inner, fbs, pub } = this.st;
    for (const [w0, w1] of runs) {
      for (let w = w0; w < w1; w++) {
        inner[at + w] = d1[w] & k1[base + w] & sgo[w] & nir[w];
        fbs[at + w] = 0;
      }
      if (path === PLAIN_AND_NAT) {
        forwardThroughNat(this.L, this.C, sigma, w0, w1, inner, fbs, at);
        // A pair only the walk can settle: publish these words the general way.
        for (let w = w0; w < w1; w++) {
          if (fbs[at + w] !== 0) {
            for (const [a, b] of runs) this.redo(i, a, b);
            return;
          }
        }
      }
    }
    let delta = 0;
    for (const [w0, w1] of runs) {
      for (let w = w0; w < w1; w++) {
        let v = inner[at + w];
        if (w === i >>> 5) v &= ~(1 << (i & 31));
        delta += popcount32(v) - popcount32(pub[at + w]);
        pub[at + w] = v;
      }
    }
    this.counts[i] += delta;
    this.reachableCount += delta;
  }

  /**
   * Senders whose words in `runs` may have moved although their row class did not, or null
   * when any may have. Such a row's words are a function of its row class, its k1 words, its
   * VPC's NAT gateways' answers there and, for the rows a ROW_* kind marks, more (see
   * unmoved): a row outside this set that unmoved accepts would recompute exactly the words
   * it holds. The set: senders whose
   * k1 bits flipped (Columns.refresh), every sender of a VPC whose NAT gateway answers
   * differently (natChangedSenders), and the senders of reply parts left to the walk there.
   * Only where redoWords publishes inline (identity, no service addresses): elsewhere the
   * walk or a service answer may depend on the edit.
   */
  private moved(dirty: readonly number[], runs: readonly [number, number][]): Uint32Array | null {
    if (!this.u.identity || this.st.serviceAddrs.size !== 0 || this.C.k1Changed === null) return null;
    const out = this.C.k1Changed.slice();
    natChangedSenders(this.L, this.C, dirty, out);
    if (this.h.expectsReply) {
      for (const p of this.C.walkReplies) {
        if (!runs.some(([a, b]) => p.w0 < b && p.w1 > a)) continue;
        for (let w = 0; w < out.length; w++) out[w] |= p.senders[w];
      }
    }
    return out;
  }

  /**
   * Whether a row outside `moved` keeps its words in `runs`: always for kind 0; for a row that
   * may cross an inter-region peering, have walked targets or ambiguous NAT replies, only
   * where none of these reaches those words (rowPath says PLAIN, or PLAIN_AND_NAT without
   * ambiguous NAT replies), so its words there come from the same inputs as a kind 0 row's.
   */
  private unmoved(sigma: number, kind: number, runs: readonly [number, number][]): boolean {
    if (kind === 0) return true;
    if ((kind & (ROW_UNKNOWN | ROW_NONE)) !== 0) return false;
    const path = rowPath(this.L, this.C, sigma, runs);
    return path === PLAIN || (path === PLAIN_AND_NAT && (kind & ROW_AMBIGUOUS) === 0);
  }

  update(net: Network, change: MatrixChange): MatrixUpdateStats {
    const plan = change.kind === 'full' ? null : planChange(this.L.m, this.net, net, change);
    if (!plan || this.L.arena.allocated > 4 * this.builtWords + (1 << 20) || !sameStructure(this.u, this.net, net)) {
      this.rebuild(net);
      return { rebuilt: true, rows: this.size, words: this.u.T.words };
    }
    this.net = net;
    this.L.net = net;
    this.current = null;
    const rowsToRedo = plan.senders;
    this.L.forget(plan.forget, bitsOf(rowsToRedo));
    this.C.forget(plan.forget.subnets ?? []);
    if (this.C.ensureInterRegion()) plan.targets.fill(0xffffffff);
    const targets = bitsOf(plan.targets).filter((t) => t < this.u.T.size);
    this.C.refresh(targets);
    const dirty: number[] = [];
    for (let w = 0; w < plan.targets.length; w++) if (plan.targets[w] !== 0) dirty.push(w);
    this.L.dirtyWords = dirty;
    // Replies never consult security groups: only routing and NACL edits can move them.
    if (plan.replyVpcs) {
      const vpcs = forgetNatReturns(this.L, plan.replyVpcs, plan.receivers);
      for (const s of this.C.rebuildReplies(vpcs)) rowsToRedo[s >>> 5] |= 1 << (s & 31);
    }
    const runs: [number, number][] = [];
    for (let w = 0; w < plan.targets.length; w++) {
      if (plan.targets[w] === 0) continue;
      const last = runs[runs.length - 1];
      if (last && last[1] === w) last[1] = w + 1;
      else runs.push([w, w + 1]);
    }
    // Rows that need nothing but their words in `runs` recomputed keep them when nothing they
    // read there moved (see unmoved); the others recompute those words.
    const moved = this.moved(dirty, runs);
    const kinds = this.L.rowKinds;
    let rows = 0;
    for (let i = 0; i < this.size; i++) {
      const s = this.u.rowSender[i];
      if ((rowsToRedo[s >>> 5] >>> (s & 31)) & 1) {
        this.redo(i, 0, this.u.T.words);
        rows++;
      } else if (runs.length > 0) {
        if (moved !== null && ((moved[s >>> 5] >>> (s & 31)) & 1) === 0 && this.unmoved(s, kinds[s], runs)) continue;
        this.redoWords(i, runs);
      }
    }
    return { rebuilt: false, rows, words: runs.reduce((n, [a, b]) => n + b - a, 0) };
  }
}

/** The indexes of the set bits. */
function bitsOf(bits: Uint32Array): number[] {
  const out: number[] = [];
  for (let w = 0; w < bits.length; w++) for (let x = bits[w]; x !== 0; x &= x - 1) out.push((w << 5) + 31 - Math.clz32(x & -x));
  return out;
}

/**
 * Builds the all-pairs reachability matrix of the network's interfaces for one protocol and
 * port: cell (i, j) equals `traceProbe(net, { from: enis[i].id, to: enis[j].id, protocol,
 * port }).result.reachable` (same security groups with group references, NACLs skipped
 * inside a subnet, longest-prefix routes, peering and NAT gateway rules, and for ICMP/TCP the
 * stateless reply with the walk's fixed source port). Left out: NAT gateway interfaces and
 * interfaces of terminated instances (traceProbe refuses them as ends). The diagonal is false.
 *
 * How: interfaces are sorted by address, so every CIDR is an index range; each filter and
 * route table is lowered once per class (same groups, same subnet) to bitsets; destination
 * conditions are built per destination over sources and turned into per-source rows by a
 * 32x32 block transpose; rows are then a few word operations. The rare paths the bitsets do
 * not model (a public address behind an internet gateway, a VPC peered with itself, a NAT
 * gateway address shared with another interface) are settled by the walk itself, per pair.
 *
 * `update(newNet, change)` recomputes only the rows and columns the named edit can touch;
 * it rebuilds when the edit changed interfaces, subnets, VPC blocks, addresses or NAT gateways.
 */
export function buildReachabilityMatrix(net: Network, query: MatrixQuery): ReachabilityMatrix {
  return new Matrix(net, { ...query });
}

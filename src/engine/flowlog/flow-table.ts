/**
 * An open-addressing hash table of flows keyed by integers only (target, window, direction,
 * 5-tuple, packet addresses, action), with the running sums beside them.
 *
 * Each row is one 64-byte block holding the key and the sums together, so adding a packet to
 * a known flow touches its slot and one block of memory (keys and sums in separate arrays
 * touched two), and the records are read in one sequential pass.
 */

/** The integer key of one flow (reused by the caller: fill it in, then call add). */
export interface FlowKey {
  target: number;
  window: number;
  src: number;
  dst: number;
  /** srcPort * 65536 + dstPort. */
  ports: number;
  /** protocol | 256 for egress | 512 for REJECT. */
  kind: number;
  pktSrc: number;
  pktDst: number;
}

/**
 * Row layout, in 32-bit words (16 per row, one 64-byte block): 0 target, 1 src, 2 dst,
 * 3 ports, 4 kind, 5 pktSrc, 6 pktDst, 7 tcp flags | (traffic path + 1) << 16, 8-9 window
 * (a double: times are not bounded to 32 bits), 10-11 bytes (a double), 12 packets,
 * 13 first packet's time - window, 14 last packet's time - window (offsets within the
 * window, below its 60 or 600 seconds), 15 unused.
 */
const W = 16;
/** The same row in doubles: window at 4, bytes at 5. */
const D = 8;

function hashKey(target: number, window: number, src: number, dst: number, ports: number, kind: number, pktSrc: number, pktDst: number): number {
  let h = Math.imul(target ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ src, 0xc2b2ae35);
  h = Math.imul(h ^ dst, 0x85ebca6b);
  h = Math.imul(h ^ ports, 0xc2b2ae35);
  h = Math.imul(h ^ (window | 0) ^ (kind << 20), 0x85ebca6b);
  h = Math.imul(h ^ pktSrc ^ (pktDst >>> 3), 0xc2b2ae35);
  return h ^ (h >>> 15);
}

/** Flows in insertion order (row 0, 1, ...). */
export class FlowTable {
  size = 0;
  private capacity: number;
  /** Open-addressing slots: row + 1, or 0 when empty. */
  private slots: Int32Array;
  private mask: number;
  private words: Uint32Array;
  private doubles: Float64Array;

  constructor(expectedRows = 64) {
    this.capacity = Math.max(16, 2 ** Math.ceil(Math.log2(Math.max(1, expectedRows))));
    this.slots = new Int32Array(this.capacity * 2);
    this.mask = this.capacity * 2 - 1;
    const buffer = new ArrayBuffer(this.capacity * W * 4);
    this.words = new Uint32Array(buffer);
    this.doubles = new Float64Array(buffer);
  }

  /** Rows it holds before growing. */
  rowCapacity(): number { return this.capacity; }

  /** Empties the table for reuse (a row's words are overwritten when it is created again). */
  reset(): void {
    if (this.size === 0) return;
    if (this.size * 8 < this.capacity) {
      // Few rows: clear just their slots.
      for (let row = 0; row < this.size; row++) {
        let slot = this.hashRow(row) & this.mask;
        while (this.slots[slot] !== row + 1) slot = (slot + 1) & this.mask;
        this.slots[slot] = 0;
      }
    } else {
      this.slots.fill(0);
    }
    this.size = 0;
  }

  private hashRow(row: number): number {
    const w = this.words;
    const o = row * W;
    return hashKey(w[o], this.doubles[row * D + 4], w[o + 1], w[o + 2], w[o + 3], w[o + 4], w[o + 5], w[o + 6]);
  }

  /** Adds one packet to its flow, creating the flow on first sight. */
  add(k: FlowKey, bytes: number, time: number, flags: number, trafficPath: number): void {
    const words = this.words;
    const doubles = this.doubles;
    const target = k.target, window = k.window, src = k.src >>> 0, dst = k.dst >>> 0, ports = k.ports >>> 0;
    const kind = k.kind, pktSrc = k.pktSrc >>> 0, pktDst = k.pktDst >>> 0;
    const offset = time - window;
    let slot = hashKey(target, window, src, dst, ports, kind, pktSrc, pktDst) & this.mask;
    for (;;) {
      const row = this.slots[slot] - 1;
      if (row < 0) break;
      const o = row * W;
      if (words[o + 1] === src && words[o + 2] === dst && words[o + 3] === ports && words[o] === target &&
          doubles[row * D + 4] === window && words[o + 4] === kind && words[o + 5] === pktSrc && words[o + 6] === pktDst) {
        doubles[row * D + 5] += bytes;
        words[o + 12]++;
        words[o + 7] |= flags & 0xffff;
        if (offset < words[o + 13]) words[o + 13] = offset;
        if (offset > words[o + 14]) words[o + 14] = offset;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    const row = this.size++;
    this.slots[slot] = row + 1;
    const o = row * W;
    words[o] = target; words[o + 1] = src; words[o + 2] = dst; words[o + 3] = ports;
    words[o + 4] = kind; words[o + 5] = pktSrc; words[o + 6] = pktDst;
    words[o + 7] = (flags & 0xffff) | ((trafficPath + 1) << 16);
    doubles[row * D + 4] = window;
    doubles[row * D + 5] = bytes;
    words[o + 12] = 1;
    words[o + 13] = offset;
    words[o + 14] = offset;
    if (this.size === this.capacity) this.grow();
  }

  target(row: number): number { return this.words[row * W]; }
  window(row: number): number { return this.doubles[row * D + 4]; }
  src(row: number): number { return this.words[row * W + 1]; }
  dst(row: number): number { return this.words[row * W + 2]; }
  ports(row: number): number { return this.words[row * W + 3]; }
  kind(row: number): number { return this.words[row * W + 4]; }
  pktSrc(row: number): number { return this.words[row * W + 5]; }
  pktDst(row: number): number { return this.words[row * W + 6]; }
  packets(row: number): number { return this.words[row * W + 12]; }
  bytes(row: number): number { return this.doubles[row * D + 5]; }
  start(row: number): number { return this.doubles[row * D + 4] + this.words[row * W + 13]; }
  end(row: number): number { return this.doubles[row * D + 4] + this.words[row * W + 14]; }
  flags(row: number): number { return this.words[row * W + 7] & 0xffff; }
  /** The first packet's traffic path, or -1 for none. */
  trafficPath(row: number): number { return (this.words[row * W + 7] >>> 16) - 1; }

  private grow(): void {
    this.capacity *= 2;
    const buffer = new ArrayBuffer(this.capacity * W * 4);
    const words = new Uint32Array(buffer);
    words.set(this.words.subarray(0, this.size * W));
    this.words = words;
    this.doubles = new Float64Array(buffer);
    this.slots = new Int32Array(this.capacity * 2);
    this.mask = this.capacity * 2 - 1;
    for (let row = 0; row < this.size; row++) {
      let slot = this.hashRow(row) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = row + 1;
    }
  }
}

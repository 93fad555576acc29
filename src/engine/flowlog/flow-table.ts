/**
 * An open-addressing hash table of flows keyed by integers only (target, window, direction,
 * 5-tuple, packet addresses, action), with the running sums beside them. Keys and sums are
 * interleaved per row in a Uint32Array and a Float64Array, so finding and updating a flow touches few cache
 * lines and no string key is built per packet.
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
 * Key layout (32-bit words): target, src, dst, ports, kind, pktSrc, pktDst. Every one is an
 * unsigned 32-bit value (addresses, srcPort * 65536 + dstPort), so they compare as integers.
 */
const K = 7;
/**
 * Sum layout (doubles): window, packets, bytes, start, end, tcp flags, traffic path of the latest
 * packet that had one (-1 for none). The window is a key too, but a double: times are not bounded to 32 bits.
 */
const S = 7;

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
  private slots: Int32Array;
  private mask: number;
  private keys: Uint32Array;
  private sums: Float64Array;

  constructor(expectedRows = 64) {
    this.capacity = Math.max(16, 2 ** Math.ceil(Math.log2(Math.max(1, expectedRows))));
    this.slots = new Int32Array(this.capacity * 2);
    this.mask = this.capacity * 2 - 1;
    this.keys = new Uint32Array(this.capacity * K);
    this.sums = new Float64Array(this.capacity * S);
  }

  /** Rows it holds before growing. */
  rowCapacity(): number { return this.capacity; }

  /** Empties the table for reuse (keys and sums are overwritten as rows are created). */
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
    const keys = this.keys;
    const o = row * K;
    return hashKey(keys[o], this.sums[row * S], keys[o + 1], keys[o + 2], keys[o + 3], keys[o + 4], keys[o + 5], keys[o + 6]);
  }

  /** Adds one packet to its flow, creating the flow on first sight. */
  add(k: FlowKey, bytes: number, time: number, flags: number, trafficPath: number): void {
    const keys = this.keys;
    const sums = this.sums;
    const target = k.target, window = k.window, src = k.src >>> 0, dst = k.dst >>> 0, ports = k.ports >>> 0;
    const kind = k.kind, pktSrc = k.pktSrc >>> 0, pktDst = k.pktDst >>> 0;
    let slot = hashKey(target, window, src, dst, ports, kind, pktSrc, pktDst) & this.mask;
    for (;;) {
      const row = this.slots[slot] - 1;
      if (row < 0) break;
      const o = row * K;
      const s = row * S;
      if (keys[o + 1] === src && keys[o + 2] === dst && keys[o + 3] === ports && keys[o] === target &&
          sums[s] === window && keys[o + 4] === kind && keys[o + 5] === pktSrc && keys[o + 6] === pktDst) {
        sums[s + 1]++;
        sums[s + 2] += bytes;
        // The path the flow's latest packet took (when it has one): a route changed within the window shows.
        if (trafficPath >= 0 && (time >= sums[s + 4] || sums[s + 6] < 0)) sums[s + 6] = trafficPath;
        if (time < sums[s + 3]) sums[s + 3] = time;
        if (time > sums[s + 4]) sums[s + 4] = time;
        sums[s + 5] = sums[s + 5] | flags;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
    const row = this.size++;
    this.slots[slot] = row + 1;
    const o = row * K;
    keys[o] = target; keys[o + 1] = src; keys[o + 2] = dst; keys[o + 3] = ports;
    keys[o + 4] = kind; keys[o + 5] = pktSrc; keys[o + 6] = pktDst;
    const s = row * S;
    sums[s] = window; sums[s + 1] = 1; sums[s + 2] = bytes; sums[s + 3] = time; sums[s + 4] = time; sums[s + 5] = flags; sums[s + 6] = trafficPath;
    if (this.size === this.capacity) this.grow();
  }

  target(row: number): number { return this.keys[row * K]; }
  window(row: number): number { return this.sums[row * S]; }
  src(row: number): number { return this.keys[row * K + 1]; }
  dst(row: number): number { return this.keys[row * K + 2]; }
  ports(row: number): number { return this.keys[row * K + 3]; }
  kind(row: number): number { return this.keys[row * K + 4]; }
  pktSrc(row: number): number { return this.keys[row * K + 5]; }
  pktDst(row: number): number { return this.keys[row * K + 6]; }
  packets(row: number): number { return this.sums[row * S + 1]; }
  bytes(row: number): number { return this.sums[row * S + 2]; }
  start(row: number): number { return this.sums[row * S + 3]; }
  end(row: number): number { return this.sums[row * S + 4]; }
  flags(row: number): number { return this.sums[row * S + 5]; }
  /** The traffic path of the latest packet that had one, or -1 for none. */
  trafficPath(row: number): number { return this.sums[row * S + 6]; }

  private grow(): void {
    this.capacity *= 2;
    const keys = new Uint32Array(this.capacity * K);
    keys.set(this.keys.subarray(0, this.size * K));
    const sums = new Float64Array(this.capacity * S);
    sums.set(this.sums.subarray(0, this.size * S));
    this.keys = keys;
    this.sums = sums;
    this.slots = new Int32Array(this.capacity * 2);
    this.mask = this.capacity * 2 - 1;
    for (let row = 0; row < this.size; row++) {
      let slot = this.hashRow(row) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = row + 1;
    }
  }
}

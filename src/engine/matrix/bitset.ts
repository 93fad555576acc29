/**
 * Bitsets over an index space, as Uint32Arrays: bit b of word w stands for index w * 32 + b.
 * Bits past the end of the space are always kept clear, so word-wise AND/OR never invent
 * members and population counts stay exact.
 */

/** Words needed for `n` bits. */
export function wordsFor(n: number): number {
  return (n + 31) >>> 5;
}

/** Sets bits [lo, hi). */
export function setRange(bits: Uint32Array, lo: number, hi: number): void {
  if (lo >= hi) return;
  const w0 = lo >>> 5;
  const w1 = (hi - 1) >>> 5;
  const m0 = (0xffffffff << (lo & 31)) >>> 0;
  const m1 = 0xffffffff >>> (31 - ((hi - 1) & 31));
  if (w0 === w1) {
    bits[w0] |= m0 & m1;
    return;
  }
  bits[w0] |= m0;
  for (let w = w0 + 1; w < w1; w++) bits[w] = 0xffffffff;
  bits[w1] |= m1;
}

/** Clears bits [lo, hi). */
export function clearRange(bits: Uint32Array, lo: number, hi: number): void {
  if (lo >= hi) return;
  const w0 = lo >>> 5;
  const w1 = (hi - 1) >>> 5;
  const m0 = (0xffffffff << (lo & 31)) >>> 0;
  const m1 = 0xffffffff >>> (31 - ((hi - 1) & 31));
  if (w0 === w1) {
    bits[w0] &= ~(m0 & m1);
    return;
  }
  bits[w0] &= ~m0;
  for (let w = w0 + 1; w < w1; w++) bits[w] = 0;
  bits[w1] &= ~m1;
}

/** A bitset with the first `n` bits set. */
export function allOnes(words: number, n: number): Uint32Array {
  const bits = new Uint32Array(words);
  setRange(bits, 0, n);
  return bits;
}

export function getBit(bits: Uint32Array, i: number): boolean {
  return ((bits[i >>> 5] >>> (i & 31)) & 1) === 1;
}

export function setBit(bits: Uint32Array, i: number): void {
  bits[i >>> 5] |= 1 << (i & 31);
}

export function writeBit(bits: Uint32Array, i: number, on: boolean): void {
  if (on) bits[i >>> 5] |= 1 << (i & 31);
  else bits[i >>> 5] &= ~(1 << (i & 31));
}

/** dst |= src. */
export function orInto(dst: Uint32Array, src: Uint32Array): void {
  for (let w = 0; w < dst.length; w++) dst[w] |= src[w];
}

/** a & b, as a new bitset. */
export function and(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length);
  for (let w = 0; w < a.length; w++) out[w] = a[w] & b[w];
  return out;
}

/** a | b, as a new bitset. */
export function or(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length);
  for (let w = 0; w < a.length; w++) out[w] = a[w] | b[w];
  return out;
}

export function isZero(bits: Uint32Array): boolean {
  for (let w = 0; w < bits.length; w++) if (bits[w] !== 0) return false;
  return true;
}

export function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Calls `fn` for every set bit of words [w0, w1), in increasing index order. */
export function forEachBit(bits: Uint32Array, fn: (i: number) => void, w0 = 0, w1 = bits.length): void {
  for (let w = w0; w < w1; w++) {
    let x = bits[w];
    while (x !== 0) {
      const low = x & -x;
      fn((w << 5) + 31 - Math.clz32(low));
      x ^= low;
    }
  }
}

/**
 * Hands out zeroed bitsets as views of large shared buffers. Thousands of small typed arrays
 * each with its own backing store cost far more to allocate and collect than the bit work
 * done on them; views of one buffer are cheap. Nothing is freed: an owner that drops many
 * bitsets (incremental updates) starts a new arena now and then (see `allocated`).
 */
export class Arena {
  private buf = new Uint32Array(0);
  private used = 0;
  /** Words handed out so far. */
  allocated = 0;

  constructor(private readonly chunkWords = 1 << 16) {}

  alloc(words: number): Uint32Array {
    if (this.used + words > this.buf.length) {
      this.buf = new Uint32Array(Math.max(this.chunkWords, words));
      this.used = 0;
    }
    const view = this.buf.subarray(this.used, this.used + words);
    this.used += words;
    this.allocated += words;
    return view;
  }

  copy(src: Uint32Array): Uint32Array {
    const out = this.alloc(src.length);
    out.set(src);
    return out;
  }
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allOnes, clearRange, forEachBit, getBit, popcount32, setRange, wordsFor } from '../../../src/engine/matrix/bitset.ts';
import { transposeBits } from '../../../src/engine/matrix/transpose.ts';

describe('bitsets', () => {
  it('sets and clears ranges exactly, across word edges', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 200 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), (n, a, b) => {
      const [lo, hi] = [Math.min(a, b, n), Math.min(Math.max(a, b), n)];
      const bits = new Uint32Array(wordsFor(n));
      setRange(bits, lo, hi);
      const full = allOnes(wordsFor(n), n);
      clearRange(full, lo, hi);
      let wrong = 0;
      for (let i = 0; i < n; i++) if (getBit(bits, i) !== (i >= lo && i < hi) || getBit(full, i) !== (i < lo || i >= hi)) wrong++;
      expect(wrong).toBe(0);
      const seen: number[] = [];
      forEachBit(bits, (i) => seen.push(i));
      expect(seen).toEqual(Array.from({ length: hi - lo }, (_, k) => lo + k));
    }), { seed: 3, numRuns: 300 });
  });

  it('counts bits', () => {
    expect(popcount32(0)).toBe(0);
    expect(popcount32(0xffffffff)).toBe(32);
    expect(popcount32(0x80000001)).toBe(2);
  });

  it('transposes any bit matrix like the naive double loop', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), fc.integer(), (rows, cols, seed) => {
      const sw = wordsFor(cols);
      const dw = wordsFor(rows);
      const src = new Uint32Array(rows * sw);
      const x = seed | 1;
      const on = (r: number, c: number) => ((Math.imul(r * 131 + c * 7919, x) >>> 13) & 3) === 0;
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (on(r, c)) src[r * sw + (c >>> 5)] |= 1 << (c & 31);
      const dst = new Uint32Array(cols * dw).fill(0xdeadbeef);
      transposeBits(src, rows, sw, dst, cols, dw);
      let wrong = 0;
      for (let c = 0; c < cols; c++) for (let r = 0; r < rows; r++) if ((((dst[c * dw + (r >>> 5)] >>> (r & 31)) & 1) === 1) !== on(r, c)) wrong++;
      expect(wrong).toBe(0);
    }), { seed: 5, numRuns: 100 });
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DECODERS, LineBytes, asciiBytes, putBytes, putDash, putIpv4, putNumber } from '../../../src/engine/flowlog/line-bytes.ts';
import { formatIpv4 } from '../../../src/engine/ip/index.ts';

/** Writes with one put function into a fresh writer and decodes the result. */
function written(put: (bytes: Uint8Array, p: number) => number): string {
  const w = new LineBytes(64);
  w.pos = put(w.reserve(64), 0);
  return w.text();
}

describe('line bytes', () => {
  it('writes every number as String(n) does: integers of any size, negatives, fractions', () => {
    const numbers = fc.oneof(
      fc.integer({ min: 0, max: 0x7fffffff }),
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: -1000, max: -1 }),
      fc.double({ noNaN: false }),
      fc.constantFrom(0, -0, 9, 10, 99, 100, 999, 1000, 0x7fffffff, 2 ** 31, 2 ** 32, 1_700_000_000, 0.1 + 0.2, 1e21, -1.2345678901234567e-308),
    );
    fc.assert(fc.property(numbers, (n) => {
      expect(written((b, p) => putNumber(b, p, n))).toBe(String(n));
    }), { numRuns: 2000 });
  });

  it('writes addresses in dotted decimal as formatIpv4 does', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (ip) => {
      expect(written((b, p) => putIpv4(b, p, ip))).toBe(formatIpv4(ip));
    }), { numRuns: 2000 });
    for (const ip of [0, 0xffffffff, 0x0a000001, 0x64646464]) expect(written((b, p) => putIpv4(b, p, ip))).toBe(formatIpv4(ip));
  });

  it('copies constant text, short and long, and a dash', () => {
    const long = asciiBytes('2 123456789012 eni-0123456789abcdef0 ') as Uint8Array;
    const short = asciiBytes('OK') as Uint8Array;
    expect(written((b, p) => putDash(b, putBytes(b, putBytes(b, p, long), short)))).toBe('2 123456789012 eni-0123456789abcdef0 OK-');
  });

  it('refuses text outside ASCII (such lines are joined instead)', () => {
    expect(asciiBytes('vpc-ünïcode')).toBeNull();
    expect(asciiBytes('eni-0a1b')).toEqual(new Uint8Array([101, 110, 105, 45, 48, 97, 49, 98]));
  });

  it('grows past its first size and keeps what was written', () => {
    const w = new LineBytes(8);
    const line = asciiBytes('10.0.0.1 203.0.113.7 ACCEPT') as Uint8Array;
    let expected = '';
    for (let i = 0; i < 50_000; i++) {
      w.pos = putBytes(w.reserve(line.length), w.pos, line);
      expected += '10.0.0.1 203.0.113.7 ACCEPT';
    }
    expect(w.text()).toBe(expected);
  });

  it('has a decoder here, and every decoder turns ASCII bytes, at any offset, into the text they spell', () => {
    // Under Node both Buffer's latin1 slice and TextDecoder exist; browsers have TextDecoder only.
    expect(DECODERS.length).toBe(2);
    for (const decode of DECODERS) {
      fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 127 }), { maxLength: 300 }), fc.nat(16), (codes, offset) => {
        const buffer = new Uint8Array(offset + codes.length + 5).fill(120);
        buffer.set(codes, offset);
        expect(decode(buffer.subarray(offset, offset + codes.length))).toBe(String.fromCharCode(...codes));
      }));
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrOf, contains, first, formatCidr, formatIpv4, last, overlaps, parseCidr, parseIpv4 } from '../../src/engine/ip/index.ts';

const ip = fc.integer({ min: 0, max: 0xffffffff });
const prefix = fc.integer({ min: 0, max: 32 });
const cidr = fc.tuple(ip, prefix).map(([a, p]) => cidrOf(a, p));

describe('CIDR properties', () => {
  it('parse(format(ip)) is the identity', () => {
    fc.assert(fc.property(ip, (a) => parseIpv4(formatIpv4(a)) === a), { seed: 1 });
  });
  it('parse(format(cidr)) is the identity', () => {
    fc.assert(fc.property(cidr, (c) => { expect(parseCidr(formatCidr(c))).toEqual(c); }), { seed: 2 });
  });
  it('contains agrees with first/last', () => {
    fc.assert(fc.property(cidr, ip, (c, a) => contains(c, a) === (a >= first(c) && a <= last(c))), { seed: 3 });
  });
  it('overlaps agrees with interval intersection', () => {
    fc.assert(fc.property(cidr, cidr, (a, b) => overlaps(a, b) === (first(a) <= last(b) && first(b) <= last(a))), { seed: 4 });
  });
});

describe('IPv4 text parsing', () => {
  const strict = /^(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})\.(0|[1-9]\d{0,2})$/;
  it('accepts exactly the strict dotted quads (fast path and careful path agree)', () => {
    const texts = fc.oneof(
      fc.tuple(fc.nat(300), fc.nat(300), fc.nat(300), fc.nat(300)).map((p) => p.join('.')),
      fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '9', '.', ' ', 'x', '-'), maxLength: 16 }),
    );
    fc.assert(fc.property(texts, (t) => {
      const m = strict.exec(t);
      const valid = !!m && m.slice(1).every((x) => Number(x) <= 255);
      let parsed: number | null = null;
      try { parsed = parseIpv4(t); } catch { parsed = null; }
      expect(parsed !== null).toBe(valid);
      if (valid) expect(formatIpv4(parsed!)).toBe(t);
    }), { seed: 7, numRuns: 3000 });
  });
});

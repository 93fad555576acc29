import { describe, expect, it } from 'vitest';
import { contains, first, formatCidr, formatIpv4, isPublicIpv4, isRfc1918, last, overlaps, parseCidr, parseIpv4, size, split, tryParseCidr, tryParseIpv4 } from '../../../src/engine/ip/index.ts';

describe('IPv4 parsing', () => {
  it.each([
    ['0.0.0.0', 0], ['255.255.255.255', 0xffffffff], ['10.1.2.3', 0x0a010203], ['192.168.0.1', 0xc0a80001],
  ])('parses %s', (text, value) => {
    expect(parseIpv4(text)).toBe(value);
    expect(formatIpv4(value)).toBe(text);
  });
  it.each(['256.0.0.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.-1', ' 1.2.3.4', '1.2.3.4 ', 'a.b.c.d', '', '1..2.3', '0x1.2.3.4'])('rejects %j', (text) => {
    const r = tryParseIpv4(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/IPv4/);
  });
});

describe('CIDR parsing', () => {
  it.each([
    ['0.0.0.0/0', 0, 0], ['10.0.0.0/8', 0x0a000000, 8], ['10.1.0.0/16', 0x0a010000, 16], ['10.1.2.3/32', 0x0a010203, 32], ['255.255.255.255/32', 0xffffffff, 32],
  ])('parses %s', (text, base, prefix) => {
    expect(parseCidr(text)).toEqual({ base, prefix });
    expect(formatCidr(parseCidr(text))).toBe(text);
  });
  it('refuses host bits and names the canonical network', () => {
    const r = tryParseCidr('10.1.2.3/16');
    expect(r).toEqual({ ok: false, error: '"10.1.2.3/16" has host bits set: the network is 10.1.0.0/16' });
  });
  it.each(['10.0.0.0', '10.0.0.0/33', '10.0.0.0/-1', '10.0.0.0/016', '10.0.0/16', '10.0.0.0/ 16', '10.0.0.0/16/2'])('rejects %j', (text) => {
    expect(tryParseCidr(text).ok).toBe(false);
  });
});

describe('CIDR verbs at the edges', () => {
  it('/0 covers everything', () => {
    const all = parseCidr('0.0.0.0/0');
    expect(size(all)).toBe(2 ** 32);
    expect(first(all)).toBe(0);
    expect(last(all)).toBe(0xffffffff);
    expect(contains(all, 0xffffffff)).toBe(true);
  });
  it('/32 is one address', () => {
    const one = parseCidr('10.0.0.5/32');
    expect(size(one)).toBe(1);
    expect(first(one)).toBe(last(one));
    expect(contains(one, parseIpv4('10.0.0.5'))).toBe(true);
    expect(contains(one, parseIpv4('10.0.0.6'))).toBe(false);
  });
  it('overlaps is symmetric and catches nesting', () => {
    const a = parseCidr('10.1.0.0/16');
    const b = parseCidr('10.1.128.0/17');
    const c = parseCidr('10.2.0.0/16');
    expect(overlaps(a, b)).toBe(true);
    expect(overlaps(b, a)).toBe(true);
    expect(overlaps(a, c)).toBe(false);
  });
  it('splits into sub-blocks in order', () => {
    expect(split(parseCidr('10.0.0.0/22'), 24).map(formatCidr)).toEqual(['10.0.0.0/24', '10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24']);
  });
});

describe('address classes', () => {
  it('documentation ranges count as public, private ranges do not', () => {
    for (const p of ['203.0.113.12', '198.51.100.7', '192.0.2.1', '8.8.8.8', '54.1.2.3']) expect(isPublicIpv4(parseIpv4(p))).toBe(true);
    for (const p of ['10.0.0.1', '172.16.5.4', '172.31.255.255', '192.168.1.1', '100.64.0.1', '127.0.0.1', '169.254.169.254', '224.0.0.1', '0.1.2.3']) expect(isPublicIpv4(parseIpv4(p))).toBe(false);
    expect(isRfc1918(parseIpv4('172.32.0.1'))).toBe(false);
    expect(isRfc1918(parseIpv4('172.31.0.1'))).toBe(true);
  });
});

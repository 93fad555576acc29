import { type Ipv4, type Parsed, formatIpv4, tryParseIpv4 } from './ipv4.ts';

/** An IPv4 network: base address (no host bits set) and prefix length 0-32. */
export interface Cidr {
  readonly base: Ipv4;
  readonly prefix: number;
}

/** Number of addresses in a prefix length; 2^32 for /0. */
export function sizeOfPrefix(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** The netmask of a prefix length as an unsigned 32-bit integer. */
export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/**
 * Parses "a.b.c.d/n" strictly. Host bits set ("10.0.0.1/16") is an error, as AWS refuses it:
 * the message names the canonical network so the learner can correct it.
 */
export function tryParseCidr(text: string): Parsed<Cidr> {
  if (typeof text !== 'string') return { ok: false, error: 'a CIDR block must be a string such as "10.0.0.0/16"' };
  const slash = text.indexOf('/');
  if (slash < 0) return { ok: false, error: `"${text}" is not a CIDR block: it needs a prefix length, as in "10.0.0.0/16"` };
  const ip = tryParseIpv4(text.slice(0, slash));
  if (!ip.ok) return { ok: false, error: `"${text}" is not a CIDR block: ${ip.error.replace(/^"[^"]*" is not an IPv4 address: /, '')}` };
  const lenText = text.slice(slash + 1);
  if (!/^(0|[1-9][0-9]?)$/.test(lenText) || Number(lenText) > 32) {
    return { ok: false, error: `"${text}" is not a CIDR block: the prefix length must be a number from 0 to 32` };
  }
  const prefix = Number(lenText);
  const base = (ip.value & maskOf(prefix)) >>> 0;
  if (base !== ip.value) {
    return { ok: false, error: `"${text}" has host bits set: the network is ${formatIpv4(base)}/${prefix}` };
  }
  return { ok: true, value: { base: base as Ipv4, prefix } };
}

/** Parses "a.b.c.d/n"; throws on malformed or non-canonical input. */
export function parseCidr(text: string): Cidr {
  const r = tryParseCidr(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Builds a CIDR from any address inside it (host bits are cleared). */
export function cidrOf(ip: number, prefix: number): Cidr {
  return { base: ((ip & maskOf(prefix)) >>> 0) as Ipv4, prefix };
}

export function formatCidr(c: Cidr): string {
  return `${formatIpv4(c.base)}/${c.prefix}`;
}

/** First address of the block (the network address). */
export function first(c: Cidr): number {
  return c.base;
}

/** Last address of the block (the broadcast address in classic terms). */
export function last(c: Cidr): number {
  return c.base + sizeOfPrefix(c.prefix) - 1;
}

export function size(c: Cidr): number {
  return sizeOfPrefix(c.prefix);
}

/** True when the address lies in the block. */
export function contains(c: Cidr, ip: number): boolean {
  return ((ip & maskOf(c.prefix)) >>> 0) === c.base;
}

/** True when every address of `inner` lies in `outer`. */
export function containsCidr(outer: Cidr, inner: Cidr): boolean {
  return inner.prefix >= outer.prefix && contains(outer, inner.base);
}

/** True when the two blocks share at least one address. */
export function overlaps(a: Cidr, b: Cidr): boolean {
  return a.prefix <= b.prefix ? contains(a, b.base) : contains(b, a.base);
}

/** Splits a block into its sub-blocks of a longer prefix, in address order. */
export function split(c: Cidr, newPrefix: number): Cidr[] {
  if (newPrefix < c.prefix || newPrefix > 32) throw new Error(`cannot split /${c.prefix} into /${newPrefix}`);
  const count = 2 ** (newPrefix - c.prefix);
  const step = sizeOfPrefix(newPrefix);
  const out: Cidr[] = [];
  for (let i = 0; i < count; i++) out.push({ base: (c.base + i * step) as Ipv4, prefix: newPrefix });
  return out;
}

/** Two CIDRs are equal when base and prefix match. */
export function sameCidr(a: Cidr, b: Cidr): boolean {
  return a.base === b.base && a.prefix === b.prefix;
}

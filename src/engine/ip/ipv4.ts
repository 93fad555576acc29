/**
 * IPv4 addresses as unsigned 32-bit integers, parsed strictly: four decimal parts 0-255,
 * no leading zeros (AWS rejects "010.0.0.1"), nothing else. The numbers are plain JS numbers
 * in 0..2^32-1 so that comparisons and ranges need no bigints.
 */
export type Ipv4 = number & { readonly __brand: 'Ipv4' };

/** The result of a parse that can fail: a value or a sentence saying what is wrong. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const PART = /^(0|[1-9][0-9]{0,2})$/;

/**
 * The common case, read by char codes (addresses are parsed for every interface, rule and
 * route): a value, or -1 when the text needs the careful path below to say what is wrong.
 */
function fastIpv4(text: string): number {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && part === 0) return -1; // a leading zero
      part = part * 10 + (c - 48);
      if (++digits > 3 || part > 255) return -1;
    } else return -1;
  }
  if (dots !== 3 || digits === 0) return -1;
  return value * 256 + part;
}

/** Parses dotted-quad IPv4 text; returns an error sentence instead of throwing. */
export function tryParseIpv4(text: string): Parsed<Ipv4> {
  if (typeof text !== 'string') return { ok: false, error: 'an IPv4 address must be a string' };
  const fast = fastIpv4(text);
  if (fast >= 0) return { ok: true, value: fast as Ipv4 };
  const parts = text.split('.');
  if (parts.length !== 4) return { ok: false, error: `"${text}" is not an IPv4 address: it needs four dot-separated numbers` };
  let value = 0;
  for (const part of parts) {
    if (!PART.test(part)) return { ok: false, error: `"${text}" is not an IPv4 address: "${part}" is not a number from 0 to 255 without leading zeros` };
    const n = Number(part);
    if (n > 255) return { ok: false, error: `"${text}" is not an IPv4 address: ${n} is larger than 255` };
    value = value * 256 + n;
  }
  return { ok: true, value: value as Ipv4 };
}

/** Parses dotted-quad IPv4 text; throws on malformed input. */
export function parseIpv4(text: string): Ipv4 {
  const r = tryParseIpv4(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Formats an address as dotted-quad text. */
export function formatIpv4(ip: number): string {
  return `${(ip >>> 24) & 255}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}

/** True for text that parses as an IPv4 address. */
export function isIpv4Text(text: string): boolean {
  return tryParseIpv4(text).ok;
}

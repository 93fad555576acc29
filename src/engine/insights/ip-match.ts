import { tryParseIpv4 } from '../ip/ipv4.ts';

/** A parsed subnet: the address family, its 16-bit groups (IPv4 uses two) and prefix length. */
export interface Subnet {
  v6: boolean;
  groups: number[];
  prefix: number;
}

/** IPv4 text as two 16-bit groups, or null. */
function v4Groups(text: string): number[] | null {
  const r = tryParseIpv4(text);
  return r.ok ? [r.value >>> 16, r.value & 0xffff] : null;
}

/** IPv6 text (with `::` and an optional dotted IPv4 tail) as eight 16-bit groups, or null. */
export function parseIpv6(text: string): number[] | null {
  if (!/^[0-9A-Fa-f:.]+$/.test(text) || text.length < 2) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const part = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    const pieces = s.split(':');
    for (let k = 0; k < pieces.length; k++) {
      const p = pieces[k];
      if (k === pieces.length - 1 && p.includes('.')) {
        const g = v4Groups(p);
        if (!g) return null;
        out.push(...g);
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(p)) out.push(parseInt(p, 16));
      else return null;
    }
    return out;
  };
  const head = part(halves[0]);
  const tail = halves.length === 2 ? part(halves[1]) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  if (head.length + tail.length > 7) return null;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/** Groups of an address of either family, with its family. */
export function parseIp(text: string): { v6: boolean; groups: number[] } | null {
  const v4 = v4Groups(text);
  if (v4) return { v6: false, groups: v4 };
  const v6 = parseIpv6(text);
  return v6 ? { v6: true, groups: v6 } : null;
}

/**
 * Parses CIDR text such as `192.0.2.0/24` or `2001:db8::/32`. Host bits are ignored (masked):
 * a query is a question, not a configuration AWS would refuse. Null when malformed.
 */
export function parseSubnet(text: string): Subnet | null {
  const slash = text.indexOf('/');
  if (slash < 0) return null;
  const ip = parseIp(text.slice(0, slash));
  const lenText = text.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(lenText)) return null;
  const prefix = Number(lenText);
  if (prefix > (ip.v6 ? 128 : 32)) return null;
  return { v6: ip.v6, groups: ip.groups, prefix };
}

/** True when the address text lies inside the subnet (same family only). */
export function inSubnet(address: string, subnet: Subnet): boolean {
  const ip = parseIp(address);
  if (!ip || ip.v6 !== subnet.v6) return false;
  let bits = subnet.prefix;
  for (let k = 0; bits > 0; k++, bits -= 16) {
    const take = Math.min(16, bits);
    const mask = (0xffff << (16 - take)) & 0xffff;
    if ((ip.groups[k] & mask) !== (subnet.groups[k] & mask)) return false;
  }
  return true;
}

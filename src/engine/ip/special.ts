import { parseCidr, contains, type Cidr } from './cidr.ts';

/** RFC 1918 private ranges: an internet gateway drops traffic to them. */
export const RFC1918: readonly Cidr[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map(parseCidr);

/**
 * Ranges that are not public on the internet (per the trace contract). The documentation
 * ranges 192.0.2/24, 198.51.100/24 and 203.0.113/24 are deliberately absent: AWS's own
 * examples use them as internet hosts, so the simulator treats them as public.
 */
export const NON_PUBLIC: readonly Cidr[] = [
  '0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16',
  '172.16.0.0/12', '192.168.0.0/16', '224.0.0.0/3',
].map(parseCidr);

export function isRfc1918(ip: number): boolean {
  return RFC1918.some((c) => contains(c, ip));
}

/** True for an address reachable on the public internet. */
export function isPublicIpv4(ip: number): boolean {
  return !NON_PUBLIC.some((c) => contains(c, ip));
}

/** The link-local service addresses every instance reaches without leaving its host. */
export const INSTANCE_METADATA = parseCidr('169.254.169.254/32').base;
export const TIME_SYNC = parseCidr('169.254.169.123/32').base;
export const AMAZON_DNS_LINK_LOCAL = parseCidr('169.254.169.253/32').base;

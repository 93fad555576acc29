import { formatCidr, formatIpv4, type Cidr } from '../ip/index.ts';
import { protocolLabel } from '../filter/index.ts';
import type { PacketHeader } from '../filter/index.ts';

/** `sg-0abc ("web")`: an id with its Name tag, as learners recognise resources. */
export function named(id: string, name: string | null | undefined): string {
  return name ? `${id} ("${name}")` : id;
}

/** "ICMP echo request", "TCP port 22", "UDP port 53", "protocol 50". */
export function trafficLabel(h: PacketHeader): string {
  if (h.protocol === 1) return h.icmpType === 8 ? 'ICMP echo request' : h.icmpType === 0 ? 'ICMP echo reply' : `ICMP type ${h.icmpType}`;
  if (h.protocol === 6 || h.protocol === 17) return `${protocolLabel(h.protocol)} port ${h.dstPort}`;
  return `protocol ${h.protocol}`;
}

/** "10.1.0.5 → 10.2.0.7". */
export function flowLabel(h: PacketHeader): string {
  const ports = h.protocol === 6 || h.protocol === 17;
  return ports ? `${ipText(h.srcIp)}:${h.srcPort} → ${ipText(h.dstIp)}:${h.dstPort}` : `${ipText(h.srcIp)} → ${ipText(h.dstIp)}`;
}

// A trace writes the same few addresses into several sentences (its hops, its explanations):
// their texts come from a small direct-mapped cache shared by every call (the mapping is pure,
// so what a slot holds never changes an output; -1 marks an empty slot).
const IP_KEYS = new Float64Array(1024).fill(-1);
const IP_TEXTS: string[] = new Array<string>(1024).fill('');

/** formatIpv4, cached: "10.1.0.5". */
export function ipText(ip: number): string {
  const slot = (ip ^ (ip >>> 10) ^ (ip >>> 20)) & 1023;
  if (IP_KEYS[slot] === ip) return IP_TEXTS[slot];
  IP_KEYS[slot] = ip;
  return (IP_TEXTS[slot] = formatIpv4(ip));
}

export const ip = formatIpv4;
export const cidr = (c: Cidr) => formatCidr(c);

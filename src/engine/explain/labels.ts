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
  return ports ? `${formatIpv4(h.srcIp)}:${h.srcPort} → ${formatIpv4(h.dstIp)}:${h.dstPort}` : `${formatIpv4(h.srcIp)} → ${formatIpv4(h.dstIp)}`;
}

export const ip = formatIpv4;
export const cidr = (c: Cidr) => formatCidr(c);

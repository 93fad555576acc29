/** IANA protocol numbers the simulator names. */
export const PROTO = { ALL: -1, ICMP: 1, TCP: 6, UDP: 17, ICMPV6: 58 } as const;

const NAMES: Record<string, number> = { tcp: 6, udp: 17, icmp: 1, icmpv6: 58, all: -1, '-1': -1 };

/**
 * Parses a protocol as AWS writes it: "tcp"/"udp"/"icmp", "-1" (all), or a number as text
 * (security groups accept both; network ACLs print numbers). Null when it is neither.
 */
export function parseProtocol(text: unknown): number | null {
  if (typeof text === 'number') return Number.isInteger(text) && text >= -1 && text <= 255 ? text : null;
  if (typeof text !== 'string') return null;
  const lower = text.toLowerCase();
  if (lower in NAMES) return NAMES[lower];
  if (/^(0|[1-9][0-9]{0,2})$/.test(text) && Number(text) <= 255) return Number(text);
  return null;
}

/** Console-style protocol label: "TCP", "UDP", "ICMP", "ALL", or the number. */
export function protocolLabel(p: number): string {
  return p === -1 ? 'ALL' : p === 6 ? 'TCP' : p === 17 ? 'UDP' : p === 1 ? 'ICMP' : p === 58 ? 'ICMPv6' : String(p);
}

/** True for protocols whose rules carry port ranges. */
export function hasPorts(p: number): boolean {
  return p === 6 || p === 17;
}

/** A port range (inclusive) or, for ICMP, a type/code pair where -1 means any. */
export type PortMatch =
  /** Any port / any ICMP type. */
  | { kind: 'any' }
  /** TCP/UDP destination ports from..to. */
  | { kind: 'ports'; from: number; to: number }
  /** ICMP type and code; -1 = any. */
  | { kind: 'icmp'; type: number; code: number };

import type { PacketHeader } from './packet.ts';

export function matchesPorts(m: PortMatch, p: PacketHeader): boolean {
  switch (m.kind) {
    case 'any':
      return true;
    case 'ports':
      return p.dstPort >= m.from && p.dstPort <= m.to;
    case 'icmp':
      return (m.type === -1 || m.type === p.icmpType) && (m.code === -1 || m.code === p.icmpCode);
  }
}

/** Console-style port label: "22", "1024 - 65535", "ALL", "8 (Echo Request)". */
export function portLabel(m: PortMatch): string {
  switch (m.kind) {
    case 'any':
      return 'ALL';
    case 'ports':
      return m.from === m.to ? String(m.from) : m.from === 0 && m.to === 65535 ? 'ALL' : `${m.from} - ${m.to}`;
    case 'icmp':
      return m.type === -1 ? 'ALL' : m.code === -1 ? `type ${m.type}` : `type ${m.type} code ${m.code}`;
  }
}

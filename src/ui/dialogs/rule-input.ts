/** Turns the rule dialog's fields into the AWS shapes (IpPermission, NetworkAclEntry). */
import type { IpPermission, NetworkAclEntry } from '../../engine/index.ts';

export type Proto = '-1' | 'tcp' | 'udp' | 'icmp';
const NUMBER: Record<Proto, string> = { '-1': '-1', tcp: '6', udp: '17', icmp: '1' };

export function parsePorts(text: string): { from: number; to: number } | null {
  const m = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(text);
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] ? Number(m[2]) : from;
  return from <= to && to <= 65535 ? { from, to } : null;
}

export function sgPermission(proto: Proto, ports: string, cidr: string): IpPermission | string {
  const base = { IpRanges: [{ CidrIp: cidr.trim() }], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [] };
  if (proto === '-1') return { IpProtocol: '-1', ...base };
  // ICMP: FromPort/ToPort are the ICMP type and code; -1/-1 means all ICMP.
  if (proto === 'icmp') return { IpProtocol: 'icmp', FromPort: -1, ToPort: -1, ...base };
  const p = parsePorts(ports);
  if (!p) return 'Port range: a port (22) or a range (1024-65535).';
  return { IpProtocol: proto, FromPort: p.from, ToPort: p.to, ...base };
}

export function aclEntry(proto: Proto, ports: string, cidr: string, egress: boolean, ruleNumber: number, allow: boolean): NetworkAclEntry | string {
  const e: NetworkAclEntry = { CidrBlock: cidr.trim(), Egress: egress, Protocol: NUMBER[proto], RuleAction: allow ? 'allow' : 'deny', RuleNumber: ruleNumber };
  if (proto === 'icmp') return { ...e, IcmpTypeCode: { Code: -1, Type: -1 } };
  if (proto === 'tcp' || proto === 'udp') {
    const p = parsePorts(ports);
    if (!p) return 'Port range: a port (22) or a range (1024-65535).';
    return { ...e, PortRange: { From: p.from, To: p.to } };
  }
  return e;
}

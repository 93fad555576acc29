import { formatCidr, type Cidr } from '../ip/index.ts';
import type { AclLine, PacketHeader } from '../filter/index.ts';
import { protocolLabel } from '../filter/index.ts';
import type { FixAction } from '../walk/types.ts';

/**
 * The smallest security group permission that allows this packet from/to `remote`:
 * ICMP echo for ping, the one port for TCP/UDP, the protocol otherwise.
 */
export function permissionFor(h: PacketHeader, remote: Cidr): Record<string, unknown> {
  const range = { CidrIp: formatCidr(remote) };
  if (h.protocol === 1) return { IpProtocol: 'icmp', FromPort: h.icmpType, ToPort: -1, IpRanges: [range] };
  if (h.protocol === 6 || h.protocol === 17) return { IpProtocol: h.protocol === 6 ? 'tcp' : 'udp', FromPort: h.dstPort, ToPort: h.dstPort, IpRanges: [range] };
  return { IpProtocol: String(h.protocol), IpRanges: [range] };
}

/** "ICMP echo request (type 8) from 10.1.0.0/16", "TCP port 22 to 0.0.0.0/0". */
export function describePermission(p: Record<string, unknown>, direction: 'ingress' | 'egress'): string {
  const proto = String(p.IpProtocol);
  const ranges = (p.IpRanges as { CidrIp: string }[]).map((r) => r.CidrIp).join(', ');
  const dir = direction === 'ingress' ? 'from' : 'to';
  if (proto === 'icmp') return `ICMP ${p.FromPort === 8 ? 'echo request (type 8)' : `type ${p.FromPort}`} ${dir} ${ranges}`;
  if (proto === 'tcp' || proto === 'udp') return `${proto.toUpperCase()} port ${p.FromPort} ${dir} ${ranges}`;
  return `protocol ${proto} ${dir} ${ranges}`;
}

/**
 * A network ACL entry that allows this packet, numbered before the entry that denied it (first
 * match wins, so it must come earlier), or null for the number when every number below that
 * entry is taken: the denying entry itself must then be replaced. A reply's entry covers the
 * ephemeral range 1024-65535, as AWS recommends, since the client's source port is not known in
 * advance; a client port below 1024 gets its own port, which that range would not let through.
 */
export function aclEntryFor(h: PacketHeader, remote: Cidr, egress: boolean, denied: AclLine, used: ReadonlySet<number>, isReply: boolean): { entry: Record<string, unknown>; replaces: boolean } {
  const free = freeRuleNumber(denied.ruleNumber, used);
  const entry: Record<string, unknown> = { RuleNumber: free ?? denied.ruleNumber, Protocol: String(h.protocol), RuleAction: 'allow', Egress: egress, CidrBlock: formatCidr(remote) };
  if (h.protocol === 6 || h.protocol === 17) {
    entry.PortRange = isReply && h.dstPort >= 1024 ? { From: 1024, To: 65535 } : { From: h.dstPort, To: h.dstPort };
  }
  if (h.protocol === 1) entry.IcmpTypeCode = { Type: -1, Code: -1 };
  return { entry, replaces: free === null };
}

/**
 * A free rule number below the entry that matched (so the new entry is evaluated first):
 * the smallest free multiple of 100, else of 10, else any free number, as people number by hand;
 * null when every number below it is taken (rule 1 denies, say).
 */
export function freeRuleNumber(before: number, used: ReadonlySet<number>): number | null {
  for (const step of [100, 10, 1]) {
    for (let n = step; n < before; n += step) if (!used.has(n)) return n;
  }
  return null;
}

export function describeAclEntry(e: Record<string, unknown>): string {
  const proto = protocolLabel(Number(e.Protocol));
  const range = e.PortRange as { From: number; To: number } | undefined;
  const ports = range ? (range.From === range.To ? ` port ${range.From}` : ` ports ${range.From}-${range.To}`) : '';
  return `rule ${e.RuleNumber} allowing ${proto}${ports} ${e.Egress ? 'to' : 'from'} ${e.CidrBlock}`;
}

export type { FixAction };

import { type Cidr, contains, formatCidr, tryParseCidr } from '../ip/index.ts';
import type { NetworkAclEntry } from '../model/schema.ts';
import type { PacketHeader } from './packet.ts';
import { type PortMatch, matchesPorts, portLabel } from './ports.ts';
import { hasPorts, parseProtocol, protocolLabel } from './protocol.ts';

/** The rule number of the "*" entry that ends every list and denies everything. */
export const DEFAULT_RULE_NUMBER = 32767;

/** One network ACL entry, typed, in evaluation order. */
export interface AclLine {
  ruleNumber: number;
  action: 'allow' | 'deny';
  /** -1 for all. Null when invalid: such an entry matches nothing. */
  protocol: number | null;
  ports: PortMatch;
  cidr: Cidr | null;
  /** The entry as the snapshot holds it; null for the implicit "*" entry. */
  entry: NetworkAclEntry | null;
  /** Index in the ACL's Entries array; -1 for the implicit "*" entry. */
  entryIndex: number;
  /** Console-style label: "100 TCP 22 10.0.0.0/16 ALLOW", "* ALL ALL 0.0.0.0/0 DENY". */
  label: string;
}

function aclPortMatch(protocol: number | null, e: NetworkAclEntry): PortMatch {
  // Protocols other than TCP, UDP and ICMP match every port (AWS ignores PortRange for them).
  if (protocol === null || protocol === -1) return { kind: 'any' };
  if (hasPorts(protocol)) {
    const r = e.PortRange;
    if (!r || typeof r.From !== 'number' || typeof r.To !== 'number') return { kind: 'any' };
    return { kind: 'ports', from: r.From, to: r.To };
  }
  if (protocol === 1) {
    const t = e.IcmpTypeCode;
    return { kind: 'icmp', type: typeof t?.Type === 'number' ? t.Type : -1, code: typeof t?.Code === 'number' ? t.Code : -1 };
  }
  return { kind: 'any' };
}

export function aclLabel(ruleNumber: number, protocol: number | null, ports: PortMatch, cidr: Cidr | null, action: string): string {
  const num = ruleNumber === DEFAULT_RULE_NUMBER ? '*' : String(ruleNumber);
  const proto = protocol === null ? '?' : protocolLabel(protocol);
  return `${num} ${proto} ${portLabel(ports)} ${cidr ? formatCidr(cidr) : '?'} ${action.toUpperCase()}`;
}

/** Lowers one direction's entries, sorted by rule number, ending with the "*" deny. */
export function compileAclLines(entries: readonly NetworkAclEntry[], egress: boolean): AclLine[] {
  const lines: AclLine[] = [];
  entries.forEach((e, entryIndex) => {
    if (!e || typeof e !== 'object' || e.Egress !== egress) return;
    if (typeof e.CidrBlock !== 'string') return; // IPv6-only entries do not apply to IPv4 traffic
    const protocol = parseProtocol(e.Protocol);
    const ports = aclPortMatch(protocol, e);
    const c = tryParseCidr(e.CidrBlock);
    const cidr = c.ok ? c.value : null;
    const action = e.RuleAction === 'allow' ? 'allow' : 'deny';
    lines.push({ ruleNumber: e.RuleNumber, action, protocol, ports, cidr, entry: e, entryIndex, label: aclLabel(e.RuleNumber, protocol, ports, cidr, action) });
  });
  lines.sort((a, b) => a.ruleNumber - b.ruleNumber || a.entryIndex - b.entryIndex);
  if (!lines.some((l) => l.ruleNumber === DEFAULT_RULE_NUMBER)) lines.push(implicitDeny());
  return lines;
}

function implicitDeny(): AclLine {
  const cidr = tryParseCidr('0.0.0.0/0');
  const c = cidr.ok ? cidr.value : null;
  return { ruleNumber: DEFAULT_RULE_NUMBER, action: 'deny', protocol: -1, ports: { kind: 'any' }, cidr: c, entry: null, entryIndex: -1, label: aclLabel(DEFAULT_RULE_NUMBER, -1, { kind: 'any' }, c, 'deny') };
}

/**
 * Evaluates one direction: entries in ascending rule number, the first match decides
 * (stateless: the reply is evaluated on its own). Inbound rules match the source address,
 * outbound rules the destination.
 */
export function evaluateAcl(lines: readonly AclLine[], packet: PacketHeader, egress: boolean): AclLine {
  const remote = egress ? packet.dstIp : packet.srcIp;
  for (const line of lines) {
    if (line.protocol === null || line.cidr === null) continue;
    if (line.protocol !== -1 && line.protocol !== packet.protocol) continue;
    if (!contains(line.cidr, remote)) continue;
    if (!matchesPorts(line.ports, packet)) continue;
    return line;
  }
  return lines[lines.length - 1];
}

/** Turns the rule dialog's fields into the AWS shapes (IpPermission, NetworkAclEntry). */
import type { IpPermission, NetworkAclEntry } from '../../engine/index.ts';

const PORTS_HINT = 'Port range: a port (22) or a range (1024-65535, or 1024–65535).';

export type Proto = '-1' | 'tcp' | 'udp' | 'icmp';
const NUMBER: Record<Proto, string> = { '-1': '-1', tcp: '6', udp: '17', icmp: '1' };

/**
 * A port or a range. The separator may be a hyphen or an en or em dash: lab texts and the AWS documentation print
 * ranges as "1024–65535", and a learner copies them from there.
 */
export function parsePorts(text: string): { from: number; to: number } | null {
  const m = /^\s*(\d+)\s*(?:[-\u2013\u2014]\s*(\d+))?\s*$/.exec(text);
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
  if (!p) return PORTS_HINT;
  return { IpProtocol: proto, FromPort: p.from, ToPort: p.to, ...base };
}

/**
 * The rule number field's value (a number input gives null, or '' in some browsers, when empty). An empty field is
 * "required", not "rule number 0": the learner left it out, they did not choose 0.
 */
export function ruleNumberOf(value: number | string | null | undefined): number | string {
  if (value === null || value === undefined || String(value).trim() === '') return 'Rule number is required: a whole number from 1 to 32766 (the lowest matching number decides).';
  const n = Number(value);
  return Number.isInteger(n) ? n : 'Rule number: a whole number from 1 to 32766.';
}

export function aclEntry(proto: Proto, ports: string, cidr: string, egress: boolean, ruleNumberField: number | string | null | undefined, allow: boolean): NetworkAclEntry | string {
  const ruleNumber = ruleNumberOf(ruleNumberField);
  if (typeof ruleNumber === 'string') return ruleNumber;
  const e: NetworkAclEntry = { CidrBlock: cidr.trim(), Egress: egress, Protocol: NUMBER[proto], RuleAction: allow ? 'allow' : 'deny', RuleNumber: ruleNumber };
  if (proto === 'icmp') return { ...e, IcmpTypeCode: { Code: -1, Type: -1 } };
  if (proto === 'tcp' || proto === 'udp') {
    const p = parsePorts(ports);
    if (!p) return PORTS_HINT;
    return { ...e, PortRange: { From: p.from, To: p.to } };
  }
  return e;
}

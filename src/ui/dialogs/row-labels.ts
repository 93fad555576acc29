/**
 * How the dialogs' lists print a route, a security group rule and a network ACL entry: the console's columns on one
 * line ("TCP 1024-65535 · 0.0.0.0/0"), names beside ids, so a learner sees what a Remove button removes.
 */
import { routeTargetId, type SgRuleRow } from '../../engine/edit/index.ts';
import { parseProtocol, protocolLabel, type NetworkAclEntry, type Route, type Snapshot } from '../../engine/index.ts';
import { choiceLabel } from './choices.ts';

/** "TCP 22", "UDP 1024-65535", "ICMP", "All traffic": a protocol and, for TCP/UDP, its ports. */
export function trafficText(protocol: unknown, from: number | undefined, to: number | undefined): string {
  const p = parseProtocol(protocol);
  if (p === null) return `protocol ${String(protocol)}`;
  if (p === -1) return 'All traffic';
  const name = protocolLabel(p);
  if (p !== 6 && p !== 17) return p === 1 && from !== undefined && from !== -1 ? `${name} type ${from}` : name;
  if (from === undefined || from === -1 || (from === 0 && to === 65535)) return `${name} all ports`;
  return from === to || to === undefined ? `${name} ${from}` : `${name} ${from}-${to}`;
}

/** A security group rule row: `TCP 22 · 0.0.0.0/0`, `All traffic · default · sg-0a1b…7890`. */
export function sgRowText(doc: Snapshot, row: SgRuleRow): string {
  const p = row.permission;
  const s = row.source;
  const peer = s.kind === 'group' ? choiceLabel(doc, s.value) : s.kind === 'none' ? 'no source (matches nothing)' : s.value;
  return `${trafficText(p.IpProtocol, p.FromPort, p.ToPort)} · ${peer}${row.description ? ` (${row.description})` : ''}`;
}

/** A network ACL entry: `100 · TCP 80 · 0.0.0.0/0 · allow`; the last entry is `*`, as the console prints rule 32767. */
export function aclRowText(e: NetworkAclEntry): string {
  const n = e.RuleNumber === 32767 ? '*' : String(e.RuleNumber);
  const icmp = e.IcmpTypeCode?.Type;
  const traffic = trafficText(e.Protocol, e.PortRange?.From ?? icmp, e.PortRange?.To);
  return `${n} · ${traffic} · ${e.CidrBlock ?? e.Ipv6CidrBlock ?? ''} · ${e.RuleAction}`;
}

/** A route's destination. */
export function routeDestination(r: Route): string {
  return r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock ?? r.DestinationPrefixListId ?? '?';
}

/** A route's target by name (`app-igw · igw-048f…9c`, `local`), marked when it is a blackhole (its target is gone). */
export function routeTargetText(doc: Snapshot, r: Route): string {
  const id = routeTargetId(r);
  const text = id === null ? 'no target' : id === 'local' ? 'local' : choiceLabel(doc, id);
  return r.State === 'blackhole' ? `${text} (blackhole)` : text;
}

/** Why a route has no Remove button, or null when it can be removed (DeleteRoute). */
export function routeLocked(r: Route): string | null {
  if (r.GatewayId === 'local') return 'the local route cannot be removed';
  if (r.Origin === 'EnableVgwRoutePropagation') return 'propagated by a virtual private gateway';
  if (!r.DestinationCidrBlock) return 'managed by its endpoint';
  return null;
}

import { type AclLine, type PacketHeader, type SgLine, matchesPorts } from '../filter/index.ts';
import type { NSecurityGroup } from '../model/network.ts';
import { type Arena, clearRange, orInto, setRange } from './bitset.ts';
import { cidrRange, type Space } from './space.ts';

/** True when a line's protocol and ports (or ICMP type/code) match the packet. */
function lineMatches(protocol: number | null, ports: AclLine['ports'], h: PacketHeader): boolean {
  return protocol !== null && (protocol === -1 || protocol === h.protocol) && matchesPorts(ports, h);
}

/**
 * One network ACL direction as a bitset over the remote addresses of a space: painted from
 * the last entry to the first, so the first matching entry (lowest rule number) wins, as in
 * evaluateAcl. Nothing matching falls to the last line (the "*" deny).
 */
export function aclMask(space: Space, lines: readonly AclLine[], h: PacketHeader, arena: Arena | Uint32Array): Uint32Array {
  const last = lines[lines.length - 1];
  // A scratch bitset (cleared here) instead of the arena, for masks that are folded and dropped.
  const bits = arena instanceof Uint32Array ? arena.fill(0) : arena.alloc(space.words);
  if (last?.action === 'allow') setRange(bits, 0, space.size);
  for (let k = lines.length - 1; k >= 0; k--) {
    const l = lines[k];
    if (l.cidr === null || !lineMatches(l.protocol, l.ports, h)) continue;
    const [lo, hi] = cidrRange(space, l.cidr);
    if (l.action === 'allow') setRange(bits, lo, hi);
    else clearRange(bits, lo, hi);
  }
  return bits;
}

/**
 * One port of each class that a NAT gateway's source port (1024-65535, see natSourcePort) can
 * fall in, as the lines of one direction see destination ports: every line matches all ports
 * of a class or none, so these few ports stand for the whole range.
 */
export function natPortSamples(lines: readonly AclLine[], protocol: number): number[] {
  const cuts = new Set<number>([1024]);
  for (const l of lines) {
    if (l.ports.kind !== 'ports' || l.protocol === null || (l.protocol !== -1 && l.protocol !== protocol)) continue;
    for (const c of [l.ports.from, l.ports.to + 1]) if (c > 1024 && c <= 65535) cuts.add(c);
  }
  return [...cuts].sort((a, b) => a - b);
}

/** evaluateAcl for one remote address, as a boolean. */
export function aclAllows(lines: readonly AclLine[], h: PacketHeader, remote: number, contains: (c: NonNullable<AclLine['cidr']>, ip: number) => boolean): boolean {
  for (const l of lines) {
    if (l.cidr === null || !lineMatches(l.protocol, l.ports, h)) continue;
    if (contains(l.cidr, remote)) return l.action === 'allow';
  }
  return lines[lines.length - 1]?.action === 'allow';
}

/** The security group lines of a direction that match the packet's protocol and ports. */
function matchingLines(groups: readonly NSecurityGroup[], direction: 'ingress' | 'egress', h: PacketHeader): SgLine[] {
  const out: SgLine[] = [];
  for (const g of groups) for (const l of direction === 'ingress' ? g.ingress : g.egress) if (lineMatches(l.protocol, l.ports, h)) out.push(l);
  return out;
}

/**
 * The remotes a set of security groups allows in one direction, split in two: address rules
 * (CIDRs, prefix lists) and group references, because a reference matches only while the
 * walk still knows the remote's groups (not after NAT, not across regions).
 */
export function sgMasks(space: Space, groups: readonly NSecurityGroup[], direction: 'ingress' | 'egress', h: PacketHeader, members: (groupId: string) => Uint32Array, arena: Arena): { cidr: Uint32Array; group: Uint32Array } {
  const cidr = arena.alloc(space.words);
  const group = arena.alloc(space.words);
  for (const l of matchingLines(groups, direction, h)) {
    const p = l.peer;
    if (p.kind === 'cidr') setRange(cidr, ...cidrRange(space, p.cidr));
    else if (p.kind === 'prefix-list') for (const c of p.cidrs) setRange(cidr, ...cidrRange(space, c));
    else orInto(group, members(p.groupId));
  }
  return { cidr, group };
}

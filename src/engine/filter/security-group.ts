import { type Cidr, contains, formatCidr, tryParseCidr } from '../ip/index.ts';
import type { IpPermission, SecurityGroup } from '../model/schema.ts';
import type { PacketHeader } from './packet.ts';
import { type PortMatch, matchesPorts, portLabel } from './ports.ts';
import { hasPorts, parseProtocol, protocolLabel } from './protocol.ts';

/** Where the remote end of a security group line must be. */
export type SgPeer =
  /** An IPv4 range. */
  | { kind: 'cidr'; cidr: Cidr }
  /** The private addresses of the interfaces that carry another security group. */
  | { kind: 'group'; groupId: string }
  /** A managed prefix list, resolved to its CIDRs when the snapshot holds it. */
  | { kind: 'prefix-list'; id: string; cidrs: readonly Cidr[] };

/**
 * One line of a security group: one permission crossed with one of its sources. Lines stay
 * tied to the user's permission (`permissionIndex`) so an explanation can quote it.
 */
export interface SgLine {
  groupId: string;
  direction: 'ingress' | 'egress';
  permissionIndex: number;
  permission: IpPermission;
  /** -1 for all protocols. Null when the protocol text is invalid: such a line matches nothing. */
  protocol: number | null;
  ports: PortMatch;
  peer: SgPeer;
  /** Console-style label: "TCP 22 0.0.0.0/0", "ALL ALL sg-0abc". */
  label: string;
}

/** Lowers a permission's port fields: ports for TCP/UDP, type/code for ICMP, any otherwise. */
export function sgPortMatch(protocol: number | null, perm: IpPermission): PortMatch {
  if (protocol === null || protocol === -1) return { kind: 'any' };
  const from = typeof perm.FromPort === 'number' ? perm.FromPort : -1;
  const to = typeof perm.ToPort === 'number' ? perm.ToPort : -1;
  if (hasPorts(protocol)) return from === -1 && to === -1 ? { kind: 'any' } : { kind: 'ports', from, to };
  if (protocol === 1) return { kind: 'icmp', type: from, code: from === -1 ? -1 : to };
  return { kind: 'any' };
}

export function compileSecurityGroupLines(
  sg: SecurityGroup,
  prefixLists: ReadonlyMap<string, readonly Cidr[]>,
): { ingress: SgLine[]; egress: SgLine[] } {
  return {
    ingress: compileDirection(sg, sg.IpPermissions ?? [], 'ingress', prefixLists),
    egress: compileDirection(sg, sg.IpPermissionsEgress ?? [], 'egress', prefixLists),
  };
}

function compileDirection(sg: SecurityGroup, perms: IpPermission[], direction: 'ingress' | 'egress', prefixLists: ReadonlyMap<string, readonly Cidr[]>): SgLine[] {
  const lines: SgLine[] = [];
  if (!Array.isArray(perms)) return lines;
  perms.forEach((permission, permissionIndex) => {
    if (!permission || typeof permission !== 'object') return;
    const protocol = parseProtocol(permission.IpProtocol);
    const ports = sgPortMatch(protocol, permission);
    const head = `${protocol === null ? String(permission.IpProtocol) : protocolLabel(protocol)} ${portLabel(ports)}`;
    const add = (peer: SgPeer, peerLabel: string) =>
      lines.push({ groupId: sg.GroupId, direction, permissionIndex, permission, protocol, ports, peer, label: `${head} ${peerLabel}` });
    for (const r of permission.IpRanges ?? []) {
      const c = tryParseCidr(r?.CidrIp);
      if (c.ok) add({ kind: 'cidr', cidr: c.value }, formatCidr(c.value));
    }
    for (const g of permission.UserIdGroupPairs ?? []) {
      if (g && typeof g.GroupId === 'string') add({ kind: 'group', groupId: g.GroupId }, g.GroupId);
    }
    for (const pl of permission.PrefixListIds ?? []) {
      if (pl && typeof pl.PrefixListId === 'string') add({ kind: 'prefix-list', id: pl.PrefixListId, cidrs: prefixLists.get(pl.PrefixListId) ?? [] }, pl.PrefixListId);
    }
  });
  return lines;
}

/**
 * What the security group sees of the far end: its address, and the security groups of the
 * interface that owns that address when the address is a private one reachable without
 * translation (same VPC, or an active same-region peering).
 */
export interface SgRemote {
  ip: number;
  groupIds: ReadonlySet<string> | null;
}

/** True when a line allows the packet; `remote` is the source (ingress) or destination (egress). */
export function sgLineMatches(line: SgLine, packet: PacketHeader, remote: SgRemote): boolean {
  if (line.protocol === null) return false;
  if (line.protocol !== -1 && line.protocol !== packet.protocol) return false;
  if (!matchesPorts(line.ports, packet)) return false;
  switch (line.peer.kind) {
    case 'cidr':
      return contains(line.peer.cidr, remote.ip);
    case 'group':
      return remote.groupIds !== null && remote.groupIds.has(line.peer.groupId);
    case 'prefix-list':
      return line.peer.cidrs.some((c) => contains(c, remote.ip));
  }
}

/** The first line (in group order, then rule order) that allows the packet, or null. */
export function evaluateSecurityGroups(lineSets: readonly (readonly SgLine[])[], packet: PacketHeader, remote: SgRemote): SgLine | null {
  for (const lines of lineSets) for (const line of lines) if (sgLineMatches(line, packet, remote)) return line;
  return null;
}

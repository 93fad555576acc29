/**
 * Security group rules one source at a time. describe-security-groups groups the sources of one protocol and port
 * range into one IpPermission, but the console (and describe-security-group-rules) lists each source as a rule of its
 * own, and RevokeSecurityGroupIngress/Egress removes the sources it names, leaving the others of the permission.
 */
import type { IpPermission, Snapshot } from '../model/schema.ts';
import { list, mapList } from './doc.ts';
import { fail, type EditResult, ok } from './types.ts';

/** One source (inbound) or destination (outbound) of a permission; `none` for a permission that names none (it matches nothing). */
export type SgSource =
  | { kind: 'cidr'; value: string }
  | { kind: 'ipv6'; value: string }
  | { kind: 'group'; value: string }
  | { kind: 'prefix-list'; value: string }
  | { kind: 'none'; value: '' };

/** A console row: the permission's place in its list, the permission, and the one source the row is about. */
export interface SgRuleRow {
  index: number;
  permission: IpPermission;
  source: SgSource;
  description?: string;
}

type Direction = 'ingress' | 'egress';
const fieldOf = (d: Direction) => (d === 'ingress' ? 'IpPermissions' : 'IpPermissionsEgress');

function sourcesOf(p: IpPermission): { source: SgSource; description?: string }[] {
  const out: { source: SgSource; description?: string }[] = [];
  for (const r of p.IpRanges ?? []) out.push({ source: { kind: 'cidr', value: r.CidrIp }, description: r.Description });
  for (const r of p.Ipv6Ranges ?? []) out.push({ source: { kind: 'ipv6', value: r.CidrIpv6 }, description: r.Description });
  for (const g of p.UserIdGroupPairs ?? []) if (g.GroupId) out.push({ source: { kind: 'group', value: g.GroupId }, description: g.Description });
  for (const l of p.PrefixListIds ?? []) out.push({ source: { kind: 'prefix-list', value: l.PrefixListId }, description: l.Description });
  return out.length ? out : [{ source: { kind: 'none', value: '' } }];
}

/** The group's rules of one direction, one row per source, in document order. */
export function sgRuleRows(doc: Snapshot, groupId: string, direction: Direction): SgRuleRow[] {
  const sg = list(doc, 'SecurityGroups').find((s) => s.GroupId === groupId);
  return (sg?.[fieldOf(direction)] ?? []).flatMap((permission, index) =>
    sourcesOf(permission).map(({ source, description }) => (description ? { index, permission, source, description } : { index, permission, source })));
}

/** The permission without `source`; null when that leaves it with no source (the whole permission goes). */
function without(p: IpPermission, s: SgSource): IpPermission | null {
  const next: IpPermission = {
    ...p,
    IpRanges: (p.IpRanges ?? []).filter((r) => !(s.kind === 'cidr' && r.CidrIp === s.value)),
    Ipv6Ranges: (p.Ipv6Ranges ?? []).filter((r) => !(s.kind === 'ipv6' && r.CidrIpv6 === s.value)),
    UserIdGroupPairs: (p.UserIdGroupPairs ?? []).filter((g) => !(s.kind === 'group' && g.GroupId === s.value)),
    PrefixListIds: (p.PrefixListIds ?? []).filter((l) => !(s.kind === 'prefix-list' && l.PrefixListId === s.value)),
  };
  const left = next.IpRanges!.length + next.Ipv6Ranges!.length + next.UserIdGroupPairs!.length + next.PrefixListIds!.length;
  return left === 0 ? null : next;
}

/**
 * RevokeSecurityGroupIngress/Egress for one row: removes `source` from the permission at `index` (the permission
 * itself when it was its last source). Refused, as AWS refuses, when the group has no such rule.
 */
export function revokeSgRule(doc: Snapshot, a: { groupId: string; direction: Direction; index: number; source: SgSource }): EditResult {
  const sg = list(doc, 'SecurityGroups').find((s) => s.GroupId === a.groupId);
  if (!sg) return fail(doc, `InvalidGroup.NotFound: The security group '${a.groupId}' does not exist.`);
  const field = fieldOf(a.direction);
  const perms = sg[field] ?? [];
  const p = perms[a.index];
  const has = p && sourcesOf(p).some((x) => x.source.kind === a.source.kind && x.source.value === a.source.value);
  if (!has) return fail(doc, `InvalidPermission.NotFound: The specified rule does not exist in this security group (${a.groupId}).`);
  const rest = a.source.kind === 'none' ? null : without(p, a.source);
  const next = rest ? perms.map((x, i) => (i === a.index ? rest : x)) : perms.filter((_, i) => i !== a.index);
  return ok(mapList(doc, 'SecurityGroups', (s) => s === sg, (s) => ({ ...s, [field]: next })));
}

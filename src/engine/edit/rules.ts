/** Security group rules and network ACL entries: authorize / revoke, create / delete. */
import type { IpPermission, NetworkAclEntry, Snapshot } from '../model/schema.ts';
import { list, mapList } from './doc.ts';
import { fail, type EditResult, ok } from './types.ts';

const key = (p: IpPermission) => JSON.stringify([String(p.IpProtocol), p.FromPort ?? null, p.ToPort ?? null]);

/** AuthorizeSecurityGroupIngress/Egress: a permission with the same protocol and ports merges its sources, as AWS lists them. */
export function addSgRule(doc: Snapshot, a: { groupId: string; direction: 'ingress' | 'egress'; permission: IpPermission }): EditResult {
  const sg = list(doc, 'SecurityGroups').find((s) => s.GroupId === a.groupId);
  if (!sg) return fail(doc, `InvalidGroup.NotFound: The security group '${a.groupId}' does not exist.`);
  const field = a.direction === 'ingress' ? 'IpPermissions' : 'IpPermissionsEgress';
  const perms = sg[field] ?? [];
  const p = { IpRanges: [], Ipv6Ranges: [], PrefixListIds: [], UserIdGroupPairs: [], ...a.permission };
  const same = perms.find((x) => key(x) === key(p));
  const cidrs = (x: IpPermission) => (x.IpRanges ?? []).map((r) => r.CidrIp);
  if (same && cidrs(p).every((c) => cidrs(same).includes(c)) && (p.UserIdGroupPairs ?? []).every((g) => (same.UserIdGroupPairs ?? []).some((s) => s.GroupId === g.GroupId))) {
    return fail(doc, `InvalidPermission.Duplicate: the specified rule already exists in ${a.groupId}.`);
  }
  const nextPerms = same
    ? perms.map((x) => (x === same ? { ...x, IpRanges: [...(x.IpRanges ?? []), ...(p.IpRanges ?? []).filter((r) => !cidrs(x).includes(r.CidrIp))], UserIdGroupPairs: [...(x.UserIdGroupPairs ?? []), ...(p.UserIdGroupPairs ?? [])] } : x))
    : [...perms, p];
  return ok(mapList(doc, 'SecurityGroups', (s) => s === sg, (s) => ({ ...s, [field]: nextPerms })));
}

export function removeSgRule(doc: Snapshot, a: { groupId: string; direction: 'ingress' | 'egress'; index: number }): EditResult {
  const sg = list(doc, 'SecurityGroups').find((s) => s.GroupId === a.groupId);
  const field = a.direction === 'ingress' ? 'IpPermissions' : 'IpPermissionsEgress';
  if (!sg || !(sg[field] ?? [])[a.index]) return fail(doc, `InvalidPermission.NotFound: no such rule in ${a.groupId}.`);
  return ok(mapList(doc, 'SecurityGroups', (s) => s === sg, (s) => ({ ...s, [field]: (s[field] ?? []).filter((_, i) => i !== a.index) })));
}

/** CreateNetworkAclEntry: rule numbers 1-32766, unique per direction; entries kept in AWS's listing order. */
export function addAclEntry(doc: Snapshot, a: { networkAclId: string; entry: NetworkAclEntry }): EditResult {
  const acl = list(doc, 'NetworkAcls').find((n) => n.NetworkAclId === a.networkAclId);
  if (!acl) return fail(doc, `InvalidNetworkAclID.NotFound: The network ACL ID '${a.networkAclId}' does not exist.`);
  const e = a.entry;
  if (!Number.isInteger(e.RuleNumber) || e.RuleNumber < 1 || e.RuleNumber > 32766) return fail(doc, `InvalidParameterValue: rule number ${e.RuleNumber} is out of range 1-32766 (32767 is the "*" rule).`);
  const entries = acl.Entries ?? [];
  if (entries.some((x) => x.Egress === e.Egress && x.RuleNumber === e.RuleNumber)) return fail(doc, `NetworkAclEntryAlreadyExists: an ${e.Egress ? 'outbound' : 'inbound'} entry with rule number ${e.RuleNumber} already exists in ${a.networkAclId}.`);
  const sorted = [...entries, e].sort((x, y) => Number(y.Egress) - Number(x.Egress) || x.RuleNumber - y.RuleNumber);
  return ok(mapList(doc, 'NetworkAcls', (n) => n === acl, (n) => ({ ...n, Entries: sorted })));
}

export function removeAclEntry(doc: Snapshot, a: { networkAclId: string; egress: boolean; ruleNumber: number }): EditResult {
  if (a.ruleNumber === 32767) return fail(doc, 'InvalidParameterValue: the "*" rule (32767) cannot be deleted.');
  const acl = list(doc, 'NetworkAcls').find((n) => n.NetworkAclId === a.networkAclId);
  if (!acl || !(acl.Entries ?? []).some((x) => x.Egress === a.egress && x.RuleNumber === a.ruleNumber)) return fail(doc, `InvalidNetworkAclEntry.NotFound: no ${a.egress ? 'outbound' : 'inbound'} entry ${a.ruleNumber} in ${a.networkAclId}.`);
  return ok(mapList(doc, 'NetworkAcls', (n) => n === acl, (n) => ({ ...n, Entries: (n.Entries ?? []).filter((x) => !(x.Egress === a.egress && x.RuleNumber === a.ruleNumber)) })));
}

import type { Ctx, Entry } from './context.ts';
import { checkCidrText } from './cidr-text.ts';
import { checkIcmp, checkPortRange, field } from './ports.ts';
import { type Obj, type Path, clip, items, str } from './read.ts';
import { localCheck } from './local.ts';

/** A group a rule references, to look up in the document: where (below the group) and what to say if it is absent. */
interface GroupRef {
  id: string;
  rel: Path;
  message: string;
}

/** The default quota of rules per direction; AWS counts every CIDR, group and prefix list of a permission as a rule. */
const MAX_RULES = 60;
/** Rules per group can be raised, but not past 1,000 (AWS: rules per SG × SGs per ENI ≤ 1,000). */
const HARD_MAX_RULES = 1000;

/** Security groups take protocol names or numbers; "-1" is all traffic. */
function sgProtocol(text: string): number | null {
  const names: Record<string, number> = { tcp: 6, udp: 17, icmp: 1, icmpv6: 58 };
  const lower = text.toLowerCase();
  if (Object.hasOwn(names, lower)) return names[lower];
  if (text === '-1') return -1;
  return /^(0|[1-9][0-9]{0,2})$/.test(text) && Number(text) <= 255 ? Number(text) : null;
}

const size = (v: unknown): number => (Array.isArray(v) ? v.length : 0);

function checkPermission(ctx: Ctx, sg: Entry, p: Obj, path: Path, subject: string, refs: GroupRef[]): void {
  const protoText = str(p.IpProtocol);
  const proto = protoText === undefined ? null : sgProtocol(protoText);
  if (protoText !== undefined && proto === null) {
    ctx.report('PROTOCOL_UNKNOWN', [...path, 'IpProtocol'], `${subject} protocol ${JSON.stringify(clip(protoText))} is not one AWS knows: use "tcp", "udp", "icmp", "icmpv6", "-1" for all traffic, or a protocol number 0-255.`);
  }
  if (proto === 6 || proto === 17) checkPortRange(ctx, subject, field(p, path, 'FromPort'), field(p, path, 'ToPort'));
  // For ICMP, AWS reuses the port fields: FromPort is the ICMP type, ToPort the code.
  if (proto === 1 || proto === 58) checkIcmp(ctx, subject, field(p, path, 'FromPort'), field(p, path, 'ToPort'));
  for (const [r, k] of items(p.IpRanges)) {
    const cidr = str(r.CidrIp);
    if (cidr !== undefined) checkCidrText(ctx, [...path, 'IpRanges', k, 'CidrIp'], `${subject} CIDR`, cidr, '0.0.0.0/0');
  }
  // Whether a referenced group exists depends on the rest of the document: collected for checkGroupRefs.
  for (const [g, k] of items(p.UserIdGroupPairs)) {
    const id = str(g.GroupId);
    if (id === undefined) continue;
    refs.push({
      id,
      rel: [...path.slice(sg.path.length), 'UserIdGroupPairs', k, 'GroupId'],
      // Written only for a group that turns out to be absent (the usual reference is to a present one).
      get message() {
        const elsewhere = str(g.UserId) !== undefined && str(g.UserId) !== str(sg.r.OwnerId) ? ` (it belongs to account ${clip(String(g.UserId))})` : '';
        return `${subject} references security group ${clip(id)}, which is not in the snapshot${elsewhere}: the rule matches no interface here (add that group's export to simulate it).`;
      },
    });
  }
}

function checkDirection(ctx: Ctx, sg: Entry, key: 'IpPermissions' | 'IpPermissionsEgress', refs: GroupRef[]): void {
  const dir = key === 'IpPermissions' ? 'inbound' : 'outbound';
  for (const [p, k] of items(sg.r[key])) checkPermission(ctx, sg, p, [...sg.path, key, k], `${sg.label} ${dir} rule ${k + 1}`, refs);
}

/**
 * What a prefix list reference counts for against the rules quota: its maximum entries, when
 * the snapshot says (describe-managed-prefix-lists prints `MaxEntries`), as AWS counts it; else 1.
 */
function prefixListWeights(doc: Record<string, unknown>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [pl] of items(doc.PrefixLists)) {
    const id = str(pl.PrefixListId);
    const max = pl.MaxEntries;
    if (id !== undefined && typeof max === 'number' && Number.isInteger(max) && max >= 1) out.set(id, Math.max(out.get(id) ?? 1, max));
  }
  return out;
}

function checkQuota(ctx: Ctx, sg: Entry, key: 'IpPermissions' | 'IpPermissionsEgress', weights: Map<string, number>): void {
  const dir = key === 'IpPermissions' ? 'inbound' : 'outbound';
  let v4 = 0;
  let v6 = 0;
  for (const [p, k] of items(sg.r[key])) {
    const path = [...sg.path, key, k];
    // IPv4 and IPv6 rules have separate quotas; a group or prefix-list reference counts in both,
    // a prefix list as its maximum entries.
    let lists = 0;
    let weighted = false;
    for (const [ref] of items(p.PrefixListIds)) {
      const w = weights.get(str(ref.PrefixListId) ?? '') ?? 1;
      lists += w;
      weighted ||= w > 1;
    }
    const before = Math.max(v4, v6);
    v4 += size(p.IpRanges) + size(p.UserIdGroupPairs) + lists;
    v6 += size(p.Ipv6Ranges) + size(p.UserIdGroupPairs) + lists;
    const how = weighted ? 'each CIDR and group counts as one, a prefix list as its maximum entries' : 'each CIDR and group counts as one';
    if (before <= MAX_RULES && Math.max(v4, v6) > MAX_RULES) {
      ctx.report('SG_TOO_MANY_RULES', path, `${sg.label} has more than ${MAX_RULES} ${dir} rules (${how}), above the AWS default quota: AWS refuses it unless the account's quota was raised; merge CIDRs or split the rules over several groups.`);
    }
    if (before <= HARD_MAX_RULES && Math.max(v4, v6) > HARD_MAX_RULES) {
      ctx.report('SG_RULES_HARD_LIMIT', path, `${sg.label} has more than ${HARD_MAX_RULES} ${dir} rules (${how}), more than AWS allows even with a raised quota: merge CIDRs or split the rules over several groups.`);
    }
  }
}

/** The rules quota of every group: read beside the document's prefix lists, whose maximum entries count. */
export function checkSecurityGroupQuotas(ctx: Ctx): void {
  let weights: Map<string, number> | null = null;
  for (const sg of ctx.securityGroups.all) {
    weights ??= prefixListWeights(ctx.doc);
    checkQuota(ctx, sg, 'IpPermissions', weights);
    checkQuota(ctx, sg, 'IpPermissionsEgress', weights);
  }
}

/** Security group permissions: protocol, ports or ICMP, CIDRs and group references (the rules quota: checkSecurityGroupQuotas). */
export function checkSecurityGroups(ctx: Ctx): void {
  for (const sg of ctx.securityGroups.all) {
    let refs: GroupRef[] = [];
    try {
      refs = localCheck(ctx, 'securityGroup', sg, (c) => {
        const out: GroupRef[] = (refs = []);
        checkDirection(c, sg, 'IpPermissions', out);
        checkDirection(c, sg, 'IpPermissionsEgress', out);
        return out;
      });
    } finally {
      // Also when a rule could not be read: the references found before it are still told.
      for (const ref of refs) {
        if (!ctx.securityGroups.byId.has(ref.id)) ctx.report('SG_GROUP_REFERENCE_MISSING', [...sg.path, ...ref.rel], ref.message);
      }
    }
  }
}

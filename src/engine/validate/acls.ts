import type { Ctx, Entry } from './context.ts';
import { checkCidrText } from './cidr-text.ts';
import { checkIcmp, checkPortRange, field } from './ports.ts';
import { clip, int, items, type Obj, objOf, str } from './read.ts';
import { localCheck } from './local.ts';

/** The default quota of rules per direction, not counting the "*" rule. */
const MAX_RULES = 20;
/** The rules-per-ACL quota can be raised to 40 per direction, no further. */
const HARD_MAX_RULES = 40;

/**
 * The "*" entries AWS adds to every ACL and prints with a number: 32767 for IPv4 and, when the
 * VPC has IPv6, 32768 for ::/0. They always deny, cannot be removed, and do not count.
 */
function isDefaultEntry(e: Obj, n: number): boolean {
  return (n === 32767 || n === 32768) && e.RuleAction === 'deny';
}

/** NACLs print protocols as numbers in text: "-1" for all, "0".."255". */
function aclProtocol(text: string): number | null {
  if (text === '-1') return -1;
  return /^(0|[1-9][0-9]{0,2})$/.test(text) && Number(text) <= 255 ? Number(text) : null;
}

function checkEntry(ctx: Ctx, acl: Entry, e: Obj, j: number, subject: string): void {
  const path = [...acl.path, 'Entries', j];
  const protoText = str(e.Protocol);
  const proto = protoText === undefined ? null : aclProtocol(protoText);
  if (protoText !== undefined && proto === null) {
    ctx.report('PROTOCOL_UNKNOWN', [...path, 'Protocol'], `${subject} protocol ${JSON.stringify(clip(protoText))} is not a protocol number: use "6" for TCP, "17" for UDP, "1" for ICMP or "-1" for all traffic.`);
  }
  const cidr = str(e.CidrBlock);
  if (cidr !== undefined) checkCidrText(ctx, [...path, 'CidrBlock'], `${subject} CIDR`, cidr, '0.0.0.0/0');
  else if (e.Ipv6CidrBlock === undefined) {
    ctx.report('NACL_ENTRY_CIDR_MISSING', path, `${subject} has no CIDR block: add "CidrBlock", such as "0.0.0.0/0" for any address.`);
  }
  // Ports matter for TCP and UDP only; AWS ignores (and does not print) them for other protocols.
  if (proto === 6 || proto === 17) {
    const range = objOf(e.PortRange);
    if (!range) ctx.report('PORT_RANGE_MISSING', [...path, 'PortRange'], `${subject} is TCP or UDP but has no PortRange: add one, such as {"From": 443, "To": 443}.`);
    else checkPortRange(ctx, subject, field(range, [...path, 'PortRange'], 'From'), field(range, [...path, 'PortRange'], 'To'));
  }
  const icmp = objOf(e.IcmpTypeCode);
  if (proto === 1 && icmp) checkIcmp(ctx, subject, field(icmp, [...path, 'IcmpTypeCode'], 'Type'), field(icmp, [...path, 'IcmpTypeCode'], 'Code'));
}

function checkAcl(ctx: Ctx, acl: Entry): void {
  const numbers = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const [e, j] of items(acl.r.Entries)) {
    const dir = e.Egress === true ? 'outbound' : e.Egress === false ? 'inbound' : undefined;
    const n = int(e.RuleNumber);
    const subject = [acl.label, dir, n !== undefined ? `rule ${n}` : `entry ${j + 1}`].filter((w) => w !== undefined).join(' ');
    checkEntry(ctx, acl, e, j, subject);
    if (n === undefined || dir === undefined) continue;
    const at = [...acl.path, 'Entries', j, 'RuleNumber'];
    const isDefault = isDefaultEntry(e, n);
    if ((n < 1 || n > 32766) && !isDefault) {
      ctx.report('NACL_RULE_NUMBER_OUT_OF_RANGE', at, `${subject} is numbered outside 1-32766 (32767 is kept for the "*" rule that denies everything): renumber it within 1-32766.`);
    }
    const prev = numbers.get(`${dir}${n}`);
    if (prev !== undefined) {
      ctx.report('NACL_RULE_NUMBER_DUPLICATE', at, `${subject} repeats the number of another ${dir} rule (entry ${prev + 1}): each ${dir} rule of a network ACL needs its own number, so renumber one.`);
    } else numbers.set(`${dir}${n}`, j);
    if (isDefault) continue;
    const count = (counts.get(dir) ?? 0) + 1;
    counts.set(dir, count);
    if (count === MAX_RULES + 1) {
      ctx.report('NACL_TOO_MANY_RULES', at, `${acl.label} has more than ${MAX_RULES} ${dir} rules (not counting "*"), above the AWS default quota: AWS refuses it unless the account's quota was raised; merge or remove rules.`);
    }
    if (count === HARD_MAX_RULES + 1) {
      ctx.report('NACL_RULES_HARD_LIMIT', at, `${acl.label} has more than ${HARD_MAX_RULES} ${dir} rules (not counting "*"), more than AWS allows even with a raised quota: merge or remove rules.`);
    }
  }
}

/** Network ACL entries: rule numbers, protocols, CIDRs, ports and ICMP, and the rules-per-direction quota. */
export function checkNetworkAcls(ctx: Ctx): void {
  for (const acl of ctx.networkAcls.all) localCheck(ctx, 'networkAcl', acl, (c) => checkAcl(c, acl));
}

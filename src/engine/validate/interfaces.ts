import { type Cidr, contains, formatCidr, maskOf, tryParseIpv4 } from '../ip/index.ts';
import type { Ctx } from './context.ts';
import { firstUsable } from './cidr-text.ts';
import { type EniEntry, allEnis } from './eni-list.ts';
import { mid } from './names.ts';
import { clip, items, type Obj, objOf, type Path, str } from './read.ts';

/** The default quota of security groups per network interface (AWS can raise it to 16). */
const MAX_GROUPS = 5;
/** Security groups per interface can be raised to 16, no further. */
const HARD_MAX_GROUPS = 16;

/** Where an address field is: -1 for the interface's own field, else the index in PrivateIpAddresses. */
type Slot = number;

/** The private addresses of an interface, each once, with where it is (paths are built only for a report). */
function privateAddresses(eni: { r: Obj }): Array<[string, Slot]> {
  const out: Array<[string, Slot]> = [];
  const primary = str(eni.r.PrivateIpAddress);
  if (primary !== undefined) out.push([primary, -1]);
  for (const [a, m] of items(eni.r.PrivateIpAddresses)) {
    const ip = str(a.PrivateIpAddress);
    if (ip !== undefined && !out.some(([x]) => x === ip)) out.push([ip, m]);
  }
  return out;
}

function privatePath(eni: EniEntry, m: Slot): Path {
  return m < 0 ? [...eni.path, 'PrivateIpAddress'] : [...eni.path, 'PrivateIpAddresses', m, 'PrivateIpAddress'];
}

function publicAddresses(eni: { r: Obj }): Array<[string, Slot]> {
  const out: Array<[string, Slot]> = [];
  const own = str(objOf(eni.r.Association)?.PublicIp);
  if (own !== undefined) out.push([own, -1]);
  for (const [a, m] of items(eni.r.PrivateIpAddresses)) {
    const ip = str(objOf(a.Association)?.PublicIp);
    if (ip !== undefined && ip !== own) out.push([ip, m]);
  }
  return out;
}

function publicPath(eni: EniEntry, m: Slot): Path {
  return m < 0 ? [...eni.path, 'Association', 'PublicIp'] : [...eni.path, 'PrivateIpAddresses', m, 'Association', 'PublicIp'];
}

/** What reservedAddresses(c) says of one address, without building its map (later entries win, as there). */
function reservedName(c: Cidr, ip: number): string | undefined {
  const base = c.base;
  if (ip === ((base | (~maskOf(c.prefix) >>> 0)) >>> 0)) return 'the last address of the subnet';
  if (ip === base + 3) return 'reserved by AWS for future use';
  if (ip === base + 2) return 'the Amazon DNS address';
  if (ip === base + 1) return 'the VPC router address';
  if (ip === base) return 'the network address';
  return undefined;
}

/** The first interface seen with each private address, per VPC. */
type ByVpcIp = Map<string, Map<number, EniEntry>>;

/**
 * What an interface's own fields say, parsed once: its subnet and VPC ids, its addresses and its
 * groups. A pure function of the interface object (slots are indexes inside it), so an
 * incremental validator keeps it per object; the checks below add what the rest of the document says.
 */
interface EniFacts {
  subnetId: string | undefined;
  vpcId: string | undefined;
  /** Public addresses that are not IPv4 addresses. */
  badPublic: Array<[string, Slot]>;
  /** Private addresses, each once, parsed (null: not an IPv4 address). */
  private: Array<[string, Slot, number | null]>;
  /** The length of Groups when it is a list. */
  groupCount: number;
  groups: Array<[string, number]>;
}

function factsOf(r: Obj): EniFacts {
  const eni = { r };
  return {
    subnetId: str(r.SubnetId),
    vpcId: str(r.VpcId),
    badPublic: publicAddresses(eni).filter(([text]) => !tryParseIpv4(text).ok),
    private: privateAddresses(eni).map(([text, m]) => {
      const ip = tryParseIpv4(text);
      return [text, m, ip.ok ? ip.value : null];
    }),
    groupCount: Array.isArray(r.Groups) ? r.Groups.length : 0,
    groups: items(r.Groups).flatMap(([g, k]): Array<[string, number]> => {
      const id = str(g.GroupId);
      return id === undefined ? [] : [[id, k]];
    }),
  };
}

function eniFacts(ctx: Ctx, eni: EniEntry): EniFacts {
  const memo = ctx.memo?.eniFacts;
  if (!memo) return factsOf(eni.r);
  let f = memo.get(eni.r) as EniFacts | undefined;
  if (!f) memo.set(eni.r, (f = factsOf(eni.r)));
  return f;
}

function checkAddresses(ctx: Ctx, eni: EniEntry, facts: EniFacts, byVpcIp: ByVpcIp): void {
  const subnetId = facts.subnetId;
  const subnet = subnetId === undefined ? undefined : ctx.subnets.byId.get(subnetId);
  if (subnetId !== undefined && !subnet) {
    ctx.report('ENI_SUBNET_MISSING', [...eni.path, 'SubnetId'], `${eni.label} is in subnet ${clip(subnetId)}, which is not in the snapshot: traffic to and from it cannot be simulated (add the subnet).`);
  }
  for (const [text, m] of facts.badPublic) {
    ctx.report('ENI_ADDRESS_MALFORMED', publicPath(eni, m), `${eni.label} public address ${JSON.stringify(clip(text))} is not an IPv4 address: write four numbers 0-255, such as 203.0.113.10.`);
  }
  const vpcId = facts.vpcId ?? subnet?.vpcId;
  let seen = vpcId === undefined ? undefined : byVpcIp.get(vpcId);
  for (const [text, m, ip] of facts.private) {
    if (ip === null) {
      ctx.report('ENI_ADDRESS_MALFORMED', privatePath(eni, m), `${eni.label} private address ${JSON.stringify(clip(text))} is not an IPv4 address: write four numbers 0-255, such as 10.0.1.10.`);
      continue;
    }
    const cidr = subnet?.cidr;
    if (cidr && !contains(cidr, ip)) {
      ctx.report('ENI_ADDRESS_OUTSIDE_SUBNET', privatePath(eni, m), `${eni.label} private address ${text} is outside ${mid(subnet.label)} (${formatCidr(cidr)}): choose an address inside it, such as ${firstUsable(cidr)}.`);
    } else if (cidr) {
      const reserved = reservedName(cidr, ip);
      if (reserved) ctx.report('ENI_ADDRESS_RESERVED', privatePath(eni, m), `${eni.label} private address ${text} is ${reserved} of ${mid(subnet.label)}, one of the five addresses AWS reserves in every subnet: use another, such as ${firstUsable(cidr)}.`);
    }
    if (vpcId === undefined) continue;
    if (!seen) byVpcIp.set(vpcId, (seen = new Map()));
    const prev = seen.get(ip);
    if (!prev) seen.set(ip, eni);
    else if (prev !== eni) ctx.report('ENI_ADDRESS_DUPLICATE', privatePath(eni, m), `${eni.label} private address ${text} is already used by ${mid(prev.label)} in ${clip(vpcId)}: each private address belongs to one interface, so choose another.`);
  }
}

function checkGroups(ctx: Ctx, eni: EniEntry, facts: EniFacts): void {
  const n = facts.groupCount;
  if (n > MAX_GROUPS) {
    ctx.report('ENI_TOO_MANY_SECURITY_GROUPS', [...eni.path, 'Groups', MAX_GROUPS], `${eni.label} has ${n} security groups, more than the AWS default quota of ${MAX_GROUPS}: AWS refuses it unless the account's quota was raised; merge their rules into fewer groups.`);
  }
  if (n > HARD_MAX_GROUPS) {
    ctx.report('ENI_SECURITY_GROUPS_HARD_LIMIT', [...eni.path, 'Groups', HARD_MAX_GROUPS], `${eni.label} has ${n} security groups, more than the ${HARD_MAX_GROUPS} AWS allows even with a raised quota: merge their rules into fewer groups.`);
  }
  for (const [id, k] of facts.groups) {
    if (!ctx.securityGroups.byId.has(id)) {
      ctx.report('ENI_SECURITY_GROUP_MISSING', [...eni.path, 'Groups', k, 'GroupId'], `${eni.label} uses security group ${clip(id)}, which is not in the snapshot: the simulator knows none of its rules (add the group's export).`);
    }
  }
}

/** Network interfaces: addresses inside their subnet and not reserved, unique per VPC; security groups. */
export function checkInterfaces(ctx: Ctx): void {
  const byVpcIp: ByVpcIp = new Map();
  for (const eni of allEnis(ctx)) {
    const facts = eniFacts(ctx, eni);
    checkAddresses(ctx, eni, facts, byVpcIp);
    checkGroups(ctx, eni, facts);
  }
}

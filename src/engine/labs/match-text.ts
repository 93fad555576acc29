/**
 * Matchers as a learner reads them. A check's label and detail must never show the matcher
 * syntax a lab file is written in ({"$prefix":"nat-"}): a route reads "route 0.0.0.0/0 → a NAT
 * gateway (nat-…)", a network ACL entry "outbound allow entry for TCP to ports 1024-65535", a
 * record field "trafficPath=2 or 8". What the text does not know how to phrase is listed as
 * `field=value` pairs, still without `$` operators or JSON.
 */
type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const isOperators = (m: Json): boolean => Object.keys(m).length > 0 && Object.keys(m).every((k) => k.startsWith('$'));

/** A literal as written in a record or document: `name:web-1` reads `web-1`; null reads `-` (as flow logs print it). */
function literal(v: unknown): string {
  if (v === null || v === undefined) return '-';
  if (typeof v === 'string') return v.startsWith('name:') ? v.slice(5) : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return Array.isArray(v) ? v.map(literal).join(' and ') : fieldsText(v as Json);
}

/** One value's condition, with how it joins its field name: `=x`, ` in 10.0.0.0/8`, ` ≥ 3000`. */
function condition(m: unknown): string {
  if (Array.isArray(m)) return `=${m.map(literal).join(' and ')}`;
  if (!isObject(m)) return `=${literal(m)}`;
  if (!isOperators(m)) return ` with ${fieldsText(m)}`;
  const parts: string[] = [];
  if ('$gte' in m && '$lte' in m) parts.push(` between ${literal(m.$gte)} and ${literal(m.$lte)}`);
  for (const [op, arg] of Object.entries(m)) {
    switch (op) {
      case '$in': parts.push(`=${Array.isArray(arg) ? arg.map(literal).join(' or ') : literal(arg)}`); break;
      case '$ne': parts.push(` other than ${literal(arg)}`); break;
      case '$prefix': parts.push(`=${literal(arg)}…`); break;
      case '$exists': parts.push(arg === true ? ' set' : ' not set'); break;
      case '$cidr': parts.push(` in ${literal(arg)}`); break;
      case '$gte': if (!('$lte' in m)) parts.push(` ≥ ${literal(arg)}`); break;
      case '$lte': if (!('$gte' in m)) parts.push(` ≤ ${literal(arg)}`); break;
      case '$not': {
        const c = condition(arg);
        parts.push(` not ${c.startsWith('=') ? c.slice(1) : c.trimStart()}`);
        break;
      }
      default: parts.push(` ${op.slice(1)} ${literal(arg)}`);
    }
  }
  return parts.join(' and');
}

/** A partial-object matcher as `field=value` pairs; nested objects read as dotted fields ("CidrBlockState.State=associated"). */
export function fieldsText(m: Json, prefix = ''): string {
  return Object.entries(m).map(([k, v]) => {
    const name = prefix ? `${prefix}.${k}` : k;
    return isObject(v) && !isOperators(v) ? fieldsText(v, name) : `${name}${condition(v)}`;
  }).join(', ');
}

/** A single value's matcher with no field name: "2 or 8", "nat-…", "any value". */
export function valueText(m: unknown): string {
  if (isObject(m) && !isOperators(m)) return fieldsText(m);
  const c = condition(m);
  return c.startsWith('=') ? c.slice(1) : c.trimStart();
}

/** A route target field's words, for a matcher that does not name the exact target. */
const TARGET_WORDS: Record<string, string> = {
  GatewayId: 'a gateway', NatGatewayId: 'a NAT gateway', VpcPeeringConnectionId: 'a peering connection', TransitGatewayId: 'a transit gateway',
  NetworkInterfaceId: 'a network interface', InstanceId: 'an instance', VpcEndpointId: 'a VPC endpoint', EgressOnlyInternetGatewayId: 'an egress-only internet gateway',
  LocalGatewayId: 'a local gateway', CarrierGatewayId: 'a carrier gateway',
};
const DESTINATIONS = ['DestinationCidrBlock', 'DestinationIpv6CidrBlock', 'DestinationPrefixListId'];

/** "route 0.0.0.0/0 → a NAT gateway (nat-…)"; other fields follow ("State=active"). */
export function routeText(m: unknown): string {
  if (!isObject(m) || isOperators(m)) return `route ${valueText(m)}`;
  const dest = DESTINATIONS.find((k) => k in m);
  const target = Object.keys(m).find((k) => k in TARGET_WORDS);
  const rest = Object.fromEntries(Object.entries(m).filter(([k]) => k !== dest && k !== target));
  let to = '';
  if (target) {
    const v = m[target];
    // An exact target is named; a pattern says what kind of target, with the pattern ("a NAT gateway (nat-…)").
    to = isObject(v) ? ` → ${TARGET_WORDS[target]} (${valueText(v)})` : ` → ${literal(v)}`;
  }
  const extra = Object.keys(rest).length ? ` (${fieldsText(rest)})` : '';
  return `route ${dest ? valueText(m[dest]) : 'to any destination'}${to}${extra}`;
}

const PROTOCOLS: Record<string, string> = { '-1': 'all traffic', '1': 'ICMP', '6': 'TCP', '17': 'UDP', '58': 'ICMPv6', icmp: 'ICMP', tcp: 'TCP', udp: 'UDP' };
const protocolText = (m: unknown): string => (isObject(m) && Array.isArray(m.$in)
  ? m.$in.map((p) => PROTOCOLS[String(p)] ?? `protocol ${literal(p)}`).join(' or ')
  : !isObject(m) && m !== undefined ? PROTOCOLS[String(m)] ?? `protocol ${literal(m)}` : valueText(m));

/** Ports from `from`/`to` matchers: "ports 1024-65535", or "ports covering 32768-60999" for ≤ / ≥ bounds. */
function portsText(from: unknown, to: unknown): string {
  const bound = (m: unknown, op: '$lte' | '$gte') => (isObject(m) && op in m ? m[op] : m);
  const exact = !isObject(from) && !isObject(to);
  const lo = literal(bound(from, '$lte'));
  const hi = literal(bound(to, '$gte'));
  if (from === undefined) return `ports up to ${hi}`;
  if (to === undefined) return `ports from ${lo}`;
  return lo === hi ? `port ${lo}` : `ports ${exact ? '' : 'covering '}${lo}-${hi}`;
}

/** A network ACL entry: "outbound allow entry for TCP to ports covering 1024-65535". */
export function aclEntryText(m: unknown): string {
  if (!isObject(m) || isOperators(m)) return `entry ${valueText(m)}`;
  const { Egress, RuleAction, Protocol, PortRange, CidrBlock, RuleNumber, ...rest } = m;
  const words = [Egress === true ? 'outbound' : Egress === false ? 'inbound' : '', RuleAction === undefined ? '' : valueText(RuleAction), 'entry'].filter(Boolean);
  if (RuleNumber !== undefined) words.push(`number ${valueText(RuleNumber)}`);
  if (Protocol !== undefined) words.push(`for ${protocolText(Protocol)}`);
  if (isObject(PortRange) && !isOperators(PortRange)) words.push(`to ${portsText(PortRange.From, PortRange.To)}`);
  if (CidrBlock !== undefined) words.push(`${Egress === true ? 'to' : 'from'} ${valueText(CidrBlock)}`);
  if (Object.keys(rest).length) words.push(`(${fieldsText(rest)})`);
  return words.join(' ');
}

/** A security group rule: "rule for TCP port 22 from 0.0.0.0/0". */
export function sgRuleText(m: unknown, egress: boolean): string {
  if (!isObject(m) || isOperators(m)) return `rule ${valueText(m)}`;
  const { IpProtocol, FromPort, ToPort, IpRanges, ...rest } = m;
  const words = ['rule'];
  if (IpProtocol !== undefined) words.push(`for ${protocolText(IpProtocol)}`);
  if (FromPort !== undefined || ToPort !== undefined) words.push(`${IpProtocol === undefined ? 'for ' : ''}${portsText(FromPort, ToPort)}`);
  const cidr = isObject(IpRanges) && !isOperators(IpRanges) ? IpRanges.CidrIp : undefined;
  if (cidr !== undefined) words.push(`${egress ? 'to' : 'from'} ${valueText(cidr)}`);
  else if (IpRanges !== undefined) words.push(`(IpRanges ${valueText(IpRanges)})`);
  if (Object.keys(rest).length) words.push(`(${fieldsText(rest)})`);
  return words.join(' ');
}

/** A VPC CIDR block association: "CIDR block 10.20.0.0/16 (associated)". */
function cidrAssociationText(m: unknown): string {
  if (!isObject(m) || isOperators(m)) return `CIDR block ${valueText(m)}`;
  const { CidrBlock, CidrBlockState, ...rest } = m;
  const state = isObject(CidrBlockState) && !isOperators(CidrBlockState) && Object.keys(CidrBlockState).length === 1 && 'State' in CidrBlockState ? ` (${valueText(CidrBlockState.State)})` : '';
  const others = { ...rest, ...(state || CidrBlockState === undefined ? {} : { CidrBlockState }) };
  return `CIDR block ${CidrBlock === undefined ? 'of any range' : valueText(CidrBlock)}${state}${Object.keys(others).length ? ` (${fieldsText(others)})` : ''}`;
}

/** What a check looks for, as a noun phrase: countable ones take "a"/"an" ("a route …"), others not ("Status.Code=active"). */
export interface Phrase {
  noun: string;
  countable: boolean;
}

/** "a route …", "an outbound allow entry …", or the phrase as is when it is not countable. */
export const some = (p: Phrase): string => (p.countable ? `${/^[aeiou]/i.test(p.noun) ? 'an' : 'a'} ${p.noun}` : p.noun);
/** "no route …": what a failing check did not find. */
export const none = (p: Phrase): string => `no ${p.noun}`;

/**
 * What a `resource` check looks for at `path`, as a learner reads it: a route, an ACL entry, a
 * rule, a CIDR block; otherwise "<path> with <fields>" or "<path>=<value>". An absent matcher:
 * the value only has to exist.
 */
export function resourceMatchPhrase(path: string, m: unknown): Phrase {
  const last = path.split('.').at(-1)?.replace(/\[\d+\]$/, '') ?? '';
  const countable = (noun: string): Phrase => ({ noun, countable: true });
  if (m === undefined) return { noun: path ? `${path} set` : 'value', countable: !path };
  switch (last) {
    case 'Routes': return countable(routeText(m));
    case 'Entries': return countable(aclEntryText(m));
    case 'IpPermissions': return countable(`inbound ${sgRuleText(m, false)}`);
    case 'IpPermissionsEgress': return countable(`outbound ${sgRuleText(m, true)}`);
    case 'CidrBlockAssociationSet': return countable(cidrAssociationText(m));
    default: {
      const whole = isObject(m) && !isOperators(m);
      if (!path) return { noun: whole ? fieldsText(m) : valueText(m), countable: false };
      return { noun: whole ? `${path} with ${fieldsText(m)}` : `${path}${condition(m)}`, countable: false };
    }
  }
}

import { formatIpv4, isPublicIpv4, tryParseIpv4 } from '../ip/index.ts';
import type { NEni, Network } from '../model/network.ts';
import { INTERNET_HOST } from './internet.ts';

/** One end of a probe, resolved against the network. */
export type Endpoint =
  /**
   * An interface (an instance means its primary interface). `ip` is the private address the
   * user named, when they named one: a secondary address stays the packet's source or destination.
   */
  | { kind: 'eni'; eni: NEni; ip?: number }
  /** The simulated internet host at a public address. */
  | { kind: 'internet'; ip: number }
  /** Any other address (destination only): whatever routing makes of it. */
  | { kind: 'address'; ip: number };

export type Resolved = { ok: true; endpoint: Endpoint } | { ok: false; error: string };

const fail = (error: string): Resolved => ({ ok: false, error });

/** `what` and `text` name the endpoint as the user wrote it ("network interface", "eni-0abc"): joined only for an error. */
function usable(eni: NEni, what: string, text: string, role: 'from' | 'to'): Resolved {
  if (eni.instanceState === 'terminated') return fail(`${what} ${text} belongs to a terminated instance (${eni.instanceId}), which sends and receives nothing`);
  // A NAT gateway only translates traffic that others send through it.
  if (role === 'from' && eni.natGatewayId !== null) return fail(`${what} ${text} belongs to NAT gateway ${eni.natGatewayId}, which starts no traffic of its own: send from an instance whose route leads through it`);
  return { ok: true, endpoint: { kind: 'eni', eni } };
}

/** An interface endpoint named by one of its private addresses keeps that address. */
function withAddress(r: Resolved, ip: number): Resolved {
  return r.ok && r.endpoint.kind === 'eni' ? { ok: true, endpoint: { kind: 'eni', eni: r.endpoint.eni, ip } } : r;
}

/** The interfaces holding a private address, across every VPC (private ranges may repeat). */
function enisWithPrivateIp(net: Network, ip: number): NEni[] {
  const out: NEni[] = [];
  for (const byIp of net.enisByPrivateIp.values()) {
    const e = byIp.get(ip);
    if (e) out.push(e);
  }
  return out;
}

/**
 * Resolves `--from`/`--to` text: an instance id (its primary interface, device index 0), an
 * interface id, `internet`, or an IPv4 address. A source address must belong to an interface
 * unless it is public (then it is an internet host). Errors say which value is wrong and why.
 */
export function resolveEndpoint(net: Network, text: string, role: 'from' | 'to'): Resolved {
  const t = text.trim();
  if (t === 'internet') return { ok: true, endpoint: { kind: 'internet', ip: INTERNET_HOST } };
  if (t.startsWith('i-')) {
    const inst = net.instances.get(t);
    if (!inst) return fail(`instance ${t} is not in the snapshot`);
    if (inst.state === 'terminated') return fail(`instance ${t} is terminated`);
    if (!inst.primaryEni) return fail(`instance ${t} has no network interface in the snapshot`);
    return usable(inst.primaryEni, 'instance', t, role);
  }
  if (t.startsWith('eni-')) {
    const eni = net.enis.get(t);
    return eni ? usable(eni, 'network interface', t, role) : fail(`network interface ${t} is not in the snapshot`);
  }
  const parsed = tryParseIpv4(t);
  if (!parsed.ok) return fail(`"${t}" is not an instance id (i-…), a network interface id (eni-…), "internet" or an IPv4 address`);
  const ip = parsed.value;
  const byPublic = net.enisByPublicIp.get(ip);
  if (byPublic && role === 'from') return usable(byPublic, 'public address', t, role);
  const owners = enisWithPrivateIp(net, ip);
  if (role === 'from') {
    if (owners.length > 1) return fail(`${t} is a private address of several interfaces (${owners.map((e) => e.id).join(', ')}, in different VPCs): name the interface or instance instead`);
    if (owners.length === 1) return withAddress(usable(owners[0], 'address', t, role), ip);
    if (isPublicIpv4(ip)) return { ok: true, endpoint: { kind: 'internet', ip } };
    return fail(`${formatIpv4(ip)} belongs to no network interface in the snapshot; a source must be an interface, its address, or a public internet address`);
  }
  if (owners.length === 1) return withAddress(usable(owners[0], 'address', t, role), ip);
  return { ok: true, endpoint: { kind: 'address', ip } };
}

/**
 * Maps a trace's hops (AWS component ids) to canvas elements: an ENI is drawn as its instance
 * (or NAT gateway), a security group as the ENI it guards, a network ACL or route table as the
 * subnet the engine says it applied to. Only lookups: the path itself comes from the engine.
 */
import type { Hop, Network, TraceDetails } from '../../engine/index.ts';
import type { PathStep } from './canvas.ts';

function eniNode(net: Network, eniId: string): { node: string; subnet: string | null } | null {
  const e = net.enis.get(eniId);
  if (!e) return null;
  return { node: e.instanceId ?? e.natGatewayId ?? eniId, subnet: e.subnet?.id ?? null };
}

function legSteps(net: Network, d: TraceDetails, hops: Hop[], leg: PathStep['leg'], blockedId: string | null, hintEni: string | null): PathStep[] {
  const out: PathStep[] = [];
  const enis = hops.map((h, i) => ({ i, at: h.kind === 'network-interface' ? eniNode(net, h.component) : null })).filter((x) => x.at);
  const hint = hintEni ? eniNode(net, hintEni) : null;
  let routed = false;
  hops.forEach((h, i) => {
    const prevEni = [...enis].reverse().find((x) => x.i < i)?.at ?? null;
    const nextEni = enis.find((x) => x.i > i)?.at ?? (routed ? hint : null);
    const near = routed ? nextEni ?? prevEni : prevEni ?? nextEni;
    let id: string | null = null;
    switch (h.kind) {
      case 'network-interface':
        id = eniNode(net, h.component)?.node ?? null;
        break;
      case 'security-group': {
        const eni = d.appliedTo(h);
        id = (eni ? eniNode(net, eni)?.node : null) ?? near?.node ?? null;
        break;
      }
      case 'network-acl':
      case 'route-table':
        // The engine says which subnet the ACL or table applied to; the guess from the nearest
        // interface is for a gateway route table, which belongs to no subnet.
        id = d.appliedTo(h) ?? near?.subnet ?? null;
        if (h.kind === 'route-table') routed = true;
        break;
      case 'vpc-peering-connection':
      case 'internet-gateway':
      case 'nat-gateway':
      case 'internet':
        id = h.component;
        routed = true;
        break;
    }
    if (!id) return;
    const blocked = h.action === 'deny' || h.action === 'drop' || h.component === blockedId;
    if (out.at(-1)?.id === id) {
      if (blocked) out[out.length - 1].blocked = true;
      return;
    }
    out.push({ id, leg, blocked });
  });
  return out;
}

export function pathSteps(net: Network, d: TraceDetails, destinationEni: string | null): PathStep[] {
  const blocked = d.result.explanations[0]?.component ?? null;
  const fwd = legSteps(net, d, d.result.forward.hops, 'forward', blocked, destinationEni);
  const back = d.result.return ? legSteps(net, d, d.result.return.hops, 'return', blocked, null) : [];
  return [...fwd, ...back];
}

/**
 * The per-network index (src/engine/walk/net-index.ts) replaces scans of every VPC, peering
 * and route table: it must answer exactly as those scans did (first in map order), including
 * overlapping CIDRs and peerings in every state.
 */
import { describe, expect, it } from 'vitest';
import { contains, parseCidr, type Cidr } from '../../../src/engine/ip/index.ts';
import type { Network, NPeering, NVpc } from '../../../src/engine/model/network.ts';
import { peeringBetween } from '../../../src/engine/explain/route-fix.ts';
import { cidrContaining, vpcContaining } from '../../../src/engine/walk/net-index.ts';
import { vpcCidrOf } from '../../../src/engine/walk/filters.ts';
import { createPrng } from '../../../src/engine/traffic/prng.ts';

const vpc = (id: string, ...cidrs: string[]) => ({ id, cidrs: cidrs.map(parseCidr) }) as unknown as NVpc;
const peering = (id: string, status: string, a: string | null, b: string | null) => ({ id, status, requesterVpcId: a, accepterVpcId: b }) as unknown as NPeering;
const network = (vpcs: NVpc[], peerings: NPeering[] = []) =>
  ({ vpcs: new Map(vpcs.map((v) => [v.id, v])), peerings: new Map(peerings.map((p) => [p.id, p])), routeTables: new Map(), natGateways: new Map() }) as unknown as Network;

/** The scans the index replaces, as they were written. */
function scanVpc(net: Network, ip: number, except: NVpc | null): NVpc | null {
  for (const v of net.vpcs.values()) if (v !== except && v.cidrs.some((c) => contains(c, ip))) return v;
  return null;
}
function scanPeering(net: Network, a: string, b: string): NPeering | null {
  let found: NPeering | null = null;
  for (const p of net.peerings.values()) {
    const joins = (p.requesterVpcId === a && p.accepterVpcId === b) || (p.requesterVpcId === b && p.accepterVpcId === a);
    if (!joins || p.status === 'deleted' || p.status === 'rejected' || p.status === 'expired' || p.status === 'failed') continue;
    if (p.status === 'active') return p;
    found ??= p;
  }
  return found;
}

describe('per-network index', () => {
  // Overlapping blocks of several sizes (wider and narrower than /16), a VPC with two blocks.
  const vpcs = [
    vpc('vpc-a', '10.1.0.0/16'),
    vpc('vpc-b', '10.0.0.0/8'),
    vpc('vpc-c', '10.1.2.0/24', '192.168.0.0/16'),
    vpc('vpc-d', '172.16.0.0/12', '10.1.2.0/28'),
    vpc('vpc-e', '0.0.0.0/1'),
    vpc('vpc-f', '10.1.2.3/32'),
  ];
  const net = network(vpcs);

  it('finds the first VPC in map order holding an address, skipping the one excluded, as a scan does', () => {
    const rand = createPrng(5).next;
    const probes: number[] = [];
    const blocks: Cidr[] = vpcs.flatMap((v) => v.cidrs);
    for (let k = 0; k < 3000; k++) {
      const c = blocks[Math.floor(rand() * blocks.length)];
      probes.push(c.base + Math.floor(rand() * Math.min(2 ** (32 - c.prefix), 1 << 20)));
      probes.push(Math.floor(rand() * 2 ** 32));
    }
    for (const ip of probes) {
      for (const except of [null, ...vpcs]) expect(vpcContaining(net, ip, except)).toBe(scanVpc(net, ip, except));
      const v = scanVpc(net, ip, null);
      expect(vpcCidrOf(net, ip)).toBe(v ? v.cidrs.find((c) => contains(c, ip)) : null);
      if (v) expect(cidrContaining(v, ip)).toBe(v.cidrs.find((c) => contains(c, ip)));
    }
  });

  it('picks the peering between two VPCs as a scan does: the first active one, else the first still alive', () => {
    const statuses = ['active', 'pending-acceptance', 'deleted', 'rejected', 'expired', 'failed', 'provisioning'];
    const ids = ['vpc-a', 'vpc-b', 'vpc-c', null];
    const rand = createPrng(11).next;
    const peerings = Array.from({ length: 60 }, (_, k) =>
      peering(`pcx-${k}`, statuses[Math.floor(rand() * statuses.length)], ids[Math.floor(rand() * ids.length)], ids[Math.floor(rand() * ids.length)]));
    const withPeerings = network(vpcs, peerings);
    for (const a of ['vpc-a', 'vpc-b', 'vpc-c', 'vpc-z']) {
      for (const b of ['vpc-a', 'vpc-b', 'vpc-c', 'vpc-z']) expect(peeringBetween(withPeerings, a, b)).toBe(scanPeering(withPeerings, a, b));
    }
  });
});

import { describe, expect, it } from 'vitest';
import { createPrng, generateTraffic, planFlows } from '../../../src/engine/traffic/index.ts';
import { seedNetwork } from './fixtures.ts';

const START = 1767225600;

describe('createPrng', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = createPrng(7);
    const b = createPrng(7);
    const c = createPrng(8);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('generateTraffic', () => {
  const net = seedNetwork();

  it('is deterministic for a seed', () => {
    const a = generateTraffic(net, { seed: 42, start: START, minutes: 3 });
    const b = generateTraffic(net, { seed: 42, start: START, minutes: 3 });
    expect(a.records.map((r) => r.line)).toEqual(b.records.map((r) => r.line));
    const c = generateTraffic(net, { seed: 43, start: START, minutes: 3 });
    expect(c.records.map((r) => r.line)).not.toEqual(a.records.map((r) => r.line));
  });

  it('spreads records over the minutes, in time order', () => {
    const { records } = generateTraffic(net, { seed: 1, start: START, minutes: 5 });
    expect(records.length).toBeGreaterThan(50);
    const starts = records.map((r) => r.fields.start);
    expect([...starts].sort((x, y) => x - y)).toEqual(starts);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(START);
    expect(Math.max(...starts)).toBeLessThan(START + 6 * 60); // a connection may run into the next window
    expect(new Set(starts.map((s) => Math.floor((s - START) / 60))).size).toBeGreaterThanOrEqual(5);
  });

  it('follows the rules: SSH is open to the world, RDP and HTTP are not (seed security groups)', () => {
    const { records, flows } = generateTraffic(net, { seed: 5, start: START, minutes: 10 });
    const inbound = (port: number) => records.filter((r) => r.fields.dstPort === port && r.fields.srcAddr !== null && !r.fields.srcAddr.startsWith('10.'));
    expect(inbound(3389).length).toBeGreaterThan(0);
    expect(inbound(3389).every((r) => r.fields.action === 'REJECT')).toBe(true);
    expect(inbound(80).every((r) => r.fields.action === 'REJECT')).toBe(true);
    expect(inbound(22).length).toBeGreaterThan(0);
    expect(inbound(22).every((r) => r.fields.action === 'ACCEPT')).toBe(true);
    expect(flows.filter((f) => f.kind === 'web').every((f) => !f.reachable)).toBe(true);
    expect(flows.some((f) => f.kind === 'scan')).toBe(true);
  });

  it('opens port 443 when the security group allows it', () => {
    const open = seedNetwork((doc) => {
      for (const g of doc.SecurityGroups as { GroupName: string; IpPermissions: unknown[] }[]) {
        if (g.GroupName.startsWith('launch-wizard')) g.IpPermissions.push({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] });
      }
    });
    const { records } = generateTraffic(open, { seed: 5, start: START, minutes: 2, probes: false, scan: false, chatty: false, egress: false });
    const https = records.filter((r) => r.fields.dstPort === 443);
    expect(https.length).toBeGreaterThan(0);
    expect(https.every((r) => r.fields.action === 'ACCEPT')).toBe(true);
  });

  it('plans a port scan over common ports and says when traffic is impossible', () => {
    const flows = planFlows(net, { seed: 3, start: START, minutes: 1, web: false, egress: false, probes: false, chatty: false }, createPrng(3));
    expect(flows.every((f) => f.kind === 'scan')).toBe(true);
    expect(new Set(flows.map((f) => f.probe.port)).size).toBe(flows.length);
    const empty = seedNetwork((doc) => { doc.Reservations = []; doc.NetworkInterfaces = []; });
    const g = generateTraffic(empty, { seed: 1, start: START, minutes: 1 });
    expect(g.records).toEqual([]);
    expect(g.notes.join(' ')).toMatch(/public IPv4/);
  });
});

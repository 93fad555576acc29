import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/engine/diagnostics.ts';
import { loadSnapshotFiles } from '../../../src/engine/model/load.ts';
import { validateSnapshot } from '../../../src/engine/validate/index.ts';

/** Real `aws ec2 describe-*` exports (Batfish test data): AWS accepted all of them, so no error may appear. */
const ROOT = process.env.VPC_LAB_AWS_SNAPSHOTS ?? new URL('../../../../shared/aws-snapshots/', import.meta.url).pathname;

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? jsonFiles(p) : p.endsWith('.json') ? [p] : [];
  });
}

function validateFolder(name: string): Diagnostic[] {
  const dir = join(ROOT, name);
  const loaded = loadSnapshotFiles(jsonFiles(dir).map((p) => ({ path: relative(dir, p), text: readFileSync(p, 'utf8') })));
  expect(loaded.diagnostics).toEqual([]);
  expect(loaded.snapshot).not.toBeNull();
  return validateSnapshot(loaded.snapshot);
}

const summary = (d: Diagnostic[]) => d.map((x) => `${x.code} ${x.path}`);

const FOLDERS = ['aws-demo', 'test-nat-gateway', 'test-public-private-subnet', 'test-public-subnet', 'test-subnet', 'test-vpc-peering', 'test-vpc-peering-multi-account'];

describe('the shared AWS snapshots', () => {
  it('are all here', () => {
    expect(readdirSync(ROOT).filter((n) => statSync(join(ROOT, n)).isDirectory()).sort()).toEqual(FOLDERS);
  });

  for (const name of FOLDERS) {
    it(`${name} loads and validates with warnings only`, () => {
      const d = validateFolder(name);
      expect(d.filter((x) => x.severity === 'error')).toEqual([]);
      for (const x of d) expect(x.message).toMatch(/^[A-Z$].*\.$/);
    });
  }

  it('test-nat-gateway, test-public-subnet and test-subnet are clean', () => {
    for (const name of ['test-nat-gateway', 'test-public-subnet', 'test-subnet']) expect(validateFolder(name)).toEqual([]);
  });

  it('test-vpc-peering: only the blackhole route to a deleted internet gateway (same-CIDR VPCs peer a third, legally)', () => {
    const d = validateFolder('test-vpc-peering');
    expect(summary(d)).toEqual(['ROUTE_TARGET_MISSING $.RouteTables[0].Routes[2].GatewayId']);
    expect(d[0].message).toContain('igw-0a2c9ae201b441bff');
    expect(d[0].message).toContain('blackhole');
  });

  it('test-vpc-peering-multi-account: routes to internet gateways not exported; deleted peerings naming gone VPCs are not worth a warning', () => {
    const d = validateFolder('test-vpc-peering-multi-account');
    expect(summary(d)).toEqual([
      'ROUTE_TARGET_MISSING $.RouteTables[0].Routes[2].GatewayId',
      'ROUTE_TARGET_MISSING $.RouteTables[2].Routes[2].GatewayId',
    ]);
  });

  it('test-public-private-subnet: the VPN gateway route and VPN keys are not simulated', () => {
    expect(summary(validateFolder('test-public-private-subnet'))).toEqual([
      'NOT_SIMULATED $.CustomerGateways',
      'ROUTE_TARGET_NOT_SIMULATED $.RouteTables[0].Routes[1].GatewayId',
      'NOT_SIMULATED $.VpnConnections',
      'NOT_SIMULATED $.VpnGateways',
    ]);
  });

  it('aws-demo: transit gateways and load balancers are not simulated', () => {
    const d = validateFolder('aws-demo');
    const notSimulated = d.filter((x) => x.code === 'NOT_SIMULATED').map((x) => x.path);
    expect(notSimulated).toEqual(expect.arrayContaining(['$.TransitGateways', '$.LoadBalancers', '$.TargetGroups', '$.TransitGatewayAttachments']));
    expect(notSimulated).not.toContain('$.AvailabilityZones');
    expect(notSimulated).not.toContain('$.VpcEndpoints'); // empty lists are skipped
    expect(new Set(notSimulated).size).toBe(notSimulated.length);
    const tgwRoutes = d.filter((x) => x.code === 'ROUTE_TARGET_NOT_SIMULATED');
    expect(tgwRoutes).toHaveLength(6);
    for (const x of tgwRoutes) expect(x.message).toMatch(/transit gateway tgw-/);
    // Its six deleted peerings name VPCs that are gone: no warning for those.
    expect(new Set(d.map((x) => x.code))).toEqual(new Set(['NOT_SIMULATED', 'ROUTE_TARGET_NOT_SIMULATED']));
  });
});

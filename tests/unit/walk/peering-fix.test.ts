import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileNetwork, type Snapshot } from '../../../src/engine/index.ts';
import { traceProbe } from '../../../src/engine/walk/index.ts';

const cases = join(import.meta.dirname, '../../scenarios/cases');
const load = (name: string) => JSON.parse(readFileSync(join(cases, name, 'snapshot.json'), 'utf8')) as Snapshot;

/** The golden network: B peers with C (pcx-bc) and with a shared VPC; B's route to C's block goes to the B-shared peering. */
function explain(doc: Snapshot) {
  const rtbB = doc.RouteTables!.find((t) => t.VpcId === doc.Vpcs![0].VpcId)!.RouteTableId;
  const [pcxBc, pcxShared] = doc.VpcPeeringConnections!.map((p) => p.VpcPeeringConnectionId);
  const from = doc.Reservations![0].Instances![0].InstanceId;
  const t = traceProbe(compileNetwork(doc), { from, to: '10.30.0.10', protocol: 1 });
  if (!t.ok) throw new Error(t.error);
  return { e: t.details.result.explanations[0], rtbB, pcxBc, pcxShared };
}

describe('PCX_REQUIRES_ADDRESS_IN_VPC_CIDR when the two VPCs are already peered', () => {
  it('replaces the route\'s target with the existing active peering instead of creating another (AWS allows one peering per pair)', () => {
    const { e, rtbB, pcxBc, pcxShared } = explain(load('peering-route-to-wrong-peering'));
    expect(e.code).toBe('PCX_REQUIRES_ADDRESS_IN_VPC_CIDR');
    expect(e.component).toBe(pcxShared);
    expect(e.fix).toBe(`Replace the route 10.30.0.0/16 → ${pcxShared} in ${rtbB} with 10.30.0.0/16 → ${pcxBc}.`);
    expect(e.fix).not.toMatch(/Create/);
    expect(e.action).toEqual({ kind: 'replace-route', routeTableId: rtbB, destination: '10.30.0.0/16', target: { VpcPeeringConnectionId: pcxBc } });
  });

  it('says to accept a pending peering first (accept-peering), then replace the route', () => {
    const { e, rtbB, pcxBc, pcxShared } = explain(load('peering-route-to-wrong-peering-pending'));
    expect(e.fix).toMatch(new RegExp(`^Accept ${pcxBc} \\(it is pending-acceptance\\), then replace the route 10\\.30\\.0\\.0/16 → ${pcxShared} in ${rtbB} with 10\\.30\\.0\\.0/16 → ${pcxBc}`));
    expect(e.action).toEqual({ kind: 'accept-peering', peeringId: pcxBc });
  });

  it('waits for a peering that is provisioning (nothing to accept)', () => {
    const doc = load('peering-route-to-wrong-peering-pending');
    doc.VpcPeeringConnections![0].Status = { Code: 'provisioning', Message: 'Provisioning' };
    const { e, pcxBc } = explain(doc);
    expect(e.fix).toMatch(new RegExp(`^Wait until ${pcxBc} is active \\(it is provisioning\\), then replace the route`));
    expect(e.action).toBeUndefined();
  });

  it('adds a more specific route when the stray route is a wider one', () => {
    const doc = load('peering-route-to-wrong-peering');
    const rt = doc.RouteTables!.find((t) => t.VpcId === doc.Vpcs![0].VpcId)!;
    rt.Routes = rt.Routes!.map((r) => (r.DestinationCidrBlock === '10.30.0.0/16' ? { ...r, DestinationCidrBlock: '10.0.0.0/8' } : r));
    const { e, rtbB, pcxBc } = explain(doc);
    expect(e.fix).toBe(`Add a route 10.30.0.0/16 → ${pcxBc} to ${rtbB}.`);
    expect(e.action).toEqual({ kind: 'add-route', routeTableId: rtbB, destination: '10.30.0.0/16', target: { VpcPeeringConnectionId: pcxBc } });
  });

  it('suggests creating a peering only when none joins the two VPCs', () => {
    const doc = load('peering-route-to-wrong-peering');
    const { pcxBc } = explain(doc);
    doc.VpcPeeringConnections = doc.VpcPeeringConnections!.filter((p) => p.VpcPeeringConnectionId !== pcxBc);
    doc.RouteTables = doc.RouteTables!.map((t) => ({ ...t, Routes: t.Routes!.filter((r) => r.VpcPeeringConnectionId !== pcxBc) }));
    const { e } = explain(doc);
    expect(e.fix).toMatch(/^Create a VPC peering connection between vpc-\w+ \("vpc-b"\) and vpc-\w+ \("vpc-c"\), accept it/);
    expect(e.action).toBeUndefined();
  });
});

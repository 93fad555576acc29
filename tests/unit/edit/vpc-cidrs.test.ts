import { describe, expect, it } from 'vitest';
import * as E from '../../../src/engine/edit/index.ts';
import { compileNetwork, traceProbe, validateSnapshot, type Snapshot, type Vpc } from '../../../src/engine/index.ts';
import { applyResource, locate } from '../../../src/ui/editors/resource-doc.ts';
import { ids as makeIds, must } from './helpers.ts';

const SECONDARY = '10.20.0.0/16';

/** A VPC 10.0.0.0/16 with a secondary block 10.20.0.0/16 (added by editing the VPC), a second route table, an instance; and another VPC. */
function network() {
  const ids = makeIds();
  let doc: Snapshot = {};
  const v = E.createVpc(doc, { cidr: '10.0.0.0/16', name: 'a' }, ids);
  doc = must(v);
  const vpcId = v.created![0];
  const other = E.createVpc(doc, { cidr: '10.20.0.0/16', region: 'eu-west-1' }, ids); // same block, another VPC: untouched
  doc = must(other);
  const vpc = E.list(doc, 'Vpcs')[0];
  doc = must(E.putVpc(doc, { vpc: { ...vpc, CidrBlockAssociationSet: [...vpc.CidrBlockAssociationSet!, { AssociationId: 'vpc-cidr-assoc-2', CidrBlock: SECONDARY, CidrBlockState: { State: 'associated' } }] } }));
  const s = E.createSubnet(doc, { vpcId, cidr: '10.0.1.0/24' }, ids);
  doc = must(s);
  const i = E.createInstance(doc, { subnetId: s.created![0], allow: { icmpFrom: '10.0.0.0/8' } }, ids);
  doc = must(i);
  // A second route table of the VPC, with both local routes (as AWS creates it).
  const main = E.list(doc, 'RouteTables')[0];
  doc = { ...doc, RouteTables: [...E.list(doc, 'RouteTables'), { ...main, RouteTableId: 'rtb-second', Associations: [] }] };
  return { doc, ids, vpcId, otherVpcId: other.created![0], subnetId: s.created![0], instanceId: i.created![0] };
}

const localRoutes = (doc: Snapshot, vpcId: string) => E.list(doc, 'RouteTables').filter((t) => t.VpcId === vpcId).map((t) => (t.Routes ?? []).filter((r) => r.GatewayId === 'local').map((r) => r.DestinationCidrBlock));
const vpcOf = (doc: Snapshot, id: string) => E.list(doc, 'Vpcs').find((v) => v.VpcId === id)!;
const withoutSecondary = (v: Vpc): Vpc => ({ ...v, CidrBlockAssociationSet: v.CidrBlockAssociationSet!.filter((a) => a.CidrBlock !== SECONDARY) });

describe('putVpc: a block associated with or disassociated from a VPC, as AWS does it', () => {
  it('adds a new block\'s local route to every route table of the VPC (AssociateVpcCidrBlock)', () => {
    const { doc, vpcId, otherVpcId } = network();
    expect(localRoutes(doc, vpcId)).toEqual([['10.0.0.0/16', SECONDARY], ['10.0.0.0/16', SECONDARY]]);
    expect(localRoutes(doc, otherVpcId)).toEqual([[SECONDARY]]);
    expect(validateSnapshot(doc).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('removes a disassociated block\'s local routes from every table of that VPC only (DisassociateVpcCidrBlock)', () => {
    const { doc, vpcId, otherVpcId, instanceId } = network();
    const next = must(E.putVpc(doc, { vpc: withoutSecondary(vpcOf(doc, vpcId)) }));
    expect(localRoutes(next, vpcId)).toEqual([['10.0.0.0/16'], ['10.0.0.0/16']]);
    expect(localRoutes(next, otherVpcId)).toEqual([[SECONDARY]]);
    expect(validateSnapshot(next).filter((d) => d.severity === 'error')).toEqual([]);
    // The address is no longer the VPC's: no route matches it (it was "local" before).
    const ping = (d: Snapshot) => {
      const t = traceProbe(compileNetwork(d), { from: instanceId, to: '10.20.0.5', protocol: 1 });
      if (!t.ok) throw new Error(t.error);
      return t.details.result.explanations[0].code;
    };
    expect(ping(doc)).toBe('NO_ENI_AT_DESTINATION');
    expect(ping(next)).toBe('NO_ROUTE_TO_DESTINATION');
    // A block marked disassociated counts as gone too.
    const marked = must(E.putVpc(doc, { vpc: { ...vpcOf(doc, vpcId), CidrBlockAssociationSet: vpcOf(doc, vpcId).CidrBlockAssociationSet!.map((a) => (a.CidrBlock === SECONDARY ? { ...a, CidrBlockState: { State: 'disassociated' } } : a)) } }));
    expect(localRoutes(marked, vpcId)).toEqual([['10.0.0.0/16'], ['10.0.0.0/16']]);
  });

  it('refuses to disassociate a block that a subnet uses, with AWS\'s InvalidCidrBlock.InUse', () => {
    const n = network();
    const doc = must(E.createSubnet(n.doc, { vpcId: n.vpcId, cidr: '10.20.3.0/24' }, n.ids));
    const r = E.putVpc(doc, { vpc: withoutSecondary(vpcOf(doc, n.vpcId)) });
    expect(r.error).toMatch(/^InvalidCidrBlock\.InUse: The vpc vpc-\w+ currently has a subnet within CIDR block 10\.20\.0\.0\/16: subnet-\w+ \(10\.20\.3\.0\/24\)\. Delete that subnet first/);
    expect(r.doc).toBe(doc);
  });

  it('refuses to disassociate or change the primary block (OperationNotPermitted)', () => {
    const { doc, vpcId } = network();
    const vpc = vpcOf(doc, vpcId);
    const dropped = E.putVpc(doc, { vpc: { ...vpc, CidrBlockAssociationSet: vpc.CidrBlockAssociationSet!.filter((a) => a.CidrBlock !== '10.0.0.0/16') } });
    // The primary block is still "CidrBlock": nothing left the VPC, nothing to refuse.
    expect(dropped.error).toBeUndefined();
    const changed = E.putVpc(doc, { vpc: { ...vpc, CidrBlock: '10.5.0.0/16', CidrBlockAssociationSet: vpc.CidrBlockAssociationSet!.map((a) => (a.CidrBlock === '10.0.0.0/16' ? { ...a, CidrBlock: '10.5.0.0/16' } : a)) } });
    expect(changed.error).toMatch(/^OperationNotPermitted: 10\.0\.0\.0\/16 is the primary CIDR block of vpc-\w+/);
  });

  it('puts a VPC whose blocks do not parse back as it is, for validation to mark', () => {
    const { doc, vpcId } = network();
    const next = must(E.putVpc(doc, { vpc: { ...vpcOf(doc, vpcId), CidrBlock: '10.0.0.5/16' } }));
    expect(vpcOf(next, vpcId).CidrBlock).toBe('10.0.0.5/16');
    expect(next.RouteTables).toBe(doc.RouteTables);
    expect(validateSnapshot(next).map((d) => d.code)).toContain('CIDR_HOST_BITS');
  });

  it('refuses an unknown VPC', () => {
    const { doc } = network();
    expect(E.putVpc(doc, { vpc: { VpcId: 'vpc-nope', CidrBlock: '10.9.0.0/16' } }).error).toBe("InvalidVpcID.NotFound: The vpc ID 'vpc-nope' does not exist.");
  });
});

describe('the JSON editor: deleting an entry of CidrBlockAssociationSet', () => {
  it('removes the block\'s local routes in the same document (one undo step), or refuses as AWS does', () => {
    const { doc, vpcId, ids } = network();
    const loc = locate(doc, vpcId)!;
    const applied = applyResource(doc, loc, { Vpcs: [withoutSecondary(vpcOf(doc, vpcId))] });
    if ('error' in applied) throw new Error(applied.error);
    expect(localRoutes(applied.doc, vpcId)).toEqual([['10.0.0.0/16'], ['10.0.0.0/16']]);
    expect(vpcOf(applied.doc, vpcId).CidrBlockAssociationSet!.map((a) => a.CidrBlock)).toEqual(['10.0.0.0/16']);
    const used = must(E.createSubnet(doc, { vpcId, cidr: '10.20.0.0/24' }, ids));
    const refused = applyResource(used, locate(used, vpcId)!, { Vpcs: [withoutSecondary(vpcOf(used, vpcId))] });
    expect('error' in refused && refused.error).toMatch(/^InvalidCidrBlock\.InUse: /);
  });
});

describe('a local route left for a block the VPC no longer has (an imported document)', () => {
  it('is explained as outside every block of the VPC, never "inside the VPC\'s CIDR"', () => {
    const { doc, vpcId, instanceId } = network();
    const stale: Snapshot = { ...doc, Vpcs: E.list(doc, 'Vpcs').map((v) => (v.VpcId === vpcId ? withoutSecondary(v) : v)) };
    expect(validateSnapshot(stale).filter((d) => d.code === 'ROUTE_LOCAL_NOT_VPC_CIDR')).toHaveLength(2);
    const t = traceProbe(compileNetwork(stale), { from: instanceId, to: '10.20.0.5', protocol: 1 });
    if (!t.ok) throw new Error(t.error);
    const e = t.details.result.explanations[0];
    expect(e.code).toBe('NO_ENI_AT_DESTINATION');
    expect(e.message).not.toContain("inside the VPC's CIDR");
    expect(e.message).toContain('outside every CIDR block of the VPC (10.0.0.0/16)');
    expect(e.message).toContain('local route 10.20.0.0/16');
    expect(e.fix).toMatch(/^Delete the local route 10\.20\.0\.0\/16 from rtb-\w+/);
    // Inside a block but in no subnet: still said so.
    const inside = traceProbe(compileNetwork(doc), { from: instanceId, to: '10.20.0.5', protocol: 1 });
    if (!inside.ok) throw new Error(inside.error);
    expect(inside.details.result.explanations[0].message).toContain("inside the VPC's CIDR but in no subnet");
  });
});

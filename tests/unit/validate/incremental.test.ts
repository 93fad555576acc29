/**
 * The incremental validator and compiler (createSnapshotValidator, createNetworkCompiler) must
 * give exactly what validateSnapshot and compileNetwork give from scratch, after any sequence of
 * immutable edits: structural sharing, index shifts (insertions and deletions before a resource),
 * edits deep inside a resource (one SG rule), resources without ids (labels that name the path),
 * and going back to an earlier document (undo).
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createSnapshotValidator, validateSnapshot } from '../../../src/engine/validate/index.ts';
import { compileNetwork, createNetworkCompiler } from '../../../src/engine/model/compile.ts';
import type { Snapshot } from '../../../src/engine/model/schema.ts';
import * as E from '../../../src/engine/edit/index.ts';
import { syntheticSnapshot } from '../../../bench/synthetic-network.ts';
import { cleanDoc, type Doc } from './fixtures.ts';

type Edit = [string, (d: Doc) => Doc];

/** An immutable update of one list: the other lists (and the untouched items) keep their identity. */
const withList = (d: Doc, key: string, f: (xs: Doc[]) => Doc[]): Doc => ({ ...d, [key]: f([...(d[key] ?? [])]) });
const at = (d: Doc, key: string, i: number, f: (x: Doc) => Doc): Doc => withList(d, key, (xs) => xs.map((x, k) => (k === i ? f(x) : x)));
const insertAt = (d: Doc, key: string, i: number, item: Doc): Doc => withList(d, key, (xs) => [...xs.slice(0, i), item, ...xs.slice(i)]);
const removeAt = (d: Doc, key: string, i: number): Doc => withList(d, key, (xs) => xs.filter((_, k) => k !== i));
const ok = (r: E.EditResult): Doc => {
  if (r.error) throw new Error(r.error);
  return r.doc as Doc;
};

/** Runs the edits one after the other, checking both incremental engines against from-scratch runs after each. */
function replay(start: Doc, edits: Edit[], back: number[] = []): void {
  const validate = createSnapshotValidator();
  const compile = createNetworkCompiler();
  const docs: Doc[] = [start];
  const check = (name: string, doc: Doc) => {
    expect(validate(doc), `diagnostics after ${name}`).toEqual(validateSnapshot(doc));
    // Deep equality of the whole cross-linked network (node's check follows its cycles).
    expect(isDeepStrictEqual(compile(doc as Snapshot), compileNetwork(doc as Snapshot)), `network after ${name}`).toBe(true);
  };
  check('start', start);
  for (const [name, edit] of edits) {
    const doc = edit(docs[docs.length - 1]);
    docs.push(doc);
    check(name, doc);
  }
  for (const k of back) check(`back to document ${k}`, docs[k]); // undo / redo
}

describe('incremental validation and compilation equal from-scratch runs', () => {
  it('on the small fixture, through rule edits, index shifts, resources without ids and undo', () => {
    const sgNoId = { GroupName: 'anonymous', VpcId: 'vpc-1', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 70000, ToPort: 80, IpRanges: [{ CidrIp: '10.0.0.1/8' }] }], IpPermissionsEgress: [] };
    replay(cleanDoc(), [
      ['a bad port in one SG rule (nested array edit)', (d) => at(d, 'SecurityGroups', 0, (sg) => ({ ...sg, IpPermissions: sg.IpPermissions.map((p: Doc, k: number) => (k === 0 ? { ...p, FromPort: 99999, ToPort: 1 } : p)) }))],
      ['a security group inserted before it (its index shifts)', (d) => insertAt(d, 'SecurityGroups', 0, { GroupId: 'sg-new', GroupName: 'new', VpcId: 'vpc-1', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, UserIdGroupPairs: [{ GroupId: 'sg-gone' }] }], IpPermissionsEgress: [] })],
      ['a group without id, whose label names its path', (d) => insertAt(d, 'SecurityGroups', 1, sgNoId)],
      ['another group inserted before the one without id', (d) => insertAt(d, 'SecurityGroups', 0, { GroupId: 'sg-x', VpcId: 'vpc-1' })],
      ['the referenced group appears (cross-resource finding disappears)', (d) => insertAt(d, 'SecurityGroups', 0, { GroupId: 'sg-gone', VpcId: 'vpc-1' })],
      ['the first VPC deleted (every VPC index shifts, references break)', (d) => removeAt(d, 'Vpcs', 0)],
      ['a route to a missing gateway', (d) => at(d, 'RouteTables', 1, (rt) => ({ ...rt, Routes: [...rt.Routes, { DestinationCidrBlock: '192.168.0.0/16', GatewayId: 'igw-missing' }] }))],
      ['a route table inserted first', (d) => insertAt(d, 'RouteTables', 0, { RouteTableId: 'rtb-0', VpcId: 'vpc-2', Routes: [{ DestinationCidrBlock: '10.1.0.0/16', GatewayId: 'local' }, { DestinationCidrBlock: '10.1.0.0/16', GatewayId: 'local' }], Associations: [] })],
      ['an ACL entry with a reversed range', (d) => at(d, 'NetworkAcls', 0, (a) => ({ ...a, Entries: [...a.Entries, { RuleNumber: 5, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 90, To: 80 } }] }))],
      ['an ACL inserted first', (d) => insertAt(d, 'NetworkAcls', 0, { NetworkAclId: 'acl-0', VpcId: 'vpc-2', IsDefault: false, Entries: [], Associations: [] })],
      ['an interface moved to a duplicate address', (d) => at(d, 'NetworkInterfaces', 1, (n) => ({ ...n, PrivateIpAddress: d.NetworkInterfaces[0].PrivateIpAddress }))],
      ['an interface inserted first', (d) => insertAt(d, 'NetworkInterfaces', 0, { NetworkInterfaceId: 'eni-0', SubnetId: 'subnet-1', VpcId: 'vpc-1', PrivateIpAddress: '10.0.1.0', Groups: [{ GroupId: 'sg-nowhere' }] })],
      ['an Elastic IP removed', (d) => removeAt(d, 'Addresses', 0)],
      ['a subnet inserted first', (d) => insertAt(d, 'Subnets', 0, { SubnetId: 'subnet-0', VpcId: 'vpc-2', CidrBlock: '10.1.1.0/25' })],
      ['a flow log on a missing resource', (d) => insertAt(d, 'FlowLogs', 0, { FlowLogId: 'fl-0', ResourceId: 'eni-nope', TrafficType: 'ALL', LogGroupName: 'g' })],
      ['the group an interface names appears (only SecurityGroups changes)', (d) => insertAt(d, 'SecurityGroups', 2, { GroupId: 'sg-nowhere', VpcId: 'vpc-2' })],
      ['canvas positions only', (d) => ({ ...d, Playground: { ...(d.Playground ?? {}), positions: { 'vpc-2': { x: 1, y: 2 } } } })],
    ], [0, 3, 7, 0]);
  });

  it('on a synthetic estate, through the edit actions the UI uses', () => {
    const base = syntheticSnapshot({ vpcs: 6, subnetsPerVpc: 2, enis: 40, activePeerings: 5 }) as Doc;
    const sg = (d: Doc, i: number) => d.SecurityGroups[i].GroupId as string;
    const subnet = base.Subnets[1].SubnetId as string;
    const ids = E.counterIds(7000);
    let instance = '';
    replay(base, [
      ['an SG rule added', (d) => ok(E.addSgRule(d, { groupId: sg(d, 2), direction: 'ingress', permission: { IpProtocol: 'tcp', FromPort: 1000, ToPort: 1000, IpRanges: [{ CidrIp: '10.0.0.0/8' }] } }))],
      ['an SG rule removed', (d) => ok(E.removeSgRule(d, { groupId: sg(d, 3), direction: 'ingress', index: 0 }))],
      ['an instance created (interfaces and reservations grow)', (d) => {
        const r = E.createInstance(d, { subnetId: subnet, allow: { ssh: true } }, ids);
        instance = r.created?.[0] ?? '';
        return ok(r);
      }],
      ['an early security group deleted with its dependents (indexes shift)', (d) => ok(E.deleteWithDependents(d, { id: sg(d, 1) }))],
      ['an ACL entry added', (d) => ok(E.addAclEntry(d, { networkAclId: d.NetworkAcls[1].NetworkAclId, entry: { RuleNumber: 55, Protocol: '6', RuleAction: 'deny', Egress: false, CidrBlock: '10.9.0.0/16', PortRange: { From: 80, To: 80 } } }))],
      ['a route deleted', (d) => ok(E.deleteRoute(d, { routeTableId: d.RouteTables[0].RouteTableId, destination: '0.0.0.0/0' }))],
      ['the new instance deleted', (d) => ok(E.deleteWithDependents(d, { id: instance }))],
      ['a NAT gateway deleted', (d) => ok(E.deleteWithDependents(d, { id: d.NatGateways[0].NatGatewayId }))],
      ['an instance renamed (its interfaces keep their objects)', (d) => withList(d, 'Reservations', (rs) => rs.map((r, k) => (k === 0 ? { ...r, Instances: r.Instances.map((x: Doc) => ({ ...x, Tags: [{ Key: 'Name', Value: 'renamed' }] })) } : r)))],
      ['a VPC created', (d) => ok(E.createVpc(d, { cidr: '10.200.0.0/16', name: 'late' }, ids))],
    ], [0, 2, 5]);
  });

  it('gives the same result when the same document is validated twice', () => {
    const validate = createSnapshotValidator();
    const doc = cleanDoc();
    doc.NetworkAcls[0].Entries[0].RuleNumber = 0;
    expect(validate(doc)).toEqual(validateSnapshot(doc));
    expect(validate(doc)).toEqual(validateSnapshot(doc));
  });
});

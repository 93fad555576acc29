import { describe, expect, it } from 'vitest';
import { locatePath } from '../../../src/ui/editors/json-locate.ts';
import { applyResource, locate, parsePath, resourceText, textMatches, toTabPath } from '../../../src/ui/editors/resource-doc.ts';
import type { Snapshot } from '../../../src/engine/index.ts';

const doc: Snapshot = {
  Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }, { VpcId: 'vpc-2', CidrBlock: '10.1.0.0/16' }],
  Reservations: [{ ReservationId: 'r-1', Instances: [{ InstanceId: 'i-0' }, { InstanceId: 'i-1', PrivateIpAddress: '10.1.0.4' }] }],
};

describe('editor paths', () => {
  it('prints a resource as describe-* does and maps document paths to the tab', () => {
    const loc = locate(doc, 'vpc-2')!;
    expect(JSON.parse(resourceText(doc, loc))).toEqual({ Vpcs: [{ VpcId: 'vpc-2', CidrBlock: '10.1.0.0/16' }] });
    expect(toTabPath(loc, '$.Vpcs[1].CidrBlock')).toEqual(['Vpcs', 0, 'CidrBlock']);
    expect(toTabPath(loc, '$.Vpcs[0].CidrBlock')).toBeNull();
    const inst = locate(doc, 'i-1')!;
    expect(toTabPath(inst, '$.Reservations[0].Instances[1].PrivateIpAddress')).toEqual(['Reservations', 0, 'Instances', 0, 'PrivateIpAddress']);
    expect(toTabPath(inst, '$.Reservations[0].Instances[0].PrivateIpAddress')).toBeNull();
    expect(parsePath('$["a b"][2].c')).toEqual(['a b', 2, 'c']);
  });
  it('puts an edited instance back inside its reservation', () => {
    const loc = locate(doc, 'i-1')!;
    const r = applyResource(doc, loc, { Reservations: [{ ReservationId: 'r-1', Instances: [{ InstanceId: 'i-1', PrivateIpAddress: '10.1.0.9' }] }] });
    expect('doc' in r && r.doc.Reservations![0].Instances!.map((i) => i.PrivateIpAddress)).toEqual([undefined, '10.1.0.9']);
    expect('error' in applyResource(doc, loc, { Vpcs: [] })).toBe(true);
  });
  it('refuses a changed id: AWS assigns ids, and every reference would point at nothing', () => {
    const vpc = applyResource(doc, locate(doc, 'vpc-2')!, { Vpcs: [{ VpcId: 'vpc-9', CidrBlock: '10.1.0.0/16' }] });
    expect('error' in vpc && vpc.error).toMatch(/"VpcId" is "vpc-2" and cannot be changed/);
    const inst = applyResource(doc, locate(doc, 'i-1')!, { Reservations: [{ ReservationId: 'r-1', Instances: [{ InstanceId: 'i-9' }] }] });
    expect('error' in inst && inst.error).toMatch(/"InstanceId" is "i-1"/);
    expect('doc' in applyResource(doc, locate(doc, 'vpc-2')!, { Vpcs: [{ VpcId: 'vpc-2', CidrBlock: '10.1.0.0/16', Tags: [] }] })).toBe(true);
  });
  it('tells whether a tab\'s text is the resource in force, whatever its layout', () => {
    const loc = locate(doc, 'vpc-2')!;
    expect(textMatches('{"Vpcs":[{"VpcId":"vpc-2","CidrBlock":"10.1.0.0/16"}]}', doc, loc)).toBe(true);
    expect(textMatches(resourceText(doc, loc), doc, loc)).toBe(true);
    expect(textMatches('{"Vpcs":[{"VpcId":"vpc-2","CidrBlock":"10.1.0.0/24"}]}', doc, loc)).toBe(false);
    expect(textMatches('{"Vpcs":[', doc, loc)).toBe(false);
  });
  it('finds the text range of a path', () => {
    const text = '{\n  "Vpcs": [\n    { "VpcId": "vpc-2", "CidrBlock": "10.1.0.5/16" }\n  ]\n}';
    const s = locatePath(text, ['Vpcs', 0, 'CidrBlock'])!;
    expect(text.slice(s.offset, s.offset + s.length)).toBe('"10.1.0.5/16"');
    const missing = locatePath(text, ['Vpcs', 0, 'Tags'])!;
    expect(text[missing.offset]).toBe('{');
  });
});

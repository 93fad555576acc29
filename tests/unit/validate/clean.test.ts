import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, validateSnapshot } from '../../../src/engine/validate/index.ts';
import { cleanDoc } from './fixtures.ts';

describe('a consistent document', () => {
  it('gives no diagnostics', () => {
    expect(validateSnapshot(cleanDoc())).toEqual([]);
  });

  it('gives none for an empty object or empty lists', () => {
    expect(validateSnapshot({})).toEqual([]);
    expect(validateSnapshot({ Vpcs: [], Subnets: [], TransitGateways: [], Playground: {} })).toEqual([]);
  });

  it('does not modify the document', () => {
    const doc = cleanDoc();
    doc.Subnets[0].CidrBlock = '10.0.1.5/24';
    const before = JSON.stringify(doc);
    validateSnapshot(deepFreeze(doc));
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('is deterministic', () => {
    const doc = cleanDoc();
    doc.Subnets[1].CidrBlock = '10.9.0.0/24';
    doc.RouteTables[0].Routes[2].GatewayId = 'igw-gone';
    expect(validateSnapshot(doc)).toEqual(validateSnapshot(structuredClone(doc)));
  });
});

describe('order', () => {
  it('follows the document: its key order, indexes, then code', () => {
    const doc = {
      Subnets: [
        { SubnetId: 'subnet-b', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24' },
        { CidrBlock: '10.0.1.0/25', VpcId: 'vpc-1', SubnetId: 'subnet-a' },
      ],
      Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.1/16' }],
      TransitGateways: [{}],
    };
    expect(validateSnapshot(doc).map((d) => `${d.code} ${d.path}`)).toEqual([
      'SUBNET_OVERLAP $.Subnets[1].CidrBlock',
      'CIDR_HOST_BITS $.Vpcs[0].CidrBlock',
      'NOT_SIMULATED $.TransitGateways',
    ]);
  });

  it('puts a resource before its fields and a missing field after its present siblings', () => {
    const doc = cleanDoc();
    doc.Subnets[0] = { Tags: [], CidrBlock: 5, VpcId: 'vpc-1' };
    const d = validateSnapshot(doc).map((x) => `${x.code} ${x.path}`);
    // subnet-1 lost its id, so what named it now names a subnet the snapshot lacks.
    expect(d).toEqual([
      'WRONG_TYPE $.Subnets[0].CidrBlock',
      'MISSING_FIELD $.Subnets[0].SubnetId',
      'ASSOCIATION_SUBNET_MISSING $.RouteTables[0].Associations[1].SubnetId',
      'ASSOCIATION_SUBNET_MISSING $.NetworkAcls[0].Associations[0].SubnetId',
      'ENI_SUBNET_MISSING $.NetworkInterfaces[0].SubnetId',
      'ENI_SUBNET_MISSING $.NetworkInterfaces[1].SubnetId',
    ]);
  });
});

describe('DIAGNOSTIC_CODES', () => {
  it('has an UPPER_SNAKE code, a severity and a one-sentence summary for each', () => {
    for (const [code, info] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(['error', 'warning']).toContain(info.severity);
      expect(info.summary).toMatch(/^[A-Z"].*\.$/);
    }
  });
});

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

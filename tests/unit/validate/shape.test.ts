import { describe, expect, it } from 'vitest';
import { validateSnapshot } from '../../../src/engine/validate/index.ts';
import { codes, expectOne, validateWith } from './fixtures.ts';

describe('shape', () => {
  it('NOT_AN_OBJECT for anything but a JSON object', () => {
    for (const doc of [null, undefined, 5, 'Vpcs', [], [{}], true]) {
      const d = validateSnapshot(doc);
      expect(d).toHaveLength(1);
      expectOne(d, 'NOT_AN_OBJECT', 'error', '$', ['not a JSON object']);
    }
  });

  it('WRONG_TYPE for a field of the wrong type, naming the resource and an example', () => {
    const d = validateWith((doc) => { doc.Subnets[0].CidrBlock = 5; });
    expectOne(d, 'WRONG_TYPE', 'error', '$.Subnets[0].CidrBlock', ['Subnet subnet-1 ("web")', 'must be a string such as "10.0.1.0/24"', 'not the number 5']);
    expect(codes(d)).toEqual(['WRONG_TYPE']);
  });

  it('WRONG_TYPE for a top-level key that is not a list', () => {
    const d = validateWith((doc) => { doc.SecurityGroups = { GroupId: 'sg-1' }; });
    expectOne(d, 'WRONG_TYPE', 'error', '$.SecurityGroups', ['a list of security groups', 'describe-security-groups', 'not an object']);
  });

  it('WRONG_TYPE for a fractional rule number, and SHAPE_INVALID for one beyond safe integers', () => {
    expectOne(validateWith((doc) => { doc.NetworkAcls[0].Entries[0].RuleNumber = 1.5; }), 'WRONG_TYPE', 'error', '$.NetworkAcls[0].Entries[0].RuleNumber', ['acl-1', 'a whole number such as 100', '1.5']);
    expectOne(validateWith((doc) => { doc.NetworkAcls[0].Entries[0].RuleNumber = 1e20; }), 'SHAPE_INVALID', 'error', '$.NetworkAcls[0].Entries[0].RuleNumber', ['acl-1', 'too large']);
  });

  it('MISSING_FIELD for a required id', () => {
    const d = validateWith((doc) => { delete doc.Subnets[1].VpcId; });
    expectOne(d, 'MISSING_FIELD', 'error', '$.Subnets[1].VpcId', ['Subnet subnet-2 has no VpcId', '"vpc-0123456789abcdef0"']);
  });

  it('MISSING_FIELD names a nested object by its path', () => {
    const d = validateWith((doc) => { delete doc.NetworkAcls[0].Entries[1].Egress; });
    expectOne(d, 'MISSING_FIELD', 'error', '$.NetworkAcls[0].Entries[1].Egress', ['$.NetworkAcls[0].Entries[1] of Network ACL acl-1 ("default")', 'true or false']);
  });

  it('INVALID_VALUE for a value outside a closed set', () => {
    expectOne(validateWith((doc) => { doc.NetworkAcls[0].Entries[0].RuleAction = 'permit'; }), 'INVALID_VALUE', 'error', '$.NetworkAcls[0].Entries[0].RuleAction', ['acl-1', '"permit"', '"allow" or "deny"']);
    expectOne(validateWith((doc) => { doc.FlowLogs[0].MaxAggregationInterval = 30; }), 'INVALID_VALUE', 'error', '$.FlowLogs[0].MaxAggregationInterval', ['Flow log fl-1', '60 or 600']);
    expectOne(validateWith((doc) => { doc.VpcPeeringConnections[0].Status.Code = 'up'; }), 'INVALID_VALUE', 'error', '$.VpcPeeringConnections[0].Status.Code', ['pcx-1', '"active"', '"deleted"']);
  });

  it('NOT_SIMULATED once per unmodelled top-level key, none for empty or harmless keys', () => {
    const d = validateWith((doc) => {
      doc.TransitGateways = [{ TransitGatewayId: 'tgw-1' }, { TransitGatewayId: 'tgw-2' }];
      doc.LoadBalancers = [{ LoadBalancerName: 'lb' }];
      doc.VpnGateways = [];
      doc.ServiceNames = ['com.amazonaws.us-east-1.s3'];
    });
    expect(d.map((x) => x.path)).toEqual(['$.TransitGateways', '$.LoadBalancers']);
    expect(d[0]).toMatchObject({ code: 'NOT_SIMULATED', severity: 'warning' });
    expect(d[0].message).toContain('transit gateways are not simulated');
    expect(d[1].message).toContain('load balancers are not simulated');
  });

  it('FORBIDDEN_KEY for __proto__ / constructor / prototype keys at any depth', () => {
    const doc = JSON.parse('{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16", "__proto__": {"x": 1}}], "constructor": {"prototype": {}}}');
    const d = validateSnapshot(doc);
    expect(d.map((x) => [x.code, x.severity, x.path])).toEqual([
      ['FORBIDDEN_KEY', 'warning', '$.Vpcs[0].__proto__'],
      ['FORBIDDEN_KEY', 'warning', '$.constructor'],
    ]);
    expect(d[0].message).toContain('"__proto__"');
  });
});

import { describe, expect, it } from 'vitest';
import { resourceOfPath } from '../../../src/ui/shell/problems.ts';

describe('resourceOfPath', () => {
  const doc = { Subnets: [{ SubnetId: 'subnet-1', VpcId: 'vpc-1' }], Reservations: [{ Instances: [{ InstanceId: 'i-1' }] }] };
  it('names the resource a diagnostic points into', () => {
    expect(resourceOfPath(doc, '$.Subnets[0].CidrBlock')).toBe('subnet-1');
    expect(resourceOfPath(doc, '$.Reservations[0].Instances[0].PrivateIpAddress')).toBe('i-1');
    expect(resourceOfPath(doc, '$.Vpcs[3]')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { aclEntry, parsePorts, sgPermission } from '../../../src/ui/dialogs/rule-input.ts';

describe('rule dialog input', () => {
  it('builds AWS-shaped SG permissions and NACL entries', () => {
    expect(parsePorts('1024-65535')).toEqual({ from: 1024, to: 65535 });
    expect(parsePorts('70000')).toBeNull();
    expect(sgPermission('icmp', '', '10.0.0.0/8')).toMatchObject({ IpProtocol: 'icmp', FromPort: -1, ToPort: -1, IpRanges: [{ CidrIp: '10.0.0.0/8' }] });
    expect(sgPermission('tcp', '22', '0.0.0.0/0')).toMatchObject({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22 });
    expect(aclEntry('tcp', '1024-65535', '0.0.0.0/0', true, 120, true)).toEqual({ CidrBlock: '0.0.0.0/0', Egress: true, Protocol: '6', RuleAction: 'allow', RuleNumber: 120, PortRange: { From: 1024, To: 65535 } });
    expect(aclEntry('icmp', '', '0.0.0.0/0', false, 90, false)).toMatchObject({ Protocol: '1', RuleAction: 'deny', IcmpTypeCode: { Type: -1, Code: -1 } });
    expect(typeof aclEntry('udp', 'x', '0.0.0.0/0', false, 90, true)).toBe('string');
  });
});

import { describe, expect, it } from 'vitest';
import { codes, expectOne, validateWith } from './fixtures.ts';

const ENI = '$.NetworkInterfaces[0]';

describe('network interfaces', () => {
  it('ENI_ADDRESS_MALFORMED for a private or public address', () => {
    expectOne(validateWith((doc) => { doc.NetworkInterfaces[2].PrivateIpAddress = '10.1.1.300'; }), 'ENI_ADDRESS_MALFORMED', 'error', '$.NetworkInterfaces[2].PrivateIpAddress', ['Network interface eni-3', '"10.1.1.300"']);
    expectOne(validateWith((doc) => { doc.NetworkInterfaces[0].Association.PublicIp = 'none'; }), 'ENI_ADDRESS_MALFORMED', 'error', `${ENI}.Association.PublicIp`, ['eni-1 ("web-eni")', 'public address "none"']);
  });

  it('ENI_ADDRESS_OUTSIDE_SUBNET suggests a usable address', () => {
    const d = validateWith((doc) => { doc.NetworkInterfaces[2].PrivateIpAddress = '10.1.2.10'; });
    expectOne(d, 'ENI_ADDRESS_OUTSIDE_SUBNET', 'error', '$.NetworkInterfaces[2].PrivateIpAddress', ['Network interface eni-3', '10.1.2.10', 'subnet subnet-3 (10.1.1.0/24)', '10.1.1.4']);
  });

  it('ENI_ADDRESS_RESERVED for each of the five reserved addresses, secondary addresses included', () => {
    for (const [ip, why] of [['10.1.1.0', 'network address'], ['10.1.1.1', 'router'], ['10.1.1.2', 'DNS'], ['10.1.1.3', 'future use'], ['10.1.1.255', 'last address']]) {
      const d = validateWith((doc) => { doc.NetworkInterfaces[2].PrivateIpAddress = ip; });
      expectOne(d, 'ENI_ADDRESS_RESERVED', 'error', '$.NetworkInterfaces[2].PrivateIpAddress', ['eni-3', ip, why, 'five addresses AWS reserves']);
    }
    const secondary = validateWith((doc) => { doc.NetworkInterfaces[0].PrivateIpAddresses[1].PrivateIpAddress = '10.0.1.255'; });
    expectOne(secondary, 'ENI_ADDRESS_RESERVED', 'error', `${ENI}.PrivateIpAddresses[1].PrivateIpAddress`, ['eni-1']);
    expect(validateWith((doc) => { doc.NetworkInterfaces[2].PrivateIpAddress = '10.1.1.254'; })).toEqual([]);
  });

  it('ENI_ADDRESS_DUPLICATE within one VPC (not for the same interface listed under Reservations)', () => {
    const d = validateWith((doc) => { doc.NetworkInterfaces[1].PrivateIpAddress = '10.0.1.11'; });
    expectOne(d, 'ENI_ADDRESS_DUPLICATE', 'error', '$.NetworkInterfaces[1].PrivateIpAddress', ['Network interface eni-nat', '10.0.1.11', 'network interface eni-1 ("web-eni")', 'vpc-1']);
    const otherVpc = validateWith((doc) => { doc.Vpcs[1].CidrBlock = '10.0.0.0/16'; doc.RouteTables[2].Routes[0].DestinationCidrBlock = '10.0.0.0/16'; doc.Subnets[2].CidrBlock = '10.0.1.0/24'; doc.NetworkInterfaces[2].PrivateIpAddress = '10.0.1.10'; doc.VpcPeeringConnections = []; doc.RouteTables[0].Routes.splice(1, 1); doc.RouteTables[2].Routes.splice(1, 1); });
    expect(otherVpc).toEqual([]);
  });

  it('checks interfaces that only Reservations list, naming their instance', () => {
    const d = validateWith((doc) => {
      doc.Reservations[0].Instances[0].NetworkInterfaces.push({ NetworkInterfaceId: 'eni-2', SubnetId: 'subnet-1', PrivateIpAddress: '10.0.1.0', Groups: [{ GroupId: 'sg-1' }] });
    });
    expectOne(d, 'ENI_ADDRESS_RESERVED', 'error', '$.Reservations[0].Instances[0].NetworkInterfaces[1].PrivateIpAddress', ['Network interface eni-2 of instance i-1 ("web-1")']);
  });

  it('ENI_TOO_MANY_SECURITY_GROUPS past five', () => {
    const d = validateWith((doc) => { doc.NetworkInterfaces[0].Groups = Array.from({ length: 6 }, () => ({ GroupId: 'sg-1' })); });
    expectOne(d, 'ENI_TOO_MANY_SECURITY_GROUPS', 'warning', `${ENI}.Groups[5]`, ['eni-1', '6 security groups', 'quota of 5']);
  });

  it('ENI_SECURITY_GROUPS_HARD_LIMIT past sixteen', () => {
    const d = validateWith((doc) => { doc.NetworkInterfaces[0].Groups = Array.from({ length: 17 }, () => ({ GroupId: 'sg-1' })); });
    expect(d.find((x) => x.code === 'ENI_SECURITY_GROUPS_HARD_LIMIT')?.severity).toBe('error');
  });

  it('ENI_SECURITY_GROUP_MISSING and ENI_SUBNET_MISSING (warnings)', () => {
    const d = validateWith((doc) => { doc.NetworkInterfaces[2].Groups.push({ GroupId: 'sg-gone' }); doc.NetworkInterfaces[2].SubnetId = 'subnet-gone'; });
    expectOne(d, 'ENI_SECURITY_GROUP_MISSING', 'warning', '$.NetworkInterfaces[2].Groups[1].GroupId', ['eni-3', 'sg-gone']);
    expectOne(d, 'ENI_SUBNET_MISSING', 'warning', '$.NetworkInterfaces[2].SubnetId', ['eni-3', 'subnet-gone']);
  });
});

describe('gateways, Elastic IPs and flow logs', () => {
  it('ADDRESS_MALFORMED (a warning) for NAT gateway and Elastic IP addresses', () => {
    const d = validateWith((doc) => { doc.NatGateways[0].NatGatewayAddresses[0].PublicIp = '203.0.113'; doc.Addresses[0].PrivateIpAddress = '10.0.1.x'; });
    expect(d.map((x) => [x.code, x.severity, x.path])).toEqual([
      ['ADDRESS_MALFORMED', 'warning', '$.NatGateways[0].NatGatewayAddresses[0].PublicIp'],
      ['ADDRESS_MALFORMED', 'warning', '$.Addresses[0].PrivateIpAddress'],
    ]);
    expect(d[0].message).toContain('NAT gateway nat-1 public address "203.0.113"');
    expect(d[1].message).toContain('Elastic IP 203.0.113.20 private address "10.0.1.x"');
  });

  it('FLOW_LOG_RESOURCE_MISSING (a warning); subnets and interfaces (even from Reservations) are known', () => {
    const d = validateWith((doc) => {
      doc.FlowLogs.push(
        { FlowLogId: 'fl-2', ResourceId: 'subnet-2' },
        { FlowLogId: 'fl-3', ResourceId: 'eni-1' },
        { FlowLogId: 'fl-4', ResourceId: 'vpc-gone', Tags: [{ Key: 'Name', Value: 'audit' }] },
      );
    });
    expect(codes(d)).toEqual(['FLOW_LOG_RESOURCE_MISSING']);
    expectOne(d, 'FLOW_LOG_RESOURCE_MISSING', 'warning', '$.FlowLogs[3].ResourceId', ['Flow log fl-4 ("audit")', 'vpc-gone']);
  });
});

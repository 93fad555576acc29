/** AWS's own example records (VPC User Guide, "Flow log record examples") reproduced exactly. */
import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../../../src/engine/model/compile.ts';
import type { Snapshot } from '../../../src/engine/model/schema.ts';
import { writeFlowLogRecords } from '../../../src/engine/flowlog/index.ts';
import { ACCOUNT, ENI_A, ENI_NAT, eni, ev, flowLog, lab, packets } from './helpers.ts';

/** One instance ENI in vpc-abcdefab012345678 / subnet-aaaaaaaa012345678, with one flow log on the VPC. */
function single(o: { account: string; ip: string; instance: string; az: string; azId: string; format?: string }) {
  return compileNetwork({
    Vpcs: [{ VpcId: 'vpc-abcdefab012345678', CidrBlock: '10.0.0.0/16', OwnerId: o.account }],
    Subnets: [{ SubnetId: 'subnet-aaaaaaaa012345678', VpcId: 'vpc-abcdefab012345678', CidrBlock: '10.0.0.0/24', AvailabilityZone: o.az, AvailabilityZoneId: o.azId }],
    NetworkInterfaces: [{ NetworkInterfaceId: ENI_A, SubnetId: 'subnet-aaaaaaaa012345678', PrivateIpAddress: o.ip, OwnerId: o.account, Attachment: { InstanceId: o.instance, DeviceIndex: 0 } }],
    FlowLogs: [flowLog('fl-1', 'vpc-abcdefab012345678', o.format ? { LogFormat: o.format } : {})],
  } as unknown as Snapshot);
}

describe('AWS example records', () => {
  it('SSH accepted: 20 packets, 4249 bytes', () => {
    const net = lab([flowLog('fl-1', 'vpc-0123')]);
    const a = eni(net, ENI_A);
    // 19 packets of 212 bytes and one of 221: 4249 bytes in all.
    const events = packets(20, 3, (t, i) => ev(a, 'ingress', '172.31.16.139', '172.31.16.21', { sp: 20641, dp: 22, proto: 6, bytes: i === 0 ? 221 : 212, time: t }), 1418530010);
    events[19].time = 1418530070;
    // The example's ENI is the destination's; here A's address is the source, so take B's view.
    for (const e of events) e.eni = eni(net, 'eni-0b0b0b0b0b0b0b0b0');
    const [r] = writeFlowLogRecords(net, events, { mode: 'snapshot' });
    expect(r.line).toBe(`2 ${ACCOUNT} eni-0b0b0b0b0b0b0b0b0 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK`);
  });

  it('ping from 203.0.113.12, NACL blocks the reply: ingress ACCEPT then egress REJECT, 4 packets of 84 bytes', () => {
    const net = lab([flowLog('fl-1', 'vpc-0123')]);
    const a = eni(net, ENI_A);
    const times = [1432917027, 1432917050, 1432917100, 1432917142];
    const replies = [1432917094, 1432917100, 1432917120, 1432917142];
    const events = [
      ...times.map((t) => ev(a, 'ingress', '203.0.113.12', '172.31.16.139', { time: t })),
      ...replies.map((t) => ev(a, 'egress', '172.31.16.139', '203.0.113.12', { time: t, action: 'REJECT', path: 2 })),
    ];
    const lines = writeFlowLogRecords(net, events, { mode: 'snapshot' }).map((r) => r.line);
    expect(lines).toEqual([
      `2 ${ACCOUNT} ${ENI_A} 203.0.113.12 172.31.16.139 0 0 1 4 336 1432917027 1432917142 ACCEPT OK`,
      `2 ${ACCOUNT} ${ENI_A} 172.31.16.139 203.0.113.12 0 0 1 4 336 1432917094 1432917142 REJECT OK`,
    ]);
  });

  it('TCP flags of a short connection: 3 client to server, 19 server to client (version 3 custom format)', () => {
    const format = '${version} ${vpc-id} ${subnet-id} ${instance-id} ${interface-id} ${account-id} ${type} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${pkt-srcaddr} ${pkt-dstaddr} ${protocol} ${bytes} ${packets} ${start} ${end} ${action} ${tcp-flags} ${log-status}';
    const net = single({ account: ACCOUNT, ip: '10.0.0.62', instance: 'i-01234567890123456', az: 'us-east-1a', azId: 'use1-az1', format });
    const e = eni(net, ENI_A);
    const client = '52.213.180.42';
    const inbound = packets(17, 3, (t, i) => ev(e, 'ingress', client, '10.0.0.62', { sp: 43638, dp: 5001, proto: 6, time: t, bytes: i === 16 ? 1260 - 16 * 74 : 74, flags: i === 0 ? 2 : i === 16 ? 1 : 0 }), 1566933133);
    const outbound = packets(14, 4, (t, i) => ev(e, 'egress', '10.0.0.62', client, { sp: 5001, dp: 43638, proto: 6, time: t, bytes: i === 13 ? 967 - 13 * 69 : 69, flags: i === 0 ? 18 : i === 13 ? 1 : 0, path: 8 }), 1566933133);
    inbound[16].time = 1566933193;
    outbound[13].time = 1566933193;
    const lines = writeFlowLogRecords(net, [...inbound, ...outbound], { mode: 'snapshot' }).map((r) => r.line);
    expect(lines).toEqual([
      `3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 ${ENI_A} ${ACCOUNT} IPv4 52.213.180.42 10.0.0.62 43638 5001 52.213.180.42 10.0.0.62 6 1260 17 1566933133 1566933193 ACCEPT 3 OK`,
      `3 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-01234567890123456 ${ENI_A} ${ACCOUNT} IPv4 10.0.0.62 52.213.180.42 5001 43638 10.0.0.62 52.213.180.42 6 967 14 1566933133 1566933193 ACCEPT 19 OK`,
    ]);
  });

  it('version 5 fields: region, az-id, flow-direction, traffic-path (egress only); AWS service names are not modelled', () => {
    const format = '${version} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${start} ${end} ${type} ${packets} ${bytes} ${account-id} ${vpc-id} ${subnet-id} ${instance-id} ${interface-id} ${region} ${az-id} ${sublocation-type} ${sublocation-id} ${action} ${tcp-flags} ${pkt-srcaddr} ${pkt-dstaddr} ${pkt-src-aws-service} ${pkt-dst-aws-service} ${traffic-path} ${flow-direction} ${log-status}';
    const net = single({ account: '123456789012', ip: '10.0.0.71', instance: 'i-0c50d5961bcb2d47b', az: 'ap-southeast-2a', azId: 'apse2-az3', format });
    const e = eni(net, ENI_A);
    const s3 = '52.95.128.179';
    const inbound = packets(14, 4, (t, i) => ev(e, 'ingress', s3, '10.0.0.71', { sp: 80, dp: 34210, proto: 6, time: t, bytes: i === 0 ? 15044 - 13 * 1000 : 1000, flags: i === 0 ? 18 : i === 13 ? 1 : 0, path: 8 }), 1616729292);
    const outbound = packets(7, 5, (t, i) => ev(e, 'egress', '10.0.0.71', s3, { sp: 34210, dp: 80, proto: 6, time: t, bytes: i === 0 ? 471 - 6 * 60 : 60, flags: i === 0 ? 2 : i === 6 ? 1 : 0, path: 8 }), 1616729292);
    inbound[13].time = 1616729349;
    outbound[6].time = 1616729349;
    const records = writeFlowLogRecords(net, [...inbound, ...outbound], { mode: 'snapshot' });
    expect(records.map((r) => r.line)).toEqual([
      `5 52.95.128.179 10.0.0.71 80 34210 6 1616729292 1616729349 IPv4 14 15044 123456789012 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b ${ENI_A} ap-southeast-2 apse2-az3 - - ACCEPT 19 52.95.128.179 10.0.0.71 - - - ingress OK`,
      `5 10.0.0.71 52.95.128.179 34210 80 6 1616729292 1616729349 IPv4 7 471 123456789012 vpc-abcdefab012345678 subnet-aaaaaaaa012345678 i-0c50d5961bcb2d47b ${ENI_A} ap-southeast-2 apse2-az3 - - ACCEPT 3 10.0.0.71 52.95.128.179 - - 8 egress OK`,
    ]);
    expect(records[0].fields).toMatchObject({ version: 5, flowDirection: 'ingress', trafficPath: null, region: 'ap-southeast-2', azId: 'apse2-az3' });
    expect(records[1].fields).toMatchObject({ flowDirection: 'egress', trafficPath: 8, tcpFlags: 3 });
  });

  it('NAT gateway interface: instance-id "-", dstaddr is the NAT, pkt-dstaddr the internet host', () => {
    const format = '${instance-id} ${interface-id} ${srcaddr} ${dstaddr} ${pkt-srcaddr} ${pkt-dstaddr}';
    const net = lab([flowLog('fl-nat', ENI_NAT, { LogFormat: format })]);
    const nat = eni(net, ENI_NAT);
    const inst = '172.31.32.10';
    const host = '203.0.113.5';
    const natIp = '172.31.32.220';
    const events = [
      ev(nat, 'ingress', inst, natIp, { pktDst: host, proto: 6, sp: 40000, dp: 443 }),
      ev(nat, 'egress', natIp, host, { proto: 6, sp: 40000, dp: 443, path: 2 }),
      ev(nat, 'ingress', host, natIp, { proto: 6, sp: 443, dp: 40000 }),
      ev(nat, 'egress', natIp, inst, { pktSrc: host, proto: 6, sp: 443, dp: 40000 }),
    ];
    const records = writeFlowLogRecords(net, events, { mode: 'snapshot' });
    expect(records.map((r) => r.line)).toEqual([
      `- ${ENI_NAT} ${inst} ${natIp} ${inst} ${host}`,
      `- ${ENI_NAT} ${natIp} ${host} ${natIp} ${host}`,
      `- ${ENI_NAT} ${host} ${natIp} ${host} ${natIp}`,
      `- ${ENI_NAT} ${natIp} ${inst} ${host} ${inst}`,
    ]);
    expect(records[0].fields.instanceId).toBeNull();
    expect(records[0].fields.version).toBe(3);
    expect(records[0].fields.pktDstAddr).toBe(host);
  });
});

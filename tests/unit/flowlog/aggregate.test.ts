import { describe, expect, it } from 'vitest';
import { effectiveFlowLogs, flowLogsCovering, formatOfFlowLog, formatRecordLine, writeFlowLogRecords } from '../../../src/engine/flowlog/index.ts';
import { BYTE_LINES_FROM } from '../../../src/engine/flowlog/records.ts';
import { ACCOUNT, ENI_A, ENI_B, ENI_NAT, ENI_NITRO, eni, ev, flowLog, lab } from './helpers.ts';

const A_IP = '172.31.16.139';
const B_IP = '172.31.16.21';
const T0 = 1_500_000_000; // a multiple of 600

function ping(net: ReturnType<typeof lab>, time = T0 + 5) {
  const a = eni(net, ENI_A);
  const b = eni(net, ENI_B);
  const out = [];
  for (let i = 0; i < 4; i++) {
    const t = time + i;
    out.push(ev(a, 'egress', A_IP, B_IP, { time: t }), ev(b, 'ingress', A_IP, B_IP, { time: t }));
    out.push(ev(b, 'egress', B_IP, A_IP, { time: t }), ev(a, 'ingress', B_IP, A_IP, { time: t }));
  }
  return out;
}

describe('writeFlowLogRecords', () => {
  it('gives four records for a ping between two logged interfaces, in the order written', () => {
    const net = lab([flowLog('fl-vpc', 'vpc-0123')]);
    const records = writeFlowLogRecords(net, ping(net), { mode: 'snapshot' });
    expect(records.map((r) => [r.interfaceId, r.fields.flowDirection, r.fields.srcAddr, r.fields.packets, r.fields.bytes])).toEqual([
      [ENI_A, 'egress', A_IP, 4, 336],
      [ENI_B, 'ingress', A_IP, 4, 336],
      [ENI_B, 'egress', B_IP, 4, 336],
      [ENI_A, 'ingress', B_IP, 4, 336],
    ]);
    expect(records[0]).toMatchObject({ flowLogId: 'fl-vpc', logGroup: 'vpc-flow-logs' });
    expect(records[0].fields).toEqual({
      version: 2, accountId: ACCOUNT, interfaceId: ENI_A, srcAddr: A_IP, dstAddr: B_IP, srcPort: 0, dstPort: 0, protocol: 1,
      packets: 4, bytes: 336, start: T0 + 5, end: T0 + 8, action: 'ACCEPT', logStatus: 'OK', vpcId: 'vpc-0123', subnetId: 'subnet-a',
      instanceId: 'i-0aaaa', tcpFlags: 0, type: 'IPv4', pktSrcAddr: A_IP, pktDstAddr: B_IP, region: 'us-east-1', azId: 'use1-az1',
      flowDirection: 'egress', trafficPath: 1,
    });
  });

  it('writes nothing for interfaces no flow log covers in snapshot mode', () => {
    const net = lab([flowLog('fl-a', ENI_A)]);
    const records = writeFlowLogRecords(net, ping(net), { mode: 'snapshot' });
    expect(records.map((r) => r.interfaceId)).toEqual([ENI_A, ENI_A]);
    expect(writeFlowLogRecords(lab(), ping(net), { mode: 'snapshot' })).toEqual([]);
  });

  it('covers by interface, subnet and VPC, writing one record to each covering flow log', () => {
    const net = lab([flowLog('fl-vpc', 'vpc-0123'), flowLog('fl-subnet', 'subnet-a', { LogGroupName: 'subnet-logs' }), flowLog('fl-other', 'subnet-b'), flowLog('fl-eni', ENI_A, { LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::bkt' })]);
    expect(flowLogsCovering(net, eni(net, ENI_A), 'snapshot').map((f) => f.id)).toEqual(['fl-eni', 'fl-subnet', 'fl-vpc']);
    const a = eni(net, ENI_A);
    const records = writeFlowLogRecords(net, [ev(a, 'egress', A_IP, B_IP)], { mode: 'snapshot' });
    expect(records.map((r) => [r.flowLogId, r.logGroup])).toEqual([['fl-eni', null], ['fl-subnet', 'subnet-logs'], ['fl-vpc', 'vpc-flow-logs']]);
  });

  it('in all mode keeps the snapshot flow logs and adds a default ALL-traffic log for each uncovered interface', () => {
    const net = lab([flowLog('fl-a', ENI_A, { TrafficType: 'REJECT', LogFormat: '${srcaddr} ${action}' })]);
    const records = writeFlowLogRecords(net, ping(net), { mode: 'all' });
    expect(records.map((r) => [r.flowLogId, r.interfaceId, r.logGroup])).toEqual([
      ['fl-0b0b0b0b0b0b0b0b0', ENI_B, null],
      ['fl-0b0b0b0b0b0b0b0b0', ENI_B, null],
    ]);
    expect(records[0].line).toBe(`2 ${ACCOUNT} ${ENI_B} ${A_IP} ${B_IP} 0 0 1 4 336 ${T0 + 5} ${T0 + 8} ACCEPT OK`);
    const ids = effectiveFlowLogs(net, 'all').map((f) => f.id);
    expect(ids).toEqual(['fl-a', 'fl-0b0b0b0b0b0b0b0b0', 'fl-0c0c0c0c0c0c0c0c0', 'fl-0a0a0a0a0a0a0a0a0']);
    expect(effectiveFlowLogs(net, 'snapshot').map((f) => f.id)).toEqual(['fl-a']);
  });

  it.each([
    ['ACCEPT', ['ACCEPT']],
    ['REJECT', ['REJECT']],
    ['ALL', ['ACCEPT', 'REJECT']],
  ] as const)('applies the %s traffic-type filter per record', (type, actions) => {
    const net = lab([flowLog('fl', 'vpc-0123', { TrafficType: type })]);
    const a = eni(net, ENI_A);
    const events = [ev(a, 'ingress', '203.0.113.12', A_IP), ev(a, 'egress', A_IP, '203.0.113.12', { action: 'REJECT' })];
    expect(writeFlowLogRecords(net, events, { mode: 'snapshot' }).map((r) => r.fields.action)).toEqual(actions);
  });

  it('writes separate records when one flow has ACCEPT and REJECT packets in a window', () => {
    const net = lab([flowLog('fl', 'vpc-0123')]);
    const a = eni(net, ENI_A);
    const events = [ev(a, 'ingress', '203.0.113.12', A_IP), ev(a, 'ingress', '203.0.113.12', A_IP, { action: 'REJECT' }), ev(a, 'ingress', '203.0.113.12', A_IP)];
    expect(writeFlowLogRecords(net, events, { mode: 'snapshot' }).map((r) => [r.fields.action, r.fields.packets])).toEqual([['ACCEPT', 2], ['REJECT', 1]]);
  });

  it.each([
    [600, ENI_A, [T0 + 10, T0 + 70], 1],
    [60, ENI_A, [T0 + 10, T0 + 70], 2],
    [600, ENI_A, [T0 + 599, T0 + 600], 2],
    [60, ENI_A, [T0 + 59, T0 + 60], 2],
    [600, ENI_NITRO, [T0 + 10, T0 + 70], 2],
    [600, ENI_NITRO, [T0 + 10, T0 + 50], 1],
  ])('with MaxAggregationInterval %i, %s splits packets at %j into %i record(s)', (interval, id, times, count) => {
    const net = lab([flowLog('fl', 'vpc-0123', { MaxAggregationInterval: interval })]);
    const e = eni(net, id);
    const ip = id === ENI_NITRO ? '172.31.32.10' : A_IP;
    const records = writeFlowLogRecords(net, times.map((t) => ev(e, 'egress', ip, '203.0.113.12', { time: t })), { mode: 'snapshot' });
    expect(records).toHaveLength(count);
    if (count === 2) expect(records.map((r) => [r.fields.start, r.fields.end])).toEqual(times.map((t) => [t, t]));
    else expect([records[0].fields.start, records[0].fields.end]).toEqual(times);
  });

  it('orders records by window, then by their first event', () => {
    const net = lab([flowLog('fl', 'vpc-0123', { MaxAggregationInterval: 60 })]);
    const a = eni(net, ENI_A);
    const events = [
      ev(a, 'egress', A_IP, '203.0.113.1', { time: T0 + 70 }),
      ev(a, 'egress', A_IP, '203.0.113.2', { time: T0 + 10 }),
      ev(a, 'egress', A_IP, '203.0.113.3', { time: T0 + 20 }),
      ev(a, 'egress', A_IP, '203.0.113.1', { time: T0 + 30 }),
    ];
    expect(writeFlowLogRecords(net, events, { mode: 'snapshot' }).map((r) => [r.fields.dstAddr, r.fields.start])).toEqual([
      ['203.0.113.2', T0 + 10], ['203.0.113.3', T0 + 20], ['203.0.113.1', T0 + 30], ['203.0.113.1', T0 + 70],
    ]);
  });

  it('takes start and end as the first and last packet even when events come out of time order', () => {
    const net = lab([flowLog('fl', 'vpc-0123')]);
    const a = eni(net, ENI_A);
    const events = [T0 + 50, T0 + 20, T0 + 90].map((t) => ev(a, 'egress', A_IP, '203.0.113.1', { time: t }));
    expect(writeFlowLogRecords(net, events, { mode: 'snapshot' })[0].fields).toMatchObject({ start: T0 + 20, end: T0 + 90, packets: 3 });
  });

  it('ORs TCP flags per direction', () => {
    const net = lab([flowLog('fl', 'vpc-0123')]);
    const a = eni(net, ENI_A);
    const c = (flags: number) => ev(a, 'ingress', '203.0.113.9', A_IP, { proto: 6, sp: 50000, dp: 22, flags });
    const s = (flags: number) => ev(a, 'egress', A_IP, '203.0.113.9', { proto: 6, sp: 22, dp: 50000, flags });
    const records = writeFlowLogRecords(net, [c(2), s(18), c(0), s(0), c(1), s(1)], { mode: 'snapshot' });
    expect(records.map((r) => r.fields.tcpFlags)).toEqual([3, 19]);
  });

  it('never logs Amazon DNS, the subnet router, metadata or DHCP traffic', () => {
    const net = lab([flowLog('fl', 'vpc-0123')]);
    const a = eni(net, ENI_A);
    const events = [
      ev(a, 'egress', A_IP, '172.31.0.2', { proto: 17, sp: 40000, dp: 53 }),
      ev(a, 'egress', A_IP, '172.31.16.1', { proto: 1 }),
      ev(a, 'egress', A_IP, '169.254.169.254', { proto: 6, sp: 40000, dp: 80 }),
      ev(a, 'egress', A_IP, '169.254.169.123', { proto: 17, sp: 40000, dp: 123 }),
      ev(a, 'egress', '0.0.0.0', '255.255.255.255', { proto: 17, sp: 68, dp: 67 }),
      ev(a, 'egress', A_IP, '172.31.0.3', { proto: 17, sp: 40000, dp: 53 }),
    ];
    expect(writeFlowLogRecords(net, events, { mode: 'all' }).map((r) => r.fields.dstAddr)).toEqual(['172.31.0.3']);
  });

  it('names the path of the latest packet that had one when the route changes within a window (a decision: AWS is silent)', () => {
    const net = lab([flowLog('fl', 'vpc-0123')]);
    const a = eni(net, ENI_A);
    const out = (time: number, path: number | null) => ev(a, 'egress', A_IP, '10.30.1.10', { time, path });
    const path = (events: ReturnType<typeof out>[]) => writeFlowLogRecords(net, events, { mode: 'snapshot' }).map((r) => [r.fields.trafficPath, r.fields.packets]);
    // Dropped by routing first (no path), then over a peering: one record, saying 4.
    expect(path([out(T0, null), out(T0 + 1, null), out(T0 + 5, 4), out(T0 + 6, 4)])).toEqual([[4, 4]]);
    // Time order decides, not event order; a packet without a path changes nothing.
    expect(path([out(T0 + 9, 4), out(T0 + 2, 1), out(T0 + 10, null)])).toEqual([[4, 3]]);
  });

  it('keeps traffic-path for egress only', () => {
    const net = lab([flowLog('fl', 'vpc-0123')]);
    const a = eni(net, ENI_A);
    const records = writeFlowLogRecords(net, [ev(a, 'ingress', '203.0.113.9', A_IP, { path: 8 }), ev(a, 'egress', A_IP, '203.0.113.9', { path: 8 })], { mode: 'snapshot' });
    expect(records.map((r) => [r.fields.flowDirection, r.fields.trafficPath])).toEqual([['ingress', null], ['egress', 8]]);
  });

  it('gives the NAT gateway interface no instance id', () => {
    const net = lab();
    const nat = eni(net, ENI_NAT);
    const [r] = writeFlowLogRecords(net, [ev(nat, 'egress', '172.31.32.220', '203.0.113.5')], { mode: 'all' });
    expect(r.fields).toMatchObject({ instanceId: null, subnetId: 'subnet-b', azId: 'use1-az2', vpcId: 'vpc-0123' });
    expect(r.flowLogId).toBe('fl-0a0a0a0a0a0a0a0a0');
  });

  it('writes nothing for a flow log whose LogFormat AWS would refuse, and still writes for the others', () => {
    const net = lab([flowLog('fl-bad', 'vpc-0123', { LogFormat: '${version} ${bogus}' }), flowLog('fl-ok', ENI_A)]);
    const a = eni(net, ENI_A);
    expect(writeFlowLogRecords(net, [ev(a, 'egress', A_IP, B_IP)], { mode: 'snapshot' }).map((r) => r.flowLogId)).toEqual(['fl-ok']);
  });

  it('is deterministic', () => {
    const net = lab([flowLog('fl-vpc', 'vpc-0123', { LogFormat: '${version} ${srcaddr} ${dstaddr} ${packets} ${traffic-path}' })]);
    const one = JSON.stringify(writeFlowLogRecords(net, ping(net), { mode: 'all' }));
    const two = JSON.stringify(writeFlowLogRecords(lab([flowLog('fl-vpc', 'vpc-0123', { LogFormat: '${version} ${srcaddr} ${dstaddr} ${packets} ${traffic-path}' })]), ping(net), { mode: 'all' }));
    expect(one).toBe(two);
  });

  it('writes a large batch\'s lines as bytes, the same text as each record written alone', () => {
    const everyField = '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status} ${vpc-id} ${subnet-id} ${instance-id} ${tcp-flags} ${type} ${pkt-srcaddr} ${pkt-dstaddr} ${region} ${az-id} ${sublocation-type} ${flow-direction} ${traffic-path} ${reject-reason}';
    const flowLogs = [flowLog('fl-vpc', 'vpc-0123'), flowLog('fl-a', ENI_A, { LogFormat: everyField }), flowLog('fl-b', ENI_B, { LogFormat: '${srcport} ${action}' })];
    // ENI B's owner is not ASCII (an odd id typed into a document): its lines are joined, the others' written as bytes.
    const odd = lab(flowLogs, {
      NetworkInterfaces: [
        { NetworkInterfaceId: ENI_A, SubnetId: 'subnet-a', VpcId: 'vpc-0123', OwnerId: ACCOUNT, PrivateIpAddress: A_IP, Attachment: { InstanceId: 'i-0aaaa', DeviceIndex: 0 } },
        { NetworkInterfaceId: ENI_B, SubnetId: 'subnet-a', VpcId: 'vpc-0123', OwnerId: 'Kontö-1', PrivateIpAddress: B_IP, Attachment: { InstanceId: 'i-0bbbb', DeviceIndex: 0 } },
      ],
    });
    for (const net of [lab(flowLogs), odd]) {
      const a = eni(net, ENI_A);
      const b = eni(net, ENI_B);
      const events = [];
      for (let i = 0; i < 60; i++) {
        const time = T0 + i * 17;
        events.push(ev(a, 'egress', A_IP, `203.0.113.${i}`, { sp: 1024 + i * 997, dp: 443, bytes: i === 7 ? 2 ** 40 : 40 + i, time, flags: 2, path: i % 3 === 0 ? null : 8 }));
        events.push(ev(b, 'ingress', `198.51.100.${255 - i}`, B_IP, { proto: 17, sp: 53, dp: 40000 + i, time, action: i % 4 === 0 ? 'REJECT' : 'ACCEPT' }));
      }
      const records = writeFlowLogRecords(net, events, { mode: 'snapshot' });
      expect(records.length).toBeGreaterThanOrEqual(BYTE_LINES_FROM);
      const alone = events.flatMap((e) => writeFlowLogRecords(net, [e], { mode: 'snapshot' }).map((r) => r.line));
      expect(records.map((r) => r.line).sort()).toEqual(alone.sort());
      for (const r of records) {
        const format = formatOfFlowLog(net.flowLogs.find((f) => f.id === r.flowLogId)!);
        if (!format.ok) throw new Error(format.error);
        expect(r.line).toBe(formatRecordLine(format.format, r.fields));
      }
    }
    const oddLine = writeFlowLogRecords(odd, [ev(eni(odd, ENI_B), 'egress', B_IP, A_IP)], { mode: 'snapshot' }).find((r) => r.flowLogId === 'fl-vpc');
    expect(oddLine?.line).toContain(' Kontö-1 ');
  });
});

import { describe, expect, it } from 'vitest';
import {
  buildS3Files, contentHash, deliverRecords, effectiveFlowLogs, logStreamName, noDataLine, noDataRecord,
  parseS3Destination, s3BatchStart, s3FileName, s3Folder, writeFlowLogRecords,
} from '../../../src/engine/flowlog/index.ts';
import { ACCOUNT, ENI_A, ENI_B, eni, ev, flowLog, lab } from './helpers.ts';

const A_IP = '172.31.16.139';
const AT_1622 = 1529511720; // 2018-06-20T16:22:00Z
const AT_1625 = 1529511900; // 2018-06-20T16:25:00Z

describe('S3 naming', () => {
  it('reads bucket and folder from the destination ARN', () => {
    expect(parseS3Destination('arn:aws:s3:::my-bucket/my-logs/')).toEqual({ bucket: 'my-bucket', prefix: 'my-logs' });
    expect(parseS3Destination('arn:aws:s3:::my-bucket')).toEqual({ bucket: 'my-bucket', prefix: '' });
    expect(parseS3Destination('arn:aws:logs:us-east-1:1:log-group:x')).toBeNull();
    expect(parseS3Destination(null)).toBeNull();
  });

  it('names files as AWS does, with the 5-minute batch in the name', () => {
    expect(s3BatchStart(AT_1622)).toBe(AT_1622 - 120);
    expect(s3FileName('123456789012', 'us-east-1', 'fl-1234abcd', s3BatchStart(AT_1622), 'fe123456')).toBe('123456789012_vpcflowlogs_us-east-1_fl-1234abcd_20180620T1620Z_fe123456.log.gz');
  });

  it.each([
    [false, false, 'logs/AWSLogs/123456789012/vpcflowlogs/us-east-1/2018/06/20/'],
    [false, true, 'logs/AWSLogs/123456789012/vpcflowlogs/us-east-1/2018/06/20/16/'],
    [true, false, 'logs/AWSLogs/aws-account-id=123456789012/aws-service=vpcflowlogs/aws-region=us-east-1/year=2018/month=06/day=20/'],
    [true, true, 'logs/AWSLogs/aws-account-id=123456789012/aws-service=vpcflowlogs/aws-region=us-east-1/year=2018/month=06/day=20/hour=16/'],
  ])('builds the folder (hive %s, hourly %s)', (hive, hourly, folder) => {
    expect(s3Folder('logs', '123456789012', 'us-east-1', AT_1622, { hiveCompatiblePartitions: hive, perHourPartition: hourly })).toBe(folder);
  });

  it('writes one file per 5-minute batch with a header line and a content hash', () => {
    const net = lab([flowLog('fl-1234abcd', 'vpc-0123', { LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::my-bucket/my-logs/', LogGroupName: undefined })]);
    const a = eni(net, ENI_A);
    const records = writeFlowLogRecords(net, [
      ev(a, 'egress', A_IP, '203.0.113.1', { time: AT_1622 }),
      ev(a, 'egress', A_IP, '203.0.113.2', { time: AT_1625 + 1 }),
    ], { mode: 'snapshot' });
    expect(records[0].logGroup).toBeNull();
    const files = buildS3Files(net.flowLogs[0], records);
    expect(files).toHaveLength(2);
    const [first] = files;
    expect(first.bucket).toBe('my-bucket');
    expect(first.fileName).toMatch(new RegExp(`^${ACCOUNT}_vpcflowlogs_us-east-1_fl-1234abcd_20180620T1620Z_[0-9a-f]{8}\\.log\\.gz$`));
    expect(first.key).toBe(`my-logs/AWSLogs/${ACCOUNT}/vpcflowlogs/us-east-1/2018/06/20/${first.fileName}`);
    expect(first.body).toBe(`version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n${records[0].line}\n`);
    expect(first.fileName).toContain(contentHash(first.body));
    expect(files[1].fileName).toContain('20180620T1625Z');
    expect(files[1].fileName).not.toBe(first.fileName.replace('1620Z', '1625Z'));
    expect(buildS3Files(net.flowLogs[0], records)).toEqual(files);
  });

  it('puts a shared VPC\'s records in the flow log owner\'s folder, each line keeping its interface\'s account', () => {
    // A participant's interface in a VPC shared by ACCOUNT (the S3 path guide: "a log file for a
    // flow log created by AWS account 123456789012"; the bucket policy grants AWSLogs/<owner>/*).
    const net = lab([flowLog('fl-shared', 'vpc-0123', { LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::b', LogGroupName: undefined })], {
      NetworkInterfaces: [
        { NetworkInterfaceId: ENI_A, SubnetId: 'subnet-a', VpcId: 'vpc-0123', OwnerId: '444455556666', PrivateIpAddress: A_IP, Attachment: { InstanceId: 'i-0aaaa', DeviceIndex: 0 } },
        { NetworkInterfaceId: ENI_B, SubnetId: 'subnet-a', VpcId: 'vpc-0123', OwnerId: ACCOUNT, PrivateIpAddress: '172.31.16.21', Attachment: { InstanceId: 'i-0bbbb', DeviceIndex: 0 } },
      ],
    });
    expect(net.flowLogs[0].ownerId).toBe(ACCOUNT);
    const records = writeFlowLogRecords(net, [
      ev(eni(net, ENI_A), 'egress', A_IP, '203.0.113.1', { time: AT_1622 }),
      ev(eni(net, ENI_B), 'egress', '172.31.16.21', '203.0.113.1', { time: AT_1622 }),
    ], { mode: 'snapshot' });
    expect(records.map((r) => r.fields.accountId)).toEqual(['444455556666', ACCOUNT]);
    const files = buildS3Files(net.flowLogs[0], records);
    expect(files).toHaveLength(1);
    expect(files[0].key).toMatch(new RegExp(`^AWSLogs/${ACCOUNT}/vpcflowlogs/us-east-1/2018/06/20/${ACCOUNT}_vpcflowlogs_`));
    expect(files[0].records).toHaveLength(2);
  });

  it('uses the flow log\'s header for a custom format and the Hive layout from DestinationOptions', () => {
    const net = lab([flowLog('fl-1', 'vpc-0123', {
      LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::b', LogFormat: '${srcaddr} ${flow-direction}',
      DestinationOptions: { FileFormat: 'plain-text', HiveCompatiblePartitions: true, PerHourPartition: true },
    })]);
    const records = writeFlowLogRecords(net, [ev(eni(net, ENI_A), 'egress', A_IP, '203.0.113.1', { time: AT_1622 })], { mode: 'snapshot' });
    const [file] = buildS3Files(net.flowLogs[0], records);
    expect(file.body).toBe(`srcaddr flow-direction\n${A_IP} egress\n`);
    expect(file.key.startsWith(`AWSLogs/aws-account-id=${ACCOUNT}/aws-service=vpcflowlogs/aws-region=us-east-1/year=2018/month=06/day=20/hour=16/`)).toBe(true);
  });
});

describe('CloudWatch Logs and Firehose', () => {
  it('names one stream per interface, "eni-…-all", shared by flow logs writing to one log group', () => {
    expect(logStreamName(ENI_A)).toBe(`${ENI_A}-all`);
    const net = lab([
      flowLog('fl-acc', 'vpc-0123', { TrafficType: 'ACCEPT', LogGroupName: 'g' }),
      flowLog('fl-rej', 'subnet-a', { TrafficType: 'REJECT', LogGroupName: 'g' }),
      flowLog('fl-fh', ENI_B, { LogDestinationType: 'kinesis-data-firehose', LogDestination: 'arn:aws:firehose:us-east-1:123456789010:deliverystream/flows', LogGroupName: undefined }),
    ]);
    const a = eni(net, ENI_A);
    const b = eni(net, ENI_B);
    const records = writeFlowLogRecords(net, [
      ev(a, 'egress', A_IP, '203.0.113.1', { time: 1_500_000_030, action: 'REJECT' }),
      ev(a, 'egress', A_IP, '203.0.113.2', { time: 1_500_000_010 }),
      ev(b, 'egress', '172.31.16.21', '203.0.113.3', { time: 1_500_000_020 }),
    ], { mode: 'snapshot' });
    const d = deliverRecords(effectiveFlowLogs(net, 'snapshot'), records);
    expect(d.logStreams.map((s) => [s.logGroup, s.logStream, s.events.map((e) => e.timestampMs)])).toEqual([
      ['g', `${ENI_A}-all`, [1_500_000_010_000, 1_500_000_030_000]],
      ['g', `${ENI_B}-all`, [1_500_000_020_000]],
    ]);
    expect(d.firehose).toEqual([{ deliveryStream: 'flows', data: records.find((r) => r.flowLogId === 'fl-fh')?.line }]);
    expect(d.locations[0]).toEqual({ kind: 'cloud-watch-logs', logGroup: 'g', logStream: `${ENI_A}-all`, timestampMs: 1_500_000_030_000 });
    expect(d.locations.some((l) => l.kind === 'kinesis-data-firehose' && l.deliveryStream === 'flows')).toBe(true);
  });

  it('locates S3 records in their file', () => {
    const net = lab([flowLog('fl-s3', 'vpc-0123', { LogDestinationType: 's3', LogDestination: 'arn:aws:s3:::bkt/p', LogGroupName: undefined })]);
    const records = writeFlowLogRecords(net, [ev(eni(net, ENI_A), 'egress', A_IP, '203.0.113.1', { time: AT_1622 })], { mode: 'snapshot' });
    const d = deliverRecords(net.flowLogs, records);
    expect(d.locations[0]).toEqual({ kind: 's3', bucket: 'bkt', key: d.s3Files[0].key, fileName: d.s3Files[0].fileName });
    expect(d.s3Files[0].key.startsWith('p/AWSLogs/')).toBe(true);
  });

  it('gives the synthesized flow logs of all mode a stream with no log group', () => {
    const net = lab();
    const records = writeFlowLogRecords(net, [ev(eni(net, ENI_A), 'egress', A_IP, '203.0.113.1')], { mode: 'all' });
    const d = deliverRecords(effectiveFlowLogs(net, 'all'), records);
    expect(d.logStreams).toEqual([{ logGroup: null, logStream: `${ENI_A}-all`, events: [{ timestampMs: 1_500_000_000_000, message: records[0].line }] }]);
  });
});

describe('NODATA and SKIPDATA', () => {
  it('writes AWS\'s NODATA line in the default format', () => {
    const net = lab([flowLog('fl-1', 'vpc-0123')]);
    expect(noDataLine(net, net.flowLogs[0], eni(net, ENI_A), 1431280876, 1431280934)).toBe(`2 ${ACCOUNT} ${ENI_A} - - - - - - - 1431280876 1431280934 - NODATA`);
    expect(noDataLine(net, net.flowLogs[0], eni(net, ENI_A), 1431280876, 1431280934, 'SKIPDATA')).toBe(`2 ${ACCOUNT} ${ENI_A} - - - - - - - 1431280876 1431280934 - SKIPDATA`);
  });

  it('keeps interface metadata and nulls flow fields in custom formats', () => {
    const net = lab([flowLog('fl-1', 'vpc-0123', { LogFormat: '${version} ${vpc-id} ${srcaddr} ${packets} ${flow-direction} ${log-status}' })]);
    const r = noDataRecord(net, net.flowLogs[0], eni(net, ENI_A), 10, 20);
    expect(r.line).toBe('5 vpc-0123 - - - NODATA');
    expect(r.fields).toMatchObject({ packets: null, bytes: null, action: null, logStatus: 'NODATA', start: 10, end: 20, vpcId: 'vpc-0123' });
  });
});

import { describe, expect, it } from 'vitest';
import { buildStore, parseFlowLogText, runQuery } from '../../../src/engine/insights/index.ts';

describe('parseFlowLogText', () => {
  it('reads an S3 file: header line of field names, then records; `-` is null', () => {
    const text = 'version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status\n'
      + '2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK\n'
      + '2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA\n';
    const p = parseFlowLogText(text);
    expect(p.header).toBe(true);
    expect(p.errors).toEqual([]);
    expect(p.records[0]).toEqual({
      version: 2, accountId: '123456789010', interfaceId: 'eni-1235b8ca123456789', srcAddr: '172.31.16.139', dstAddr: '172.31.16.21',
      srcPort: 20641, dstPort: 22, protocol: 6, packets: 20, bytes: 4249, start: 1418530010, end: 1418530070, action: 'ACCEPT', logStatus: 'OK',
      '@message': '2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK',
    });
    expect(p.records[1]).toMatchObject({ srcAddr: null, bytes: null, action: null, logStatus: 'NODATA', start: 1431280876 });
  });

  it('assumes the default version 2 format without a header', () => {
    const p = parseFlowLogText('2 123456789010 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 40 100 160 ACCEPT OK');
    expect(p.header).toBe(false);
    expect(p.records[0]).toMatchObject({ srcAddr: '10.0.0.1', dstPort: 2, logStatus: 'OK' });
  });

  it('reads custom formats, given as ${field} tokens or found in the header (camelCase names)', () => {
    const format = '${version} ${vpc-id} ${subnet-id} ${instance-id} ${interface-id} ${srcaddr} ${dstaddr} ${pkt-srcaddr} ${pkt-dstaddr} ${tcp-flags} ${type} ${flow-direction} ${traffic-path} ${region} ${az-id}';
    const line = '5 vpc-1 subnet-2 i-3 eni-4 10.0.1.5 10.0.0.9 10.0.1.5 52.1.2.3 19 IPv4 egress 8 us-east-1 use1-az1';
    const p = parseFlowLogText(line, { format });
    expect(p.errors).toEqual([]);
    expect(p.records[0]).toMatchObject({ vpcId: 'vpc-1', subnetId: 'subnet-2', instanceId: 'i-3', pktDstAddr: '52.1.2.3', tcpFlags: 19, type: 'IPv4', flowDirection: 'egress', trafficPath: 8, region: 'us-east-1', azId: 'use1-az1' });
    const headed = parseFlowLogText(`${format.replace(/\$\{|\}/g, '')}\n${line}`);
    expect(headed.header).toBe(true);
    expect(headed.records[0]).toEqual(p.records[0]);
  });

  it('reads CloudWatch exports whose lines start with the event timestamp', () => {
    const p = parseFlowLogText('2024-05-01T10:00:03.000Z 2 123456789010 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 40 1714557600 1714557660 ACCEPT OK\n1714557605000 2 123456789010 eni-1 - - - - - - - 1714557600 1714557660 - NODATA');
    expect(p.errors).toEqual([]);
    expect(p.records.map((r) => r['@timestamp'])).toEqual([Date.UTC(2024, 4, 1, 10, 0, 3), 1714557605000]);
    expect(p.records[0]['@message']).toBe('2 123456789010 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 40 1714557600 1714557660 ACCEPT OK');
    const r = runQuery(buildStore(p.records), 'fields @timestamp | limit 1');
    expect(r.ok && r.rows).toEqual([['2024-05-01 10:00:05.000']]);
  });

  it('reports bad lines with their numbers and keeps the good ones; never throws', () => {
    const p = parseFlowLogText('2 1 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 40 100 160 ACCEPT OK\n\ngarbage here\n2 1 eni-1 10.0.0.1 10.0.0.2 x 2 6 1 40 100 160 ACCEPT OK\r\n2 1 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 40 100 160 REJECT OK');
    expect(p.records.map((r) => r.action)).toEqual(['ACCEPT', 'REJECT']);
    expect(p.errors).toEqual([
      { line: 3, message: 'expected 14 fields (version account-id interface-id ...), found 2' },
      { line: 4, message: 'srcport must be a whole number or -, found "x"' },
    ]);
    expect(parseFlowLogText('').records).toEqual([]);
  });
});

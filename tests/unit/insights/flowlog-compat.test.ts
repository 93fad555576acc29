// The flow-log module's records go into the store as they are: same camelCase field names.
import { describe, expect, it } from 'vitest';
import type { FlowLogFields } from '../../../src/engine/flowlog/fields.ts';
import { createStore, runQuery } from '../../../src/engine/insights/index.ts';

describe('records from the flowlog module', () => {
  it('append with their fields and line', () => {
    const fields: FlowLogFields = {
      version: 2, accountId: '123456789012', interfaceId: 'eni-0abc', srcAddr: '10.0.1.5', dstAddr: '10.0.2.9', srcPort: 40000, dstPort: 443,
      protocol: 6, packets: 5, bytes: 900, start: 1700000000, end: 1700000060, action: 'ACCEPT', logStatus: 'OK', vpcId: null, subnetId: null,
      instanceId: null, tcpFlags: null, type: null, pktSrcAddr: null, pktDstAddr: null, region: null, azId: null, flowDirection: null, trafficPath: null,
    };
    const store = createStore();
    store.append({ ...fields, '@message': '2 123456789012 eni-0abc 10.0.1.5 10.0.2.9 40000 443 6 5 900 1700000000 1700000060 ACCEPT OK' });
    const r = runQuery(store, 'fields @timestamp, @logStream, srcAddr, dstPort, vpcId');
    expect(r.ok && r.rows).toEqual([['2023-11-14 22:13:20.000', 'eni-0abc-all', '10.0.1.5', 443, null]]);
  });
});

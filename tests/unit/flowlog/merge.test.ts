/**
 * Records of one flow written by separate traces in one aggregation window are one record, as
 * AWS writes them (it aggregates every packet an interface sees in the window); a new window,
 * another source port or another action is another record.
 */
import { describe, expect, it } from 'vitest';
import { compileNetwork, traceProbe, type FlowLogRecord, type Network } from '../../../src/engine/index.ts';
import { combineFlowLogRecords, flowRecordKey } from '../../../src/engine/flowlog/merge.ts';
import { SnapshotBuilder } from '../../support/builder.ts';

function network(format?: string): { net: Network; a: string; b: string } {
  const bd = new SnapshotBuilder();
  const v = bd.vpc('10.0.0.0/16', 'app');
  const s1 = bd.subnet(v.vpcId, '10.0.1.0/24', 'one');
  const s2 = bd.subnet(v.vpcId, '10.0.2.0/24', 'two');
  const open = bd.securityGroup(v.vpcId, 'open', [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }]);
  const a = bd.instance(s1, '10.0.1.10', 'a', { sgs: [open] }).instanceId;
  const b = bd.instance(s2, '10.0.2.10', 'b', { sgs: [open] }).instanceId;
  bd.flowLog(v.vpcId, { interval: 60, ...(format ? { format } : {}) });
  return { net: compileNetwork(bd.build()), a, b };
}

function records(net: Network, probe: Parameters<typeof traceProbe>[1]): FlowLogRecord[] {
  const out = traceProbe(net, { flowLogs: 'snapshot', ...probe });
  if (!out.ok) throw new Error(out.error);
  return out.details.result.flowLogs;
}

/** What the app's log does: merge each added record into an earlier one with the same key. */
function accumulate(net: Network, batches: FlowLogRecord[][]): FlowLogRecord[] {
  const out: FlowLogRecord[] = [];
  const index = new Map<string, number>();
  for (const batch of batches) for (const r of batch) {
    const key = flowRecordKey(net, r);
    const at = key === null ? undefined : index.get(key);
    if (at !== undefined) out[at] = combineFlowLogRecords(net, out[at], r);
    else { if (key !== null) index.set(key, out.length); out.push(r); }
  }
  return out;
}

const T = 1767225600;

describe('records of one flow from separate traces', () => {
  it('merge within one window: two pings 10 s apart are four records, each with both pings\' packets', () => {
    const { net, a, b } = network();
    const first = records(net, { from: a, to: b, protocol: 1, count: 2, start: T });
    const second = records(net, { from: a, to: b, protocol: 1, count: 3, start: T + 10 });
    expect(first).toHaveLength(4);
    const merged = accumulate(net, [first, second]);
    expect(merged).toHaveLength(4);
    for (const r of merged) {
      expect(r.fields.packets).toBe(5);
      expect(r.fields.bytes).toBe(5 * 84);
      expect(r.fields.start).toBe(T);
      expect(r.fields.end).toBe(T + 12);
      // The line is written again from the merged fields, in the flow log's format.
      expect(r.line.split(' ').slice(8, 12)).toEqual(['5', String(5 * 84), String(T), String(T + 12)]);
    }
  });

  it('the merged records equal what one trace of all the packets writes, line for line', () => {
    const { net, a, b } = network('${version} ${interface-id} ${srcaddr} ${dstaddr} ${packets} ${bytes} ${start} ${end} ${tcp-flags} ${flow-direction} ${traffic-path}');
    const once = records(net, { from: a, to: b, protocol: 1, count: 2, start: T });
    const twice = accumulate(net, [records(net, { from: a, to: b, protocol: 1, count: 1, start: T }), records(net, { from: a, to: b, protocol: 1, count: 1, start: T + 1 })]);
    expect(twice.map((r) => r.line)).toEqual(once.map((r) => r.line));
    expect(twice.map((r) => r.fields)).toEqual(once.map((r) => r.fields));
  });

  it('do not merge across windows, source ports or actions', () => {
    const { net, a, b } = network();
    const now = records(net, { from: a, to: b, protocol: 6, port: 22, count: 1, start: T });
    const nextWindow = records(net, { from: a, to: b, protocol: 6, port: 22, count: 1, start: T + 60 });
    const otherPort = records(net, { from: a, to: b, protocol: 6, port: 22, count: 1, start: T + 5, sourcePort: 44322 });
    expect(accumulate(net, [now, nextWindow, otherPort])).toHaveLength(now.length + nextWindow.length + otherPort.length);
  });

  it('name the latest path when the route changed between two traces of one window', () => {
    const { net, a, b } = network();
    const egress = records(net, { from: a, to: b, protocol: 1, count: 1, start: T }).find((r) => r.fields.flowDirection === 'egress')!;
    const later = { ...egress, fields: { ...egress.fields, start: T + 5, end: T + 5, trafficPath: 4 } };
    const noPath = { ...egress, fields: { ...egress.fields, start: T + 9, end: T + 9, trafficPath: null } };
    expect(flowRecordKey(net, later)).toBe(flowRecordKey(net, egress));
    const [merged] = accumulate(net, [[egress], [later], [noPath]]);
    expect(merged.fields.trafficPath).toBe(4);
    expect(merged.fields.packets).toBe(3 * egress.fields.packets!);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FIELD_SPECS, formatRecordLine, parseLogFormat, writeFlowLogRecords, windowSeconds } from '../../src/engine/flowlog/index.ts';
import type { EniPacketEvent } from '../../src/engine/flowlog/events.ts';
import { ENI_A, ENI_B, ENI_NAT, ENI_NITRO, eni, flowLog, lab } from '../unit/flowlog/helpers.ts';

const net = lab([
  flowLog('fl-vpc', 'vpc-0123', { MaxAggregationInterval: 600 }),
  flowLog('fl-acc', 'subnet-a', { TrafficType: 'ACCEPT', MaxAggregationInterval: 60 }),
  flowLog('fl-rej', ENI_NITRO, { TrafficType: 'REJECT', LogFormat: '${srcaddr} ${packets} ${bytes}' }),
]);
const enis = [ENI_A, ENI_B, ENI_NITRO, ENI_NAT].map((id) => eni(net, id));
const T0 = 1_600_000_000;

const eventArb = fc.record({
  e: fc.integer({ min: 0, max: enis.length - 1 }),
  egress: fc.boolean(),
  remote: fc.integer({ min: 0, max: 3 }),
  sp: fc.constantFrom(0, 22, 40000),
  dp: fc.constantFrom(0, 443),
  proto: fc.constantFrom(1, 6, 17),
  bytes: fc.integer({ min: 20, max: 9001 }),
  dt: fc.integer({ min: 0, max: 1800 }),
  reject: fc.boolean(),
  flags: fc.constantFrom(0, 1, 2, 4, 18),
}).map((g): EniPacketEvent => {
  const x = enis[g.e];
  const remote = 0xcb007100 + 10 + g.remote; // 203.0.113.10-13
  const [src, dst] = g.egress ? [x.privateIp, remote] : [remote, x.privateIp];
  return {
    eni: x, direction: g.egress ? 'egress' : 'ingress', srcAddr: src, dstAddr: dst, srcPort: g.sp, dstPort: g.dp, protocol: g.proto,
    pktSrcAddr: src, pktDstAddr: dst, bytes: g.bytes, time: T0 + g.dt, tcpFlags: g.flags, action: g.reject ? 'REJECT' : 'ACCEPT',
    trafficPath: g.egress ? 2 : null,
  };
});

const kept = (id: string, e: EniPacketEvent) =>
  id === 'fl-vpc' || (id === 'fl-acc' && e.eni.subnet?.id === 'subnet-a' && e.action === 'ACCEPT') || (id === 'fl-rej' && e.eni.id === ENI_NITRO && e.action === 'REJECT');

describe('flow-log aggregation (property)', () => {
  it('conserves packets and bytes per flow log, and keeps every record inside one window', () => {
    fc.assert(fc.property(fc.array(eventArb, { maxLength: 200 }), fc.constantFrom<'snapshot' | 'all'>('snapshot', 'all'), (events, mode) => {
      const records = writeFlowLogRecords(net, events, { mode });
      for (const id of ['fl-vpc', 'fl-acc', 'fl-rej']) {
        const mine = records.filter((r) => r.flowLogId === id);
        const expected = events.filter((e) => kept(id, e));
        expect(mine.reduce((s, r) => s + (r.fields.packets ?? 0), 0)).toBe(expected.length);
        expect(mine.reduce((s, r) => s + (r.fields.bytes ?? 0), 0)).toBe(expected.reduce((s, e) => s + e.bytes, 0));
      }
      expect(records.every((r) => ['fl-vpc', 'fl-acc', 'fl-rej'].includes(r.flowLogId))).toBe(true);
      for (const r of records) {
        const fl = net.flowLogs.find((f) => f.id === r.flowLogId)!;
        const w = windowSeconds(fl, eni(net, r.interfaceId));
        expect(Math.floor(r.fields.start / w)).toBe(Math.floor(r.fields.end / w));
        expect(r.fields.start).toBeLessThanOrEqual(r.fields.end);
        expect(r.line.split(' ')).not.toContain('');
      }
      const windows = records.map((r) => {
        const fl = net.flowLogs.find((f) => f.id === r.flowLogId)!;
        const w = windowSeconds(fl, eni(net, r.interfaceId));
        return r.fields.start - (r.fields.start % w);
      });
      expect(windows).toEqual([...windows].sort((a, b) => a - b));
      expect(JSON.stringify(writeFlowLogRecords(net, events, { mode }))).toBe(JSON.stringify(records));
    }), { numRuns: 200 });
  });

  it('in all mode logs every packet of interfaces no flow log covers exactly once', () => {
    const bare = lab();
    const bareEnis = [ENI_A, ENI_B, ENI_NITRO].map((id) => eni(bare, id));
    fc.assert(fc.property(fc.array(eventArb, { maxLength: 100 }), (events) => {
      const moved = events.map((e) => ({ ...e, eni: bareEnis[enis.indexOf(e.eni) % 3] }));
      const fixed = moved.map((e) => (e.direction === 'egress' ? { ...e, srcAddr: e.eni.privateIp, pktSrcAddr: e.eni.privateIp } : { ...e, dstAddr: e.eni.privateIp, pktDstAddr: e.eni.privateIp }));
      const records = writeFlowLogRecords(bare, fixed, { mode: 'all' });
      expect(records.reduce((s, r) => s + (r.fields.packets ?? 0), 0)).toBe(fixed.length);
      expect(new Set(records.map((r) => r.flowLogId)).size).toBeLessThanOrEqual(3);
      expect(writeFlowLogRecords(bare, fixed, { mode: 'snapshot' })).toEqual([]);
    }), { numRuns: 100 });
  });

  it('writes every line exactly as the generic formatter does, for any custom format', () => {
    const names = FIELD_SPECS.map(([n]) => n);
    // Batches of 64 records and more write their lines as bytes (line-bytes.ts), smaller ones
    // join them; both must give the generic formatter's text.
    const few = fc.array(eventArb, { minLength: 1, maxLength: 30 });
    const many = fc.array(eventArb, { minLength: 120, maxLength: 200 });
    fc.assert(fc.property(fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 16 }), fc.oneof(few, many), (chosen, events) => {
      const text = chosen.map((n) => '${' + n + '}').join(' ');
      const custom = lab([flowLog('fl-c', 'vpc-0123', { LogFormat: text })]);
      const moved = events.map((e) => ({ ...e, eni: eni(custom, e.eni.id) }));
      const parsed = parseLogFormat(text);
      if (!parsed.ok) throw new Error(parsed.error);
      for (const r of writeFlowLogRecords(custom, moved, { mode: 'snapshot' })) {
        expect(r.line).toBe(formatRecordLine(parsed.format, r.fields));
        expect(r.line.split(' ')).toHaveLength(chosen.length);
        expect(r.fields.version).toBe(parsed.format.version);
      }
    }), { numRuns: 150 });
  });
});

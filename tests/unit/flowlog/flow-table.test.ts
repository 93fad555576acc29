import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type FlowKey, FlowTable } from '../../../src/engine/flowlog/flow-table.ts';

interface Packet { key: FlowKey; bytes: number; time: number; flags: number; path: number }

/** What a row must hold: the oracle aggregates with a string-keyed Map. */
function oracle(packets: readonly Packet[]) {
  const rows = new Map<string, { key: FlowKey; packets: number; bytes: number; start: number; end: number; flags: number; path: number }>();
  for (const p of packets) {
    const id = JSON.stringify(p.key);
    const row = rows.get(id);
    if (!row) rows.set(id, { key: { ...p.key }, packets: 1, bytes: p.bytes, start: p.time, end: p.time, flags: p.flags, path: p.path });
    else {
      row.packets++;
      row.bytes += p.bytes;
      // The latest packet that had a path names it (time order; ties go to the later event).
      if (p.path >= 0 && (p.time >= row.end || row.path < 0)) row.path = p.path;
      row.start = Math.min(row.start, p.time);
      row.end = Math.max(row.end, p.time);
      row.flags |= p.flags;
    }
  }
  return [...rows.values()];
}

function contents(table: FlowTable) {
  return Array.from({ length: table.size }, (_, row) => ({
    key: {
      target: table.target(row), window: table.window(row), src: table.src(row), dst: table.dst(row), ports: table.ports(row),
      kind: table.kind(row), pktSrc: table.pktSrc(row), pktDst: table.pktDst(row),
    },
    packets: table.packets(row), bytes: table.bytes(row), start: table.start(row), end: table.end(row), flags: table.flags(row), path: table.trafficPath(row),
  }));
}

function fill(table: FlowTable, packets: readonly Packet[]) {
  for (const p of packets) table.add(p.key, p.bytes, p.time, p.flags, p.path);
}

const INTERVAL = 600;
const packetArb = fc.record({
  target: fc.integer({ min: 0, max: 3 }),
  // Times beyond 32 bits too: the window is kept as a double.
  time: fc.oneof(fc.integer({ min: 1_700_000_000, max: 1_700_003_000 }), fc.integer({ min: 2 ** 33, max: 2 ** 33 + 2_000 })),
  src: fc.constantFrom(0x0a000001, 0xcb007107, 0xffffffff),
  dst: fc.constantFrom(0x0a000002, 0xc0a80001),
  srcPort: fc.constantFrom(0, 443, 65535),
  dstPort: fc.constantFrom(22, 32768),
  kind: fc.constantFrom(6, 17, 1 | 256, 6 | 256 | 512),
  bytes: fc.oneof(fc.integer({ min: 40, max: 9001 }), fc.constant(2 ** 40)),
  flags: fc.integer({ min: 0, max: 0x1ff }),
  path: fc.integer({ min: -1, max: 8 }),
}).map(({ target, time, src, dst, srcPort, dstPort, kind, bytes, flags, path }): Packet => ({
  key: { target, window: time - (time % INTERVAL), src, dst, ports: srcPort * 65536 + dstPort, kind, pktSrc: src, pktDst: dst },
  bytes, time, flags, path,
}));

describe('FlowTable', () => {
  it('aggregates like a string-keyed map, in creation order, through growth and reuse', () => {
    fc.assert(fc.property(fc.array(packetArb, { maxLength: 300 }), fc.array(packetArb, { maxLength: 60 }), (first, second) => {
      const table = new FlowTable(4); // grows several times
      fill(table, first);
      expect(contents(table)).toEqual(oracle(first));
      table.reset(); // many rows: the whole slot array is cleared
      fill(table, second);
      expect(contents(table)).toEqual(oracle(second));
    }), { numRuns: 200 });
  });

  it('clears only its rows when few were used, and finds none of them afterwards', () => {
    const table = new FlowTable(1024);
    const key: FlowKey = { target: 1, window: 1_700_000_400, src: 1, dst: 2, ports: 3, kind: 6, pktSrc: 1, pktDst: 2 };
    table.add(key, 100, 1_700_000_401, 2, 3);
    table.add({ ...key, dst: 9 }, 50, 1_700_000_402, 0, -1);
    table.reset();
    expect(table.size).toBe(0);
    table.add(key, 7, 1_700_000_405, 16, -1);
    expect(contents(table)).toEqual([{ key, packets: 1, bytes: 7, start: 1_700_000_405, end: 1_700_000_405, flags: 16, path: -1 }]);
  });

  it('keeps the latest packet\'s traffic path (a packet without one changes nothing) and ORs TCP flags without touching it', () => {
    const table = new FlowTable();
    const key: FlowKey = { target: 0, window: 0, src: 1, dst: 2, ports: 3, kind: 6 | 256, pktSrc: 1, pktDst: 2 };
    table.add(key, 60, 5, 2, 8);
    table.add(key, 60, 3, 0x1ff, 1);
    table.add(key, 60, 59, 16, -1);
    expect([table.packets(0), table.start(0), table.end(0), table.flags(0), table.trafficPath(0)]).toEqual([3, 3, 59, 0x1ff, 8]);
    table.add(key, 60, 60, 0, 4);
    expect(table.trafficPath(0)).toBe(4);
  });
});

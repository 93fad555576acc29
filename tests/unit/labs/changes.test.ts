import { describe, expect, it } from 'vitest';
import { applyChanges, jsonEqual, parsePointer, type Change } from '../../../src/engine/labs/index.ts';
import type { Snapshot } from '../../../src/engine/model/schema.ts';

const doc = (): Snapshot => ({
  RouteTables: [{ RouteTableId: 'rtb-1', VpcId: 'vpc-1', Routes: [{ DestinationCidrBlock: '10.1.0.0/16', GatewayId: 'local' }] }],
  Playground: { 'a/b': { '~x': 1 } },
} as Snapshot);

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') { Object.freeze(v); for (const x of Object.values(v)) deepFreeze(x); }
  return v;
}
const apply = (changes: Change[], d: Snapshot = deepFreeze(doc())) => applyChanges(d, changes);

describe('applyChanges (RFC 6902)', () => {
  it('adds to an object, inserts into a list and appends with "-"', () => {
    const r = apply([
      { op: 'add', path: '/Vpcs', value: [] },
      { op: 'add', path: '/Vpcs/-', value: { VpcId: 'vpc-2' } },
      { op: 'add', path: '/RouteTables/0/Routes/0', value: { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1' } },
      { op: 'add', path: '/RouteTables/0/Routes/2', value: { DestinationCidrBlock: '10.2.0.0/16', VpcPeeringConnectionId: 'pcx-1' } },
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.Vpcs).toEqual([{ VpcId: 'vpc-2' }]);
    expect(r.doc.RouteTables![0].Routes!.map((x) => x.DestinationCidrBlock)).toEqual(['0.0.0.0/0', '10.1.0.0/16', '10.2.0.0/16']);
  });

  it('removes and replaces members and list items', () => {
    const r = apply([
      { op: 'replace', path: '/RouteTables/0/Routes/0/GatewayId', value: 'local' },
      { op: 'remove', path: '/RouteTables/0/Routes/0' },
      { op: 'replace', path: '/RouteTables/0/VpcId', value: 'vpc-9' },
      { op: 'remove', path: '/Playground' },
    ]);
    expect(r).toEqual({ ok: true, doc: { RouteTables: [{ RouteTableId: 'rtb-1', VpcId: 'vpc-9', Routes: [] }] } });
  });

  it('"add" on an existing member replaces it (RFC 6902 4.1)', () => {
    const r = apply([{ op: 'add', path: '/RouteTables/0/VpcId', value: 'vpc-7' }]);
    expect(r.ok && r.doc.RouteTables![0].VpcId).toBe('vpc-7');
  });

  it('"test" passes on deep-equal values (key order ignored) and fails otherwise, atomically', () => {
    expect(apply([{ op: 'test', path: '/RouteTables/0/Routes/0', value: { GatewayId: 'local', DestinationCidrBlock: '10.1.0.0/16' } }]).ok).toBe(true);
    const r = apply([
      { op: 'replace', path: '/RouteTables/0/VpcId', value: 'vpc-2' },
      { op: 'test', path: '/RouteTables/0/Routes/0/GatewayId', value: 'igw-1' },
    ]);
    expect(r).toEqual({ ok: false, index: 1, error: 'change 1 (test /RouteTables/0/Routes/0/GatewayId): test failed at "/RouteTables/0/Routes/0/GatewayId": expected "igw-1", found "local"' });
  });

  it('unescapes ~1 and ~0 in keys', () => {
    const r = apply([{ op: 'replace', path: '/Playground/a~1b/~0x', value: 2 }]);
    expect(r.ok && (r.doc.Playground as Record<string, unknown>)['a/b']).toEqual({ '~x': 2 });
  });

  it('replaces the whole document with the empty pointer', () => {
    expect(apply([{ op: 'replace', path: '', value: { Vpcs: [] } }])).toEqual({ ok: true, doc: { Vpcs: [] } });
    expect(apply([{ op: 'replace', path: '', value: [1] }]).ok).toBe(false);
  });

  it('reports bad paths as messages, never throws', () => {
    const cases: [Change, RegExp][] = [
      [{ op: 'remove', path: '/Subnets/0' }, /"\/Subnets" does not exist/],
      [{ op: 'add', path: '/RouteTables/5', value: {} }, /index 5 is out of range \(the list has 1 item\)/],
      [{ op: 'replace', path: '/RouteTables/-', value: {} }, /"-" is not a list index/],
      [{ op: 'replace', path: '/RouteTables/01', value: {} }, /"01" is not a list index/],
      [{ op: 'add', path: '/RouteTables/0/VpcId/x', value: 1 }, /"\/RouteTables\/0\/VpcId" is not an object or a list/],
      [{ op: 'replace', path: '/RouteTables/0/Nope', value: 1 }, /"\/RouteTables\/0\/Nope" does not exist/],
      [{ op: 'add', path: 'Vpcs', value: [] }, /is not a JSON pointer/],
      [{ op: 'add', path: '/__proto__/polluted', value: true }, /"__proto__" cannot be used in a path/],
      [{ op: 'remove', path: '' }, /the whole document cannot be removed/],
    ];
    for (const [change, message] of cases) {
      const r = apply([change]);
      expect(r.ok, JSON.stringify(change)).toBe(false);
      if (!r.ok) expect(r.error).toMatch(message);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never mutates its input and shares no objects with the inserted values', () => {
    const input = deepFreeze(doc());
    const value = { DestinationCidrBlock: '10.2.0.0/16', VpcPeeringConnectionId: 'pcx-1' };
    const r = applyChanges(input, [{ op: 'add', path: '/RouteTables/0/Routes/-', value }]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(input.RouteTables![0].Routes).toHaveLength(1);
    expect(r.doc.RouteTables![0].Routes![1]).toEqual(value);
    expect(r.doc.RouteTables![0].Routes![1]).not.toBe(value);
    // Untouched branches are shared, not copied.
    expect(r.doc.Playground).toBe(input.Playground);
  });
});

describe('helpers', () => {
  it('parsePointer and jsonEqual', () => {
    expect(parsePointer('/a~1b/~01/-')).toEqual({ ok: true, keys: ['a/b', '~1', '-'] });
    expect(parsePointer('')).toEqual({ ok: true, keys: [] });
    expect(jsonEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
  });
});

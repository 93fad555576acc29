import { describe, expect, it } from 'vitest';
import { SnapshotSchema } from '../../../src/engine/model/schema.ts';
import { quickShapeTest } from '../../../src/engine/validate/fast-shape.ts';
import { syntheticSnapshot } from '../../../bench/synthetic-network.ts';
import { cleanDoc } from './fixtures.ts';

/** Every (parent, key) slot of a document, depth first. */
function slots(doc: unknown): Array<[Record<string | number, unknown>, string | number]> {
  const out: Array<[Record<string | number, unknown>, string | number]> = [];
  const walk = (v: unknown) => {
    if (v === null || typeof v !== 'object') return;
    for (const k of Object.keys(v)) {
      const key = Array.isArray(v) ? Number(k) : k;
      out.push([v as Record<string | number, unknown>, key]);
      walk((v as Record<string, unknown>)[k]);
    }
  };
  walk(doc);
  return out;
}

const REPLACEMENTS: unknown[] = [undefined, null, 5, 1.5, 1e20, Number.NaN, Infinity, -1, 0, 60, 600, '', 'x', 'allow', 'active', 'ALL', true, false, [], [{}], {}, [5], { Key: 'Name', Value: 'v' }];

describe('quickShapeTest', () => {
  const test = quickShapeTest(SnapshotSchema)!;

  it('mirrors the snapshot schema', () => {
    expect(test).not.toBeNull();
  });

  it('never accepts a document zod refuses, and accepts the valid ones', () => {
    const base = cleanDoc();
    expect(test(base)).toBe(SnapshotSchema.safeParse(base).success);
    const n = slots(base).length;
    let checked = 0;
    const DELETE = Symbol('delete');
    for (let i = 0; i < n; i++) {
      for (const value of [DELETE, ...REPLACEMENTS]) {
        const doc = structuredClone(base);
        const [parent, key] = slots(doc)[i]!;
        if (value === DELETE) delete parent[key];
        else parent[key] = value;
        expect(test(doc), `slot ${i} = ${String(value)}`).toBe(SnapshotSchema.safeParse(doc).success);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('mirrors unions and enums (MaxAggregationInterval, TrafficType)', () => {
    for (const [field, value] of [['MaxAggregationInterval', 60], ['MaxAggregationInterval', 600], ['MaxAggregationInterval', 61], ['MaxAggregationInterval', '60'], ['TrafficType', 'ALL'], ['TrafficType', 'all'], ['TrafficType', undefined]] as const) {
      const doc = cleanDoc();
      doc.FlowLogs[0][field] = value;
      expect(test(doc), `${field} = ${String(value)}`).toBe(SnapshotSchema.safeParse(doc).success);
    }
  });

  it('accepts the synthetic benchmark network, like zod', () => {
    const doc = syntheticSnapshot();
    expect(SnapshotSchema.safeParse(doc).success).toBe(true);
    expect(test(doc)).toBe(true);
  });
});

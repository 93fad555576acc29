import { describe, expect, it } from 'vitest';
import { parseJsonSafely } from '../../../src/engine/model/safe-json.ts';

describe('parseJsonSafely', () => {
  it('drops forbidden keys at any depth and names each path once', () => {
    const r = parseJsonSafely('{"Vpcs": [{"VpcId": "vpc-1", "__proto__": {"x": 1}, "Tags": [{"Key": "a", "constructor": 2}]}, {"prototype": 3}], "__proto__": []}');
    expect(r.ok).toBe(true);
    expect(r.dropped).toEqual(['$.Vpcs[0]["__proto__"]', '$.Vpcs[0].Tags[0]["constructor"]', '$.Vpcs[1]["prototype"]', '$["__proto__"]']);
    expect(r.value).toEqual({ Vpcs: [{ VpcId: 'vpc-1', Tags: [{ Key: 'a' }] }, {}] });
    expect(Object.getPrototypeOf((r.value as { Vpcs: object[] }).Vpcs[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('keeps the order of the other keys, and values that are not objects', () => {
    const r = parseJsonSafely('{"b": 1, "__proto__": 0, "a": [null, "s", 2, {"c": null}]}');
    expect(Object.keys(r.value as object)).toEqual(['b', 'a']);
    expect(r.value).toEqual({ b: 1, a: [null, 's', 2, { c: null }] });
  });

  it('a document nested too deeply is refused, not a crash', () => {
    const r = parseJsonSafely('['.repeat(20000) + ']'.repeat(20000));
    if (!r.ok) expect(r.error!.message).toContain('nested too deeply');
  });
});

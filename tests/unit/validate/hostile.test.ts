import { afterEach, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/engine/diagnostics.ts';
import { DIAGNOSTIC_CODES, validateSnapshot } from '../../../src/engine/validate/index.ts';
import { cleanDoc } from './fixtures.ts';

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

/** Every diagnostic is well formed: a known code with its catalog severity, a path, a sentence. */
function wellFormed(d: Diagnostic[]): void {
  for (const x of d) {
    expect(Object.keys(DIAGNOSTIC_CODES)).toContain(x.code);
    expect(x.severity).toBe(DIAGNOSTIC_CODES[x.code as keyof typeof DIAGNOSTIC_CODES].severity);
    expect(x.path.startsWith('$')).toBe(true);
    expect(typeof x.message).toBe('string');
    expect(x.message.length).toBeGreaterThan(10);
  }
}

/** A deterministic generator, so a failure can be replayed. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const WEIRD: unknown[] = [null, 0, -1, 1.5, 1e20, '', 'x', '10.0.0.0/33', '__proto__', true, [], {}, [null], { __proto__: null }, -0, 65536];

/** Replaces values of a clean document at random by weird ones, at every depth. */
function mangle(value: unknown, rnd: () => number): unknown {
  if (rnd() < 0.08) return WEIRD[Math.floor(rnd() * WEIRD.length)];
  if (Array.isArray(value)) return value.map((v) => mangle(v, rnd));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (rnd() > 0.05) out[k] = mangle(v, rnd);
    return out;
  }
  return value;
}

afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).x).toBeUndefined();
});

describe('hostile input', () => {
  it('never throws on values that are not documents', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const inputs: unknown[] = [undefined, null, 0, NaN, 'text', Symbol('s'), 10n, () => 1, new Date(0), new Map(), [], [1, 2], cyclic, Object.create(null)];
    for (const input of inputs) {
      const d = validateSnapshot(input);
      wellFormed(d);
    }
  });

  it('never throws on malformed types in every field (randomised, seeded)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const doc = mangle(cleanDoc(), lcg(seed));
      let d: Diagnostic[] = [];
      expect(() => { d = validateSnapshot(doc); }, `seed ${seed}`).not.toThrow();
      wellFormed(d);
      expect(d.filter((x) => x.code === 'VALIDATOR_FAILED'), `seed ${seed}`).toEqual([]);
    }
  });

  it('every list replaced by every weird value', () => {
    for (const key of Object.keys(cleanDoc())) {
      for (const w of WEIRD) {
        const doc = cleanDoc();
        doc[key] = w;
        const d = validateSnapshot(doc);
        wellFormed(d);
        expect(d.filter((x) => x.code === 'VALIDATOR_FAILED')).toEqual([]);
      }
    }
  });

  it('__proto__ and constructor keys from JSON.parse do not pollute prototypes', () => {
    const texts = [
      '{"__proto__": {"polluted": 1, "Vpcs": 5}}',
      '{"constructor": {"prototype": {"polluted": 1}}}',
      '{"Vpcs": [{"VpcId": "vpc-1", "CidrBlock": "10.0.0.0/16", "__proto__": {"polluted": 1}, "constructor": {"prototype": {"x": 1}}}], "Subnets": {"__proto__": []}}',
      '{"Vpcs": [{"__proto__": {"VpcId": "vpc-1"}}], "RouteTables": [{"RouteTableId": "__proto__", "VpcId": "constructor", "Routes": [{"DestinationCidrBlock": "0.0.0.0/0", "GatewayId": "__proto__"}]}]}',
    ];
    for (const t of texts) {
      const doc = JSON.parse(t);
      const d = validateSnapshot(doc);
      wellFormed(d);
      expect(d.some((x) => x.code === 'FORBIDDEN_KEY')).toBe(true);
      expect(d.filter((x) => x.code === 'VALIDATOR_FAILED')).toEqual([]);
    }
  });

  it('a resource whose id is "__proto__" or "constructor" is just an id', () => {
    const doc = cleanDoc();
    doc.Vpcs.push({ VpcId: '__proto__', CidrBlock: '10.7.0.0/16' }, { VpcId: 'constructor', CidrBlock: '10.8.0.0/16' });
    doc.Subnets.push({ SubnetId: 'hasOwnProperty', VpcId: '__proto__', CidrBlock: '10.9.0.0/24' });
    const d = validateSnapshot(doc);
    expect(d.map((x) => x.code)).toEqual(['VPC_NO_NETWORK_ACL', 'VPC_NO_ROUTE_TABLE', 'VPC_NO_NETWORK_ACL', 'VPC_NO_ROUTE_TABLE', 'SUBNET_OUTSIDE_VPC']);
  });

  it('deep nesting (inside an unmodelled key and inside a modelled one) does not overflow the stack', () => {
    let deep: unknown = { leaf: true };
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? { a: deep } : [deep];
    const doc = cleanDoc();
    doc.Junk = deep;
    doc.Vpcs[0].Tags = [deep];
    doc.Vpcs[0].Extra = deep;
    const d = validateSnapshot(doc);
    wellFormed(d);
    expect(d.filter((x) => x.code === 'VALIDATOR_FAILED')).toEqual([]);
    expect(d.map((x) => x.code)).toContain('NOT_SIMULATED');
  });

  it('a throwing getter or Proxy becomes a VALIDATOR_FAILED warning, not an exception', () => {
    const doc = cleanDoc();
    Object.defineProperty(doc.Subnets[0], 'CidrBlock', { get() { throw new Error('boom'); }, enumerable: true });
    let d: Diagnostic[] = [];
    expect(() => { d = validateSnapshot(doc); }).not.toThrow();
    wellFormed(d);
    expect(d.some((x) => x.code === 'VALIDATOR_FAILED')).toBe(true);
    const trap = new Proxy({}, { ownKeys() { throw new Error('trap'); }, get() { throw new Error('trap'); } });
    expect(() => validateSnapshot(trap)).not.toThrow();
  });

  it('a 5 MB document validates in reasonable time, without throwing', () => {
    const doc = cleanDoc();
    const rnd = lcg(7);
    for (let i = 0; i < 4000; i++) {
      const vpc = `vpc-big${i}`;
      const base = `10.${i % 256}`;
      doc.Vpcs.push({ VpcId: vpc, CidrBlock: `${base}.0.0/16`, Tags: [{ Key: 'Name', Value: `vpc number ${i}` }] });
      for (let s = 0; s < 3; s++) doc.Subnets.push({ SubnetId: `subnet-big${i}-${s}`, VpcId: vpc, CidrBlock: rnd() < 0.01 ? `${base}.${s}.7/24` : `${base}.${s}.0/24` });
      doc.RouteTables.push({ RouteTableId: `rtb-big${i}`, VpcId: vpc, Routes: [{ DestinationCidrBlock: `${base}.0.0/16`, GatewayId: 'local' }, { DestinationCidrBlock: '0.0.0.0/0', GatewayId: `igw-big${i}` }], Associations: [{ Main: true }] });
      doc.NetworkInterfaces.push({ NetworkInterfaceId: `eni-big${i}`, SubnetId: `subnet-big${i}-0`, PrivateIpAddress: `${base}.0.${4 + (i % 250)}`, Groups: [{ GroupId: 'sg-1' }] });
    }
    const size = JSON.stringify(doc).length;
    expect(size).toBeGreaterThan(2_000_000);
    const text = JSON.stringify(doc).replace(/}$/, `, "Padding": ${JSON.stringify('x'.repeat(5_000_000 - size))}}`);
    expect(text.length).toBeGreaterThanOrEqual(5_000_000);
    const big = JSON.parse(text);
    const t0 = performance.now();
    const d = validateSnapshot(big);
    const ms = performance.now() - t0;
    wellFormed(d);
    expect(d.filter((x) => x.code === 'VALIDATOR_FAILED')).toEqual([]);
    expect(d.filter((x) => x.code === 'ROUTE_TARGET_MISSING')).toHaveLength(4000);
    expect(d.some((x) => x.code === 'CIDR_HOST_BITS')).toBe(true);
    expect(ms).toBeLessThan(20_000);
  });
});

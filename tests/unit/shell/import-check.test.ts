import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importRefusal, isLabFile } from '../../../src/ui/shell/import-check.ts';
import { isUnchangedSample, rememberSample } from '../../../src/state/doc-source.ts';

describe('importRefusal', () => {
  it('refuses a JSON object with none of the describe-* keys, naming the keys it has', () => {
    const r = importRefusal({ hello: 'world' }, 'hello.json');
    expect(r?.kind).toBe('not-a-network');
    expect(r?.text).toContain('hello.json is not aws ec2 describe-* output');
    expect(r?.text).toContain('"hello"');
    expect(r?.text).toContain('Your network is unchanged.');
    expect(importRefusal({}, 'e.json')?.text).toContain('empty object');
  });

  it('recognises a lab file and points to Labs → Open lab file…', () => {
    const lab = JSON.parse(readFileSync('static/labs/sg-vs-nacl.json', 'utf8'));
    expect(isLabFile(lab)).toBe(true);
    const r = importRefusal(lab, 'sg-vs-nacl.json');
    expect(r?.kind).toBe('lab');
    expect(r?.text).toContain('Labs → Open lab file…');
    expect(r?.text).toContain(lab.title);
    // Without its format tag, the shape still tells: a start network and steps.
    expect(isLabFile({ start: {}, steps: [] })).toBe(true);
  });

  it('says an export of an empty workspace holds no network', () => {
    expect(importRefusal({ Playground: { region: 'us-east-1' } }, 'vpc-lab-snapshot.json')?.text).toContain('holds no network');
  });

  it('accepts describe-* output, even an empty list or a single key', () => {
    expect(importRefusal({ Vpcs: [] }, 'Vpcs.json')).toBeNull();
    expect(importRefusal({ SecurityGroups: [{ GroupId: 'sg-1' }] }, 'sg.json')).toBeNull();
    expect(importRefusal({ PrefixLists: [] }, 'pl.json')).toBeNull();
    expect(importRefusal({ Vpcs: [], ServiceNames: [] }, 'x.json')).toBeNull();
  });
});

describe('isUnchangedSample', () => {
  const seed = { Vpcs: [{ VpcId: 'vpc-1' }], Subnets: [{ SubnetId: 'subnet-1' }], Playground: { region: 'us-east-1' } };
  rememberSample('seed-test', seed);
  const source = { kind: 'sample', id: 'seed-test' } as const;

  it('is true for the sample as loaded, boxes moved or not', () => {
    expect(isUnchangedSample(source, seed)).toBe(true);
    expect(isUnchangedSample(source, { ...seed, Playground: { positions: { 'vpc-1': { x: 1, y: 2 } } } })).toBe(true);
    // Undo may bring back an equal copy.
    expect(isUnchangedSample(source, JSON.parse(JSON.stringify(seed)))).toBe(true);
  });

  it('is false once the network is edited, for another source, or for a sample not loaded this session', () => {
    expect(isUnchangedSample(source, { ...seed, Vpcs: [...seed.Vpcs, { VpcId: 'vpc-2' }] })).toBe(false);
    expect(isUnchangedSample(source, { ...seed, SecurityGroups: [] })).toBe(false);
    expect(isUnchangedSample({ kind: 'import', name: 'x.json' }, seed)).toBe(false);
    expect(isUnchangedSample({ kind: 'sample', id: 'never-loaded' }, seed)).toBe(false);
  });
});

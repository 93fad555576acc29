import { describe, expect, it } from 'vitest';
import { validateSnapshot } from '../../../src/engine/validate/index.ts';
import { cleanDoc } from './fixtures.ts';

const forbidden = (doc: unknown) => validateSnapshot(doc).filter((d) => d.code === 'FORBIDDEN_KEY').map((d) => d.path);

describe('FORBIDDEN_KEY walk', () => {
  it('finds a forbidden key in a document with a cycle or shared subtrees', () => {
    const doc = cleanDoc();
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    doc.Junk = { loop, bad: JSON.parse('{"__proto__": 1}') };
    expect(forbidden(doc)).toEqual(['$.Junk.bad.__proto__']);

    const shared = JSON.parse('{"constructor": 1}');
    let dag: unknown = shared;
    for (let i = 0; i < 40; i++) dag = [dag, dag];
    const doc2 = cleanDoc();
    doc2.Junk = dag;
    expect(forbidden(doc2)).toHaveLength(1);
  });

  it('finds one beyond the quick walk depth, and none in a clean cyclic document', () => {
    let deep: unknown = JSON.parse('{"prototype": {}}');
    for (let i = 0; i < 500; i++) deep = { a: deep };
    const doc = cleanDoc();
    doc.Junk = deep;
    expect(forbidden(doc)).toHaveLength(1);
    const clean = cleanDoc();
    const loop: Record<string, unknown> = {};
    loop.self = [loop];
    clean.Junk = loop;
    expect(forbidden(clean)).toEqual([]);
  });

  it('reads objects with another prototype by their own keys only', () => {
    const doc = cleanDoc();
    doc.Junk = Object.create({ constructor: 1 }, { x: { value: 1, enumerable: true } });
    expect(forbidden(doc)).toEqual([]);
  });
});

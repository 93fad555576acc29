import { describe, expect, it } from 'vitest';
import { layoutExtent, parts, subtreeOrder } from '../../../src/ui/canvas/draw-order.ts';

describe('subtreeOrder', () => {
  it('puts each node before its subtree, in document order, with parents first', () => {
    const nodes = [
      { id: 'vpc-1' }, { id: 'igw-1' }, { id: 'vpc-2' },
      { id: 'subnet-1', parent: 'vpc-1' }, { id: 'subnet-2', parent: 'vpc-2' }, { id: 'subnet-3', parent: 'vpc-1' },
      { id: 'i-1', parent: 'subnet-1' }, { id: 'i-2', parent: 'subnet-3' }, { id: 'i-3', parent: 'subnet-1' },
    ];
    expect(subtreeOrder(nodes).map((n) => n.id)).toEqual(['vpc-1', 'subnet-1', 'i-1', 'i-3', 'subnet-3', 'i-2', 'igw-1', 'vpc-2', 'subnet-2']);
  });

  it('treats a node whose parent is already drawn (not in the list) as a root', () => {
    expect(subtreeOrder([{ id: 'i-9', parent: 'subnet-old' }, { id: 'i-8', parent: 'subnet-old' }]).map((n) => n.id)).toEqual(['i-9', 'i-8']);
  });
});

describe('parts', () => {
  const node = (id: string, parent?: string) => ({ group: 'nodes', data: { id, parent } });
  const edge = (id: string) => ({ group: 'edges', data: { id, source: 'a', target: 'b' } });

  it('cuts only before a root, so a box and its contents are added together; edges go a few at a time', () => {
    const els = [node('v1'), node('s1', 'v1'), node('i1', 's1'), node('v2'), node('s2', 'v2'), node('v3'), edge('e1'), edge('e2'), edge('e3')];
    expect(parts(els, 2, 2).map((p) => p.map((e) => e.data.id))).toEqual([['v1', 's1', 'i1'], ['v2', 's2'], ['v3'], ['e1', 'e2'], ['e3']]);
  });

  it('keeps every element once, in order', () => {
    const els = Array.from({ length: 50 }, (_, k) => node(`n${k}`, k % 5 === 0 ? undefined : `n${k - (k % 5)}`));
    expect(parts(els, 7, 3).flat()).toEqual(els);
  });
});

describe('layoutExtent', () => {
  it('is the box around the positions, widened by the margin; null when there is none', () => {
    expect(layoutExtent(new Map([['a', { x: 0, y: 10 }], ['b', { x: 100, y: -10 }]]), 5)).toEqual({ x1: -5, y1: -15, x2: 105, y2: 15 });
    expect(layoutExtent(new Map())).toBeNull();
  });
});

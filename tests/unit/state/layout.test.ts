import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compileNetwork, type Snapshot } from '../../../src/engine/index.ts';
import { buildModel } from '../../../src/ui/canvas/model.ts';
import { computeLayout } from '../../../src/ui/canvas/layout.ts';

const seed = JSON.parse(readFileSync('static/samples/seed.json', 'utf8')) as Snapshot;

describe('canvas model and preset layout', () => {
  const model = buildModel(seed, compileNetwork(seed));
  it('nests instances in subnets in VPCs, attaches the IGWs to the Internet node', () => {
    const inst = model.nodes.find((n) => n.kind === 'instance')!;
    const sn = model.nodes.find((n) => n.id === inst.parent)!;
    expect(sn.kind).toBe('subnet');
    expect(sn.tags).toEqual(['public']);
    expect(model.nodes.find((n) => n.id === sn.parent)!.kind).toBe('vpc');
    expect(inst.label).toBe('web-a\n10.1.0.10\n3.80.0.10');
    expect(model.edges.filter((e) => e.kind === 'igw').map((e) => e.target)).toEqual(['internet', 'internet']);
  });
  it('is deterministic, and a dragged VPC moves everything inside it', () => {
    const a = computeLayout(model);
    expect(computeLayout(model)).toEqual(a);
    const vpc = model.order.get('')![0];
    const inst = model.nodes.find((n) => n.kind === 'instance')!.id;
    const moved = computeLayout(model, { [vpc]: { x: 100, y: 50 } });
    expect(moved.get(inst)).toEqual({ x: a.get(inst)!.x + 100, y: a.get(inst)!.y + 50 });
  });
});

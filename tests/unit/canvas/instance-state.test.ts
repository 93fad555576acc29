/** The canvas draws a stopped instance (its interface still holds its address) greyed and marked, and leaves a terminated one out. */
import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../../../src/engine/index.ts';
import { buildModel } from '../../../src/ui/canvas/model.ts';
import { SnapshotBuilder } from '../../support/builder.ts';

function withStates(...states: string[]) {
  const b = new SnapshotBuilder();
  const v = b.vpc('10.0.0.0/16', 'app');
  const s = b.subnet(v.vpcId, '10.0.1.0/24', 'app');
  const ids = states.map((state, k) => {
    const { instanceId } = b.instance(s, `10.0.1.${10 + k}`, `host-${k}`);
    b.doc.Reservations.flatMap((r: { Instances: { InstanceId: string; State: unknown }[] }) => r.Instances).find((i: { InstanceId: string }) => i.InstanceId === instanceId)!.State = { Name: state };
    return instanceId;
  });
  const doc = b.build();
  return { model: buildModel(doc, compileNetwork(doc)), ids };
}

describe('instances on the canvas', () => {
  it('marks a stopped instance in its label and with the stopped class; a running one is plain', () => {
    const { model, ids: [running, stopped] } = withStates('running', 'stopped');
    const node = (id: string) => model.nodes.find((n) => n.id === id)!;
    expect(node(running).label).toBe('host-0\n10.0.1.10');
    expect(node(running).tags ?? []).not.toContain('stopped');
    expect(node(stopped).label).toBe('host-1 (stopped)\n10.0.1.11');
    expect(node(stopped).tags).toContain('stopped');
  });

  it('leaves a terminated instance out', () => {
    const { model, ids: [, terminated] } = withStates('running', 'terminated');
    expect(model.nodes.some((n) => n.id === terminated)).toBe(false);
  });
});

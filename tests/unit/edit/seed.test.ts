import { describe, expect, it } from 'vitest';
import { compileNetwork, traceProbe, validateSnapshot, type Snapshot } from '../../../src/engine/index.ts';
import { acceptPeering, addRoute, applyFix, createFlowLog, createFlowLogRole, createInstance, createSubnet, createVpc, requestPeering, routeTableOfSubnet } from '../../../src/engine/edit/index.ts';
import { ids as makeIds, must } from './helpers.ts';

function seed() {
  const ids = makeIds();
  let doc: Snapshot = {};
  const vpc = (cidr: string, sn: string, name: string) => {
    const v = createVpc(doc, { cidr, name }, ids);
    doc = must(v);
    const s = createSubnet(doc, { vpcId: v.created![0], cidr: sn, mapPublicIp: true }, ids);
    doc = must(s);
    const i = createInstance(doc, { subnetId: s.created![0], name, allow: { ssh: true, icmpFrom: '10.0.0.0/8' } }, ids);
    doc = must(i);
    return { vpcId: v.created![0], subnetId: s.created![0], instanceId: i.created![0] };
  };
  const a = vpc('10.1.0.0/16', '10.1.0.0/24', 'a');
  const b = vpc('10.2.0.0/16', '10.2.0.0/24', 'b');
  return { doc, a, b, ids };
}

describe('the seed story through edit actions', () => {
  it('builds a valid document whose ping needs peering and routes on both sides', () => {
    let { doc, a, b, ids } = seed();
    expect(validateSnapshot(doc).filter((d) => d.severity === 'error')).toEqual([]);
    doc = must(createFlowLogRole(doc, { roleName: 'flowlogsRole' }));
    doc = must(createFlowLog(doc, { resourceId: a.vpcId, trafficType: 'ALL', destinationType: 'cloud-watch-logs', logGroupName: 'vpc-a', roleArn: 'arn:aws:iam::123456789012:role/flowlogsRole' }, ids));
    const ping = () => {
      const t = traceProbe(compileNetwork(doc), { from: a.instanceId, to: '10.2.0.4', protocol: 1 });
      if (!t.ok) throw new Error(t.error);
      return t.details.result;
    };
    expect(ping().explanations[0].code).toBe('NO_ROUTE_TO_DESTINATION');
    const p = requestPeering(doc, { requesterVpcId: a.vpcId, accepterVpcId: b.vpcId }, ids);
    doc = must(p);
    const pcx = p.created![0];
    doc = must(acceptPeering(doc, { peeringId: pcx }));
    doc = must(addRoute(doc, { routeTableId: routeTableOfSubnet(doc, a.subnetId)!, destination: '10.2.0.0/16', target: { VpcPeeringConnectionId: pcx } }));
    const half = ping();
    expect(half.reachable).toBe(false);
    const fix = half.explanations.find((e) => e.action)?.action;
    expect(fix?.kind).toBe('add-route');
    doc = must(applyFix(doc, fix!));
    const done = ping();
    expect(done.reachable).toBe(true);
    expect(done.flowLogs.length).toBeGreaterThan(0);
    expect(done.flowLogs.every((r) => r.fields.protocol === 1)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import * as E from '../../../src/engine/edit/index.ts';
import { compileNetwork } from '../../../src/engine/index.ts';
import { relatedIds } from '../../../src/ui/editors/related.ts';
import { ids as makeIds, must } from '../edit/helpers.ts';

describe('Related chips of a route table, ACL, group and flow log (opened from the Resources list)', () => {
  it('lead back to the VPC and to what uses them; a table also to the gateways its routes lead to', () => {
    const ids = makeIds();
    const v = E.createVpc({}, { cidr: '10.1.0.0/16', name: 'a' }, ids);
    const vpcId = v.created![0];
    const rtb = E.list(v.doc, 'RouteTables')[0].RouteTableId;
    const acl = E.list(v.doc, 'NetworkAcls')[0].NetworkAclId;
    const g = E.createInternetGateway(v.doc, { vpcId, routeTableId: rtb }, ids);
    const s = E.createSubnet(must(g), { vpcId, cidr: '10.1.0.0/24' }, ids);
    const i = E.createInstance(must(s), { subnetId: s.created![0] }, ids);
    const doc = { ...must(i), FlowLogs: [{ FlowLogId: 'fl-1', ResourceId: s.created![0] }] };
    const net = compileNetwork(doc);
    const sg = E.list(doc, 'SecurityGroups').find((x) => x.GroupName?.startsWith('launch-wizard'))!.GroupId;
    expect(relatedIds(net, rtb)).toEqual([vpcId, s.created![0], g.created![0]]);
    expect(relatedIds(net, acl)).toEqual([vpcId, s.created![0]]);
    expect(relatedIds(net, sg)).toEqual([vpcId, i.created![0]]);
    expect(relatedIds(net, 'fl-1')).toEqual([s.created![0]]);
  });
});

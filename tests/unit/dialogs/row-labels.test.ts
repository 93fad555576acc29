import { describe, expect, it } from 'vitest';
import * as E from '../../../src/engine/edit/index.ts';
import { aclRowText, routeLocked, routeTargetText, sgRowText, trafficText } from '../../../src/ui/dialogs/row-labels.ts';
import { ids as makeIds, must } from '../edit/helpers.ts';

describe('dialog list rows', () => {
  it('print traffic as the console does', () => {
    expect(trafficText('-1', undefined, undefined)).toBe('All traffic');
    expect(trafficText('tcp', 22, 22)).toBe('TCP 22');
    expect(trafficText('6', 1024, 65535)).toBe('TCP 1024-65535');
    expect(trafficText('udp', 0, 65535)).toBe('UDP all ports');
    expect(trafficText('icmp', -1, -1)).toBe('ICMP');
    expect(trafficText('1', 8, -1)).toBe('ICMP type 8');
  });
  it('print ACL entries with "*" for 32767, and SG rows with the group by name', () => {
    expect(aclRowText({ RuleNumber: 130, Protocol: '6', RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0', PortRange: { From: 1024, To: 65535 } })).toBe('130 · TCP 1024-65535 · 0.0.0.0/0 · allow');
    expect(aclRowText({ RuleNumber: 32767, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' })).toBe('* · All traffic · 0.0.0.0/0 · deny');
    const ids = makeIds();
    const v = E.createVpc({}, { cidr: '10.1.0.0/16', name: 'a' }, ids);
    const sg = E.list(v.doc, 'SecurityGroups')[0].GroupId;
    const [self] = E.sgRuleRows(v.doc, sg, 'ingress');
    expect(sgRowText(v.doc, self)).toMatch(/^All traffic · default · sg-\S+$/);
  });
  it("name a route's target, mark blackholes, and say why the local route has no Remove", () => {
    const ids = makeIds();
    const v = E.createVpc({}, { cidr: '10.1.0.0/16', name: 'a' }, ids);
    const g = E.createInternetGateway(v.doc, { vpcId: v.created![0], name: 'a-igw', routeTableId: E.list(v.doc, 'RouteTables')[0].RouteTableId }, ids);
    const [local, def] = E.list(must(g), 'RouteTables')[0].Routes!;
    expect(routeTargetText(must(g), local)).toBe('local');
    expect(routeTargetText(must(g), def)).toMatch(/^a-igw · igw-\S+$/);
    expect(routeTargetText(must(g), { ...def, State: 'blackhole' })).toMatch(/\(blackhole\)$/);
    expect(routeLocked(local)).toMatch(/local route cannot be removed/);
    expect(routeLocked(def)).toBeNull();
  });
});

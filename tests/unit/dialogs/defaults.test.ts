import { describe, expect, it } from 'vitest';
import * as E from '../../../src/engine/edit/index.ts';
import { autoAssignPublicIp, followSuggestion, freeAclRuleNumber, suggestedDestination } from '../../../src/ui/dialogs/defaults.ts';
import { ids as makeIds, must } from '../edit/helpers.ts';

function twoPeeredVpcs() {
  const ids = makeIds();
  const a = E.createVpc({}, { cidr: '10.1.0.0/16', name: 'a' }, ids);
  const b = E.createVpc(a.doc, { cidr: '10.2.0.0/16', name: 'b' }, ids);
  const [vpcA, vpcB] = [a.created![0], b.created![0]];
  const g = E.createInternetGateway(b.doc, { vpcId: vpcA }, ids);
  const p = E.requestPeering(must(g), { requesterVpcId: vpcA, accepterVpcId: vpcB }, ids);
  return { doc: must(p), vpcA, vpcB, igw: g.created![0], pcx: p.created![0] };
}

describe('route dialog destination', () => {
  it("suggests the peer VPC's CIDR for a peering connection, from either side, and 0.0.0.0/0 for a gateway", () => {
    const { doc, vpcA, vpcB, igw, pcx } = twoPeeredVpcs();
    expect(suggestedDestination(doc, vpcA, { VpcPeeringConnectionId: pcx })).toBe('10.2.0.0/16');
    expect(suggestedDestination(doc, vpcB, { VpcPeeringConnectionId: pcx })).toBe('10.1.0.0/16');
    expect(suggestedDestination(doc, vpcA, { GatewayId: igw })).toBe('0.0.0.0/0');
    expect(suggestedDestination(doc, vpcA, { NatGatewayId: 'nat-1' })).toBe('0.0.0.0/0');
    expect(suggestedDestination(doc, vpcA, undefined)).toBe('');
  });
  it('replaces the previous automatic suggestion or an empty field, never what the learner typed', () => {
    expect(followSuggestion('0.0.0.0/0', '0.0.0.0/0', '10.2.0.0/16')).toBe('10.2.0.0/16');
    expect(followSuggestion('', '0.0.0.0/0', '10.2.0.0/16')).toBe('10.2.0.0/16');
    expect(followSuggestion('10.2.5.0/24', '0.0.0.0/0', '10.2.0.0/16')).toBe('10.2.5.0/24');
    expect(followSuggestion('10.2.5.0/24', '10.2.0.0/16', '0.0.0.0/0')).toBe('10.2.5.0/24');
  });
});

describe('launch dialog public IPv4', () => {
  it("defaults from the subnet's MapPublicIpOnLaunch, false when the subnet does not say", () => {
    const ids = makeIds();
    const v = E.createVpc({}, { cidr: '10.1.0.0/16' }, ids);
    const pub = E.createSubnet(v.doc, { vpcId: v.created![0], cidr: '10.1.0.0/24', mapPublicIp: true }, ids);
    const priv = E.createSubnet(must(pub), { vpcId: v.created![0], cidr: '10.1.1.0/24' }, ids);
    const doc = must(priv);
    expect(autoAssignPublicIp(doc, pub.created![0])).toBe(true);
    expect(autoAssignPublicIp(doc, priv.created![0])).toBe(false);
    const bare = { ...doc, Subnets: doc.Subnets!.map((s) => ({ ...s, MapPublicIpOnLaunch: undefined })) };
    expect(autoAssignPublicIp(bare, pub.created![0])).toBe(false);
  });
});

describe('network ACL rule number', () => {
  const acl = (entries: { RuleNumber: number; Egress: boolean }[]) => ({
    NetworkAcls: [{ NetworkAclId: 'acl-1', VpcId: 'vpc-1', Entries: entries.map((e) => ({ ...e, Protocol: '-1', RuleAction: 'allow', CidrBlock: '0.0.0.0/0' })) }],
  }) as unknown as Parameters<typeof freeAclRuleNumber>[0];

  it('proposes 90, else the next free multiple of 10 below 100, else the first free number, per direction', () => {
    expect(freeAclRuleNumber(acl([{ RuleNumber: 100, Egress: false }, { RuleNumber: 32767, Egress: false }]), 'acl-1', false)).toBe(90);
    expect(freeAclRuleNumber(acl([{ RuleNumber: 90, Egress: false }, { RuleNumber: 100, Egress: false }]), 'acl-1', false)).toBe(80);
    expect(freeAclRuleNumber(acl([{ RuleNumber: 90, Egress: false }]), 'acl-1', true)).toBe(90);
    const tens = Array.from({ length: 9 }, (_, i) => ({ RuleNumber: (i + 1) * 10, Egress: false }));
    expect(freeAclRuleNumber(acl([...tens, { RuleNumber: 1, Egress: false }]), 'acl-1', false)).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { codes, expectOne, validateWith } from './fixtures.ts';

const E = (j: number) => `$.NetworkAcls[0].Entries[${j}]`;
const P = (k: number, key = 'IpPermissions') => `$.SecurityGroups[0].${key}[${k}]`;

describe('network ACL entries', () => {
  it('NACL_RULE_NUMBER_OUT_OF_RANGE, but 32767 is fine as the "*" deny rule', () => {
    for (const n of [0, 32767, 40000]) {
      const d = validateWith((doc) => { doc.NetworkAcls[0].Entries[0].RuleNumber = n; });
      expectOne(d, 'NACL_RULE_NUMBER_OUT_OF_RANGE', 'error', `${E(0)}.RuleNumber`, ['Network ACL acl-1 ("default") inbound rule', String(n), '1-32766']);
    }
    const ipv6 = validateWith((doc) => { doc.NetworkAcls[0].Entries.push({ RuleNumber: 32768, Protocol: '-1', RuleAction: 'deny', Egress: false, Ipv6CidrBlock: '::/0' }); });
    expect(ipv6).toEqual([]);
  });

  it('NACL_RULE_NUMBER_DUPLICATE within one direction only', () => {
    const d = validateWith((doc) => { doc.NetworkAcls[0].Entries[5].RuleNumber = 90; });
    expectOne(d, 'NACL_RULE_NUMBER_DUPLICATE', 'error', `${E(5)}.RuleNumber`, ['acl-1', 'inbound rule 90', 'entry 5']);
    const otherDirection = validateWith((doc) => { doc.NetworkAcls[0].Entries[2].RuleNumber = 90; });
    expect(otherDirection).toEqual([]);
  });

  it('NACL_TOO_MANY_RULES past 20 in one direction, not counting "*"', () => {
    const rule = (n: number) => ({ RuleNumber: n, Protocol: '-1', RuleAction: 'allow', Egress: true, CidrBlock: `10.9.${n}.0/24` });
    const twenty = validateWith((doc) => { for (let n = 1; n <= 19; n++) doc.NetworkAcls[0].Entries.push(rule(n)); });
    expect(twenty).toEqual([]);
    const d = validateWith((doc) => { for (let n = 1; n <= 20; n++) doc.NetworkAcls[0].Entries.push(rule(n)); });
    expectOne(d, 'NACL_TOO_MANY_RULES', 'warning', `${E(25)}.RuleNumber`, ['Network ACL acl-1 ("default")', 'more than 20 outbound rules']);
  });

  it('NACL_RULES_HARD_LIMIT past 40 in one direction: beyond any raised quota', () => {
    const rule = (n: number) => ({ RuleNumber: n, Protocol: '-1', RuleAction: 'allow', Egress: true, CidrBlock: `10.9.${n}.0/24` });
    const d = validateWith((doc) => { for (let n = 1; n <= 40; n++) doc.NetworkAcls[0].Entries.push(rule(n)); });
    expect(d.map((x) => x.code).sort()).toEqual(['NACL_RULES_HARD_LIMIT', 'NACL_TOO_MANY_RULES']);
    expect(d.find((x) => x.code === 'NACL_RULES_HARD_LIMIT')!.severity).toBe('error');
  });

  it('NACL_ENTRY_CIDR_MISSING', () => {
    const d = validateWith((doc) => { delete doc.NetworkAcls[0].Entries[0].CidrBlock; });
    expectOne(d, 'NACL_ENTRY_CIDR_MISSING', 'error', E(0), ['acl-1 ("default") inbound rule 100', 'no CIDR block']);
  });

  it('PROTOCOL_UNKNOWN: a NACL takes numbers only', () => {
    const d = validateWith((doc) => { doc.NetworkAcls[0].Entries[4].Protocol = 'tcp'; });
    expectOne(d, 'PROTOCOL_UNKNOWN', 'error', `${E(4)}.Protocol`, ['acl-1', 'inbound rule 90', '"tcp"', '"6" for TCP']);
  });

  it('PORT_OUT_OF_RANGE, PORT_RANGE_REVERSED, PORT_RANGE_MISSING for TCP/UDP entries', () => {
    expectOne(validateWith((doc) => { doc.NetworkAcls[0].Entries[4].PortRange.To = 70000; }), 'PORT_OUT_OF_RANGE', 'error', `${E(4)}.PortRange.To`, ['acl-1', 'rule 90', '70000', '0-65535']);
    expectOne(validateWith((doc) => { doc.NetworkAcls[0].Entries[4].PortRange = { From: 1024, To: 22 }; }), 'PORT_RANGE_REVERSED', 'error', `${E(4)}.PortRange.From`, ['rule 90', 'starts at 1024 but ends at 22']);
    expectOne(validateWith((doc) => { delete doc.NetworkAcls[0].Entries[4].PortRange; }), 'PORT_RANGE_MISSING', 'error', `${E(4)}.PortRange`, ['rule 90', 'no PortRange']);
    expect(validateWith((doc) => { doc.NetworkAcls[0].Entries[0].PortRange = { From: 99999, To: 1 }; })).toEqual([]);
  });

  it('ICMP_TYPE_CODE_INVALID for a NACL ICMP entry', () => {
    expectOne(validateWith((doc) => { doc.NetworkAcls[0].Entries[5].IcmpTypeCode.Type = 300; }), 'ICMP_TYPE_CODE_INVALID', 'error', `${E(5)}.IcmpTypeCode.Type`, ['rule 80', 'ICMP type 300']);
    expectOne(validateWith((doc) => { doc.NetworkAcls[0].Entries[5].IcmpTypeCode = { Type: -1, Code: 3 }; }), 'ICMP_TYPE_CODE_INVALID', 'error', `${E(5)}.IcmpTypeCode.Code`, ['every ICMP type but only code 3']);
  });
});

describe('security group rules', () => {
  it('PROTOCOL_UNKNOWN', () => {
    const d = validateWith((doc) => { doc.SecurityGroups[0].IpPermissions[0].IpProtocol = 'sctp'; });
    expectOne(d, 'PROTOCOL_UNKNOWN', 'error', `${P(0)}.IpProtocol`, ['Security group sg-1 ("web") inbound rule 1', '"sctp"']);
    expect(validateWith((doc) => { doc.SecurityGroups[0].IpPermissions[0].IpProtocol = '132'; })).toEqual([]);
    expect(codes(validateWith((doc) => { doc.SecurityGroups[0].IpPermissions[0].IpProtocol = '256'; }))).toEqual(['PROTOCOL_UNKNOWN']);
  });

  it('PORT_RANGE_REVERSED / PORT_OUT_OF_RANGE / PORT_RANGE_MISSING for tcp and udp', () => {
    expectOne(validateWith((doc) => { Object.assign(doc.SecurityGroups[0].IpPermissions[0], { FromPort: 443, ToPort: 80 }); }), 'PORT_RANGE_REVERSED', 'error', `${P(0)}.FromPort`, ['sg-1', 'inbound rule 1', 'starts at 443 but ends at 80']);
    expectOne(validateWith((doc) => { doc.SecurityGroups[0].IpPermissions[3].ToPort = 65536; }), 'PORT_OUT_OF_RANGE', 'error', `${P(3)}.ToPort`, ['inbound rule 4', '65536']);
    expectOne(validateWith((doc) => { delete doc.SecurityGroups[0].IpPermissions[0].ToPort; }), 'PORT_RANGE_MISSING', 'error', `${P(0)}.ToPort`, ['inbound rule 1', 'no ToPort']);
  });

  it('ICMP_TYPE_CODE_INVALID: FromPort is the type, ToPort the code', () => {
    expectOne(validateWith((doc) => { doc.SecurityGroups[0].IpPermissions[1].ToPort = 256; }), 'ICMP_TYPE_CODE_INVALID', 'error', `${P(1)}.ToPort`, ['sg-1', 'ICMP code 256']);
    expectOne(validateWith((doc) => { Object.assign(doc.SecurityGroups[0].IpPermissions[1], { FromPort: -1, ToPort: 0 }); }), 'ICMP_TYPE_CODE_INVALID', 'error', `${P(1)}.ToPort`, ['every ICMP type']);
  });

  it('SG_TOO_MANY_RULES counts every CIDR and group of a permission', () => {
    const cidrs = (n: number) => Array.from({ length: n }, (_, i) => ({ CidrIp: `10.${i}.0.0/16` }));
    const sixty = validateWith((doc) => { doc.SecurityGroups[0].IpPermissionsEgress[0].IpRanges = cidrs(60); });
    expect(sixty).toEqual([]);
    const d = validateWith((doc) => { doc.SecurityGroups[0].IpPermissionsEgress.push({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: cidrs(59) }, { IpProtocol: 'udp', FromPort: 53, ToPort: 53, IpRanges: cidrs(1) }); });
    expectOne(d, 'SG_TOO_MANY_RULES', 'warning', P(2, 'IpPermissionsEgress'), ['Security group sg-1 ("web")', 'more than 60 outbound rules']);
  });

  it('SG_TOO_MANY_RULES counts a prefix list as its maximum entries, as AWS does', () => {
    const cidrs = (n: number) => Array.from({ length: n }, (_, i) => ({ CidrIp: `10.${i}.0.0/16` }));
    const withList = (max: number | undefined) => validateWith((doc) => {
      doc.PrefixLists = [{ PrefixListId: 'pl-1', Cidrs: ['54.231.0.0/17'], ...(max === undefined ? {} : { MaxEntries: max }) }];
      doc.SecurityGroups[0].IpPermissionsEgress.push({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: cidrs(40), PrefixListIds: [{ PrefixListId: 'pl-1' }] });
    });
    // 1 + 40 CIDRs + a list of 20 maximum entries = 61 outbound rules.
    expectOne(withList(20), 'SG_TOO_MANY_RULES', 'warning', P(1, 'IpPermissionsEgress'), ['more than 60 outbound rules', 'a prefix list as its maximum entries']);
    expect(withList(19)).toEqual([]);
    expect(withList(undefined)).toEqual([]);
  });

  it('SG_RULES_HARD_LIMIT past 1,000 rules: beyond any raised quota', () => {
    const cidrs = Array.from({ length: 1001 }, (_, i) => ({ CidrIp: `10.${i >> 8}.${i & 255}.0/24` }));
    const d = validateWith((doc) => { doc.SecurityGroups[0].IpPermissionsEgress[0].IpRanges = cidrs; });
    expect(d.find((x) => x.code === 'SG_RULES_HARD_LIMIT')?.severity).toBe('error');
    expect(d.find((x) => x.code === 'SG_TOO_MANY_RULES')?.severity).toBe('warning');
  });

  it('SG_GROUP_REFERENCE_MISSING (a warning)', () => {
    const d = validateWith((doc) => { doc.SecurityGroups[0].IpPermissions[2].UserIdGroupPairs.push({ GroupId: 'sg-other', UserId: '999988887777' }); });
    expectOne(d, 'SG_GROUP_REFERENCE_MISSING', 'warning', `${P(2)}.UserIdGroupPairs[1].GroupId`, ['sg-1', 'inbound rule 3', 'sg-other', 'account 999988887777']);
  });
});

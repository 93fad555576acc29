import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cidrOf, contains, formatCidr } from '../../src/engine/ip/index.ts';
import { compileAclLines, evaluateAcl, type PacketHeader } from '../../src/engine/filter/index.ts';
import type { NetworkAclEntry } from '../../src/engine/model/schema.ts';

/** The oracle: AWS's rule read literally — lowest matching rule number decides, else deny. */
function oracle(entries: NetworkAclEntry[], p: PacketHeader, egress: boolean): 'allow' | 'deny' {
  const mine = entries.filter((e) => e.Egress === egress).sort((a, b) => a.RuleNumber - b.RuleNumber);
  for (const e of mine) {
    const proto = Number(e.Protocol);
    if (proto !== -1 && proto !== p.protocol) continue;
    if (!contains(cidrOf(Number(e.CidrBlock!.split('/')[0].split('.').reduce((a, b) => a * 256 + Number(b), 0)), Number(e.CidrBlock!.split('/')[1])), egress ? p.dstIp : p.srcIp)) continue;
    if ((proto === 6 || proto === 17) && e.PortRange && (p.dstPort < e.PortRange.From! || p.dstPort > e.PortRange.To!)) continue;
    if (proto === 1 && e.IcmpTypeCode && e.IcmpTypeCode.Type !== -1 && e.IcmpTypeCode.Type !== p.icmpType) continue;
    return e.RuleAction;
  }
  return 'deny';
}

const entry = (egress: boolean) => fc.record({
  RuleNumber: fc.integer({ min: 1, max: 32766 }),
  proto: fc.constantFrom(-1, 1, 6, 17),
  ip: fc.integer({ min: 0, max: 0xffffffff }),
  prefix: fc.constantFrom(0, 8, 16, 24, 32),
  from: fc.integer({ min: 0, max: 65535 }),
  len: fc.integer({ min: 0, max: 3000 }),
  icmpType: fc.constantFrom(-1, 0, 8),
  allow: fc.boolean(),
}).map((r): NetworkAclEntry => ({
  RuleNumber: r.RuleNumber, Protocol: String(r.proto), RuleAction: r.allow ? 'allow' : 'deny', Egress: egress, CidrBlock: formatCidr(cidrOf(r.ip, r.prefix)),
  ...(r.proto === 6 || r.proto === 17 ? { PortRange: { From: r.from, To: Math.min(65535, r.from + r.len) } } : {}),
  ...(r.proto === 1 ? { IcmpTypeCode: { Type: r.icmpType, Code: -1 } } : {}),
}));

const packet = fc.record({
  protocol: fc.constantFrom(1, 6, 17, 50), srcIp: fc.integer({ min: 0, max: 0xffffffff }), dstIp: fc.integer({ min: 0, max: 0xffffffff }),
  srcPort: fc.integer({ min: 0, max: 65535 }), dstPort: fc.integer({ min: 0, max: 65535 }), icmpType: fc.constantFrom(0, 8, 3), icmpCode: fc.constant(0),
});

describe('network ACL evaluation', () => {
  it('first match in rule-number order decides, as the oracle reads AWS', () => {
    fc.assert(fc.property(fc.boolean(), fc.uniqueArray(entry(true), { selector: (e) => e.RuleNumber, maxLength: 12 }), fc.uniqueArray(entry(false), { selector: (e) => e.RuleNumber, maxLength: 12 }), packet, (egress, out, inn, p) => {
      const entries = [...out, ...inn];
      const lines = compileAclLines(entries, egress);
      expect(evaluateAcl(lines, p, egress).action).toBe(oracle(entries, p, egress));
    }), { seed: 21, numRuns: 500 });
  });
  it('the default "*" entry is last and denies', () => {
    const lines = compileAclLines([], false);
    expect(lines).toHaveLength(1);
    expect(lines[0].label).toBe('* ALL ALL 0.0.0.0/0 DENY');
  });
});

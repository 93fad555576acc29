import { describe, expect, it } from 'vitest';
import { aclEntry, parsePorts, ruleNumberOf, sgPermission } from '../../../src/ui/dialogs/rule-input.ts';

describe('rule dialog input as lab texts and the AWS docs write it', () => {
  it('accepts an en or em dash between the ports, with or without spaces', () => {
    expect(parsePorts('1024–65535')).toEqual({ from: 1024, to: 65535 });
    expect(parsePorts('1024 — 65535')).toEqual({ from: 1024, to: 65535 });
    expect(parsePorts(' 32768 - 60999 ')).toEqual({ from: 32768, to: 60999 });
    expect(parsePorts('65535–1024')).toBeNull();
    expect(parsePorts('1024~65535')).toBeNull();
    expect(sgPermission('tcp', '1024–65535', '0.0.0.0/0')).toMatchObject({ FromPort: 1024, ToPort: 65535 });
    expect(aclEntry('tcp', '1024–65535', '0.0.0.0/0', true, 130, true)).toMatchObject({ PortRange: { From: 1024, To: 65535 } });
  });
  it('says an empty rule number is required, instead of "rule number 0 is out of range"', () => {
    for (const empty of [null, undefined, '', '  ']) {
      expect(ruleNumberOf(empty)).toMatch(/^Rule number is required/);
      expect(aclEntry('icmp', '', '0.0.0.0/0', false, empty, true)).toMatch(/^Rule number is required/);
    }
    expect(ruleNumberOf(120)).toBe(120);
    expect(ruleNumberOf('130')).toBe(130);
    expect(ruleNumberOf(1.5)).toMatch(/whole number/);
  });
});

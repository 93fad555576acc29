import { describe, expect, it } from 'vitest';
import { isNitro } from '../../../src/engine/model/compile-eni.ts';

describe('Nitro instances (flow-log window of 60 s at most)', () => {
  it.each([
    ['t3.micro', true], ['m5.large', true], ['c7g.xlarge', true], ['t4g.nano', true], ['i3.metal', true], ['p3dn.24xlarge', true],
    ['t2.micro', false], ['m4.large', false], ['c4.xlarge', false], ['i3.large', false], ['x1e.xlarge', false],
  ])('%s → %s, whatever Hypervisor says (AWS prints "xen" for both)', (type, nitro) => {
    expect(isNitro({ InstanceId: 'i-1', InstanceType: type, Hypervisor: 'xen' })).toBe(nitro);
  });
  it('without a type, a hand-written "nitro" hypervisor counts', () => {
    expect(isNitro({ InstanceId: 'i-1', Hypervisor: 'nitro' })).toBe(true);
    expect(isNitro({ InstanceId: 'i-1' })).toBe(false);
  });
});

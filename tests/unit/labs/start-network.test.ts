import { describe, expect, it } from 'vitest';
import { LAB_FORMAT, parseLab, type LabInput } from '../../../src/engine/labs/index.ts';
import { readLab } from '../../../src/ui/labs/lab-fetch.ts';

/** A lab whose start network has one VPC with the given CIDR. */
function labWith(cidr: string): LabInput {
  return {
    format: LAB_FORMAT, id: 'tiny', title: 'Tiny', summary: 'A tiny lab.',
    start: { Vpcs: [{ VpcId: 'vpc-0a1b2c3d4e5f60718', CidrBlock: cidr, State: 'available', OwnerId: '123456789012', Tags: [{ Key: 'Name', Value: 'main' }] }] },
    steps: [{ id: 'one', title: 'One', instructions: 'Read.' }],
  };
}

describe('the start network of a lab file', () => {
  it('is validated as Import validates a network: an error refuses the lab, named by its path in the file', () => {
    const r = parseLab(JSON.stringify(labWith('10.0.0.0/99')));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors.find((x) => x.path === 'start.Vpcs[0].CidrBlock');
    expect(e, JSON.stringify(r.errors)).toBeDefined();
    expect(e!.message).toMatch(/10\.0\.0\.0\/99/);
  });

  it('says so when the lab file is opened: the message names the path', () => {
    const r = readLab(JSON.stringify(labWith('10.0.0.0/99')), 'bad-start.json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^bad-start\.json is not a valid VPC Lab lab file:\nstart\.Vpcs\[0\]\.CidrBlock: /);
  });

  it('accepts a valid start network', () => {
    expect(parseLab(JSON.stringify(labWith('10.0.0.0/16'))).ok).toBe(true);
  });
});

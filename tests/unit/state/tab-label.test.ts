import { describe, expect, it } from 'vitest';
import { resourceName, shortenId, tabLabels } from '../../../src/ui/editors/tab-label.ts';
import { pickerValue, placeholderText, sourceLabel } from '../../../src/state/doc-source.ts';
import type { Snapshot } from '../../../src/engine/index.ts';

const doc: Snapshot = {
  Vpcs: [{ VpcId: 'vpc-0a100000000000001', CidrBlock: '10.0.0.0/16', Tags: [{ Key: 'Name', Value: 'vpc-a' }] }],
  SecurityGroups: [
    { GroupId: 'sg-0a1b2c3d4e5f67890', GroupName: 'web-sg', VpcId: 'vpc-0a100000000000001' },
    { GroupId: 'sg-0e500000000000001', GroupName: 'default', VpcId: 'vpc-0a100000000000001' },
    { GroupId: 'sg-0e500000000000003', GroupName: 'default', VpcId: 'vpc-0a100000000000001' },
    { GroupId: 'sg-0e500000000000004', GroupName: 'launch-wizard', Tags: [{ Key: 'Name', Value: 'bastion' }], VpcId: 'vpc-0a100000000000001' },
  ],
  RouteTables: [{ RouteTableId: 'rtb-0c300000000000001', VpcId: 'vpc-0a100000000000001', Tags: [{ Key: 'Name', Value: '  ' }] }],
  Reservations: [{ ReservationId: 'r-1', Instances: [{ InstanceId: 'i-0aaa', Tags: [{ Key: 'Other', Value: 'x' }] }, { InstanceId: 'i-0123456789abcdef0', Tags: [{ Key: 'Name', Value: 'web-1' }] }] }],
  NetworkInterfaces: [{ NetworkInterfaceId: 'eni-0d400000000000001', TagSet: [{ Key: 'Name', Value: 'app-eni' }] }],
} as never;

describe('editor tab labels', () => {
  it('shortens long ids to the kind and both ends of the hex, leaves short ones whole', () => {
    expect(shortenId('sg-0a1b2c3d4e5f67890')).toBe('sg-0a1b…7890');
    expect(shortenId('vpc-1a2b3c4d')).toBe('vpc-1a2b3c4d');
    expect(shortenId('eipalloc-0123456789abcdef0')).toBe('eipalloc-0123…def0');
    expect(shortenId('internet')).toBe('internet');
  });

  it('names a resource by its Name tag, a security group by its GroupName when it has no Name tag', () => {
    expect(resourceName(doc, 'vpc-0a100000000000001')).toBe('vpc-a');
    expect(resourceName(doc, 'sg-0a1b2c3d4e5f67890')).toBe('web-sg');
    expect(resourceName(doc, 'sg-0e500000000000004')).toBe('bastion');
    expect(resourceName(doc, 'i-0123456789abcdef0')).toBe('web-1');
    expect(resourceName(doc, 'eni-0d400000000000001')).toBe('app-eni');
    // No Name tag, a blank one, or no such resource: no name.
    expect(resourceName(doc, 'i-0aaa')).toBeNull();
    expect(resourceName(doc, 'rtb-0c300000000000001')).toBeNull();
    expect(resourceName(doc, 'sg-0ffffffffffffffff')).toBeNull();
  });

  it('shows "name · short id", the full id in the tooltip and the accessible name; an unnamed resource keeps its id', () => {
    const [web, rtb] = tabLabels(doc, ['sg-0a1b2c3d4e5f67890', 'rtb-0c300000000000001']);
    expect(web).toEqual({ id: 'sg-0a1b2c3d4e5f67890', name: 'web-sg', shortId: 'sg-0a1b…7890', title: 'web-sg · sg-0a1b2c3d4e5f67890', ariaLabel: 'web-sg (sg-0a1b2c3d4e5f67890)', exists: true });
    expect(rtb).toEqual({ id: 'rtb-0c300000000000001', name: null, shortId: 'rtb-0c300000000000001', title: 'rtb-0c300000000000001', ariaLabel: 'rtb-0c300000000000001', exists: true });
  });

  it('two tabs that would read the same show their whole ids', () => {
    const a = 'sg-0e500000000000001';
    const twin = { ...doc, SecurityGroups: [...doc.SecurityGroups!, { GroupId: 'sg-0e500000001000001', GroupName: 'default', VpcId: 'vpc-0a100000000000001' }] } as Snapshot;
    const labels = tabLabels(twin, [a, 'sg-0e500000001000001', 'sg-0e500000000000003']);
    expect(labels.map((l) => l.shortId)).toEqual([a, 'sg-0e500000001000001', 'sg-0e50…0003']);
  });

  it('follows the document: a renamed resource is renamed, a removed one is marked as gone', () => {
    const renamed = { ...doc, Vpcs: [{ ...doc.Vpcs![0], Tags: [{ Key: 'Name', Value: 'prod' }] }] } as Snapshot;
    expect(tabLabels(renamed, ['vpc-0a100000000000001'])[0].title).toBe('prod · vpc-0a100000000000001');
    expect(tabLabels({ ...doc, Vpcs: [] }, ['vpc-0a100000000000001'])[0]).toMatchObject({ name: null, exists: false });
  });
});

describe('sample picker source', () => {
  it('selects the sample in force, else the placeholder saying what is loaded', () => {
    const ids = ['seed', 'test-nat-gateway'];
    expect(pickerValue({ kind: 'sample', id: 'seed' }, ids)).toBe('seed');
    expect(pickerValue({ kind: 'sample', id: 'empty' }, ids)).toBe('empty');
    expect(pickerValue({ kind: 'sample', id: 'gone' }, ids)).toBe('');
    expect(pickerValue({ kind: 'import', name: 'a.json' }, ids)).toBe('');
    expect(placeholderText({ kind: 'import', name: 'a.json' })).toBe('Imported: a.json');
    expect(placeholderText({ kind: 'lab', title: 'Fix SSH' })).toBe('Lab: Fix SSH');
    expect(placeholderText({ kind: 'other', label: 'Imported' })).toBe('Imported');
    expect(placeholderText({ kind: 'share' })).toBe('Opened from a share link');
    expect(placeholderText({ kind: 'none' })).toBe('Samples…');
  });
});

describe('sourceLabel', () => {
  it('names the network in force for a sentence', () => {
    expect(sourceLabel({ kind: 'lab', title: 'VPC peering and flow logs' })).toBe('lab "VPC peering and flow logs"');
    expect(sourceLabel({ kind: 'sample', id: 'empty' })).toBe('the empty workspace');
    expect(sourceLabel({ kind: 'sample', id: 'two-tier' })).toBe('sample two-tier');
    expect(sourceLabel({ kind: 'import', name: 'vpcs.json' })).toBe('imported vpcs.json');
    expect(sourceLabel({ kind: 'none' })).toBe('a new network');
  });
});

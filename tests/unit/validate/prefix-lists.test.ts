/**
 * Security group rules that name a managed prefix list. The simulator knows a list's CIDRs only
 * from the snapshot's "PrefixLists" (describe-prefix-lists: `Cidrs`); a rule naming any other
 * list matches nothing, which must be said (a warning, as for a group the snapshot lacks).
 * cleanDoc's sg-1 has 4 inbound rules and 1 outbound; its PrefixLists holds pl-1 without CIDRs.
 */
import { describe, expect, it } from 'vitest';
import { compileNetwork } from '../../../src/engine/model/compile.ts';
import type { Snapshot } from '../../../src/engine/model/schema.ts';
import { codes, cleanDoc, type Doc, expectOne, validateWith } from './fixtures.ts';

const SG0 = '$.SecurityGroups[0]';
const inboundFrom = (...ids: string[]) => (d: Doc) => { d.SecurityGroups[0].IpPermissions.push({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, PrefixListIds: ids.map((PrefixListId) => ({ PrefixListId })) }); };

describe('SG_PREFIX_LIST_MISSING (a warning)', () => {
  it('for a prefix list the snapshot does not hold', () => {
    const d = validateWith(inboundFrom('pl-0gone'));
    expectOne(d, 'SG_PREFIX_LIST_MISSING', 'warning', `${SG0}.IpPermissions[4].PrefixListIds[0].PrefixListId`,
      ['Security group sg-1 ("web") inbound rule 5', 'prefix list pl-0gone', 'not in the snapshot', 'matches nothing in the simulator', 'CIDRs are unknown']);
    expect(codes(d)).toEqual(['SG_PREFIX_LIST_MISSING']);
  });

  it('for one listed without its CIDRs (as describe-managed-prefix-lists prints it)', () => {
    expectOne(validateWith(inboundFrom('pl-1')), 'SG_PREFIX_LIST_MISSING', 'warning', `${SG0}.IpPermissions[4].PrefixListIds[0].PrefixListId`, ['pl-1', 'lists without its CIDRs']);
  });

  it('for an outbound rule, one per unknown list of the rule', () => {
    const d = validateWith((doc) => { doc.SecurityGroups[0].IpPermissionsEgress.push({ IpProtocol: '-1', PrefixListIds: [{ PrefixListId: 'pl-a' }, { PrefixListId: 'pl-b' }] }); });
    expect(d.map((x) => [x.code, x.path])).toEqual([
      ['SG_PREFIX_LIST_MISSING', `${SG0}.IpPermissionsEgress[1].PrefixListIds[0].PrefixListId`],
      ['SG_PREFIX_LIST_MISSING', `${SG0}.IpPermissionsEgress[1].PrefixListIds[1].PrefixListId`],
    ]);
    expect(d[0].message).toContain('outbound rule 2');
  });

  it('not for a prefix list whose CIDRs the snapshot holds, even an empty list', () => {
    expect(validateWith((doc) => { doc.PrefixLists[0].Cidrs = ['54.231.0.0/17']; inboundFrom('pl-1')(doc); })).toEqual([]);
    expect(validateWith((doc) => { doc.PrefixLists[0].Cidrs = []; inboundFrom('pl-1')(doc); })).toEqual([]);
  });

  it('not when a second copy without CIDRs follows the one with them; the compiled rule keeps them', () => {
    const doc = cleanDoc();
    doc.PrefixLists = [{ PrefixListId: 'pl-1', Cidrs: ['54.231.0.0/17'] }, { PrefixListId: 'pl-1', PrefixListName: 'com.amazonaws.us-east-1.s3' }];
    inboundFrom('pl-1')(doc);
    expect(validateWith((d) => Object.assign(d, doc))).toEqual([]);
    const line = compileNetwork(doc as Snapshot).securityGroups.get('sg-1')!.ingress.find((l) => l.peer.kind === 'prefix-list');
    expect(line?.peer).toEqual({ kind: 'prefix-list', id: 'pl-1', cidrs: [{ base: expect.any(Number), prefix: 17 }] });
  });
});

/**
 * `peering-state`: a peering connection between two VPCs (either may be the requester) is in
 * a given state. Naming the VPCs, not the connection, lets the learner's own pcx- id pass.
 */
import { z } from 'zod';
import { PEERING_STATUS_CODES } from '../../model/schema.ts';
import { RefSchema } from '../traffic.ts';
import { COMMON_FIELDS, type CheckKind, fail, pass, shown } from './common.ts';

const Status = z.enum(PEERING_STATUS_CODES);

export const PeeringStateCheckSchema = z.strictObject({
  kind: z.literal('peering-state'),
  between: z.tuple([RefSchema, RefSchema]).describe('The two VPCs, e.g. ["name:vpc-1", "name:vpc-2"], in either order.'),
  status: z.union([Status, z.array(Status).min(1)]).describe('The state it must be in (default "active"), or one of a list.').optional(),
  expect: z.boolean().describe('true (default): such a peering exists; false: none does.').optional(),
  ...COMMON_FIELDS,
}).describe('A peering connection between two VPCs is in a given state.');

export type PeeringStateCheck = z.input<typeof PeeringStateCheckSchema>;

export const peeringStateCheck: CheckKind<PeeringStateCheck> = {
  kind: 'peering-state',
  describe: (c) => `${c.expect === false ? 'no' : 'a'} peering between ${shown(c.between[0])} and ${shown(c.between[1])} is ${[c.status ?? 'active'].flat().join(' or ')}`,
  evaluate(c, ctx) {
    const a = ctx.resolver.resourceId(c.between[0]);
    const b = ctx.resolver.resourceId(c.between[1]);
    if (!a.ok) return fail(`between[0]: ${a.error}.`);
    if (!b.ok) return fail(`between[1]: ${b.error}.`);
    const wanted: string[] = [c.status ?? 'active'].flat();
    const pair = [...ctx.net.peerings.values()].filter((p) =>
      (p.requesterVpcId === a.value && p.accepterVpcId === b.value) || (p.requesterVpcId === b.value && p.accepterVpcId === a.value));
    const hit = pair.find((p) => wanted.includes(p.status));
    const states = pair.map((p) => `${p.id} is ${p.status}`).join(', ');
    if (c.expect === false) return hit ? fail(`${hit.id} between ${a.value} and ${b.value} is ${hit.status}.`) : pass(pair.length ? `${states}.` : `No peering connects ${a.value} and ${b.value}.`);
    if (hit) return pass(`${hit.id} between ${a.value} and ${b.value} is ${hit.status}.`);
    return fail(pair.length ? `${states}, not ${wanted.join(' or ')}.` : `No peering connects ${a.value} and ${b.value} yet.`);
  },
};

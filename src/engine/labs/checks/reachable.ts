/**
 * `reachable`: traffic from one end to another gets through (the request arrives and, for ICMP
 * and TCP, the reply gets back), or with `expect: false`, does not.
 */
import { z } from 'zod';
import { trafficText } from '../traffic.ts';
import { COMMON_FIELDS, PROBE_FIELDS, type CheckKind, fail, pass } from './common.ts';

export const ReachableCheckSchema = z.strictObject({
  kind: z.literal('reachable'),
  ...PROBE_FIELDS,
  expect: z.boolean().default(true).describe('true: the traffic must get through (and its reply back); false: it must not.'),
  ...COMMON_FIELDS,
}).describe('Traffic from X to Y with a protocol and port is (or is not) reachable, as the trace shows.');

export type ReachableCheck = z.input<typeof ReachableCheckSchema>;

export const reachableCheck: CheckKind<ReachableCheck> = {
  kind: 'reachable',
  describe: (c) => `${trafficText(c)} ${c.expect === false ? 'does not get through' : 'gets through'}`,
  evaluate(c, ctx) {
    const r = ctx.trace(c);
    if (!r.ok) return fail(`The traffic cannot be sent: ${r.error}.`);
    const expect = c.expect ?? true;
    const t = r.value;
    const first = t.explanations[0];
    if (t.reachable) {
      return expect ? pass(`${trafficText(c)}: delivered${t.return ? ', and the reply gets back' : ''}.`) : fail(`${trafficText(c)} still gets through.`);
    }
    const why = first ? first.message : 'it is not delivered.';
    return expect ? fail(`${trafficText(c)} does not get through: ${why}`) : pass(`${trafficText(c)} is stopped: ${why}`);
  },
};

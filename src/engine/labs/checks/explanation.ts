/**
 * `explanation`: the trace of a failing path names a given explanation code (Reachability
 * Analyzer's vocabulary), optionally at a given component, direction and path.
 */
import { z } from 'zod';
import type { ExplanationCode } from '../../walk/index.ts';
import { RefSchema, trafficText } from '../traffic.ts';
import type { Resolver, Resolved } from '../refs.ts';
import { COMMON_FIELDS, PROBE_FIELDS, type CheckKind, fail, pass, shown } from './common.ts';

/** Every code the trace may give (see the trace contract). */
export const EXPLANATION_CODES = [
  'NO_ROUTE_TO_DESTINATION', 'BAD_STATE_ROUTE', 'ENI_SG_RULES_MISMATCH', 'SUBNET_ACL_RESTRICTION',
  'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', 'IGW_PUBLIC_IP_ASSOCIATION_FOR_EGRESS', 'IGW_DESTINATION_ADDRESS_NOT_IN_RFC1918_EGRESS',
  'NO_ENI_AT_DESTINATION', 'IGW_PRIVATE_IP_ASSOCIATION_FOR_INGRESS', 'PROTOCOL_RESTRICTION', 'UNSUPPORTED_COMPONENT',
  'BAD_STATE', 'ASYMMETRIC_RETURN_PATH',
] as const satisfies readonly ExplanationCode[];

// Fails to compile when the walk gains a code this list lacks.
type Missing = Exclude<ExplanationCode, (typeof EXPLANATION_CODES)[number]>;
const complete: Missing extends never ? true : never = true;
void complete;

export const ExplanationCheckSchema = z.strictObject({
  kind: z.literal('explanation'),
  ...PROBE_FIELDS,
  code: z.enum(EXPLANATION_CODES).describe('The explanation code, e.g. "NO_ROUTE_TO_DESTINATION".'),
  component: RefSchema.describe('The component it must name: a route table, network ACL, interface (an instance stands for its primary interface), gateway or peering connection.').optional(),
  path: z.enum(['forward', 'return']).describe('"forward" (the request) or "return" (the reply).').optional(),
  direction: z.enum(['egress', 'ingress']).describe('For filters: leaving (egress) or entering (ingress).').optional(),
  ...COMMON_FIELDS,
}).describe('The trace of a failing path explains it with a given code, at a given component.');

export type ExplanationCheck = z.input<typeof ExplanationCheckSchema>;

/** The component id a reference stands for: an instance is never a component, its interface is. */
function componentId(ref: string, resolver: Resolver): Resolved<string> {
  const r = resolver.find(ref);
  if (r.ok && r.value.collection === 'Instances') return resolver.interfaceId(r.value.id);
  return r.ok ? { ok: true, value: r.value.id } : ref.startsWith('name:') ? r : { ok: true, value: ref };
}

export const explanationCheck: CheckKind<ExplanationCheck> = {
  kind: 'explanation',
  describe: (c) => `${trafficText(c)} is stopped with ${c.code}${c.component ? ` at ${shown(c.component)}` : ''}`,
  evaluate(c, ctx) {
    const r = ctx.trace(c);
    if (!r.ok) return fail(`The traffic cannot be sent: ${r.error}.`);
    if (r.value.reachable) return fail(`${trafficText(c)} gets through, so there is nothing to explain.`);
    let component: string | null = null;
    if (c.component) {
      const id = componentId(c.component, ctx.resolver);
      if (!id.ok) return fail(`component: ${id.error}.`);
      component = id.value;
    }
    const found = r.value.explanations.find((e) => e.code === c.code && (component === null || e.component === component)
      && (!c.path || e.path === c.path) && (!c.direction || e.direction === c.direction));
    if (found) return pass(`${found.code} at ${found.component}: ${found.message}`);
    const seen = r.value.explanations.map((e) => `${e.code} at ${e.component}`).join('; ');
    return fail(`The trace explains it otherwise: ${seen || 'no explanation'}.`);
  },
};

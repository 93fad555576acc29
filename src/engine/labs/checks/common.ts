/**
 * What every check kind shares: optional `label` and `guard` fields, the probe fields of the
 * traffic checks, and the shape of a kind (schema, predicate, label).
 */
import { z } from 'zod';
import type { CheckContext, CheckResult } from '../context.ts';
import { ProtocolSchema, RefSchema, TrafficSchema } from '../traffic.ts';

/** Fields every check may carry. */
export const COMMON_FIELDS = {
  label: z.string().min(1).max(300).describe('What the learner sees next to the check (default: a sentence the engine writes).').optional(),
  guard: z.boolean().describe('A condition to keep while working ("do not lock out the admin"), rather than a goal: it may already hold before the step.').optional(),
};

/** The probe of a reachable/explanation check: the trace command's options. */
export const PROBE_FIELDS = {
  from: RefSchema.describe('Where the traffic starts: "name:web-1", an instance or interface id, a private IP, "internet", or a public IPv4.'),
  to: RefSchema.describe('Where it goes: "name:web-2", an instance or interface id, or any IPv4 address.'),
  protocol: ProtocolSchema.default('icmp'),
  port: z.number().int().min(0).max(65535).describe('Destination port for tcp/udp (default 22 for tcp, 53 for udp).').optional(),
  sourcePort: z.number().int().min(0).max(65535).describe('Source port for tcp/udp.').optional(),
};

/** Traffic a record check sends itself: a list, or "background" for the lab's background traffic. */
export const CheckTrafficSchema = z.union([z.array(TrafficSchema).max(50), z.literal('background')])
  .describe('Traffic the check sends through the current document before looking at the records (so the check works without the learner\'s history); "background" replays the lab\'s background traffic.');

/** One kind of check: its schema, its pure predicate, and a default label. */
export interface CheckKind<C extends { kind: string }> {
  kind: C['kind'];
  evaluate(check: C, ctx: CheckContext): CheckResult;
  describe(check: C): string;
}

export const pass = (detail: string): CheckResult => ({ passed: true, detail });
export const fail = (detail: string): CheckResult => ({ passed: false, detail });

/** A reference as a learner reads it: `name:web-1` → `web-1`. */
export const shown = (ref: string): string => (ref.startsWith('name:') ? ref.slice(5) : ref);

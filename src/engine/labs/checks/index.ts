/**
 * The check kinds: one file each (schema, pure predicate, default label), gathered here into
 * one discriminated union and one dispatcher.
 */
import { z } from 'zod';
import type { CheckContext, CheckResult } from '../context.ts';
import type { CheckKind } from './common.ts';
import { ExplanationCheckSchema, explanationCheck } from './explanation.ts';
import { FlowLogExistsCheckSchema, flowLogExistsCheck } from './flow-log-exists.ts';
import { FlowLogRecordCheckSchema, flowLogRecordCheck } from './flow-log-record.ts';
import { InsightsQueryCheckSchema, insightsQueryCheck } from './insights-query.ts';
import { PeeringStateCheckSchema, peeringStateCheck } from './peering-state.ts';
import { ReachableCheckSchema, reachableCheck } from './reachable.ts';
import { ResourceCheckSchema, resourceCheck } from './resource.ts';

export const CheckSchema = z.discriminatedUnion('kind', [
  ReachableCheckSchema, ExplanationCheckSchema, FlowLogExistsCheckSchema, FlowLogRecordCheckSchema,
  ResourceCheckSchema, PeeringStateCheckSchema, InsightsQueryCheckSchema,
]).describe('A check: a declarative predicate over the learner\'s document and flow-log records, evaluated by the engine.');

/** A check as a lab file writes it (defaults not yet applied). */
export type Check = z.input<typeof CheckSchema>;
export type CheckKindName = Check['kind'];

const KINDS: { [K in CheckKindName]: CheckKind<Extract<Check, { kind: K }>> } = {
  'reachable': reachableCheck,
  'explanation': explanationCheck,
  'flow-log-exists': flowLogExistsCheck,
  'flow-log-record': flowLogRecordCheck,
  'resource': resourceCheck,
  'peering-state': peeringStateCheck,
  'insights-query': insightsQueryCheck,
};

/** The kinds a lab file may use, for messages and the editor. */
export const CHECK_KINDS = Object.keys(KINDS) as CheckKindName[];

function kindOf<K extends CheckKindName>(check: Extract<Check, { kind: K }>): CheckKind<Extract<Check, { kind: K }>> {
  return KINDS[check.kind as K] as CheckKind<Extract<Check, { kind: K }>>;
}

/** Evaluates one check. Never throws: an unexpected failure is a failed check that says so. */
export function evaluateCheck(check: Check, ctx: CheckContext): CheckResult {
  const kind = kindOf(check);
  if (!kind) return { passed: false, detail: `unknown check kind "${String((check as { kind: unknown }).kind)}"` };
  try {
    return kind.evaluate(check, ctx);
  } catch (e) {
    return { passed: false, detail: `The check could not be evaluated: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** The label a learner sees: the check's own, or a sentence the engine writes. */
export function checkLabel(check: Check): string {
  return check.label ?? kindOf(check)?.describe(check) ?? String(check.kind);
}

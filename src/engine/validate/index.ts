/**
 * validate/: every problem in a snapshot document becomes a Diagnostic with a stable code, a
 * severity (error: AWS would refuse it; warning: AWS tolerates it), a JSON path to the field,
 * and one sentence that names the resource and says what to change.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { checkAssociations } from './associations.ts';
import { type Ctx, type Finding, buildContext } from './context.ts';
import { checkFlowLogs } from './flow-logs.ts';
import { checkGateways } from './gateways.ts';
import { checkDuplicateIds } from './ids.ts';
import { checkInterfaces } from './interfaces.ts';
import { checkForbiddenKeys, checkTopLevelKeys } from './keys.ts';
import { checkNetworkAcls } from './acls.ts';
import { checkPeerings } from './peering.ts';
import { isObj } from './read.ts';
import { checkVpcReferences } from './references.ts';
import { checkRoutes } from './routes.ts';
import { checkSecurityGroups } from './security-groups.ts';
import { checkShape } from './shape.ts';
import { toDiagnostics } from './sort.ts';
import { checkSubnets } from './subnets.ts';
import { checkVpcs } from './vpcs.ts';

import { DIAGNOSTIC_CODES } from './codes.ts';

export { DIAGNOSTIC_CODES };
export type { CodeInfo, DiagnosticCode } from './codes.ts';

/** The checks, each independent: one that fails on a strange document does not stop the others. */
const CHECKS: ReadonlyArray<[string, (ctx: Ctx) => void]> = [
  ['shape', checkShape], ['top-level keys', checkTopLevelKeys], ['forbidden keys', checkForbiddenKeys],
  ['ids', checkDuplicateIds], ['VPCs', checkVpcs], ['subnets', checkSubnets], ['VPC references', checkVpcReferences],
  ['routes', checkRoutes], ['associations', checkAssociations], ['peering', checkPeerings], ['network ACLs', checkNetworkAcls],
  ['security groups', checkSecurityGroups], ['network interfaces', checkInterfaces], ['gateways', checkGateways],
  ['flow logs', checkFlowLogs],
];

function describeInput(doc: unknown): string {
  if (doc === null) return 'null';
  if (Array.isArray(doc)) return 'a list';
  return typeof doc === 'string' ? 'a string' : `a ${typeof doc}`;
}

/**
 * Checks a snapshot document (the merged describe-* output, see contracts/trace-cli.md §1) and
 * returns every problem found, sorted by where it is in the document, then by code.
 * Pure and deterministic; never throws, whatever `doc` is, and never modifies it.
 */
export function validateSnapshot(doc: unknown): Diagnostic[] {
  if (!isObj(doc)) {
    return [{ code: 'NOT_AN_OBJECT', severity: 'error', path: '$', message: `The document is ${describeInput(doc)}, not a JSON object: a snapshot is an object whose keys are describe-* results such as "Vpcs" and "Subnets".` }];
  }
  const findings: Finding[] = [];
  const report: Ctx['report'] = (code, path, message) => void findings.push({ code, path, message });
  let ctx: Ctx | null = null;
  try {
    ctx = buildContext(doc, report);
  } catch {
    report('VALIDATOR_FAILED', [], 'The validator could not index this document: its resources were not checked.');
  }
  for (const [name, check] of ctx ? CHECKS : []) {
    try {
      check(ctx!);
    } catch {
      // A bug or a hostile input (a throwing getter, a Proxy): say so instead of crashing the caller.
      report('VALIDATOR_FAILED', [], `The ${name} check could not finish on this document: some of its problems may be unreported.`);
    }
  }
  try {
    return toDiagnostics(doc, findings);
  } catch {
    return findings.map((f) => ({ code: f.code, severity: DIAGNOSTIC_CODES[f.code].severity, path: '$', message: f.message }));
  }
}

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
import { checkMiddleboxRoutes } from './middlebox-routes.ts';
import { checkSecurityGroupQuotas, checkSecurityGroups } from './security-groups.ts';
import { checkPrefixListReferences, checkRoutePrefixLists } from './prefix-lists.ts';
import { checkShape } from './shape.ts';
import { toDiagnostics } from './sort.ts';
import { checkSubnets } from './subnets.ts';
import { checkVpcs } from './vpcs.ts';
import { createValidationMemo, type ValidationMemo } from './memo.ts';
import { wholeCheck } from './local.ts';
import { allEnis } from './eni-list.ts';

import { DIAGNOSTIC_CODES } from './codes.ts';

export { DIAGNOSTIC_CODES };
export type { CodeInfo, DiagnosticCode } from './codes.ts';

/**
 * What a check reads, for an incremental validator (see wholeCheck): the lists of the document
 * and the indexes of the context it looks at. A check whose inputs are all the same objects as
 * last time (the edit was elsewhere) replays its findings. Checks without an entry always run;
 * most of them remember per resource instead.
 */
type Deps = (ctx: Ctx) => readonly unknown[];

/** The ids a security group index holds, as one string: the same while only rules change. */
const groupIds = new WeakMap<object, string>();
function idsOf(index: Ctx['securityGroups']): string {
  let ids = groupIds.get(index);
  if (ids === undefined) groupIds.set(index, (ids = [...index.byId.keys()].join('\n')));
  return ids;
}

/** The checks, each independent: one that fails on a strange document does not stop the others. */
const CHECKS: ReadonlyArray<[string, (ctx: Ctx) => void, Deps?]> = [
  ['shape', checkShape], ['top-level keys', checkTopLevelKeys], ['forbidden keys', checkForbiddenKeys],
  ['ids', checkDuplicateIds], ['VPCs', checkVpcs, (c) => [c.vpcs]], ['subnets', checkSubnets, (c) => [c.subnets, c.vpcs]],
  ['VPC references', checkVpcReferences, (c) => [c.routeTables, c.networkAcls, c.securityGroups, c.vpcs]],
  ['routes', checkRoutes, (c) => [c.routeTables, c.internetGateways, c.natGateways, c.peerings]],
  ['middlebox routes', checkMiddleboxRoutes, (c) => [c.routeTables, c.vpcs, c.subnets]],
  ['associations', checkAssociations, (c) => [c.routeTables, c.networkAcls, c.subnets, c.vpcs]],
  ['peering', checkPeerings, (c) => [c.peerings, c.vpcs]], ['network ACLs', checkNetworkAcls, (c) => [c.networkAcls]],
  ['security groups', checkSecurityGroups, (c) => [c.securityGroups]],
  // A prefix list counts against the rules quota as its maximum entries, read from PrefixLists.
  ['security group quotas', checkSecurityGroupQuotas, (c) => [c.securityGroups, c.doc.PrefixLists]],
  // Which prefix lists the document holds is read from its PrefixLists list, outside the groups.
  ['prefix list references', checkPrefixListReferences, (c) => [c.securityGroups, c.doc.PrefixLists]],
  ['route prefix lists', checkRoutePrefixLists, (c) => [c.routeTables, c.doc.PrefixLists]],
  ['network interfaces', checkInterfaces, (c) => [allEnis(c), c.subnets, idsOf(c.securityGroups)]],
  ['gateways', checkGateways, (c) => [c.internetGateways, c.natGateways, c.doc.Addresses]],
  ['flow logs', checkFlowLogs, (c) => [c.doc.FlowLogs, c.vpcs, c.subnets, allEnis(c)]],
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
  return validate(doc, null);
}

/**
 * An incremental validateSnapshot for a sequence of immutable documents, such as the
 * workspace's: each document an edit of the one before, sharing every object the edit did not
 * touch. Results that depend on one object alone are remembered per object (see memo.ts), so
 * an edit costs about what it changed. The diagnostics are exactly validateSnapshot's, provided
 * no document (nor any object in it) is modified after it was passed in.
 */
export function createSnapshotValidator(): (doc: unknown) => Diagnostic[] {
  const memo = createValidationMemo();
  return (doc) => validate(doc, memo);
}

function validate(doc: unknown, memo: ValidationMemo | null): Diagnostic[] {
  if (!isObj(doc)) {
    return [{ code: 'NOT_AN_OBJECT', severity: 'error', path: '$', message: `The document is ${describeInput(doc)}, not a JSON object: a snapshot is an object whose keys are describe-* results such as "Vpcs" and "Subnets".` }];
  }
  const findings: Finding[] = [];
  const report: Ctx['report'] = (code, path, message) => void findings.push({ code, path, message });
  let ctx: Ctx | null = null;
  try {
    ctx = buildContext(doc, report, memo);
  } catch {
    report('VALIDATOR_FAILED', [], 'The validator could not index this document: its resources were not checked.');
  }
  for (const [name, check, deps] of ctx ? CHECKS : []) {
    try {
      if (deps && ctx!.memo) wholeCheck(ctx!, name, deps(ctx!), check);
      else check(ctx!);
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

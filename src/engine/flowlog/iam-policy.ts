/**
 * A small IAM policy evaluator, enough to decide whether the flow-logs service may assume a role
 * and write to CloudWatch Logs: an explicit Deny wins, else an Allow is needed, else the request
 * is implicitly denied. Actions match case-insensitively with `*` and `?` wildcards; resources
 * match case-sensitively. Condition keys the simulator does not model are treated as satisfied.
 */
import type { PolicyDocument, Principal, Statement } from './iam-schema.ts';

/** One request to evaluate. */
export interface PolicyRequest {
  /** e.g. "sts:AssumeRole", "logs:PutLogEvents". */
  action: string;
  /** Candidate resource ARNs: a statement's Resource matches when a pattern matches any of them. */
  resources: readonly string[];
  /** The calling service principal, for trust policies; undefined for identity policies. */
  service?: string;
  /** Known condition key values, keys lowercase (e.g. "aws:sourceaccount"). */
  conditionValues?: Readonly<Record<string, string>>;
}

/** The outcome: allowed, explicitly denied (by `statement`), or not allowed by any statement. */
export type PolicyDecision =
  | { decision: 'allow'; statement: Statement }
  | { decision: 'deny'; statement: Statement }
  | { decision: 'implicit-deny' };

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Statements of a document, whether it holds one statement or a list. */
export function statementsOf(doc: PolicyDocument): Statement[] {
  return Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
}

/** Evaluates a request against policy documents as IAM does (explicit Deny > Allow > implicit deny). */
export function evaluatePolicies(docs: readonly PolicyDocument[], req: PolicyRequest): PolicyDecision {
  let allow: Statement | null = null;
  for (const doc of docs) {
    for (const st of statementsOf(doc)) {
      if (!statementApplies(st, req)) continue;
      if (st.Effect === 'Deny') return { decision: 'deny', statement: st };
      allow ??= st;
    }
  }
  return allow ? { decision: 'allow', statement: allow } : { decision: 'implicit-deny' };
}

/** True when the statement's action, resource, principal and conditions all match the request. */
export function statementApplies(st: Statement, req: PolicyRequest): boolean {
  return actionMatches(st, req.action) && resourceMatches(st, req.resources) && principalMatches(st, req.service) && conditionsHold(st, req.conditionValues ?? {});
}

/** Glob match: `*` any run of characters, `?` one character. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  const source = '^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$';
  return new RegExp(source, ignoreCase ? 'is' : 's').test(value);
}

function actionMatches(st: Statement, action: string): boolean {
  if (st.Action !== undefined) return list(st.Action).some((p) => wildcardMatch(p, action, true));
  if (st.NotAction !== undefined) return !list(st.NotAction).some((p) => wildcardMatch(p, action, true));
  return false;
}

function resourceMatches(st: Statement, resources: readonly string[]): boolean {
  if (st.Resource !== undefined) return list(st.Resource).some((p) => resources.some((r) => wildcardMatch(p, r)));
  if (st.NotResource !== undefined) return resources.some((r) => !list(st.NotResource).some((p) => wildcardMatch(p, r)));
  return true; // trust policies name no resource: the role itself is the resource
}

function principalNames(p: Principal, service: string): boolean {
  if (p === '*') return true;
  if (list(p.AWS).includes('*')) return true;
  return list(p.Service).some((s) => s.toLowerCase() === service.toLowerCase());
}

function principalMatches(st: Statement, service: string | undefined): boolean {
  if (service === undefined) return true; // identity policies have no principal
  if (st.Principal !== undefined) return principalNames(st.Principal, service);
  if (st.NotPrincipal !== undefined) return !principalNames(st.NotPrincipal, service);
  return false; // a trust policy statement must name a principal
}

type Test = (pattern: string, value: string) => boolean;
const OPERATORS: Record<string, { test: Test; negated: boolean }> = {
  stringequals: { test: (p, v) => p === v, negated: false },
  stringnotequals: { test: (p, v) => p === v, negated: true },
  stringequalsignorecase: { test: (p, v) => p.toLowerCase() === v.toLowerCase(), negated: false },
  stringnotequalsignorecase: { test: (p, v) => p.toLowerCase() === v.toLowerCase(), negated: true },
  stringlike: { test: (p, v) => wildcardMatch(p, v), negated: false },
  stringnotlike: { test: (p, v) => wildcardMatch(p, v), negated: true },
  arnequals: { test: (p, v) => wildcardMatch(p, v), negated: false },
  arnlike: { test: (p, v) => wildcardMatch(p, v), negated: false },
  arnnotequals: { test: (p, v) => wildcardMatch(p, v), negated: true },
  arnnotlike: { test: (p, v) => wildcardMatch(p, v), negated: true },
};

function conditionsHold(st: Statement, values: Readonly<Record<string, string>>): boolean {
  for (const [rawOperator, block] of Object.entries(st.Condition ?? {})) {
    const op = OPERATORS[rawOperator.toLowerCase().replace(/ifexists$/, '')];
    if (!op) continue; // an operator the simulator does not model
    for (const [rawKey, expected] of Object.entries(block)) {
      const actual = values[rawKey.toLowerCase()];
      if (actual === undefined) continue; // a key the simulator does not model
      const patterns = (Array.isArray(expected) ? expected : [expected]).map(String);
      const any = patterns.some((p) => op.test(p, actual));
      if (op.negated ? any : !any) return false;
    }
  }
  return true;
}

/**
 * Matchers: how a check says what a value must look like, as data an instructor can write.
 * - A literal (string, number, boolean) must be equal; `null` matches null or an absent field.
 *   A `name:` string is resolved first (see refs.ts): in an address field it becomes the
 *   resource's private IPv4, in an interface field its interface id, elsewhere its id.
 * - An object whose keys start with `$` is a set of operators, all of which must hold:
 *   `$ne`, `$in` [list], `$prefix` "pcx-", `$exists` true/false, `$cidr` "10.0.0.0/8" (an address
 *   inside it), `$gte` / `$lte` (numbers), `$not` (a matcher).
 * - Any other object is a partial match: each key it names must match; other keys are ignored.
 * - An array must be matched element-wise as a set: each matcher needs some matching element.
 * When the value itself is an array and the matcher is not, some element must match.
 */
import { contains, tryParseCidr, tryParseIpv4 } from '../ip/index.ts';
import { type Resolved, type Resolver, isNameRef } from './refs.ts';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The operators a matcher may use. */
export const MATCH_OPERATORS = ['$ne', '$in', '$prefix', '$exists', '$cidr', '$gte', '$lte', '$not'] as const;

/** Resolves a `name:` string for a given field; errors are collected for the check's detail. */
export interface MatchEnv {
  resolve(field: string, ref: string): Resolved<string>;
  errors: string[];
}

/** A match environment over a resolver: the field's name decides what a name stands for. */
export function matchEnv(resolver: Resolver): MatchEnv {
  return {
    errors: [],
    resolve(field, ref) {
      const f = field.toLowerCase();
      if (f === 'interfaceid' || f === 'networkinterfaceid') return resolver.interfaceId(ref);
      if (/(addr|address)$|^(private|public)?ip$/.test(f)) return resolver.address(ref);
      return resolver.resourceId(ref);
    },
  };
}

const isOperatorObject = (m: Json): boolean => Object.keys(m).length > 0 && Object.keys(m).every((k) => k.startsWith('$'));

/** True when `actual` (found under the key `field`) satisfies `matcher`. */
export function matches(actual: unknown, matcher: unknown, env: MatchEnv, field = ''): boolean {
  if (Array.isArray(matcher)) {
    if (!Array.isArray(actual)) return false;
    return matcher.every((m) => actual.some((a) => matches(a, m, env, field)));
  }
  if (Array.isArray(actual) && !(isObject(matcher) && isOperatorObject(matcher))) {
    return actual.some((a) => matches(a, matcher, env, field));
  }
  if (isObject(matcher)) {
    if (isOperatorObject(matcher)) return Object.entries(matcher).every(([op, arg]) => operator(op, arg, actual, env, field));
    if (!isObject(actual)) return false;
    return Object.entries(matcher).every(([k, m]) => matches(Object.hasOwn(actual, k) ? actual[k] : undefined, m, env, k));
  }
  return literal(actual, matcher, env, field);
}

function literal(actual: unknown, expected: unknown, env: MatchEnv, field: string): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (typeof expected === 'string' && isNameRef(expected)) {
    const r = env.resolve(field, expected);
    if (!r.ok) {
      if (!env.errors.includes(r.error)) env.errors.push(r.error);
      return false;
    }
    expected = r.value;
  }
  // Documents spell numbers both ways ("Protocol": "6" in NACL entries, 6 in flow logs).
  if (typeof actual === 'number' && typeof expected === 'string') return String(actual) === expected;
  if (typeof actual === 'string' && typeof expected === 'number') return actual === String(expected);
  return actual === expected;
}

function operator(op: string, arg: unknown, actual: unknown, env: MatchEnv, field: string): boolean {
  switch (op) {
    case '$ne': return !literal(actual, arg, env, field);
    case '$in': return Array.isArray(arg) && arg.some((a) => literal(actual, a, env, field));
    case '$prefix': return typeof actual === 'string' && typeof arg === 'string' && actual.startsWith(arg);
    case '$exists': return (actual !== undefined && actual !== null) === (arg === true);
    case '$gte': return typeof actual === 'number' && typeof arg === 'number' && actual >= arg;
    case '$lte': return typeof actual === 'number' && typeof arg === 'number' && actual <= arg;
    case '$not': return !matches(actual, arg, env, field);
    case '$cidr': {
      const c = typeof arg === 'string' ? tryParseCidr(arg) : null;
      const ip = typeof actual === 'string' ? tryParseIpv4(actual) : null;
      if (c?.ok && ip?.ok) return contains(c.value, ip.value);
      // A CIDR field (a route's destination) matches when it lies inside the block.
      const inner = typeof actual === 'string' ? tryParseCidr(actual) : null;
      return !!(c?.ok && inner?.ok && inner.value.prefix >= c.value.prefix && contains(c.value, inner.value.base));
    }
    default: return false;
  }
}

/** Problems in a matcher as written (unknown operators, wrong operand types), with relative paths. */
export function matcherProblems(m: unknown, path: (string | number)[] = []): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  if (Array.isArray(m)) m.forEach((x, i) => out.push(...matcherProblems(x, [...path, i])));
  else if (isObject(m)) {
    for (const [k, v] of Object.entries(m)) {
      const at = [...path, k];
      if (!k.startsWith('$')) { out.push(...matcherProblems(v, at)); continue; }
      if (!(MATCH_OPERATORS as readonly string[]).includes(k)) out.push({ path: at, message: `unknown match operator "${k}" — expected one of ${MATCH_OPERATORS.join(', ')}` });
      else if (k === '$in' && !Array.isArray(v)) out.push({ path: at, message: '"$in" needs a list of values' });
      else if ((k === '$prefix' || k === '$cidr') && typeof v !== 'string') out.push({ path: at, message: `"${k}" needs a string` });
      else if (k === '$cidr' && typeof v === 'string' && !tryParseCidr(v).ok) out.push({ path: at, message: `"${v}" is not a CIDR block` });
      else if ((k === '$gte' || k === '$lte') && typeof v !== 'number') out.push({ path: at, message: `"${k}" needs a number` });
      else if (k === '$exists' && typeof v !== 'boolean') out.push({ path: at, message: '"$exists" needs true or false' });
      else if (k === '$not') out.push(...matcherProblems(v, at));
    }
    if (Object.keys(m).some((k) => k.startsWith('$')) && !isOperatorObject(m)) out.push({ path, message: 'an object mixes $operators with field names: put the operators under the field they test' });
  }
  return out;
}

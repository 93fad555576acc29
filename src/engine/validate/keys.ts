import { SIMULATED_KEYS } from '../model/schema.ts';
import { FORBIDDEN_KEYS } from '../model/safe-json.ts';
import { jsonPath } from '../diagnostics.ts';
import type { Ctx } from './context.ts';
import { type Obj, type Path, isObj } from './read.ts';

/**
 * Top-level keys that are data, not network: they change no packet's fate, so they are kept
 * without a warning. AvailabilityZones only names zones (subnets carry their own);
 * PrefixLists/ServiceNames/ServiceDetails are AWS's catalogues of service address ranges and
 * endpoint services; Playground is our own.
 */
const HARMLESS = new Set(['Playground', 'AvailabilityZones', 'PrefixLists', 'ServiceNames', 'ServiceDetails']);

/** What is lost when a family of keys is not simulated. */
const FAMILIES: ReadonlyArray<[RegExp, string]> = [
  [/^TransitGateway/, 'transit gateways are not simulated, so traffic routed to one stops there'],
  [/^(LoadBalancer|TargetGroup)/, 'load balancers are not simulated, so their network interfaces act as plain interfaces'],
  [/^VpcEndpoint/, 'VPC endpoints are not simulated, so traffic routed to one stops there'],
  [/^(Vpn|CustomerGateway)/, 'VPN connections are not simulated, so traffic routed to a virtual private gateway stops there'],
  [/^(DBInstances|DomainStatusList|RdsInstances)$/, 'managed databases and search domains are not simulated, though their network interfaces are'],
];

function countPhrase(v: unknown): string {
  if (Array.isArray(v)) return ` (${v.length} ${v.length === 1 ? 'item' : 'items'})`;
  return '';
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || (Array.isArray(v) && v.length === 0) || (isObj(v) && Object.keys(v).length === 0);
}

/** One NOT_SIMULATED warning per top-level key the engine does not model (empty ones skipped). */
export function checkTopLevelKeys(ctx: Ctx): void {
  const simulated = new Set<string>(SIMULATED_KEYS);
  for (const key of Object.keys(ctx.doc)) {
    if (simulated.has(key) || HARMLESS.has(key) || FORBIDDEN_KEYS.has(key)) continue;
    const value = ctx.doc[key];
    if (isEmpty(value)) continue;
    const family = FAMILIES.find(([re]) => re.test(key));
    const what = family ? family[1] : 'the simulator does not model it';
    ctx.report('NOT_SIMULATED', [key], `${jsonPath([key])}${countPhrase(value)} is kept unchanged, but ${what}.`);
  }
}

/** Past this many, further forbidden keys are not reported one by one (a hostile document could hold millions). */
const MAX_FORBIDDEN_REPORTS = 100;

/** A step of the walk: paths are built from parent links only when reported, so deep nesting costs no copying. */
interface Step {
  parent: Step | null;
  key: string | number;
}

function pathOf(step: Step | null): Path {
  const out: Array<string | number> = [];
  for (let s = step; s; s = s.parent) out.push(s.key);
  return out.reverse();
}

/**
 * FORBIDDEN_KEY wherever "__proto__", "constructor" or "prototype" is an own key. JSON.parse
 * makes "__proto__" an ordinary own property, which later copying (`{...x}`, Object.assign)
 * would turn into a prototype. Walks with an explicit stack so that deep nesting cannot
 * overflow the call stack, and remembers visited objects in case the input is not a tree.
 */
function hasForbiddenKey(doc: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [doc];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) return true;
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push(child);
    }
  }
  return false;
}

/** Past this depth or this many visits, the quick walk hands over to the exact one (cycles, shared subtrees). */
const QUICK_MAX_DEPTH = 100;
const QUICK_MAX_VISITS = 1_000_000;

/**
 * The same question as hasForbiddenKey for the usual document (a tree of plain objects from
 * JSON.parse), without remembering every visited object: that set cost more than the walk.
 * A cycle or heavy sharing shows up as depth or visits beyond the bounds, and an object with an
 * unusual prototype is not read with for...in: both answer null, and the exact walk decides.
 * for...in yields every own enumerable key (and, here, no other), so it never misses one.
 */
function quickHasForbiddenKey(doc: unknown): boolean | null {
  const stack: object[] = [];
  const depths: number[] = [];
  if (doc !== null && typeof doc === 'object') {
    stack.push(doc);
    depths.push(0);
  }
  let visits = 0;
  while (stack.length > 0) {
    const value = stack.pop()!;
    const depth = depths.pop()! + 1;
    if (depth > QUICK_MAX_DEPTH || ++visits > QUICK_MAX_VISITS) return null;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const item: unknown = value[i];
        if (item !== null && typeof item === 'object') {
          stack.push(item);
          depths.push(depth);
        }
      }
      continue;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return null;
    for (const key in value) {
      if (FORBIDDEN_KEYS.has(key)) return true;
      const child = (value as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') {
        stack.push(child);
        depths.push(depth);
      }
    }
  }
  return false;
}

/**
 * quickHasForbiddenKey for an incremental validator: top-level values and list elements whose
 * subtree was found clean before are skipped (an edit leaves almost all of them as they were).
 * Answers exactly as quickHasForbiddenKey on the whole document would, or null (then the exact walk).
 */
function quickHasForbiddenKeyRemembering(doc: Obj, clean: WeakSet<object>): boolean | null {
  const proto: unknown = Object.getPrototypeOf(doc);
  if (proto !== Object.prototype && proto !== null) return null;
  const part = (v: unknown): boolean | null => {
    if (v === null || typeof v !== 'object' || clean.has(v)) return false;
    const r = quickHasForbiddenKey(v);
    if (r === false) clean.add(v);
    return r;
  };
  for (const key in doc) {
    if (FORBIDDEN_KEYS.has(key)) return true;
    const value = doc[key];
    if (!Array.isArray(value)) {
      const r = part(value);
      if (r !== false) return r;
      continue;
    }
    if (clean.has(value)) continue; // an unchanged list: every element was clean
    for (let i = 0; i < value.length; i++) {
      const r = part(value[i]);
      if (r !== false) return r;
    }
    clean.add(value);
  }
  return false;
}

export function checkForbiddenKeys(ctx: Ctx): void {
  // Forbidden keys are rare: a cheap pass without path bookkeeping decides whether the
  // path-tracking walk is needed at all (it allocated a step per node of the document).
  const memo = ctx.memo?.noForbiddenKey;
  const quick = memo ? quickHasForbiddenKeyRemembering(ctx.doc, memo) : quickHasForbiddenKey(ctx.doc);
  if (!(quick ?? hasForbiddenKey(ctx.doc))) return;
  const seen = new Set<object>();
  const stack: Array<[unknown, Step | null]> = [[ctx.doc, null]];
  let reported = 0;
  while (stack.length > 0 && reported < MAX_FORBIDDEN_REPORTS) {
    const [value, step] = stack.pop()!;
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) if (value[i] !== null && typeof value[i] === 'object') stack.push([value[i], { parent: step, key: i }]);
      continue;
    }
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      if (FORBIDDEN_KEYS.has(key)) {
        const parent = pathOf(step);
        ctx.report('FORBIDDEN_KEY', [...parent, key], `The key ${JSON.stringify(key)} in ${jsonPath(parent)} is not part of any AWS output and can corrupt objects when copied: remove it.`);
        reported++;
      } else if (child !== null && typeof child === 'object') {
        stack.push([child, { parent: step, key }]);
      }
    }
  }
}

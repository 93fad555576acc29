import type { Expr } from './ast.ts';
import { walkExpr } from './check-pipeline.ts';
import { compileExpr } from './compile-expr.ts';
import type { CompileContext, Compiled, Pred } from './compiled.ts';
import { partsPred, type CompareOp, type FilterPart } from './filter-parts.ts';
import { toNumber, truthy } from './values.ts';

/**
 * Compiles a filter condition into conjuncts, choosing per conjunct the cheapest form:
 * 1. a condition on one dictionary-encoded field is evaluated once per dictionary entry into a
 *    truth table, so `action = "REJECT"`, `srcAddr like /^10\./` or `isIpv4InSubnet(srcAddr, …)`
 *    cost one array lookup per row;
 * 2. `numericField <op> number` compares the Float64Array directly;
 * 3. anything else evaluates the compiled getter.
 * Conjuncts are reordered cheapest first; the result is the same since evaluation is pure.
 */
export function compileFilterParts(e: Expr, ctx: CompileContext): FilterPart[] {
  const conjuncts: Expr[] = [];
  const split = (x: Expr): void => {
    if (x.type === 'binary' && x.op === 'and') { split(x.left); split(x.right); } else conjuncts.push(x);
  };
  split(e);
  const rank = { lookup: 1, compare: 2, between: 2, pred: 4 };
  return conjuncts.map((c) => compileOne(c, ctx)).sort((p, q) => rank[p.kind] - rank[q.kind]);
}

/** A filter condition as one row predicate. */
export function compilePredicate(e: Expr, ctx: CompileContext): Pred {
  return partsPred(compileFilterParts(e, ctx)) as Pred;
}

function compileOne(e: Expr, ctx: CompileContext): FilterPart {
  if (e.type === 'binary' && e.op === 'or') {
    const a = compilePredicate(e.left, ctx);
    const b = compilePredicate(e.right, ctx);
    return { kind: 'pred', pred: (i) => a(i) || b(i) };
  }
  const table = dictionaryTable(e, ctx);
  if (table) return table;
  const numeric = numericComparison(e, ctx);
  if (numeric) return numeric;
  const g = compileExpr(e, ctx).get;
  return { kind: 'pred', pred: (i) => truthy(g(i)) };
}

/** Names of the fields an expression reads (`bin` reads `@timestamp`). */
function fieldsOf(e: Expr): Set<string> {
  const names = new Set<string>();
  walkExpr(e, (x) => {
    if (x.type === 'field') names.add(x.name);
    else if (x.type === 'call' && x.name === 'bin') names.add('@timestamp');
  });
  return names;
}

/** A truth table over the dictionary when the condition reads exactly one dictionary field. */
function dictionaryTable(e: Expr, ctx: CompileContext): FilterPart | undefined {
  const names = fieldsOf(e);
  if (names.size !== 1) return undefined;
  const [name] = names;
  const src = ctx.resolve(name, e);
  const dict = src.dict;
  if (!dict) return undefined;
  const values = dict.values;
  // Evaluate the condition with the field bound to dictionary entry `code` instead of a row.
  const byCode: CompileContext = { resolve: (n, at) => (n === name ? { get: (code) => values[code], time: src.time } : ctx.resolve(n, at)) };
  const g = compileExpr(e, byCode).get;
  const table = new Uint8Array(values.length);
  for (let code = 0; code < values.length; code++) table[code] = truthy(g(code)) ? 1 : 0;
  return { kind: 'lookup', codes: dict.codes, table };
}

/** `field <op> number` (either side) on a numeric column; NaN (null) never matches. */
function numericComparison(e: Expr, ctx: CompileContext): FilterPart | undefined {
  if (e.type !== 'binary' || !['=', '!=', '<', '<=', '>', '>='].includes(e.op)) return undefined;
  let op = e.op;
  let fieldSide: Expr = e.left;
  let litSide: Expr = e.right;
  if (e.left.type === 'literal') {
    fieldSide = e.right;
    litSide = e.left;
    op = ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as Record<string, typeof op>)[op] ?? op;
  }
  if (fieldSide.type !== 'field' || litSide.type !== 'literal') return undefined;
  const lit = toNumber(litSide.value);
  const src: Compiled = ctx.resolve(fieldSide.name, fieldSide);
  if (lit === null || !src.num) return undefined;
  return { kind: 'compare', data: src.num.data, op: op as CompareOp, value: lit };
}

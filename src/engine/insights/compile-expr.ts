import type { BinaryOp, Expr } from './ast.ts';
import { constant, type CompileContext, type Compiled, type Getter } from './compiled.ts';
import { fail } from './errors.ts';
import { SCALAR_FUNCTIONS } from './functions.ts';
import { compileSpecialCall } from './compile-special.ts';
import type { Value } from './types.ts';
import { bool, looseCompare, looseEquals, toNumber, toText, truthy } from './values.ts';

/** Compiles an expression into a getter over row indexes. */
export function compileExpr(e: Expr, ctx: CompileContext): Compiled {
  const named = ctx.column?.(e);
  if (named) return named;
  switch (e.type) {
    case 'field': return ctx.resolve(e.name, e);
    case 'literal': return constant(e.value);
    case 'regex': return fail('expected-expression', 'a /regular expression/ can only follow like or =~', e.offset, e.length);
    case 'star': return fail('bad-arguments', '* is only valid in count(*)', e.offset, e.length);
    case 'period': return fail('invalid-literal', 'a time period is only valid in bin(), datefloor() and dateceil()', e.offset, e.length);
    case 'unary': return compileUnary(e.op, compileExpr(e.arg, ctx));
    case 'binary': return compileBinary(e.op, compileExpr(e.left, ctx), compileExpr(e.right, ctx));
    case 'in': return compileIn(e, ctx);
    case 'like': return compileLike(e, ctx);
    case 'call': return compileCall(e, ctx);
  }
}

/** Folds a getter to a constant when all its inputs are constants. */
function fold(get: Getter, inputs: Compiled[], time = false): Compiled {
  return inputs.every((c) => c.constant) ? constant(get(0), time) : { get, time };
}

function compileUnary(op: '-' | 'not', arg: Compiled): Compiled {
  const g = arg.get;
  if (op === 'not') return fold((i) => bool(!truthy(g(i))), [arg]);
  return fold((i) => { const x = toNumber(g(i)); return x === null ? null : -x; }, [arg]);
}

const ARITH: Partial<Record<BinaryOp, (x: number, y: number) => number | null>> = {
  '+': (x, y) => x + y,
  '-': (x, y) => x - y,
  '*': (x, y) => x * y,
  '/': (x, y) => (y === 0 ? null : x / y),
  '%': (x, y) => (y === 0 ? null : x % y),
  '^': (x, y) => x ** y,
};

const CMP: Partial<Record<BinaryOp, (c: number) => boolean>> = {
  '<': (c) => c < 0, '<=': (c) => c <= 0, '>': (c) => c > 0, '>=': (c) => c >= 0,
};

function compileBinary(op: BinaryOp, left: Compiled, right: Compiled): Compiled {
  const a = left.get;
  const b = right.get;
  const arith = ARITH[op];
  if (arith) {
    return fold((i) => {
      const x = toNumber(a(i));
      if (x === null) return null;
      const y = toNumber(b(i));
      if (y === null) return null;
      const r = arith(x, y);
      return r !== null && Number.isFinite(r) ? r : null;
    }, [left, right]);
  }
  if (op === 'and') return fold((i) => bool(truthy(a(i)) && truthy(b(i))), [left, right]);
  if (op === 'or') return fold((i) => bool(truthy(a(i)) || truthy(b(i))), [left, right]);
  if (op === '=') return fold((i) => bool(looseEquals(a(i), b(i))), [left, right]);
  if (op === '!=') {
    return fold((i) => { const x = a(i); const y = b(i); return bool(x !== null && y !== null && !looseEquals(x, y)); }, [left, right]);
  }
  const test = CMP[op] as (c: number) => boolean;
  return fold((i) => bool(test(looseCompare(a(i), b(i)))), [left, right]);
}

function compileIn(e: Extract<Expr, { type: 'in' }>, ctx: CompileContext): Compiled {
  const arg = compileExpr(e.arg, ctx);
  const items = e.list.map((x) => compileExpr(x, ctx));
  const g = arg.get;
  const neg = e.negated;
  if (items.every((c) => c.constant)) {
    const values = items.map((c) => c.get(0));
    return fold((i) => { const v = g(i); return bool(values.some((x) => looseEquals(v, x)) !== neg); }, [arg]);
  }
  return { get: (i) => { const v = g(i); return bool(items.some((c) => looseEquals(v, c.get(i))) !== neg); }, time: false };
}

/** `like "text"` is a case-sensitive substring test; `like /re/` a regex search. */
function compileLike(e: Extract<Expr, { type: 'like' }>, ctx: CompileContext): Compiled {
  const arg = compileExpr(e.arg, ctx);
  const g = arg.get;
  const neg = e.negated;
  const p = e.pattern;
  const test: (s: string) => boolean = p.type === 'regex'
    ? (s) => p.regex.test(s)
    : ((needle: string) => (s: string) => s.includes(needle))(String(p.type === 'literal' ? p.value : ''));
  return fold((i) => {
    const s = toText(g(i));
    return bool((s !== null && test(s)) !== neg);
  }, [arg]);
}

function compileCall(e: Extract<Expr, { type: 'call' }>, ctx: CompileContext): Compiled {
  if (e.aggregate) {
    if (!ctx.aggregate) return fail('misplaced-aggregate', `${e.name}() is an aggregate: use it in stats`, e.nameSpan.offset, e.nameSpan.length);
    return ctx.aggregate(e);
  }
  const special = compileSpecialCall(e, ctx, compileExpr);
  if (special) return special;
  const def = SCALAR_FUNCTIONS[e.name];
  const args = e.args.map((x) => compileExpr(x, ctx));
  const getters = args.map((c) => c.get);
  const fn = def.fn;
  const n = getters.length;
  const buf: Value[] = new Array<Value>(n);
  // One argument buffer per call site: no allocation per row.
  const get: Getter = n === 1
    ? (i) => { buf[0] = getters[0](i); return fn(buf); }
    : (i) => { for (let k = 0; k < n; k++) buf[k] = getters[k](i); return fn(buf); };
  return fold(get, args, def.time === true);
}

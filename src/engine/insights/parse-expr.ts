import type { BinaryOp, Expr } from './ast.ts';
import { fail } from './errors.ts';
import { AGGREGATE_FUNCTIONS, SCALAR_FUNCTIONS, SPECIAL_FUNCTIONS } from './functions.ts';
import type { Token } from './lexer.ts';
import { compileRegex } from './patterns.ts';
import { makePeriod, unitOf } from './periods.ts';
import type { TokenStream } from './token-stream.ts';

/** Words that cannot be field names where an expression is expected. */
const RESERVED = new Set(['and', 'or', 'not', 'in', 'like', 'by', 'as']);
const COMPARISONS = new Set(['=', '!=', '<', '<=', '>', '>=']);
const PERIOD_ARGS: Record<string, number> = { bin: 0, datefloor: 1, dateceil: 1 };

/** Collects `bin(300s)`-style caps so the executor can report them as warnings. */
export interface ParseNotes {
  capped: Array<{ offset: number; length: number; message: string }>;
}

/** True when the current token can start an expression. */
export function startsExpression(ts: TokenStream): boolean {
  const t = ts.peek();
  if (t.kind === 'eof') return false;
  if (t.kind === 'op') return t.value === '(' || t.value === '-';
  if (t.kind === 'ident' && !t.quoted && RESERVED.has(t.value.toLowerCase())) return t.value.toLowerCase() === 'not';
  return true;
}

/** Parses an expression, failing with "expected <what> after <previous token>" when none starts. */
export function parseExpression(ts: TokenStream, notes: ParseNotes, what = 'an expression'): Expr {
  if (!startsExpression(ts)) {
    const prev = ts.previous();
    ts.failHere(what.includes('field') ? 'expected-field' : 'expected-expression', `expected ${what} after "${ts.text.slice(prev.offset, prev.offset + prev.length)}"`);
  }
  return parseOr(ts, notes);
}

const span = (start: number, ts: TokenStream): { offset: number; length: number } => {
  const prev = ts.previous();
  return { offset: start, length: prev.offset + prev.length - start };
};

function parseBinaryLevel(ts: TokenStream, notes: ParseNotes, word: 'or' | 'and', inner: (ts: TokenStream, n: ParseNotes) => Expr): Expr {
  const start = ts.peek().offset;
  let left = inner(ts, notes);
  while (ts.acceptWord(word)) {
    const right = operand(ts, notes, word, inner);
    left = { type: 'binary', op: word, left, right, ...span(start, ts) };
  }
  return left;
}

/** The operand after a binary operator, with a message naming the operator when missing. */
function operand(ts: TokenStream, notes: ParseNotes, op: string, inner: (ts: TokenStream, n: ParseNotes) => Expr): Expr {
  if (!startsExpression(ts)) ts.failHere('expected-expression', `expected an expression after "${op}"`);
  return inner(ts, notes);
}

const parseOr = (ts: TokenStream, n: ParseNotes): Expr => parseBinaryLevel(ts, n, 'or', parseAnd);
const parseAnd = (ts: TokenStream, n: ParseNotes): Expr => parseBinaryLevel(ts, n, 'and', parseNot);

function parseNot(ts: TokenStream, notes: ParseNotes): Expr {
  const start = ts.peek().offset;
  if (ts.acceptWord('not')) {
    const arg = operand(ts, notes, 'not', parseNot);
    return { type: 'unary', op: 'not', arg, ...span(start, ts) };
  }
  return parseComparison(ts, notes);
}

function parseComparison(ts: TokenStream, notes: ParseNotes): Expr {
  const start = ts.peek().offset;
  const left = parseAdditive(ts, notes);
  const t = ts.peek();
  if (t.kind === 'op' && COMPARISONS.has(t.value)) {
    ts.next();
    const right = operand(ts, notes, t.value, parseAdditive);
    return { type: 'binary', op: t.value as BinaryOp, left, right, ...span(start, ts) };
  }
  const negated = ts.isWord('not') && (ts.isWord('like', 1) || ts.isWord('in', 1));
  if (negated) ts.next();
  if (ts.acceptWord('like') || (!negated && ts.acceptOp('=~'))) {
    const pattern = parsePattern(ts);
    return { type: 'like', negated, arg: left, pattern, ...span(start, ts) };
  }
  if (ts.acceptWord('in')) {
    ts.expectOp('[', 'expected a list such as ["ACCEPT", "REJECT"] after "in"');
    const list: Expr[] = [];
    if (!ts.isOp(']')) {
      do list.push(parseExpression(ts, notes, 'a value')); while (ts.acceptOp(','));
    }
    ts.expectOp(']', 'expected "," or "]" in the list');
    return { type: 'in', negated, arg: left, list, ...span(start, ts) };
  }
  return left;
}

/** The right side of `like` / `=~`: a quoted substring or a /regex/. */
function parsePattern(ts: TokenStream): Expr {
  const t = ts.peek();
  if (t.kind === 'string') {
    ts.next();
    return { type: 'literal', value: t.value, offset: t.offset, length: t.length };
  }
  if (t.kind === 'regex') {
    ts.next();
    return regexNode(t);
  }
  return ts.failHere('unexpected-token', `expected a "string" or a /regular expression/ after "${ts.previous().value}"`);
}

/** Builds a regex node, turning a JavaScript SyntaxError into a positioned error. */
export function regexNode(t: Token): Expr {
  try {
    return { type: 'regex', source: t.value, regex: compileRegex(t.value), offset: t.offset, length: t.length };
  } catch (e) {
    return fail('invalid-literal', `invalid regular expression: ${e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : e}`, t.offset, t.length);
  }
}

function parseAdditive(ts: TokenStream, notes: ParseNotes): Expr {
  const start = ts.peek().offset;
  let left = parseMultiplicative(ts, notes);
  while (ts.isOp('+') || ts.isOp('-')) {
    const op = ts.next().value as BinaryOp;
    const right = operand(ts, notes, op, parseMultiplicative);
    left = { type: 'binary', op, left, right, ...span(start, ts) };
  }
  return left;
}

function parseMultiplicative(ts: TokenStream, notes: ParseNotes): Expr {
  const start = ts.peek().offset;
  let left = parsePower(ts, notes);
  while (ts.isOp('*') || ts.isOp('/') || ts.isOp('%')) {
    const op = ts.next().value as BinaryOp;
    const right = operand(ts, notes, op, parsePower);
    left = { type: 'binary', op, left, right, ...span(start, ts) };
  }
  return left;
}

function parsePower(ts: TokenStream, notes: ParseNotes): Expr {
  const start = ts.peek().offset;
  const base = parseUnary(ts, notes);
  if (!ts.acceptOp('^')) return base;
  const exponent = operand(ts, notes, '^', parsePower);
  return { type: 'binary', op: '^', left: base, right: exponent, ...span(start, ts) };
}

function parseUnary(ts: TokenStream, notes: ParseNotes): Expr {
  const start = ts.peek().offset;
  if (ts.acceptOp('-')) {
    const arg = operand(ts, notes, '-', parseUnary);
    if (arg.type === 'literal' && typeof arg.value === 'number') return { type: 'literal', value: -arg.value, ...span(start, ts) };
    return { type: 'unary', op: '-', arg, ...span(start, ts) };
  }
  return parsePrimary(ts, notes);
}

function parsePrimary(ts: TokenStream, notes: ParseNotes): Expr {
  const t = ts.peek();
  const at = { offset: t.offset, length: t.length };
  switch (t.kind) {
    case 'number': ts.next(); return { type: 'literal', value: t.num, ...at };
    case 'string': ts.next(); return { type: 'literal', value: t.value, ...at };
    case 'regex': ts.next(); return regexNode(t);
    case 'duration': return fail('invalid-literal', `a time period such as ${t.num}${t.value} is only valid in bin(), datefloor() and dateceil()`, t.offset, t.length);
    case 'ident':
      ts.next();
      if (!t.quoted && ts.isOp('(')) return parseCall(ts, notes, t);
      if (!t.quoted && RESERVED.has(t.value.toLowerCase())) return fail('expected-expression', `expected an expression, found "${t.value}"`, t.offset, t.length);
      return { type: 'field', name: t.value, ...at };
    case 'op':
      if (t.value === '(') {
        ts.next();
        const inner = parseExpression(ts, notes);
        ts.expectOp(')', 'expected ")"');
        return inner;
      }
      return ts.failHere('expected-expression', 'expected an expression');
    default:
      return ts.failHere('expected-expression', 'expected an expression');
  }
}

function parseCall(ts: TokenStream, notes: ParseNotes, name: Token): Expr {
  const lower = name.value.toLowerCase();
  const aggregate = AGGREGATE_FUNCTIONS[lower];
  const arity = aggregate ?? SCALAR_FUNCTIONS[lower] ?? SPECIAL_FUNCTIONS[lower];
  if (!arity) fail('unknown-function', `unknown function "${name.value}"`, name.offset, name.length);
  ts.next(); // (
  const args: Expr[] = [];
  const periodAt = PERIOD_ARGS[lower] ?? -1;
  if (!ts.isOp(')')) {
    do {
      if (args.length === periodAt) args.push(parsePeriodArg(ts, notes, lower));
      else if (lower === 'count' && args.length === 0 && ts.isOp('*')) {
        const star = ts.next();
        args.push({ type: 'star', offset: star.offset, length: star.length });
      } else args.push(parseExpression(ts, notes, 'an argument'));
    } while (ts.acceptOp(','));
  }
  ts.expectOp(')', `expected "," or ")" in the arguments of ${lower}()`);
  const whole = span(name.offset, ts);
  if (args.length < arity.min || args.length > arity.max) {
    const want = arity.min === arity.max ? `${arity.min}` : arity.max > 9 ? `at least ${arity.min}` : `${arity.min} to ${arity.max}`;
    fail('bad-arguments', `${lower}() takes ${want} argument${want === '1' ? '' : 's'}, not ${args.length}`, whole.offset, whole.length);
  }
  return { type: 'call', name: lower, args, aggregate: aggregate !== undefined, nameSpan: { offset: name.offset, length: name.length }, ...whole };
}

/** A period argument: `5m`, `1h`, `30sec`; CloudWatch's caps are noted for a warning. */
function parsePeriodArg(ts: TokenStream, notes: ParseNotes, fn: string): Expr {
  const t = ts.peek();
  if (t.kind !== 'duration') return ts.failHere('bad-arguments', `expected a time period such as 5m or 1h in ${fn}()`);
  ts.next();
  const unit = unitOf(t.value);
  if (!unit) fail('invalid-literal', `unknown time unit "${t.value}": use ms, s, m, h, d, w, mo, q or y`, t.offset, t.length);
  if (!(t.num > 0) || !Number.isInteger(t.num)) fail('invalid-literal', 'a time period must be a whole number greater than 0', t.offset, t.length);
  const { period, capped } = makePeriod(t.num, unit);
  if (capped) {
    notes.capped.push({
      offset: t.offset, length: t.length,
      message: `CloudWatch caps ${unit} at ${period.amount}: ${t.num}${t.value} runs as ${period.amount}${unit}; use a larger unit`,
    });
  }
  return { type: 'period', period, offset: t.offset, length: t.length };
}

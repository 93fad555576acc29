import type { Command, CommandBody, Expr, NamedExpr, Query, SortKey } from './ast.ts';
import { fail, errorFromCaught } from './errors.ts';
import { tokenize } from './lexer.ts';
import { parseExpression, regexNode, startsExpression, type ParseNotes } from './parse-expr.ts';
import { globToRegex, groupNames } from './patterns.ts';
import { TokenStream } from './token-stream.ts';
import type { QueryError, QueryWarning } from './types.ts';
import { toQueryError } from './errors.ts';
import { checkPipeline } from './check-pipeline.ts';

const COMMANDS = ['fields', 'filter', 'stats', 'sort', 'limit', 'parse', 'display', 'dedup'];
/** CloudWatch's ceiling for `limit`. */
export const MAX_LIMIT = 100_000;

/** A parsed query with the warnings found while parsing. */
export interface ParsedQuery extends Query {
  warnings: QueryWarning[];
}

/**
 * Parses Logs Insights query text. Never throws: a malformed query gives a positioned error
 * whose message says what was expected (`expected a field name after "by", found "|"`).
 */
export function parseQuery(text: string): { ok: true; query: ParsedQuery } | { ok: false; error: QueryError } {
  try {
    const source = typeof text === 'string' ? text : String(text);
    const notes: ParseNotes = { capped: [] };
    const ts = new TokenStream(source, tokenize(source));
    const commands: Command[] = [];
    if (ts.peek().kind === 'eof') fail('expected-expression', 'the query is empty: start with a command such as fields, filter or stats', 0, 0);
    do {
      commands.push(parseCommand(ts, notes));
      if (ts.peek().kind !== 'eof' && !ts.isOp('|')) ts.failHere('unexpected-token', 'expected "|" between commands');
    } while (ts.acceptOp('|'));
    checkPipeline(commands);
    const warnings = notes.capped.map((c) => toQueryError(source, 'period-capped', c.message, c.offset, c.length));
    return { ok: true, query: { text: source, commands, warnings } };
  } catch (e) {
    return { ok: false, error: errorFromCaught(typeof text === 'string' ? text : '', e) };
  }
}

function parseCommand(ts: TokenStream, notes: ParseNotes): Command {
  const t = ts.peek();
  const word = t.kind === 'ident' && !t.quoted ? t.value.toLowerCase() : '';
  if (!COMMANDS.includes(word)) {
    if (t.kind === 'eof' || ts.isOp('|')) ts.failHere('unknown-command', 'expected a command after "|"');
    fail('unknown-command', `unknown command "${ts.text.slice(t.offset, t.offset + t.length)}": expected fields, filter, stats, sort, limit, parse, display or dedup`, t.offset, t.length);
  }
  ts.next();
  const start = t.offset;
  const finish = (c: CommandBody): Command => {
    const prev = ts.previous();
    return { ...c, offset: start, length: prev.offset + prev.length - start } as Command;
  };
  switch (word) {
    case 'fields':
    case 'display':
      return finish({ kind: word, items: namedList(ts, notes, 'a field name') });
    case 'filter':
      return finish({ kind: 'filter', expr: parseExpression(ts, notes, 'a condition') });
    case 'stats': {
      const items = namedList(ts, notes, 'an aggregate such as count(*)');
      const by = ts.acceptWord('by') ? namedList(ts, notes, 'a field name') : [];
      return finish({ kind: 'stats', items, by });
    }
    case 'sort':
      return finish({ kind: 'sort', keys: sortKeys(ts, notes) });
    case 'limit':
      return finish({ kind: 'limit', count: limitCount(ts) });
    case 'dedup':
      return finish({ kind: 'dedup', fields: fieldNames(ts, 'dedup') });
    default:
      return finish(parseParse(ts, notes));
  }
}

/** `expr [as name], ...`; the unaliased name is the expression as written. */
function namedList(ts: TokenStream, notes: ParseNotes, what: string): NamedExpr[] {
  const items: NamedExpr[] = [];
  do {
    const expr: Expr = parseExpression(ts, notes, what);
    if (ts.acceptWord('as')) {
      const alias = ts.peek();
      if (alias.kind !== 'ident') ts.failHere('expected-field', 'expected a field name after "as"');
      ts.next();
      items.push({ expr, name: alias.value, aliased: true });
    } else {
      const name = expr.type === 'field' ? expr.name : ts.sourceText(expr.offset, expr.offset + expr.length);
      items.push({ expr, name, aliased: false });
    }
  } while (ts.acceptOp(','));
  return items;
}

function sortKeys(ts: TokenStream, notes: ParseNotes): SortKey[] {
  const keys: SortKey[] = [];
  do {
    const expr = parseExpression(ts, notes, 'a field name');
    // CloudWatch sorts descending when no order is given.
    let descending = true;
    if (ts.acceptWord('asc')) descending = false;
    else ts.acceptWord('desc');
    keys.push({ expr, descending });
  } while (ts.acceptOp(','));
  return keys;
}

function limitCount(ts: TokenStream): number {
  const t = ts.peek();
  if (t.kind !== 'number') ts.failHere('expected-expression', 'expected a number of rows after "limit"');
  ts.next();
  if (!Number.isInteger(t.num) || t.num < 1 || t.num > MAX_LIMIT) {
    fail('invalid-literal', `limit must be a whole number from 1 to 100,000`, t.offset, t.length);
  }
  return t.num;
}

function fieldNames(ts: TokenStream, after: string): Array<{ name: string; offset: number; length: number }> {
  const out: Array<{ name: string; offset: number; length: number }> = [];
  do {
    const t = ts.peek();
    if (t.kind !== 'ident') ts.failHere('expected-field', `expected a field name after "${after}"`);
    ts.next();
    out.push({ name: t.value, offset: t.offset, length: t.length });
    after = ',';
  } while (ts.acceptOp(','));
  return out;
}

/** `parse [field] "glob" as a, b` or `parse [field] /(?<a>...)/`; the field defaults to @message. */
function parseParse(ts: TokenStream, notes: ParseNotes): CommandBody {
  let source: Expr = { type: 'field', name: '@message', offset: ts.peek().offset, length: 0 };
  const first = ts.peek();
  if (first.kind !== 'string' && first.kind !== 'regex') {
    if (!startsExpression(ts)) ts.failHere('expected-expression', 'expected a field, a "glob" or a /regex/ after "parse"');
    source = parseExpression(ts, notes, 'a field');
  }
  const pattern = ts.peek();
  if (pattern.kind === 'regex') {
    ts.next();
    const node = regexNode(pattern);
    const names = groupNames(pattern.value);
    if (names.length === 0) fail('invalid-literal', 'a parse regular expression needs named groups such as (?<port>\\d+)', pattern.offset, pattern.length);
    if (ts.isWord('as')) ts.failHere('unexpected-token', 'a parse regular expression names its fields with (?<name>...): remove "as"');
    return { kind: 'parse', source, mode: 'regex', regex: (node as Extract<Expr, { type: 'regex' }>).regex, names };
  }
  if (pattern.kind !== 'string') ts.failHere('unexpected-token', 'expected a "glob pattern" or a /regex/ in parse');
  ts.next();
  const { regex, stars } = globToRegex(pattern.value);
  if (stars === 0) fail('invalid-literal', 'a parse glob needs at least one * to capture', pattern.offset, pattern.length);
  if (!ts.acceptWord('as')) ts.failHere('unexpected-token', `expected "as" and ${stars} field name${stars > 1 ? 's' : ''} after the pattern`);
  const names = fieldNames(ts, 'as').map((f) => f.name);
  if (names.length !== stars) {
    fail('bad-arguments', `the pattern has ${stars} * but ${names.length} field name${names.length > 1 ? 's' : ''} follow "as"`, pattern.offset, pattern.length);
  }
  return { kind: 'parse', source, mode: 'glob', regex, names };
}

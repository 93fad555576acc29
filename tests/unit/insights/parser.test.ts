import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/engine/insights/index.ts';

const errorOf = (q: string) => {
  const r = parseQuery(q);
  if (r.ok) throw new Error(`expected an error for ${q}`);
  return r.error;
};
const commandsOf = (q: string) => {
  const r = parseQuery(q);
  if (!r.ok) throw new Error(r.error.message);
  return r.query.commands;
};

describe('parser: commands', () => {
  it('parses the console samples', () => {
    const cmds = commandsOf('stats sum(bytes) as bytesTransferred by srcAddr, dstAddr | sort bytesTransferred desc | limit 10');
    expect(cmds.map((c) => c.kind)).toEqual(['stats', 'sort', 'limit']);
    const stats = cmds[0] as Extract<typeof cmds[0], { kind: 'stats' }>;
    expect(stats.items.map((i) => i.name)).toEqual(['bytesTransferred']);
    expect(stats.by.map((b) => b.name)).toEqual(['srcAddr', 'dstAddr']);
  });

  it('names unaliased expressions as written, white space collapsed', () => {
    const cmds = commandsOf('stats count(*), avg( bytes ), pct(bytes, 95) by bin(5m)');
    const stats = cmds[0] as Extract<typeof cmds[0], { kind: 'stats' }>;
    expect(stats.items.map((i) => i.name)).toEqual(['count(*)', 'avg( bytes )', 'pct(bytes, 95)']);
    expect(stats.by.map((i) => i.name)).toEqual(['bin(5m)']);
  });

  it('accepts upper-case commands and keywords, as CloudWatch does', () => {
    expect(commandsOf('FIELDS a | FILTER a > 1 AND b = 2 | STATS COUNT(*) BY BIN(5m) | SORT a ASC').map((c) => c.kind)).toEqual(['fields', 'filter', 'stats', 'sort']);
  });

  it('sorts descending unless asc is given', () => {
    const [sort] = commandsOf('sort a, b asc, c desc') as Array<Extract<ReturnType<typeof commandsOf>[0], { kind: 'sort' }>>;
    expect(sort.keys.map((k) => k.descending)).toEqual([true, false, true]);
  });

  it('parses glob and regex parse commands; the source field defaults to @message', () => {
    const [g, r] = commandsOf('parse "user=*, method:*" as user, method | parse @message /(?<eni>eni-\\w+) (?<ip>[\\d.]+)/');
    expect(g).toMatchObject({ kind: 'parse', mode: 'glob', names: ['user', 'method'], source: { type: 'field', name: '@message' } });
    expect(r).toMatchObject({ kind: 'parse', mode: 'regex', names: ['eni', 'ip'] });
  });

  it('parses dedup, display and limit', () => {
    expect(commandsOf('display a, b | dedup a, b | limit 5').map((c) => c.kind)).toEqual(['display', 'dedup', 'limit']);
  });

  it('notes a capped bin period as a warning', () => {
    const r = parseQuery('stats count(*) by bin(300s)');
    expect(r.ok && r.query.warnings.map((w) => [w.code, w.column])).toEqual([['period-capped', 23]]);
  });
});

describe('parser: expressions', () => {
  const exprOf = (q: string) => (commandsOf(`filter ${q}`)[0] as { expr: unknown }).expr;

  it('gives and tighter binding than or, and not looser than comparison', () => {
    expect(exprOf('a = 1 or b = 2 and c = 3')).toMatchObject({ op: 'or', right: { op: 'and' } });
    expect(exprOf('not a = 1')).toMatchObject({ type: 'unary', op: 'not', arg: { type: 'binary', op: '=' } });
  });

  it('gives * higher precedence than +, ^ right associativity, unary minus folded into numbers', () => {
    expect(exprOf('a + b * c > 1')).toMatchObject({ op: '>', left: { op: '+', right: { op: '*' } } });
    expect(exprOf('2 ^ 3 ^ 2 = x')).toMatchObject({ left: { op: '^', right: { op: '^' } } });
    expect(exprOf('a > -5')).toMatchObject({ right: { type: 'literal', value: -5 } });
  });

  it('parses in, not in, like, not like and =~', () => {
    expect(exprOf('a in ["x", "y"]')).toMatchObject({ type: 'in', negated: false, list: [{ value: 'x' }, { value: 'y' }] });
    expect(exprOf('a not in [1]')).toMatchObject({ type: 'in', negated: true });
    expect(exprOf('a not like "x"')).toMatchObject({ type: 'like', negated: true, pattern: { type: 'literal' } });
    expect(exprOf('a =~ /x/')).toMatchObject({ type: 'like', pattern: { type: 'regex' } });
  });

  it('lifts inline (?i) flags of CloudWatch regexes into JavaScript flags', () => {
    expect(exprOf('@message like /(?i)exception/')).toMatchObject({ pattern: { regex: /exception/i } });
  });

  it('marks aggregate calls and checks arity', () => {
    const stats = commandsOf('stats count(*), count()')[0] as Extract<ReturnType<typeof commandsOf>[0], { kind: 'stats' }>;
    expect(stats.items.map((i) => i.expr)).toMatchObject([{ type: 'call', aggregate: true, args: [{ type: 'star' }] }, { args: [] }]);
    expect(errorOf('stats pct(bytes)').message).toBe('pct() takes 2 arguments, not 1');
  });
});

describe('parser: errors say what was expected, where', () => {
  const cases: Array<[string, string, number, number]> = [
    ['stats count(*) by', 'expected a field name after "by", found the end of the query', 1, 18],
    ['stats count(*) by | sort x', 'expected a field name after "by", found "|"', 1, 19],
    ['filter', 'expected a condition after "filter", found the end of the query', 1, 7],
    ['fields a,', 'expected a field name after ",", found the end of the query', 1, 10],
    ['fields a as', 'expected a field name after "as", found the end of the query', 1, 12],
    ['selcet a', 'unknown command "selcet": expected fields, filter, stats, sort, limit, parse, display or dedup', 1, 1],
    ['fields a |', 'expected a command after "|", found the end of the query', 1, 11],
    ['fields a\n| filter b = = 2', 'expected an expression after "=", found "="', 2, 14],
    ['filter a = 1 b', 'expected "|" between commands, found "b"', 1, 14],
    ['limit x', 'expected a number of rows after "limit", found "x"', 1, 7],
    ['limit 0', 'limit must be a whole number from 1 to 100,000', 1, 7],
    ['filter foo(a)', 'unknown function "foo"', 1, 8],
    ['filter sum(bytes) > 1', 'sum() is an aggregate: use it in stats, not in filter (name it with "as" in stats and use that name)', 1, 8],
    ['stats sum(count(*))', 'count() cannot be nested inside another aggregate', 1, 11],
    ['stats count(*) by bin(5x)', 'unknown time unit "x": use ms, s, m, h, d, w, mo, q or y', 1, 23],
    ['stats count(*) by bin(x)', 'expected a time period such as 5m or 1h in bin(), found "x"', 1, 23],
    ['filter a like 5', 'expected a "string" or a /regular expression/ after "like", found "5"', 1, 15],
    ['filter a in 5', 'expected a list such as ["ACCEPT", "REJECT"] after "in", found "5"', 1, 13],
    ['filter a like /(/', 'invalid regular expression: /(/: Unterminated group', 1, 15],
    ['parse @message "* *" as a', 'the pattern has 2 * but 1 field name follow "as"', 1, 16],
    ['parse @message /(\\d+)/', 'a parse regular expression needs named groups such as (?<port>\\d+)', 1, 16],
    ['stats count(*) | stats count(*) | stats count(*)', 'a query can have at most two stats commands', 1, 35],
    ['stats count(*) as c by a | sort c | stats sum(c)', 'with two stats commands, sort must come after the second stats', 1, 28],
    ['fields a | dedup a | sort a', 'only limit may follow dedup, not sort', 1, 22],
    ['', 'the query is empty: start with a command such as fields, filter or stats', 1, 1],
    ['filter a = "x', 'unterminated string: expected a closing "', 1, 12],
    ['filter bin(5m', 'expected "," or ")" in the arguments of bin(), found the end of the query', 1, 14],
  ];
  for (const [q, message, line, column] of cases) {
    it(`${JSON.stringify(q)} → ${message}`, () => {
      const e = errorOf(q);
      expect(e.message).toBe(message);
      expect([e.line, e.column]).toEqual([line, column]);
      expect(e.offset).toBeGreaterThanOrEqual(0);
      expect(e.offset + e.length).toBeLessThanOrEqual(q.length);
    });
  }
});

describe('language lists for the editor', () => {
  it('spell functions as CloudWatch does, and every listed function parses', async () => {
    const { INSIGHTS_FUNCTIONS } = await import('../../../src/engine/insights/index.ts');
    expect(INSIGHTS_FUNCTIONS.scalar).toContain('isIpv4InSubnet');
    expect(INSIGHTS_FUNCTIONS.aggregate).toContain('count_distinct');
    for (const f of INSIGHTS_FUNCTIONS.scalar) {
      const r = parseQuery(`filter ${f}(a) = 1`);
      expect(r.ok || r.error.code !== 'unknown-function').toBe(true);
    }
  });
});

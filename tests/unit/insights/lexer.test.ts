import { describe, expect, it } from 'vitest';
import { InsightsError } from '../../../src/engine/insights/errors.ts';
import { tokenize } from '../../../src/engine/insights/lexer.ts';

const kinds = (q: string): string[] => tokenize(q).map((t) => `${t.kind}:${t.kind === 'number' || t.kind === 'duration' ? `${t.num}${t.kind === 'duration' ? t.value : ''}` : t.value}`);

describe('lexer', () => {
  it('splits a query into identifiers, operators, strings and numbers with offsets', () => {
    const toks = tokenize('filter action="REJECT" | limit 20');
    expect(toks.map((t) => [t.kind, t.value, t.offset, t.length])).toEqual([
      ['ident', 'filter', 0, 6], ['ident', 'action', 7, 6], ['op', '=', 13, 1], ['string', 'REJECT', 14, 8],
      ['op', '|', 23, 1], ['ident', 'limit', 25, 5], ['number', '20', 31, 2], ['eof', '', 33, 0],
    ]);
  });

  it('reads @fields, dotted names and backtick names', () => {
    expect(kinds('fields @timestamp, a.b, `foo-bar`')).toEqual(['ident:fields', 'ident:@timestamp', 'op:,', 'ident:a.b', 'op:,', 'ident:foo-bar', 'eof:']);
    expect(tokenize('`by`')[0].quoted).toBe(true);
  });

  it('reads durations as one token and keeps decimals and exponents in numbers', () => {
    expect(kinds('bin(5m) 1.5 2e3 30sec')).toEqual(['ident:bin', 'op:(', 'duration:5m', 'op:)', 'number:1.5', 'number:2000', 'duration:30sec', 'eof:']);
  });

  it('resolves string escapes in both quote styles and keeps unknown escapes', () => {
    expect(tokenize(`'it\\'s' "a\\"b" "10\\.0"`).slice(0, 3).map((t) => t.value)).toEqual(["it's", 'a"b', '10\\.0']);
  });

  it('tells a regex from a division by what precedes the slash', () => {
    expect(kinds('filter srcAddr like /^10\\./')).toContain('regex:^10\\.');
    expect(kinds('fields bytes / 2')).toEqual(['ident:fields', 'ident:bytes', 'op:/', 'number:2', 'eof:']);
    expect(kinds('stats sum(x)/1024')).toContain('op:/');
    expect(kinds('parse @message /(?<a>\\d+)/')).toContain('regex:(?<a>\\d+)');
    expect(kinds('filter x =~ /a[/]b/')).toContain('regex:a[/]b');
  });

  it('skips # comments to the end of the line', () => {
    expect(kinds('fields a # | filter b\n| limit 1')).toEqual(['ident:fields', 'ident:a', 'op:|', 'ident:limit', 'number:1', 'eof:']);
  });

  it('reads two-character operators', () => {
    expect(kinds('a != b <= c >= d =~ "e"').filter((k) => k.startsWith('op'))).toEqual(['op:!=', 'op:<=', 'op:>=', 'op:=~']);
  });

  it('fails with a position on unterminated strings, regexes and stray characters', () => {
    const at = (q: string): [string, number] => {
      try { tokenize(q); } catch (e) { if (e instanceof InsightsError) return [e.code, e.offset]; }
      return ['none', -1];
    };
    expect(at('filter a = "abc')).toEqual(['unterminated', 11]);
    expect(at('filter a like /abc')).toEqual(['unterminated', 14]);
    expect(at('fields a ; b')).toEqual(['unexpected-character', 9]);
    expect(at('fields `a')).toEqual(['unterminated', 7]);
  });
});

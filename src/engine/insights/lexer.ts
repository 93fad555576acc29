import { fail } from './errors.ts';

/** Kinds of token in a Logs Insights query. */
export type TokenKind =
  /** A field or keyword: `srcAddr`, `@timestamp`, `stats`, or a backtick-quoted name. */
  | 'ident'
  /** An unsigned decimal number. */
  | 'number'
  /** A number glued to a time unit: `5m`, `1h`, `30sec`. */
  | 'duration'
  /** A single- or double-quoted string, escapes resolved. */
  | 'string'
  /** A `/regex/`; `value` is the pattern between the slashes. */
  | 'regex'
  /** Punctuation and operators. */
  | 'op'
  /** End of the text. */
  | 'eof';

export interface Token {
  kind: TokenKind;
  /** Identifier name, string contents, regex pattern, operator text or duration unit. */
  value: string;
  /** The number of a `number` or `duration` token. */
  num: number;
  offset: number;
  length: number;
  /** True for a backtick-quoted identifier, which is never a keyword. */
  quoted: boolean;
}

const OPS2 = ['!=', '<=', '>=', '=~'];
const OPS1 = '|,()[]+-*/%^=<>';
/** After these words a `/` starts a regular expression rather than a division. */
const REGEX_AFTER = new Set(['like', 'and', 'or', 'not', 'in', 'filter', 'fields', 'display', 'by', 'as', 'parse', 'stats']);

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdentStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 64 || c === 36;
const isIdentPart = (c: number): boolean => isIdentStart(c) || isDigit(c) || c === 46;
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Splits a query into tokens; `#` starts a comment that runs to the end of the line. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const push = (kind: TokenKind, value: string, offset: number, num = 0, quoted = false): void => {
    out.push({ kind, value, num, offset, length: i - offset, quoted });
  };
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) { i++; continue; }
    if (c === 35) { while (i < text.length && text.charCodeAt(i) !== 10) i++; continue; }
    const start = i;
    if (isDigit(c)) {
      while (isDigit(text.charCodeAt(i))) i++;
      if (text[i] === '.' && isDigit(text.charCodeAt(i + 1))) { i++; while (isDigit(text.charCodeAt(i))) i++; }
      if ((text[i] === 'e' || text[i] === 'E') && (isDigit(text.charCodeAt(i + 1)) || ((text[i + 1] === '-' || text[i + 1] === '+') && isDigit(text.charCodeAt(i + 2))))) {
        i += 2;
        while (isDigit(text.charCodeAt(i))) i++;
      }
      const num = Number(text.slice(start, i));
      if (isLetter(text.charCodeAt(i))) {
        const unitStart = i;
        while (isLetter(text.charCodeAt(i))) i++;
        push('duration', text.slice(unitStart, i), start, num);
      } else push('number', text.slice(start, i), start, num);
      continue;
    }
    if (isIdentStart(c)) {
      while (i < text.length && isIdentPart(text.charCodeAt(i))) i++;
      push('ident', text.slice(start, i), start);
      continue;
    }
    if (c === 96) { i = readQuoted(text, i, '`'); push('ident', unescape(text.slice(start + 1, i - 1)), start, 0, true); continue; }
    if (c === 34 || c === 39) { i = readQuoted(text, i, text[i]); push('string', unescape(text.slice(start + 1, i - 1)), start); continue; }
    if (c === 47 && regexAllowed(out)) { i = readRegex(text, i); push('regex', text.slice(start + 1, i - 1), start); continue; }
    const two = text.slice(i, i + 2);
    if (OPS2.includes(two)) { i += 2; push('op', two, start); continue; }
    if (OPS1.includes(text[i])) { i++; push('op', text[start], start); continue; }
    fail('unexpected-character', `unexpected character "${text[i]}"`, i, 1);
  }
  out.push({ kind: 'eof', value: '', num: 0, offset: text.length, length: 0, quoted: false });
  return out;
}

/** A slash is a regex after an operator, a keyword, at the start, or after `parse <field>`. */
function regexAllowed(prev: Token[]): boolean {
  const last = prev[prev.length - 1];
  if (!last) return true;
  if (last.kind === 'op') return last.value !== ')' && last.value !== ']';
  if (last.kind !== 'ident') return false;
  if (!last.quoted && REGEX_AFTER.has(last.value.toLowerCase())) return true;
  const before = prev[prev.length - 2];
  return before !== undefined && before.kind === 'ident' && !before.quoted && before.value.toLowerCase() === 'parse';
}

/** Returns the index just past the closing quote; backslash escapes the next character. */
function readQuoted(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '\\') { i += 2; continue; }
    if (text[i] === quote) return i + 1;
    i++;
  }
  const what = quote === '`' ? 'backtick-quoted name' : 'string';
  return fail('unterminated', `unterminated ${what}: expected a closing ${quote}`, start, text.length - start);
}

/** Returns the index past the closing slash; slashes inside `[...]` or escaped do not close it. */
function readRegex(text: string, start: number): number {
  let i = start + 1;
  let inClass = false;
  while (i < text.length && text[i] !== '\n') {
    const ch = text[i];
    if (ch === '\\') { i += 2; continue; }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    else if (ch === '/' && !inClass) return i + 1;
    i++;
  }
  return fail('unterminated', 'unterminated regular expression: expected a closing /', start, i - start);
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", '`': '`' };

/** Resolves the usual escapes; an unknown escape keeps its backslash (so `"10\.0"` stays as typed). */
function unescape(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(.)/gs, (m, ch: string) => ESCAPES[ch] ?? m);
}

import { fail, type ErrorCode } from './errors.ts';
import type { Token } from './lexer.ts';

/** A cursor over tokens with the small vocabulary the recursive-descent parser needs. */
export class TokenStream {
  private pos = 0;
  constructor(
    readonly text: string,
    private readonly tokens: Token[],
  ) {}

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)];
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  /** The previously consumed token (for "after X" messages). */
  previous(): Token {
    return this.tokens[Math.max(0, this.pos - 1)];
  }

  isOp(value: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'op' && t.value === value;
  }

  /** An unquoted identifier spelled `word`, case-insensitively. */
  isWord(word: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'ident' && !t.quoted && t.value.toLowerCase() === word;
  }

  acceptOp(value: string): boolean {
    if (!this.isOp(value)) return false;
    this.pos++;
    return true;
  }

  acceptWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.pos++;
    return true;
  }

  expectOp(value: string, message: string): Token {
    if (!this.isOp(value)) this.failHere('unexpected-token', message);
    return this.next();
  }

  /** Fails at the current token, naming what was found. */
  failHere(code: ErrorCode, message: string): never {
    const t = this.peek();
    const found = t.kind === 'eof' ? 'the end of the query' : `"${this.text.slice(t.offset, t.offset + t.length)}"`;
    return fail(code, `${message}, found ${found}`, t.offset, Math.max(1, t.length));
  }

  /** The text of a span with runs of white space collapsed: how an unaliased column is named. */
  sourceText(offset: number, end: number): string {
    return this.text.slice(offset, end).replace(/\s+/g, ' ').trim();
  }
}

/** Quotes a token for messages: `"by"`. */
export const quoteToken = (t: Token, text: string): string => `"${text.slice(t.offset, t.offset + t.length)}"`;

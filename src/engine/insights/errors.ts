import type { QueryError } from './types.ts';

/**
 * Error codes of the query language. Parsing and compiling throw `InsightsError` internally
 * (recursive descent is far simpler that way); the public entry points catch it and return
 * `{ ok: false, error }`, so nothing escapes the engine.
 */
export type ErrorCode =
  /** A character that starts no token. */
  | 'unexpected-character'
  /** A string, regex or backtick name without its closing quote. */
  | 'unterminated'
  /** A token other than the one the grammar needs here. */
  | 'unexpected-token'
  /** A field name was needed (after `by`, `as`, in `dedup`...). */
  | 'expected-field'
  /** An expression was needed. */
  | 'expected-expression'
  /** The text is not a command name. */
  | 'unknown-command'
  /** No function of that name. */
  | 'unknown-function'
  /** Wrong number or kind of function arguments. */
  | 'bad-arguments'
  /** An aggregate outside `stats`, or a field outside an aggregate in `stats`. */
  | 'misplaced-aggregate'
  /** A query shape CloudWatch refuses (three stats, sort before the second stats...). */
  | 'invalid-pipeline'
  /** A field that no longer exists after `stats`. */
  | 'unknown-field'
  /** A bad regular expression, glob, CIDR, duration or number. */
  | 'invalid-literal'
  /** The query was cancelled by the caller. */
  | 'cancelled'
  /** A bug in the engine, reported rather than thrown. */
  | 'internal'
  /** A `bin` period that CloudWatch caps (a warning). */
  | 'period-capped';

/** Thrown inside the engine only; carries a span into the query text. */
export class InsightsError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly offset: number,
    readonly length: number,
  ) {
    super(message);
  }
}

/** Throws a positioned error; typed `never` so callers can use it in expressions. */
export function fail(code: ErrorCode, message: string, offset: number, length = 1): never {
  throw new InsightsError(code, message, offset, length);
}

/** Converts an offset into 1-based line and column (columns count UTF-16 units, as editors do). */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** Builds the public error record for a span of the query text. */
export function toQueryError(text: string, code: string, message: string, offset: number, length: number): QueryError {
  const at = Math.min(Math.max(offset, 0), text.length);
  const { line, column } = positionOf(text, at);
  return { code, message, line, column, offset: at, length: Math.max(0, Math.min(length, text.length - at)) };
}

/** Turns anything caught at the API boundary into a QueryError, never rethrowing. */
export function errorFromCaught(text: string, caught: unknown): QueryError {
  if (caught instanceof InsightsError) return toQueryError(text, caught.code, caught.message, caught.offset, caught.length);
  const detail = caught instanceof Error ? caught.message : String(caught);
  return toQueryError(text, 'internal', `the query could not run: ${detail}`, 0, text.length);
}

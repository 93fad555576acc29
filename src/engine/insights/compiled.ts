import type { Expr, Span } from './ast.ts';
import type { DictColumn, NumColumn } from './columns.ts';
import type { Value } from './types.ts';

/** Reads a value for a row index (a store row, or a table row after stats). */
export type Getter = (row: number) => Value;

/** A row predicate. */
export type Pred = (row: number) => boolean;

/**
 * A compiled expression: a getter plus what the fast paths need to know. `num` or `dict` is set
 * when the expression is a bare stored column, so filters and group keys can read the typed
 * arrays directly instead of calling the getter.
 */
export interface Compiled {
  get: Getter;
  /** The value is an epoch-ms timestamp (shown as a date). */
  time: boolean;
  num?: NumColumn;
  dict?: DictColumn;
  /** A constant (literal or folded). */
  constant?: { value: Value };
}

/** What the expression compiler needs from where it runs. */
export interface CompileContext {
  /** Resolves a field name to its values; may fail with `unknown-field` (after stats). */
  resolve(name: string, at: Span): Compiled;
  /** A whole expression that names an existing column (after stats), if any. */
  column?(e: Expr): Compiled | undefined;
  /** Compiles an aggregate call (only inside stats items); absent elsewhere. */
  aggregate?(call: Extract<Expr, { type: 'call' }>): Compiled;
}

/** A compiled constant. */
export const constant = (value: Value, time = false): Compiled => ({ get: () => value, time, constant: { value } });

/**
 * The syntax tree of a Logs Insights query. Every node keeps its span in the query text so that
 * compile-time errors (unknown function, aggregate in a filter...) can be positioned.
 */

/** A stretch of the query text. */
export interface Span {
  offset: number;
  length: number;
}

/** A time period such as `5m`: amount, canonical unit and its length in ms (0 for calendar units). */
export interface Period {
  amount: number;
  unit: 'ms' | 's' | 'm' | 'h' | 'd' | 'w' | 'mo' | 'q' | 'y';
  ms: number;
}

export type Expr =
  | ({ type: 'field'; name: string } & Span)
  | ({ type: 'literal'; value: string | number } & Span)
  | ({ type: 'period'; period: Period } & Span)
  | ({ type: 'regex'; source: string; regex: RegExp } & Span)
  | ({ type: 'star' } & Span)
  | ({ type: 'unary'; op: '-' | 'not'; arg: Expr } & Span)
  | ({ type: 'binary'; op: BinaryOp; left: Expr; right: Expr } & Span)
  | ({ type: 'in'; negated: boolean; arg: Expr; list: Expr[] } & Span)
  | ({ type: 'like'; negated: boolean; arg: Expr; pattern: Expr } & Span)
  | ({ type: 'call'; name: string; args: Expr[]; aggregate: boolean; nameSpan: Span } & Span);

export type BinaryOp = '+' | '-' | '*' | '/' | '%' | '^' | '=' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or';

/** `expr [as name]`: the output name is the alias, else the expression's text. */
export interface NamedExpr {
  expr: Expr;
  name: string;
  /** True when `as` gave the name. */
  aliased: boolean;
}

export interface SortKey {
  expr: Expr;
  descending: boolean;
}

export type Command =
  | ({ kind: 'fields' | 'display'; items: NamedExpr[] } & Span)
  | ({ kind: 'filter'; expr: Expr } & Span)
  | ({ kind: 'stats'; items: NamedExpr[]; by: NamedExpr[] } & Span)
  | ({ kind: 'sort'; keys: SortKey[] } & Span)
  | ({ kind: 'limit'; count: number } & Span)
  | ({ kind: 'dedup'; fields: Array<{ name: string } & Span> } & Span)
  | ({ kind: 'parse'; source: Expr; mode: 'glob' | 'regex'; regex: RegExp; names: string[] } & Span);

/** A command without its span (distributes over the union). */
export type CommandBody = Command extends infer C ? (C extends Command ? Omit<C, 'offset' | 'length'> : never) : never;

/** A parsed query: the commands in pipe order. */
export interface Query {
  text: string;
  commands: Command[];
}

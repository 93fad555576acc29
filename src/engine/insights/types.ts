/**
 * Public shapes of the Logs Insights engine: values, records, results and errors.
 * Values are deliberately few: a string, a number or null (absent, `-` in a flow log).
 * Booleans produced by comparisons and functions such as `ispresent` are the numbers 1 and 0,
 * as CloudWatch documents for `isempty`/`isblank`.
 */

/** One cell: a string, a number, or null for an absent field. */
export type Value = string | number | null;

/**
 * One log event handed to the store: flow-log fields under their Insights names (`srcAddr`) or
 * their format names (`srcaddr`, `account-id`), plus the optional CloudWatch fields.
 */
export type InsightsRecord = Record<string, Value | undefined> & {
  /** The raw line; rebuilt from the fields when absent. */
  '@message'?: string | null;
  /** The log stream; defaults to `<interfaceId>-all`, the name VPC Flow Logs gives a stream. */
  '@logStream'?: string | null;
  /** Epoch milliseconds; defaults to `start * 1000` (CloudWatch stamps an event with its start). */
  '@timestamp'?: number | null;
};

/** Where a problem sits in the query text: 1-based line and column, 0-based offset, length. */
export interface QueryError {
  /** Stable code for tests and documentation, e.g. `expected-field`. */
  code: string;
  /** One sentence saying what was expected. */
  message: string;
  line: number;
  column: number;
  offset: number;
  length: number;
}

/** A remark on a query that runs, e.g. a `bin` period that CloudWatch caps. */
export type QueryWarning = QueryError;

/** Counters CloudWatch shows under a result. `ms` is filled by callers: the engine has no clock. */
export interface QueryStats {
  /** Events inside the time range that the query looked at. */
  recordsScanned: number;
  /** Events that passed every filter before the first `stats` (or before output). */
  recordsMatched: number;
  ms?: number;
}

/** A successful run: column names and rows in display order. Timestamps are formatted text. */
export interface QuerySuccess {
  ok: true;
  columns: string[];
  rows: Value[][];
  stats: QueryStats;
  warnings: QueryWarning[];
}

/** A failed run: a positioned error. `cancelled` is set when `shouldCancel` stopped the run. */
export interface QueryFailure {
  ok: false;
  error: QueryError;
  cancelled?: boolean;
}

export type QueryResult = QuerySuccess | QueryFailure;

/** Options of `runQuery`. */
export interface RunOptions {
  /** Inclusive lower bound on `@timestamp`, epoch milliseconds. */
  start?: number;
  /** Inclusive upper bound on `@timestamp`, epoch milliseconds. */
  end?: number;
  /** Polled every `cancelCheckRows` rows; returning true abandons the query. */
  shouldCancel?: () => boolean;
  /** How often `shouldCancel` is polled, in rows. Default 65,536. */
  cancelCheckRows?: number;
  /** Return `@timestamp`, `bin()` and other time values as epoch ms numbers instead of text. */
  rawTimestamps?: boolean;
}

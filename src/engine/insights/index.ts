/**
 * CloudWatch Logs Insights over VPC Flow Log records, in the browser: a lexer and parser with
 * positioned errors, a column store, and an executor that compiles queries into closures over
 * typed arrays.
 *
 * ```ts
 * const store = createStore();
 * for (const r of parseFlowLogText(text).records) store.append(r);
 * const res = runQuery(store, 'filter action="REJECT" | stats count(*) by srcAddr');
 * ```
 */
export type { InsightsRecord, QueryError, QueryFailure, QueryResult, QueryStats, QuerySuccess, QueryWarning, RunOptions, Value } from './types.ts';
export type { Command, Expr, Query } from './ast.ts';
export { parseQuery, type ParsedQuery } from './parser.ts';
export { runQuery } from './run-query.ts';
export { ColumnStore, buildStore, createStore, valueAt } from './column-store.ts';
export { parseFlowLogText, parseFormat, type FlowLogLineError, type ParsedFlowLogText } from './flow-log-text.ts';
export { SAMPLE_QUERIES, type SampleQuery } from './samples.ts';
export { insightsName, DEFAULT_FORMAT } from './field-names.ts';
export { formatTimestamp } from './periods.ts';
export { INSIGHTS_COMMANDS, INSIGHTS_FUNCTIONS, INSIGHTS_KEYWORDS } from './language.ts';

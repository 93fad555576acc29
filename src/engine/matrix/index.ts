/**
 * matrix/: which interface reaches which, for one protocol and port, all pairs at once, and
 * kept up to date edit by edit. The packet walk (walk/) is the oracle it agrees with.
 */
export { buildReachabilityMatrix, type ReachabilityMatrix, type MatrixUpdateStats } from './matrix.ts';
export type { MatrixChange } from './change.ts';
export type { MatrixQuery } from './headers.ts';

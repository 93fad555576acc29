/**
 * The engine's public API: the one import path the UI and the CLI use.
 * Pure: no DOM, no UI library, no clock, no randomness.
 */
export * from './diagnostics.ts';
export * from './ip/index.ts';
export * from './model/schema.ts';
export { loadSnapshotFiles, loadSnapshotText, combine, type SnapshotFile, type LoadResult } from './model/load.ts';
export { parseJsonSafely } from './model/safe-json.ts';
export { nameTag, regionOfAz } from './model/ids.ts';
export { notRunningState } from './model/instance-state.ts';
export { compileNetwork, subnetContaining, vpcContains, DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from './model/compile.ts';
export type * from './model/network.ts';
export { evaluateAcl, evaluateSecurityGroups, parseProtocol, protocolLabel, type PacketHeader, type AclLine, type SgLine } from './filter/index.ts';
export { longestPrefixMatch } from './route/index.ts';
export * from './walk/index.ts';
export { codeNote, type CodeNote } from './explain/codes.ts';
export * from './flowlog/index.ts';
export { validateSnapshot, DIAGNOSTIC_CODES } from './validate/index.ts';
export * from './labs/index.ts';
export * from './matrix/index.ts';

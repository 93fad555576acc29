import { AGGREGATE_FUNCTIONS, SCALAR_FUNCTIONS, SPECIAL_FUNCTIONS } from './functions.ts';

/** Command names, for the editor's completion and highlighting. */
export const INSIGHTS_COMMANDS: readonly string[] = ['fields', 'filter', 'stats', 'sort', 'limit', 'parse', 'display', 'dedup'];

/** Keywords inside commands. */
export const INSIGHTS_KEYWORDS: readonly string[] = ['by', 'as', 'asc', 'desc', 'and', 'or', 'not', 'in', 'like'];

/** CloudWatch's spelling of the functions whose names are not all lower case. */
const SPELLING: Record<string, string> = {
  sortsfirst: 'sortsFirst', sortslast: 'sortsLast', isipv4insubnet: 'isIpv4InSubnet', isipv6insubnet: 'isIpv6InSubnet',
  isipinsubnet: 'isIpInSubnet', isvalidip: 'isValidIp', isvalidipv4: 'isValidIpV4', isvalidipv6: 'isValidIpV6',
  frommillis: 'fromMillis', tomillis: 'toMillis',
};
const spell = (n: string): string => SPELLING[n] ?? n;

/** Function names as CloudWatch spells them (the engine matches them case-insensitively). */
export const INSIGHTS_FUNCTIONS: { aggregate: readonly string[]; scalar: readonly string[] } = {
  aggregate: Object.keys(AGGREGATE_FUNCTIONS).map(spell),
  scalar: [...Object.keys(SPECIAL_FUNCTIONS), ...Object.keys(SCALAR_FUNCTIONS)].map(spell),
};

import type { Command } from './ast.ts';
import type { Compiled } from './compiled.ts';
import { toText } from './values.ts';

type Parse = Extract<Command, { kind: 'parse' }>;

/**
 * Compiles a `parse` command into one getter per extracted field. The match of the last row is
 * cached, so reading three fields of one row runs the regex once. A row that does not match
 * keeps its other fields and has null for the extracted ones, as CloudWatch documents.
 */
export function parseExtractors(cmd: Parse, source: Compiled): Compiled[] {
  const get = source.get;
  const regex = cmd.regex;
  let lastRow = -1;
  let last: RegExpExecArray | null = null;
  const match = (i: number): RegExpExecArray | null => {
    if (i !== lastRow) {
      const s = toText(get(i));
      last = s === null ? null : regex.exec(s);
      lastRow = i;
    }
    return last;
  };
  return cmd.names.map((name, k) => ({
    get: cmd.mode === 'glob'
      ? (i: number) => match(i)?.[k + 1] ?? null
      : (i: number) => match(i)?.groups?.[name] ?? null,
    time: false,
  }));
}

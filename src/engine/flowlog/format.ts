/**
 * Flow-log record formats: the `LogFormat` string of a flow log (`${version} ${account-id} ...`)
 * parsed into a list of field codes, so that writing a line is a loop over small integers.
 */
import { FIELD_CODES, FIELD_SPECS, FIELD_VERSIONS, type FlowLogFields, fieldText } from './fields.ts';

/** A parsed record format. */
export interface LogFormat {
  /** The format as AWS stores it, e.g. "${version} ${srcaddr}". */
  text: string;
  /** Field codes in order (indexes into FIELD_SPECS). */
  codes: readonly number[];
  /** Field names in order, e.g. ["version", "srcaddr"]. */
  names: readonly string[];
  /** The record version: the highest version among the fields used. */
  version: number;
}

/** The result of parsing a format: the format, or a sentence saying what is wrong and where. */
export type LogFormatResult =
  | { ok: true; format: LogFormat }
  | { ok: false; error: string; position: number };

const DEFAULT_NAMES = FIELD_SPECS.filter(([, v]) => v === 2).map(([n]) => n);

/** AWS's default format: the version 2 fields in AWS's order. It cannot be changed. */
export const DEFAULT_LOG_FORMAT_TEXT = DEFAULT_NAMES.map((n) => '${' + n + '}').join(' ');

/** The default format, parsed. */
export const DEFAULT_LOG_FORMAT: LogFormat = {
  text: DEFAULT_LOG_FORMAT_TEXT,
  codes: DEFAULT_NAMES.map((n) => FIELD_CODES.get(n) as number),
  names: DEFAULT_NAMES,
  version: 2,
};

const TOKEN = /^\$\{([^{}$\s]*)\}$/;

/**
 * Parses a `LogFormat` string. Tokens are `${field}` separated by single spaces, as AWS
 * requires (AWS refuses a format with a trailing space). Never throws.
 */
export function parseLogFormat(text: string): LogFormatResult {
  if (typeof text !== 'string' || text.trim() === '') {
    return { ok: false, error: 'the log format is empty: it needs at least one field, such as ${srcaddr}', position: 0 };
  }
  const codes: number[] = [];
  const names: string[] = [];
  let pos = 0;
  for (const token of text.split(' ')) {
    if (token === '') {
      return { ok: false, error: `the log format has an extra space at character ${pos + 1}: fields are separated by one space, with none at the start or end`, position: pos };
    }
    const m = TOKEN.exec(token);
    if (!m) {
      return { ok: false, error: `"${token}" at character ${pos + 1} is not a field: write each field as \${name}, for example \${srcaddr}`, position: pos };
    }
    const code = FIELD_CODES.get(m[1]);
    if (code === undefined) {
      const hint = closestField(m[1]);
      const fix = hint
        ? ` (did you mean \${${hint}}?)`
        : `: remove it, or use a field AWS defines, such as \${srcaddr}, \${dstaddr} or \${action} (VPC User Guide, "Flow log records", Available fields)`;
      return { ok: false, error: `"${token}" at character ${pos + 1} is not a flow log field${fix}`, position: pos };
    }
    codes.push(code);
    names.push(m[1]);
    pos += token.length + 1;
  }
  let version = 2;
  for (const c of codes) if (FIELD_VERSIONS[c] > version) version = FIELD_VERSIONS[c];
  return { ok: true, format: { text, codes, names, version } };
}

/** The format a flow log writes: its `LogFormat`, or the default when it has none. */
const PARSED_FORMATS = new Map<string, LogFormatResult>();

export function formatOfFlowLog(flowLog: { format: string | null }): LogFormatResult {
  if (flowLog.format === null) return { ok: true, format: DEFAULT_LOG_FORMAT };
  let parsed = PARSED_FORMATS.get(flowLog.format);
  if (!parsed) {
    // Formats repeat across traces; parsing is pure, so results are kept (a few hundred at most).
    if (PARSED_FORMATS.size > 512) PARSED_FORMATS.clear();
    PARSED_FORMATS.set(flowLog.format, (parsed = parseLogFormat(flowLog.format)));
  }
  return parsed;
}

/** Writes a record as AWS does: the format's fields separated by single spaces, "-" for absent values. */
export function formatRecordLine(format: LogFormat, fields: FlowLogFields): string {
  const codes = format.codes;
  const parts: string[] = new Array(codes.length);
  for (let i = 0; i < codes.length; i++) parts[i] = fieldText(codes[i], fields);
  // join builds one flat string; repeated += would keep a rope of small strings per record.
  return parts.join(' ');
}

/** The header line of an S3 log file: the format's field names separated by spaces. */
export function headerLine(format: LogFormat): string {
  return format.names.join(' ');
}

/**
 * The known field nearest to a misspelt one, for error messages: within an edit distance of a
 * third of the name's length (1 to 3), so that "src-addr" suggests srcaddr but "foo" suggests
 * nothing rather than an unrelated short field such as "end".
 */
function closestField(name: string): string | null {
  let best: string | null = null;
  let bestDistance = Math.min(3, Math.max(1, Math.floor(name.length / 3))) + 1;
  for (const [candidate] of FIELD_SPECS) {
    const d = editDistance(name.toLowerCase(), candidate);
    if (d < bestDistance) { bestDistance = d; best = candidate; }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

import { DEFAULT_FORMAT, KNOWN_FORMAT_FIELDS, NUMERIC_FIELDS, insightsName } from './field-names.ts';
import type { InsightsRecord } from './types.ts';

/** A line that could not be read, with its 1-based line number. */
export interface FlowLogLineError {
  line: number;
  message: string;
}

/** What `parseFlowLogText` found. */
export interface ParsedFlowLogText {
  records: InsightsRecord[];
  errors: FlowLogLineError[];
  /** The format fields used, in order (`version`, `account-id`, ...). */
  format: string[];
  /** True when the text started with a header line of field names (S3 files do). */
  header: boolean;
}

const ISO_PREFIX = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const INTEGER = /^-?\d+$/;

/** Reads a format given as `${version} ${srcaddr}` or as plain space-separated names. */
export function parseFormat(format: string): string[] {
  return format.trim().split(/\s+/).map((f) => f.replace(/^\$\{/, '').replace(/\}$/, '')).filter(Boolean);
}

const isHeader = (tokens: string[]): boolean => tokens.every((t) => KNOWN_FORMAT_FIELDS.has(t.toLowerCase().replace(/_/g, '-')));

/**
 * Parses flow-log text as users bring it: an S3 file (header line of field names, then records),
 * lines without a header (the default version 2 format unless `format` is given), or lines
 * exported from CloudWatch Logs, which may start with the event's ISO timestamp. `-` is null.
 * Bad lines are reported with their line numbers and skipped; nothing is thrown.
 */
export function parseFlowLogText(text: string, options: { format?: string } = {}): ParsedFlowLogText {
  const lines = text.split(/\r?\n/);
  let format = options.format ? parseFormat(options.format) : DEFAULT_FORMAT;
  let header = false;
  const records: InsightsRecord[] = [];
  const errors: FlowLogLineError[] = [];
  let first = true;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n].trim();
    if (line === '') continue;
    const tokens = line.split(/\s+/);
    if (first) {
      first = false;
      if (isHeader(tokens)) {
        if (!options.format) format = tokens.map((t) => t.toLowerCase().replace(/_/g, '-'));
        header = true;
        continue;
      }
    }
    const rec = readLine(line, tokens, format, n + 1, errors);
    if (rec) records.push(rec);
  }
  return { records, errors, format, header };
}

function readLine(line: string, tokens: string[], format: string[], lineNo: number, errors: FlowLogLineError[]): InsightsRecord | null {
  let timestamp: number | null = null;
  let message = line;
  if (tokens.length === format.length + 1) {
    const t = tokens[0];
    const ms = ISO_PREFIX.test(t) ? Date.parse(t) : /^\d{13}$/.test(t) ? Number(t) : NaN;
    if (Number.isFinite(ms)) {
      timestamp = ms;
      tokens = tokens.slice(1);
      message = line.slice(t.length).trim();
    }
  }
  if (tokens.length !== format.length) {
    errors.push({ line: lineNo, message: `expected ${format.length} fields (${format.slice(0, 3).join(' ')} ...), found ${tokens.length}` });
    return null;
  }
  const rec: InsightsRecord = {};
  for (let k = 0; k < format.length; k++) {
    const name = insightsName(format[k]);
    const raw = tokens[k];
    if (raw === '-') { rec[name] = null; continue; }
    if (NUMERIC_FIELDS.has(name)) {
      if (!INTEGER.test(raw)) {
        errors.push({ line: lineNo, message: `${format[k]} must be a whole number or -, found "${raw}"` });
        return null;
      }
      rec[name] = Number(raw);
    } else rec[name] = raw;
  }
  rec['@message'] = message;
  if (timestamp !== null) rec['@timestamp'] = timestamp;
  return rec;
}

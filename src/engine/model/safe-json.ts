/**
 * JSON parsing that cannot pollute prototypes: keys such as "__proto__" are dropped (and
 * reported) instead of becoming an object's prototype when the value is later copied or merged.
 */
import { findJsonFault } from './json-error-position.ts';

export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface SafeParseResult {
  ok: boolean;
  value?: unknown;
  /** The parser's error with line and column, when not ok. */
  error?: { message: string; line: number; column: number };
  /** JSON paths of keys that were dropped because they are forbidden. */
  dropped: string[];
}

export function parseJsonSafely(text: string): SafeParseResult {
  const dropped: string[] = [];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: describeJsonError(text, e), dropped };
  }
  try {
    return { ok: true, value: sanitize(value, '$', dropped), dropped };
  } catch (e) {
    // No AWS output nests more than a dozen levels; a document that exhausts the stack is not one.
    if (e instanceof RangeError) return { ok: false, error: { message: 'the JSON is nested too deeply (no AWS or VPC Lab document nests more than a few dozen levels)', line: 1, column: 1 }, dropped };
    throw e;
  }
}

/**
 * Removes forbidden own keys, in place, from a value fresh from JSON.parse (which defines them
 * as plain own properties), recording their paths; returns the value. In place and with the
 * path spelled out only for a dropped key: a multi-MB export is walked once, nothing copied.
 */
export function sanitize(value: unknown, path: string, dropped: string[]): unknown {
  const segments: string[] = [path];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (item === null || typeof item !== 'object') continue;
        segments.push(`[${i}]`);
        walk(item);
        segments.pop();
      }
      return;
    }
    if (v === null || typeof v !== 'object') return;
    const obj = v as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if (FORBIDDEN_KEYS.has(key)) {
        dropped.push(`${segments.join('')}[${JSON.stringify(key)}]`);
        delete obj[key];
        continue;
      }
      const item = obj[key];
      if (item === null || typeof item !== 'object') continue;
      segments.push(`.${key}`);
      walk(item);
      segments.pop();
    }
  };
  walk(value);
  return value;
}

function describeJsonError(text: string, e: unknown): { message: string; line: number; column: number } {
  const raw = e instanceof Error ? e.message : String(e);
  const fault = findJsonFault(text);
  let line = 1;
  let column = 1;
  for (let i = 0; i < fault.offset && i < text.length; i++) {
    if (text[i] === '\n') { line++; column = 1; } else column++;
  }
  const found = fault.offset >= text.length ? 'the end of the text' : JSON.stringify(text.slice(fault.offset, fault.offset + 12));
  const reason = fault.expected === 'valid JSON' ? raw : `expected ${fault.expected}, found ${found}`;
  return { message: `malformed JSON at line ${line}, column ${column}: ${reason}`, line, column };
}

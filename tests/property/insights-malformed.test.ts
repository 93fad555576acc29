// Malformed queries never throw: random text, truncations and mutations of valid queries all
// come back as results or as errors positioned inside the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SAMPLE_QUERIES, buildStore, parseQuery, runQuery } from '../../src/engine/insights/index.ts';
import { fixtureRecords } from '../unit/insights/fixtures.ts';

const store = buildStore(fixtureRecords());
const VOCAB = ['fields', 'filter', 'stats', 'sort', 'limit', 'parse', 'display', 'dedup', 'by', 'as', 'asc', 'desc', 'and', 'or', 'not', 'in', 'like',
  '|', ',', '(', ')', '[', ']', '=', '!=', '<', '>=', '+', '-', '*', '/', '%', '^', '=~', '#', '"', "'", '`', '\n',
  'count(*)', 'sum(', 'bin(', '5m', '300s', 'pct(', 'srcAddr', '@timestamp', 'bytes', '"REJECT"', '/^10\\./', '/(', '10', '-1', '0.5', 'isIpv4InSubnet(', '"10.0.0.0/8"', 'datefloor(', 'ltrim('];

function checkNeverThrows(q: string): void {
  let result: ReturnType<typeof runQuery> | undefined;
  expect(() => { result = runQuery(store, q); }).not.toThrow();
  const parsed = parseQuery(q);
  if (!result || result.ok) return;
  const e = result.error;
  expect(e.message.length).toBeGreaterThan(0);
  expect(e.offset).toBeGreaterThanOrEqual(0);
  expect(e.offset + e.length).toBeLessThanOrEqual(q.length);
  expect(e.line).toBeGreaterThanOrEqual(1);
  expect(e.column).toBeGreaterThanOrEqual(1);
  const lines = q.split('\n');
  expect(e.line).toBeLessThanOrEqual(lines.length);
  expect(e.column).toBeLessThanOrEqual(lines[e.line - 1].length + 1);
  expect(e.code).not.toBe('internal');
  if (!parsed.ok) expect(parsed.error).toEqual(e);
}

describe('malformed queries', () => {
  it('random strings never throw and errors stay inside the text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), checkNeverThrows), { seed: 11, numRuns: 400 });
  });

  it('random token soup never throws', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...VOCAB), { maxLength: 14 }), fc.constantFrom(' ', ''), (toks, sep) => checkNeverThrows(toks.join(sep))), { seed: 12, numRuns: 600 });
  });

  it('every prefix of every sample query never throws', () => {
    for (const s of SAMPLE_QUERIES) for (let n = 0; n <= s.query.length; n++) checkNeverThrows(s.query.slice(0, n));
  });

  it('single-character edits of sample queries never throw', () => {
    const queries = SAMPLE_QUERIES.map((s) => s.query);
    fc.assert(
      fc.property(fc.constantFrom(...queries), fc.nat(), fc.constantFrom('', '|', '(', ')', '"', '/', ',', 'x', '*', ' ', '#'), (q, at, ch) => {
        const k = at % (q.length + 1);
        checkNeverThrows(q.slice(0, k) + ch + q.slice(k + 1));
      }),
      { seed: 13, numRuns: 600 },
    );
  });
});

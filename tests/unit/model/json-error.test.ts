import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonFault } from '../../../src/engine/model/json-error-position.ts';
import { parseJsonSafely } from '../../../src/engine/model/safe-json.ts';

describe('malformed JSON is located for the learner', () => {
  it.each([
    ['{\n  "id": ,\n}', 2, 9, /expected a value/],
    ['{"a":1', 1, 7, /expected "," or "}", found the end of the text/],
    ['{"a":1,}', 1, 8, /no trailing comma/],
    ['[1,2,]', 1, 6, /no trailing comma/],
    ['{"a" 1}', 1, 6, /a colon after the key/],
    ['{"a":tru}', 1, 6, /expected a value/],
    ['{} {}', 1, 4, /only one JSON value/],
    ['', 1, 1, /expected a value/],
  ])('%j → line %i, column %i', (text, line, column, reason) => {
    const r = parseJsonSafely(text);
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ line, column });
    expect(r.error!.message).toMatch(reason);
  });

  it('never reports a fault in valid JSON', () => {
    fc.assert(fc.property(fc.json(), (text) => findJsonFault(text).expected === 'valid JSON'), { seed: 5, numRuns: 500 });
  });

  it('finds a fault at or before the first byte JSON.parse cannot accept', () => {
    fc.assert(fc.property(fc.json(), fc.nat(), fc.constantFrom(',', '}', ']', ':', 'x', '"'), (text, at, junk) => {
      const pos = at % (text.length + 1);
      const broken = text.slice(0, pos) + junk + text.slice(pos);
      let valid = true;
      try { JSON.parse(broken); } catch { valid = false; }
      if (valid) return true;
      const f = findJsonFault(broken);
      return f.expected !== 'valid JSON' && f.offset <= broken.length;
    }), { seed: 6, numRuns: 500 });
  });

  it('deep nesting gives a message, not a crash', () => {
    const r = parseJsonSafely('['.repeat(300000) + ']'.repeat(300000));
    expect(r.ok).toBe(false);
    expect(r.error!.message).toMatch(/nested too deeply/);
  });
});

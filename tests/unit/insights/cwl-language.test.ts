/**
 * The `cwlinsights` Monarch definition, compiled and run by Monaco's own Monarch compiler and
 * lexer: a token sent to '@brackets' for a character that is no declared bracket makes Monaco
 * throw ("@brackets token returned but no bracket defined as: ,") and the line lose its colours.
 */
import { describe, expect, it } from 'vitest';
// Monaco's internal modules: node-safe (no DOM) and the same code the browser runs.
import { compile } from 'monaco-editor/editor/standalone/common/monarch/monarchCompile.js';
import { MonarchTokenizer } from 'monaco-editor/editor/standalone/common/monarch/monarchLexer.js';
import { SAMPLE_QUERIES } from '../../../src/engine/insights/index.ts';
import { BRACKETS, LANGUAGE_ID, monarch } from '../../../src/ui/insights/cwl-language.ts';


function tokenizer() {
  const lexer = compile(LANGUAGE_ID, monarch());
  const config = { getValue: () => 20_000, onDidChangeConfiguration: () => ({ dispose() {} }) };
  return new MonarchTokenizer({}, {}, LANGUAGE_ID, lexer, config);
}

/** Every line's tokens as [text, type]; throws as Monaco would on a bad '@brackets'. */
function tokens(query: string): [string, string][] {
  const t = tokenizer();
  let state = t.getInitialState();
  const out: [string, string][] = [];
  for (const line of query.split('\n')) {
    const r = t.tokenize(line, true, state);
    r.tokens.forEach((tok, i) => out.push([line.slice(tok.offset, r.tokens[i + 1]?.offset ?? line.length), tok.type]));
    state = r.endState;
  }
  t.dispose();
  return out;
}

describe('cwlinsights Monarch tokens', () => {
  it('gives a comma its own delimiter token instead of throwing', () => {
    const toks = tokens('fields @timestamp, srcAddr, dstAddr | stats count(*) by bin(5m), action');
    expect(toks.filter(([text]) => text === ',').map(([, type]) => type)).toEqual(['delimiter.cwlinsights', 'delimiter.cwlinsights', 'delimiter.cwlinsights']);
    expect(toks).toContainEqual(['(', 'delimiter.parenthesis.cwlinsights']);
    expect(toks).toContainEqual([')', 'delimiter.parenthesis.cwlinsights']);
    expect(toks).toContainEqual(['@timestamp', 'variable.predefined.cwlinsights']);
  });

  it('tokenizes every sample query and every bracket-like character without error', () => {
    for (const s of SAMPLE_QUERIES) expect(() => tokens(s.query), s.name).not.toThrow();
    expect(() => tokens('a[0], (b), [c], {d}, <e>')).not.toThrow();
  });

  it('sends to @brackets only characters declared as brackets, the same pairs the language configuration uses', () => {
    const def = monarch();
    const declared = new Set((def.brackets ?? []).flatMap((b) => [b.open, b.close]));
    expect([...declared].sort()).toEqual(BRACKETS.flat().sort());
    for (const rule of def.tokenizer.root as unknown[]) {
      if (!Array.isArray(rule) || rule[1] !== '@brackets') continue;
      const re = rule[0] as RegExp;
      for (let c = 32; c < 127; c++) {
        const ch = String.fromCharCode(c);
        if (new RegExp(`^(?:${re.source})$`).test(ch)) expect(declared.has(ch), `'${ch}' goes to @brackets`).toBe(true);
      }
    }
  });
});

/**
 * The engine is pure and deterministic. Its tsconfig has no DOM lib and no Node types, so
 * document/window/fs do not compile there; this test catches what the ES lib still allows
 * (the clock, randomness) and imports of UI libraries.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const engine = join(import.meta.dirname, '../../src/engine');
const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
});
const FORBIDDEN: [RegExp, string][] = [
  [/\bDate\.now\s*\(|\bnew Date\s*\(\s*\)|performance\.now\s*\(/, 'reads the clock'],
  [/\bMath\.random\s*\(|crypto\.getRandomValues/, 'uses randomness'],
  [/from\s+['"](svelte|cytoscape|monaco-editor)[/'"]/, 'imports a UI library'],
  [/from\s+['"]node:|require\(/, 'imports Node'],
  [/\b(document|window|localStorage)\.[a-zA-Z_]/, 'touches the DOM'],
];

describe('src/engine purity', () => {
  it('has source files to check', () => expect(files(engine).length).toBeGreaterThan(20));
  it.each(files(engine).map((f) => [f.slice(engine.length + 1), f]))('%s is pure', (_name, file) => {
    const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    for (const [pattern, why] of FORBIDDEN) expect(pattern.test(text), `${why}: ${pattern}`).toBe(false);
  });
});

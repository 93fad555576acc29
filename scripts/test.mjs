#!/usr/bin/env node
// `npm test`: type checks, unit/property/scenario tests (vitest), then the built site in real
// Chromium (Playwright). Ends with the plain line "N passed, N failed[, N skipped]" that CI reads,
// and exits non-zero on any failure or when no test ran.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './find-chromium.mjs';

const args = new Set(process.argv.slice(2));
const e2eOnly = args.has('--e2e-only');
const tally = { passed: 0, failed: 0, skipped: 0 };
const run = (cmd, cmdArgs, env = {}) => spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

function step(name, ok) {
  if (ok) tally.passed++;
  else { tally.failed++; console.error(`FAILED: ${name}`); }
}

if (!e2eOnly) {
  step('typecheck: engine is pure (no DOM, no Node)', run('npx', ['tsc', '-p', 'src/engine/tsconfig.json', '--noEmit']) === 0);
  step('typecheck: app, CLI and tests', run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']) === 0);
  if (existsSync('src/ui')) step('svelte-check', run('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--threshold', 'error', '--output', 'human']) === 0);
  rmSync('.vitest-results.json', { force: true });
  const code = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=.vitest-results.json']);
  if (existsSync('.vitest-results.json')) {
    const r = JSON.parse(readFileSync('.vitest-results.json', 'utf8'));
    tally.passed += r.numPassedTests;
    tally.failed += r.numFailedTests + (code !== 0 && r.numFailedTests === 0 ? 1 : 0);
    tally.skipped += r.numPendingTests + r.numTodoTests;
  } else step('vitest produced no results', false);
}

const chromium = findChromium();
if (!chromium) {
  const msg = 'e2e skipped: no Chromium for Playwright; install it with `sudo apt-get install -y chromium`';
  if (process.env.REQUIRE_E2E) { console.error(msg); tally.failed++; } else { console.log(msg); tally.skipped++; }
} else {
  const built = run('npx', ['vite', 'build', '--logLevel', 'warn'], { VITE_BASE: '/vpc-lab/' }) === 0;
  step('vite build of the site', built);
  if (built) {
    rmSync('.playwright-results.json', { force: true });
    const code = run('npx', ['playwright', 'test']);
    if (existsSync('.playwright-results.json')) {
      const s = JSON.parse(readFileSync('.playwright-results.json', 'utf8')).stats;
      tally.passed += s.expected + s.flaky;
      tally.failed += s.unexpected + (code !== 0 && s.unexpected === 0 ? 1 : 0);
      tally.skipped += s.skipped;
    } else step('playwright produced no results', false);
  }
}

const line = `${tally.passed} passed, ${tally.failed} failed` + (tally.skipped ? `, ${tally.skipped} skipped` : '');
console.log(`\n${line}`);
process.exit(tally.failed > 0 || tally.passed === 0 ? 1 : 0);

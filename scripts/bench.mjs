#!/usr/bin/env node
// `npm run bench`: bundles bench/run.ts with Vite first, so the engine runs as the site ships
// it (under tsx every imported binding is a live getter, which doubles hot-loop timings), then
// runs it. Arguments pass through: `npm run bench -- --json`, `-- --only=engine`.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';

// DuckDB is the reference peer of the Logs Insights bench only. Its npm package lists native
// bindings for every platform as optional dependencies, which this registry does not all
// serve, so it cannot sit in package-lock.json (npm ci would refuse it): installed on demand.
const DUCKDB = '@duckdb/node-api@1.5.6-r.1';
if (!existsSync('node_modules/@duckdb/node-api')) {
  console.error(`installing ${DUCKDB} for the DuckDB comparison (not saved to package.json)`);
  const r = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', DUCKDB], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) console.error('DuckDB could not be installed: the insights bench will report ours only');
}

const out = 'node_modules/.cache/vpc-lab-bench';
rmSync(out, { recursive: true, force: true });
const build = spawnSync('npx', ['vite', 'build', '--ssr', 'bench/run.ts', '--outDir', out, '--logLevel', 'error', '--emptyOutDir'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(process.execPath, [`${out}/run.js`, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);

export {};
/**
 * `npm run bench`: the speed budgets, measured (never asserted in tests, which would flake on
 * a shared machine). `npm run bench -- --json` prints one JSON object for scripts. The UI
 * section reads the first-paint size from dist/ (run `npm run build` first).
 */
const json = process.argv.includes('--json');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const results: Record<string, unknown> = {};
const log = (...a: unknown[]) => { if (!json) console.log(...a); };

async function section(name: string, run: () => Promise<Record<string, unknown> | unknown>) {
  if (only && only !== name) return;
  log(`\n== ${name}`);
  const out = await run();
  if (Array.isArray(out)) results[name] = out;
  else Object.assign(results, out);
  if (!json) console.table(Array.isArray(out) ? out : Object.entries(out as object).map(([k, v]) => ({ metric: k, value: v })));
}

await section('engine', async () => (await import('./engine.ts')).runEngineBench());
await section('flowlog', async () => (await import('./flowlog.ts')).runFlowLogBench());
await section('insights', async () => (await import('./insights.ts')).runInsightsBench());
await section('ui', async () => (await import('./ui.ts')).runUiBench());
if (json) console.log(JSON.stringify(results, null, 2));

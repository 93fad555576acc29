// Logs Insights engine vs DuckDB on the same flow records. `runInsightsBench()` is what
// `npm run bench` calls; `node --import tsx bench/insights.ts [records]` prints a table.
/** The few DuckDB calls the bench makes (the package is installed on demand by scripts/bench.mjs). */
interface DuckDBAppender {
  appendNull(): void; appendVarchar(v: string): void; appendInteger(v: number): void; appendBigInt(v: bigint): void; endRow(): void; closeSync(): void;
}
interface DuckDBConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{ getRows(): unknown[][] }>;
  createAppender(table: string): Promise<DuckDBAppender>;
  closeSync(): void;
}
interface DuckDBModule { DuckDBInstance: { create(path: string): Promise<{ connect(): Promise<DuckDBConnection> }> } }

async function loadDuckDb(): Promise<DuckDBModule | null> {
  const name = '@duckdb/node-api';
  try {
    return (await import(/* @vite-ignore */ name)) as DuckDBModule;
  } catch {
    return null;
  }
}
import { pathToFileURL } from 'node:url';
import { createStore, parseQuery, runQuery, type InsightsRecord, type Value } from '../src/engine/insights/index.ts';
import { generateFlowRecords } from '../tests/unit/insights/generate-records.ts';

/** Each query twice: as Logs Insights and as equivalent SQL over the `flows` table. */
const QUERIES: Array<{ insights: string; sql: string }> = [
  { insights: 'stats count(*) by action', sql: 'SELECT action, count(*) FROM flows GROUP BY action' },
  {
    insights: 'filter action="REJECT" | stats count(*) as c by dstPort | sort c desc | limit 20',
    sql: "SELECT dstport, count(*) AS c FROM flows WHERE action = 'REJECT' GROUP BY dstport ORDER BY c DESC LIMIT 20",
  },
  { insights: 'stats count(*) by bin(5m)', sql: 'SELECT floor(ts / 300000) * 300000 AS b, count(*) FROM flows GROUP BY b' },
  {
    insights: 'stats sum(bytes) as bytesTransferred by srcAddr, dstAddr | sort bytesTransferred desc | limit 10',
    sql: 'SELECT srcaddr, dstaddr, sum(bytes) AS s FROM flows GROUP BY srcaddr, dstaddr ORDER BY s DESC LIMIT 10',
  },
  {
    insights: 'filter action="REJECT" | stats count(*) as numRejections by srcAddr | sort numRejections desc | limit 20',
    sql: "SELECT srcaddr, count(*) AS n FROM flows WHERE action = 'REJECT' GROUP BY srcaddr ORDER BY n DESC LIMIT 20",
  },
  { insights: 'filter protocol=17 | stats count(*) by srcAddr', sql: 'SELECT srcaddr, count(*) FROM flows WHERE protocol = 17 GROUP BY srcaddr LIMIT 10000' },
  {
    insights: 'stats avg(bytes), min(bytes), max(bytes) by srcAddr, dstAddr',
    sql: 'SELECT srcaddr, dstaddr, avg(bytes), min(bytes), max(bytes) FROM flows GROUP BY srcaddr, dstaddr LIMIT 10000',
  },
  {
    insights: 'filter isIpv4InSubnet(srcAddr, "10.0.0.0/20") | stats sum(bytes) as b by dstAddr | sort b desc | limit 15',
    sql: "SELECT dstaddr, sum(bytes) AS b FROM flows WHERE regexp_matches(srcaddr, '^10\\.0\\.([0-9]|1[0-5])\\.') GROUP BY dstaddr ORDER BY b DESC LIMIT 15",
  },
  {
    insights: 'fields @timestamp, srcAddr | filter dstPort = 22 | sort @timestamp desc | limit 25',
    sql: 'SELECT ts, srcaddr FROM flows WHERE dstport = 22 ORDER BY ts DESC LIMIT 25',
  },
];

const COLUMNS: Array<[string, 'int' | 'big' | 'text', string]> = [
  ['version', 'int', 'version'], ['account_id', 'text', 'accountId'], ['interface_id', 'text', 'interfaceId'],
  ['srcaddr', 'text', 'srcAddr'], ['dstaddr', 'text', 'dstAddr'], ['srcport', 'int', 'srcPort'], ['dstport', 'int', 'dstPort'],
  ['protocol', 'int', 'protocol'], ['packets', 'big', 'packets'], ['bytes', 'big', 'bytes'], ['start', 'big', 'start'],
  ['"end"', 'big', 'end'], ['action', 'text', 'action'], ['log_status', 'text', 'logStatus'],
];

function appendRow(app: DuckDBAppender, r: InsightsRecord): void {
  for (const [, kind, name] of COLUMNS) {
    const v = r[name];
    if (v === null || v === undefined) app.appendNull();
    else if (kind === 'text') app.appendVarchar(String(v));
    else if (kind === 'int') app.appendInteger(Number(v));
    else app.appendBigInt(BigInt(v));
  }
  app.appendBigInt(BigInt(Number(r.start) * 1000));
  app.endRow();
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number): number => Math.round(x * 100) / 100;

/**
 * Generates `records` (default 1,000,000) deterministic flow records for a 2,000-ENI network,
 * loads them into our column store and into an in-memory DuckDB table (loading not timed),
 * runs every query `runs` times in both and reports the median milliseconds.
 */
export async function runInsightsBench(opts: { records?: number; runs?: number } = {}): Promise<Array<{ query: string; oursMs: number; duckdbMs: number | null }>> {
  const n = opts.records ?? 1_000_000;
  const runs = opts.runs ?? 7;
  const duckdb = await loadDuckDb();
  if (!duckdb) console.error('insights bench: @duckdb/node-api is not installed, so DuckDB timings are null (npm run bench installs it)');
  const conn = duckdb ? await (await duckdb.DuckDBInstance.create(':memory:')).connect() : null;
  if (conn) await runBoth(conn, n);
  const store = createStore({ capacity: n });
  generateFlowRecords(n, { seed: 42, enis: 2000 }, (r) => store.append(r));
  return timeQueries(store, conn, runs);
}

/** Loads the same records into DuckDB (not timed). */
async function runBoth(conn: DuckDBConnection, n: number): Promise<void> {
  await conn.run(`CREATE TABLE flows (${COLUMNS.map(([c, k]) => `${c} ${k === 'text' ? 'VARCHAR' : k === 'int' ? 'INTEGER' : 'BIGINT'}`).join(', ')}, ts BIGINT)`);
  const app = await conn.createAppender('flows');
  generateFlowRecords(n, { seed: 42, enis: 2000 }, (r) => appendRow(app, r));
  app.closeSync();
}

async function timeQueries(store: ReturnType<typeof createStore>, conn: DuckDBConnection | null, runs: number): Promise<Array<{ query: string; oursMs: number; duckdbMs: number | null }>> {
  const out: Array<{ query: string; oursMs: number; duckdbMs: number | null }> = [];
  for (const q of QUERIES) {
    const parsed = parseQuery(q.insights);
    if (!parsed.ok) throw new Error(`${q.insights}: ${parsed.error.message}`);
    const ours: number[] = [];
    const duck: number[] = [];
    let rows: Value[][] = [];
    for (let k = 0; k <= runs; k++) {
      let t = performance.now();
      const r = runQuery(store, parsed.query);
      const dt = performance.now() - t;
      if (!r.ok) throw new Error(`${q.insights}: ${r.error.message}`);
      rows = r.rows;
      t = performance.now();
      if (conn) await conn.runAndReadAll(q.sql);
      const dd = performance.now() - t;
      if (k > 0) { ours.push(dt); duck.push(dd); } // the first run warms both up
    }
    if (conn) await checkSame(conn, q, rows);
    out.push({ query: q.insights, oursMs: round(median(ours)), duckdbMs: conn ? round(median(duck)) : null });
  }
  conn?.closeSync();
  return out;
}

/** For ordered top-N queries, the numbers must match DuckDB's (a cheap guard against a fast wrong answer). */
async function checkSame(conn: DuckDBConnection, q: { insights: string; sql: string }, rows: Value[][]): Promise<void> {
  if (!/ORDER BY \w+ DESC LIMIT/.test(q.sql)) return;
  const theirs = (await conn.runAndReadAll(q.sql)).getRows().map((r) => Number(r[r.length - 1]));
  const ours = rows.map((r) => Number(r[r.length - 1]));
  if (JSON.stringify(theirs) !== JSON.stringify(ours)) console.error(`insights bench: results differ from DuckDB for ${q.insights}\n  ours   ${ours}\n  duckdb ${theirs}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const records = Number(process.argv[2] ?? 1_000_000);
  const results = await runInsightsBench({ records });
  const width = Math.max(...results.map((r) => r.query.length));
  console.log(`${'query'.padEnd(width)}  ours ms  duckdb ms  ours/duckdb`);
  for (const r of results) {
    const duck = r.duckdbMs === null ? '-' : r.duckdbMs.toFixed(1);
    const ratio = r.duckdbMs === null ? '-' : (r.oursMs / r.duckdbMs).toFixed(2);
    console.log(`${r.query.padEnd(width)}  ${r.oursMs.toFixed(1).padStart(7)}  ${duck.padStart(9)}  ${ratio.padStart(11)}`);
  }
}
